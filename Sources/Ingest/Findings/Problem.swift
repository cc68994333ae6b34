/// What the readers can say about a file: it cannot be read, is not well-formed, unsafe or
/// against the schema, or carries an unknown label. Each case belongs to one rule; its Thai
/// and English messages are in `Messages.swift`. What the validator says about a form's
/// content is `ContentProblem`, in the Validate module, with its own catalogue.
public enum Problem: Sendable, Equatable {
    // MARK: unreadable
    case emptyFile
    /// A NUL or another control character (not tab, CR or LF) at a 1-based line.
    case binaryContent(line: Int)
    /// Bytes that are neither UTF-8, UTF-16 with a BOM, nor Windows-874.
    case undecodable(detail: String)
    case tooLarge(size: Int, limit: Int)
    /// A symlink, FIFO, directory or device where a form file was expected.
    case notRegularFile(kind: String)
    /// The file could not be opened or read (permissions, I/O error).
    case cannotRead(detail: String)

    // MARK: malformed
    /// libxml2's well-formedness error, classified.
    case xmlNotWellFormed(XMLDiagnostic)
    /// Well-formedness errors beyond the ones listed (libxml2 reported more than are kept).
    case moreXMLErrors(count: Int)
    /// A text form without a single `LABEL : VALUE` line that names a field.
    case noFields
    /// A step line whose status is none of the known words.
    case unreadableStep(value: String)
    /// The same field given twice with different values.
    case duplicateField(FormField, firstLine: Int?)

    // MARK: unsafe-xml
    /// A DOCTYPE, and the general entities it declares (to say what replaces each).
    case doctype(entities: [DeclaredEntity])
    case entityDeclaration
    case xinclude

    // MARK: schema
    /// libxml2's schema-validation error, classified.
    case schemaViolation(XMLDiagnostic)
    /// Schema violations beyond the ones listed (libxml2 reported more than are kept).
    case moreSchemaViolations(count: Int)

    // MARK: unknown-field
    case unknownField(label: String)
    /// Unknown labels beyond the ones listed one by one.
    case moreUnknownFields(count: Int)

    // MARK: unreadable: encodings named
    /// Bytes in an encoding the forms do not use (UTF-32, UTF-7, EBCDIC), or the zero bytes
    /// of UTF-16 without a byte-order mark that still do not decode.
    case unacceptedEncoding(UnacceptedEncoding)
    /// An XML declaration naming an encoding the bytes are not in; `declared` nil when the
    /// file declares none (and so must be UTF-8).
    case declaredEncodingMismatch(declared: String?, actual: TextEncoding)

    /// The rule this problem belongs to.
    public var rule: Rule {
        switch self {
        case .emptyFile, .binaryContent, .undecodable, .tooLarge, .notRegularFile, .cannotRead,
             .unacceptedEncoding, .declaredEncodingMismatch:
            return .unreadable
        case .xmlNotWellFormed, .moreXMLErrors, .noFields, .unreadableStep, .duplicateField:
            return .malformed
        case .doctype, .entityDeclaration, .xinclude:
            return .unsafeXML
        case .schemaViolation, .moreSchemaViolations:
            return .schema
        case .unknownField, .moreUnknownFields:
            return .unknownField
        }
    }
}
