internal import CLibXML
import Foundation

/// A compiled XML Schema (XSD), compiled once and shared read-only by every reader and task.
///
/// `@unchecked Sendable` because it holds libxml2 pointers, and sharing them is safe:
/// libxml2 2.9 does not modify a compiled `xmlSchema` while validating; everything a
/// validation writes (its state, errors, dictionary) lives in the `xmlSchemaValidCtxt` that
/// `validate` creates for that one call. The pointers are set in `init`, never reassigned,
/// and freed only in `deinit`, when no validation can be running.
public final class XMLSchema: @unchecked Sendable {
    /// The file the schema was compiled from.
    public let url: URL
    private let schema: xmlSchemaPtr
    /// The parsed XSD document. Kept alive as long as the schema: the compiled components
    /// point back into it.
    private let document: xmlDocPtr

    /// Reads and compiles the XSD at `url`.
    ///
    /// The file is read by Foundation and parsed from memory by the same safe parser the
    /// forms go through: the process-wide entity loader denies every load, so libxml2 must
    /// not open the file itself. The schema therefore cannot `xs:include` or `xs:import`
    /// other files. Throws `XMLSchemaError`, naming the file and libxml2's messages.
    public convenience init(contentsOf url: URL) throws {
        let bytes: Data
        do {
            bytes = try Data(contentsOf: url)
        } catch {
            throw XMLSchemaError.cannotRead(path: url.path, reason: error.localizedDescription)
        }
        try self.init(data: bytes, url: url)
    }

    /// Compiles the XSD held in `bytes` (the schema built into the program); `url` names it
    /// in errors. Parsed from memory as `init(contentsOf:)` does.
    public init(data bytes: Data, url: URL) throws {
        let document: xmlDocPtr
        switch SafeXMLParser.parseDocument(bytes) {
        case .unsafe:
            throw XMLSchemaError.notWellFormed(path: url.path, messages: ["it declares a DOCTYPE, an entity or an XInclude, which are refused"])
        case .notWellFormed(let errors):
            throw XMLSchemaError.notWellFormed(path: url.path, messages: errors.messages)
        case .parsed(let parsed):
            document = parsed
        }

        let collector = XMLIssueCollector(limit: SafeXMLParser.maximumErrors)
        let compiled: xmlSchemaPtr? = LibXML.withErrorsCollected(into: collector) {
            guard let parserContext = xmlSchemaNewDocParserCtxt(document) else { return nil }
            defer { xmlSchemaFreeParserCtxt(parserContext) }
            xmlSchemaSetParserStructuredErrors(parserContext, LibXML.collectStructuredError, Unmanaged.passUnretained(collector).toOpaque())
            return xmlSchemaParse(parserContext)
        }
        guard let compiled else {
            xmlFreeDoc(document)
            let messages = collector.errors.messages
            throw XMLSchemaError.invalidSchema(path: url.path, messages: messages.isEmpty ? ["libxml2 could not compile it"] : messages)
        }
        self.url = url
        self.schema = compiled
        self.document = document
    }

    deinit {
        xmlSchemaFree(schema)
        xmlFreeDoc(document)
    }

    /// At most this many schema errors are listed (the rest are counted): enough for every
    /// real form, and a bound for a document made of tens of thousands of wrong elements.
    static let maximumErrors = 100

    /// Validates `document` and returns libxml2's errors (none when valid). Each call has its
    /// own validation context, so calls may run concurrently.
    func validate(_ document: xmlDocPtr) -> XMLErrors {
        let collector = XMLIssueCollector(limit: Self.maximumErrors)
        return LibXML.withErrorsCollected(into: collector) {
            guard let validation = xmlSchemaNewValidCtxt(schema) else {
                return XMLErrors(listed: [XMLIssue(line: nil, message: "libxml2 could not create a validation context (out of memory)", isError: true)])
            }
            defer { xmlSchemaFreeValidCtxt(validation) }
            xmlSchemaSetValidStructuredErrors(validation, LibXML.collectStructuredError, Unmanaged.passUnretained(collector).toOpaque())
            let result = xmlSchemaValidateDoc(validation, document)
            let errors = collector.errors
            if result != 0 && errors.isEmpty {
                // Invalid (or an internal error) without a message: never pass it silently.
                return XMLErrors(listed: [XMLIssue(line: nil, message: "libxml2 found the document invalid (code \(result)) without saying why", isError: true)])
            }
            return errors
        }
    }
}

/// Why a schema file could not be used: a program error, not a finding about a form.
public enum XMLSchemaError: Error, Equatable, CustomStringConvertible {
    /// The file could not be read.
    case cannotRead(path: String, reason: String)
    /// The file is not well-formed XML (or is refused as unsafe).
    case notWellFormed(path: String, messages: [String])
    /// The XML is not a schema libxml2 can compile.
    case invalidSchema(path: String, messages: [String])

    public var description: String {
        switch self {
        case .cannotRead(let path, let reason):
            return "อ่านไฟล์ XSD ไม่ได้ / cannot read the XSD file \(path): \(reason)"
        case .notWellFormed(let path, let messages):
            return "ไฟล์ XSD ไม่ใช่ XML ที่ถูกต้อง / the XSD file \(path) is not well-formed XML: \(messages.joined(separator: "; "))"
        case .invalidSchema(let path, let messages):
            return "ไฟล์ XSD ใช้เป็นโครงสร้างแบบรายงานไม่ได้ / the XSD file \(path) is not a valid schema: \(messages.joined(separator: "; "))"
        }
    }
}

extension XMLSchemaError: LocalizedError {
    public var errorDescription: String? { description }
}

extension XMLIssue {
    /// `line 12: message`, or the message alone when the line is unknown.
    var located: String {
        line.map { "line \($0): \(message)" } ?? message
    }
}

extension XMLErrors {
    /// The listed errors with their lines, then how many more there are.
    var messages: [String] {
        listed.map(\.located) + (unlisted > 0 ? ["and \(unlisted) more"] : [])
    }
}
