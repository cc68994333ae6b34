/// The encoding an XML file declares (`<?xml version="1.0" encoding="ISO-8859-1"?>`) held
/// against the encoding its bytes are in (docs/forms.md, "Encodings recognized and named":
/// "declared ISO-8859-1 but written in UTF-8").
///
/// libxml2 would read such a file in the declared encoding and produce mojibake, control
/// characters or an English error; the decoder names the contradiction instead, before the
/// XML is parsed. Only what the bytes prove is called a contradiction:
///
/// | declared | contradicted when the bytes are |
/// |---|---|
/// | nothing, or no declaration at all (so UTF-8, or UTF-16 by its BOM) | Windows-874 |
/// | UTF-8 | Windows-874 or UTF-16 |
/// | UTF-16, UTF-16LE/BE, UCS-2 | UTF-8 or Windows-874 |
/// | UTF-32, UCS-4, an EBCDIC code page | anything the decoder reads (it reads none of those) |
/// | TIS-620, Windows-874, ISO-8859-11 | UTF-8 beyond ASCII, or UTF-16 |
/// | any other name (ISO-8859-1, no-such-encoding …) | UTF-8 beyond ASCII, or UTF-16 |
///
/// A single-byte name over Windows-874 bytes is not called a contradiction: those bytes
/// are read as Windows-874 only because they are not UTF-8, which proves nothing about a
/// Latin code page.
enum XMLDeclaration {
    /// The declared name and what the text is really in, when they contradict each other;
    /// nil for a text that is not XML, or agrees with its declaration.
    static func contradiction(in decoded: DecodedText) -> (declared: String?, actual: TextEncoding)? {
        let declared: String?
        switch prolog(of: decoded.text) {
        case nil: return nil
        case .noDeclaration?: declared = nil
        case .declaration(let declaration)?:
            switch encodingName(in: declaration) {
            case .absent: declared = nil
            case .malformed: return nil   // libxml2 reports it
            case .name(let name): declared = name
            }
        }
        let family = declared.map(Family.init(name:)) ?? .utf8
        let contradicted: Bool
        switch (family, decoded.encoding) {
        case (_, .utf8) where decoded.text.utf8.allSatisfy({ $0 < 0x80 }):
            // ASCII is the same in UTF-8 and every ASCII-compatible code page.
            contradicted = family == .utf16 || family == .neverDecoded
        case (.utf8, .utf8), (.utf8, .utf8WithBOM):
            contradicted = false
        case (.utf8, .utf16LittleEndian), (.utf8, .utf16BigEndian):
            contradicted = declared != nil
        case (.utf8, .windows874):
            contradicted = true
        case (.utf16, .utf16LittleEndian), (.utf16, .utf16BigEndian):
            contradicted = false
        case (.utf16, _), (.neverDecoded, _):
            contradicted = true
        case (.thai, .windows874), (.otherSingleByte, .windows874):
            contradicted = false
        case (.thai, _), (.otherSingleByte, _):
            contradicted = true
        }
        return contradicted ? (declared, decoded.encoding) : nil
    }

    /// What a declared name says about the bytes.
    private enum Family: Equatable {
        case utf8, utf16, thai, otherSingleByte
        /// UTF-32 and EBCDIC: the decoder never reads bytes as these.
        case neverDecoded

        init(name: String) {
            let key = name.uppercased().filter { $0 != "-" && $0 != "_" }
            switch key {
            case "UTF8": self = .utf8
            case "UTF16", "UTF16LE", "UTF16BE", "UCS2", "ISO10646UCS2", "CSUNICODE": self = .utf16
            case "TIS620", "WINDOWS874", "CP874", "XWINDOWS874", "MS874", "IBM874", "ISO885911", "ISO8859111": self = .thai
            default:
                if key.hasPrefix("UTF32") || key.hasPrefix("UCS4") || key.hasPrefix("ISO10646UCS4")
                    || key.contains("EBCDIC") || ["IBM037", "CP037", "IBM500", "CP500", "IBM1047", "IBM1160", "CP1160"].contains(key) {
                    self = .neverDecoded
                } else {
                    self = .otherSingleByte
                }
            }
        }
    }

    private enum Prolog {
        /// XML (the first character that is not white space is `<`) without a declaration.
        case noDeclaration
        /// The declaration `<?xml … ?>` at the very start, without its delimiters.
        case declaration(Substring)
    }

    /// nil when the text is not XML: a plain-text form starts with a title or a label, never
    /// with `<` (the same test the checker uses to choose the reader).
    private static func prolog(of text: String) -> Prolog? {
        guard text.unicodeScalars.first(where: { !$0.properties.isWhitespace }) == "<" else { return nil }
        guard text.hasPrefix("<?xml"), let end = text.range(of: "?>") else { return .noDeclaration }
        let inside = text[text.index(text.startIndex, offsetBy: 5)..<end.lowerBound]
        guard let first = inside.unicodeScalars.first, first == " " || first == "\t" || first == "\r" || first == "\n"
        else { return .noDeclaration }   // `<?xml-stylesheet …?>` is a processing instruction
        return .declaration(inside)
    }

    private enum EncodingName {
        case absent
        case malformed
        case name(String)
    }

    /// The `encoding` pseudo-attribute's value. An XML encoding name is
    /// `[A-Za-z] ([A-Za-z0-9._] | '-')*`; here also at most 40 characters, so that a message
    /// can quote it safely.
    private static func encodingName(in declaration: Substring) -> EncodingName {
        guard let key = declaration.range(of: "encoding") else { return .absent }
        var rest = declaration[key.upperBound...].drop { $0 == " " || $0 == "\t" }
        guard rest.first == "=" else { return .malformed }
        rest = rest.dropFirst().drop { $0 == " " || $0 == "\t" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return .malformed }
        rest = rest.dropFirst()
        guard let close = rest.firstIndex(of: quote) else { return .malformed }
        let name = rest[..<close]
        guard let first = name.first, first.isASCII, first.isLetter, name.count <= 40,
              name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "_" || $0 == "-") })
        else { return .malformed }
        return .name(String(name))
    }
}
