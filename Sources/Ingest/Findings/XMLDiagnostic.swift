import Foundation

/// One libxml2 error about a form, as the messages need it: what kind of mistake it is, the
/// names it concerns, and libxml2's own text, which is English and goes only into the
/// English message, quoted, as a detail (`docs/forms.md`: no library English in Thai text).
///
/// The LibXML layer classifies libxml2's error codes into `Kind`; everything not listed is
/// `.other`, whose message still says what to do.
public struct XMLDiagnostic: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        // Well-formedness.
        /// `&name;` where no such entity exists (XML knows only `&amp; &lt; &gt; &quot; &apos;`).
        case undeclaredEntity(name: String)
        /// A bare `&` or `<` in text, or `&name` without its `;`.
        case unescapedMarkup
        /// Something after the root element's end tag.
        case extraContent
        /// No root element at all.
        case noRootElement
        /// `<a>…</b>`: an end tag that does not close the open element.
        case tagMismatch(open: String, close: String)
        /// The file ends while `element` is still open.
        case unclosedElement(String)
        /// A start or end tag, attribute or comment that is not finished or not written right.
        case brokenMarkup
        /// An attribute written twice.
        case duplicateAttribute(String)
        /// A character XML does not allow, or bytes that are not in the declared encoding.
        case invalidCharacter
        /// The XML declaration names an encoding libxml2 cannot read.
        case unsupportedEncoding
        /// `<?xml …?>` not at the very start of the file.
        case declarationNotAtStart
        /// `prefix:name` where the prefix has no namespace declaration.
        case undefinedPrefix(String)
        /// Elements nested deeper than libxml2 allows (256 levels; forms need 4).
        case tooDeep

        // Schema.
        /// `element` is not allowed where it is; `expected` lists what may come there.
        case unexpectedElement(String, expected: [String])
        /// `element` lacks a required child; `expected` lists what is missing.
        case missingElement(String, expected: [String])
        /// A required attribute left out.
        case missingAttribute(element: String, attribute: String)
        /// An attribute the form does not have.
        case attributeNotAllowed(element: String, attribute: String)
        /// A value that is not of its type (`done` must be `true` or `false`).
        case invalidValue(element: String, value: String)
        /// Text where only elements belong.
        case textNotAllowed(element: String)
        /// The root element is not `<report>` in the form's namespace.
        case wrongRoot

        /// Anything else.
        case other
    }

    public var kind: Kind
    /// libxml2's message, white space folded, the form's namespace left out of names.
    public var text: String

    public init(kind: Kind, text: String) {
        self.kind = kind
        self.text = text
    }
}

/// An entity a form's DOCTYPE declares. It is refused and never defined (`unsafe-xml`); it is
/// named so that the message can say what to write instead of each `&name;` once the DOCTYPE
/// is gone.
public struct DeclaredEntity: Sendable, Equatable {
    public var name: String
    /// The text an internal entity stands for, as declared, on one line (white space folded,
    /// control characters dropped: a message never carries a line break or a raw control
    /// character) and cut to `maximumLength` characters; `nil` for an entity that names an
    /// outside file or address.
    public var replacement: String?

    /// Longer declared texts are cut: the message quotes them, it does not carry them.
    public static let maximumLength = 80

    public init(name: String, replacement: String?) {
        self.name = name
        self.replacement = replacement.map { declared in
            let text = String(String.UnicodeScalarView(ThaiText.normalize(declared).unicodeScalars.filter {
                !CharacterSet.controlCharacters.contains($0)
            }))
            return text.count > DeclaredEntity.maximumLength ? String(text.prefix(DeclaredEntity.maximumLength)) + "…" : text
        }
    }
}
