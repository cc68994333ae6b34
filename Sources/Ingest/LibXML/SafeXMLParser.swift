internal import CLibXML
import Foundation

/// A construct refused in a form before anything in it is interpreted (`unsafe-xml`).
enum UnsafeXMLConstruct: Sendable, Equatable {
    /// `<!DOCTYPE …>`, with or without an internal subset or an external DTD; the general
    /// entities its internal subset declares (none of them defined).
    case doctype(line: Int?, entities: [DeclaredEntity])
    /// `<!ENTITY …>`, general or parameter, internal or external.
    case entityDeclaration(line: Int?)
    /// An element in an XInclude namespace (`xi:include`, `xi:fallback`).
    case xinclude(line: Int?)
}

/// What the safe parser made of some bytes.
enum XMLParseOutcome<Parsed> {
    /// A DOCTYPE, entity declaration or XInclude: refused, nothing interpreted.
    case unsafe([UnsafeXMLConstruct])
    /// Not well-formed: libxml2's errors, at most `SafeXMLParser.maximumErrors` listed.
    case notWellFormed(XMLErrors)
    /// Well-formed and safe; what the caller's body made of the document.
    case parsed(Parsed)
}

/// Parses XML from memory with safe options only, and refuses a DOCTYPE at the door.
///
/// Options: `XML_PARSE_NONET` and nothing else — in particular none of `NOENT` (substitute
/// entities), `DTDLOAD`, `DTDATTR`, `DTDVALID`, `XINCLUDE` or `HUGE`. Errors are captured
/// through the context's structured error handler, never printed.
///
/// DOCTYPE: the SAX `internalSubset` handler records it and does not build the DTD; every
/// entity declaration handler records the declaration's name and text and defines nothing
/// (past `maximumEntities` declarations it stops the parser); the `externalSubset` handler
/// (called right after the DOCTYPE and its internal subset, before any content) stops the
/// parser. No entity is ever defined, so none can be expanded: the
/// billion-laughs and quadratic-blowup attacks have nothing to work with, and no external DTD
/// or entity is ever fetched (the process-wide entity loader denies every load as well).
enum SafeXMLParser {
    /// At most this many well-formedness errors are listed (the rest are counted): after the
    /// first, libxml2's errors mostly repeat the first one's consequences.
    static let maximumErrors = 10

    /// At most this many entity declarations are recorded (to name them in the message);
    /// the parser stops at the next one.
    static let maximumEntities = 20

    /// The parse options: no network, nothing else (see the type's documentation).
    static let options = Int32(XML_PARSE_NONET.rawValue)

    /// The XInclude namespaces libxml2 knows: the XInclude 1.0 one (2001) and a later draft's.
    static let xincludeNamespaces: Set<String> = [
        "http://www.w3.org/2001/XInclude",
        "http://www.w3.org/2003/XInclude",
    ]

    /// Parses `data` (raw bytes; libxml2 reads the BOM and the XML declaration's encoding)
    /// and, when the document is well-formed and safe, calls `body` with it. The document and
    /// the parser context are freed when this returns; `body` must not keep the pointer.
    static func parse<Parsed>(_ data: Data, _ body: (xmlDocPtr) -> Parsed) -> XMLParseOutcome<Parsed> {
        switch parseDocument(data) {
        case .unsafe(let constructs):
            return .unsafe(constructs)
        case .notWellFormed(let errors):
            return .notWellFormed(errors)
        case .parsed(let document):
            defer { xmlFreeDoc(document) }
            return .parsed(body(document))
        }
    }

    /// Parses `data` like `parse`, handing the document over: the caller frees it with
    /// `xmlFreeDoc`. For documents that must outlive the call (a compiled schema's XSD).
    static func parseDocument(_ data: Data) -> XMLParseOutcome<xmlDocPtr> {
        let collector = ParseCollector()
        return LibXML.withErrorsCollected(into: collector.issues) {
            guard data.count <= Int(Int32.max) else {
                return .notWellFormed(XMLErrors(listed: [XMLIssue(line: nil, message: "document of \(data.count) bytes is too large for libxml2", isError: true)]))
            }
            guard let context = xmlNewParserCtxt() else {
                return .notWellFormed(XMLErrors(listed: [XMLIssue(line: nil, message: "libxml2 could not create a parser context (out of memory)", isError: true)]))
            }
            defer { xmlFreeParserCtxt(context) }
            guard install(collector, on: context) else {
                // Fail closed: never parse without our handlers.
                return .notWellFormed(XMLErrors(listed: [XMLIssue(line: nil, message: "libxml2 gave a parser context without SAX handlers", isError: true)]))
            }

            let parsed: xmlDocPtr? = data.withUnsafeBytes { bytes in
                // An empty buffer has no base address; libxml2 still needs a valid pointer.
                let base = bytes.bindMemory(to: CChar.self).baseAddress
                return withUnsafePointer(to: CChar(0)) { empty in
                    xmlCtxtReadMemory(context, base ?? empty, Int32(bytes.count), nil, nil, options)
                }
            }
            // Freed on every path but the one that hands it over.
            var handedOver = false
            defer { if let parsed, !handedOver { xmlFreeDoc(parsed) } }

            if !collector.unsafe.isEmpty {
                // Errors after a refusal are mostly the stop's own consequence; the refusal
                // is what the station must fix.
                return .unsafe(collector.unsafe.map { construct in
                    guard case .doctype(let line, _) = construct else { return construct }
                    return .doctype(line: line, entities: collector.entities)
                })
            }
            // An undeclared prefix leaves libxml2's `wellFormed` set but clears `nsWellFormed`;
            // a form must be namespace-well-formed too, so both count.
            guard context.pointee.wellFormed != 0, context.pointee.nsWellFormed != 0, let document = parsed else {
                var errors = collector.issues.errors
                if errors.isEmpty {
                    // Never pass a refusal without a word, even if libxml2 gave none.
                    let line = Int(context.pointee.input?.pointee.line ?? 0)
                    errors.listed = [XMLIssue(line: line > 0 ? line : nil, message: "the document is not well-formed", isError: true)]
                }
                return .notWellFormed(errors)
            }
            let xincludes = xincludeElements(in: document)
            if !xincludes.isEmpty {
                return .unsafe(xincludes)
            }
            handedOver = true
            return .parsed(document)
        }
    }

    /// Replaces the SAX handlers that could declare or load anything, and routes the
    /// context's errors to `collector`. False when the context has no SAX handler to change.
    private static func install(_ collector: ParseCollector, on context: xmlParserCtxtPtr) -> Bool {
        // SAX handlers and errors receive `userData`, which stays the context itself (the
        // default SAX2 handlers need that); our collector rides along in `_private`.
        context.pointee._private = Unmanaged.passUnretained(collector).toOpaque()
        guard let sax = context.pointee.sax else { return false }
        sax.pointee.serror = { userData, error in
            guard let error, let collector = ParseCollector.of(userData) else { return }
            collector.issues.record(XMLIssue(error.pointee))
        }
        sax.pointee.internalSubset = { userData, _, _, _ in
            guard let collector = ParseCollector.of(userData) else { return }
            collector.unsafe.append(.doctype(line: ParseCollector.currentLine(userData), entities: []))
            // Not stopped here, so the internal subset is read on to find entity declarations
            // (which define nothing: see entityDecl). `externalSubset` stops the parser.
        }
        sax.pointee.externalSubset = { userData, _, _, _ in
            guard let userData else { return }
            xmlStopParser(userData.assumingMemoryBound(to: xmlParserCtxt.self))
        }
        sax.pointee.entityDecl = { userData, name, type, _, _, content in
            let isParameter = type == Int32(XML_INTERNAL_PARAMETER_ENTITY.rawValue)
                || type == Int32(XML_EXTERNAL_PARAMETER_ENTITY.rawValue)
            let isInternal = type == Int32(XML_INTERNAL_GENERAL_ENTITY.rawValue)
            let entity = name.map { name in
                DeclaredEntity(name: String(cString: name),
                               replacement: isInternal ? content.map { String(cString: $0) } ?? "" : nil)
            }
            ParseCollector.refuseEntityDeclaration(userData, entity: isParameter ? nil : entity)
        }
        sax.pointee.unparsedEntityDecl = { userData, name, _, _, _ in
            ParseCollector.refuseEntityDeclaration(
                userData, entity: name.map { DeclaredEntity(name: String(cString: $0), replacement: nil) })
        }
        // A comment or processing instruction inside the DOCTYPE is attached to the DTD, which
        // is never built (see internalSubset): libxml2 would make the node and leak it. Such
        // nodes are dropped there; elsewhere the default handlers build them as usual.
        sax.pointee.comment = { userData, value in
            guard let userData, userData.assumingMemoryBound(to: xmlParserCtxt.self).pointee.inSubset == 0 else { return }
            xmlSAX2Comment(userData, value)
        }
        sax.pointee.processingInstruction = { userData, target, data in
            guard let userData, userData.assumingMemoryBound(to: xmlParserCtxt.self).pointee.inSubset == 0 else { return }
            xmlSAX2ProcessingInstruction(userData, target, data)
        }
        // Declarations that would build a DTD we refuse anyway.
        sax.pointee.elementDecl = nil
        sax.pointee.attributeDecl = nil
        sax.pointee.notationDecl = nil
        return true
    }

    /// Every element in an XInclude namespace, in document order.
    private static func xincludeElements(in document: xmlDocPtr) -> [UnsafeXMLConstruct] {
        var found: [UnsafeXMLConstruct] = []
        var pending: [xmlNodePtr] = []
        if let root = xmlDocGetRootElement(document) { pending.append(root) }
        while let node = pending.popLast() {
            if let href = node.pointee.ns?.pointee.href,
               xincludeNamespaces.contains(String(cString: href)) {
                found.append(.xinclude(line: Int(xmlGetLineNo(node))))
            }
            var child = node.pointee.children
            var children: [xmlNodePtr] = []
            while let current = child {
                if current.pointee.type == XML_ELEMENT_NODE { children.append(current) }
                child = current.pointee.next
            }
            pending.append(contentsOf: children.reversed())
        }
        return found
    }
}

/// What one parse collects through its callbacks: libxml2's errors and the unsafe constructs
/// met. Owned by `SafeXMLParser.parse`, which outlives every callback.
private final class ParseCollector {
    let issues = XMLIssueCollector(limit: SafeXMLParser.maximumErrors)
    var unsafe: [UnsafeXMLConstruct] = []
    /// The general entities declared so far (parameter entities are not named: no form
    /// text refers to them).
    var entities: [DeclaredEntity] = []
    /// Entity declarations met, parameter ones included.
    var declarations = 0

    /// The collector riding on a parser context given as SAX `userData`.
    static func of(_ userData: UnsafeMutableRawPointer?) -> ParseCollector? {
        guard let context = userData?.assumingMemoryBound(to: xmlParserCtxt.self),
              let opaque = context.pointee._private else { return nil }
        return Unmanaged<ParseCollector>.fromOpaque(opaque).takeUnretainedValue()
    }

    /// The line the parser stands on.
    static func currentLine(_ userData: UnsafeMutableRawPointer?) -> Int? {
        guard let context = userData?.assumingMemoryBound(to: xmlParserCtxt.self),
              let input = context.pointee.input else { return nil }
        let line = Int(input.pointee.line)
        return line > 0 ? line : nil
    }

    /// Records an entity declaration without defining it: the first one as an unsafe
    /// construct, each general one by name and text for the message. Past
    /// `SafeXMLParser.maximumEntities` declarations, stops the parser.
    static func refuseEntityDeclaration(_ userData: UnsafeMutableRawPointer?, entity: DeclaredEntity?) {
        guard let userData, let collector = of(userData) else { return }
        collector.declarations += 1
        if collector.declarations == 1 {
            collector.unsafe.append(.entityDeclaration(line: currentLine(userData)))
        }
        if collector.declarations > SafeXMLParser.maximumEntities {
            xmlStopParser(userData.assumingMemoryBound(to: xmlParserCtxt.self))
            return
        }
        if let entity, !collector.entities.contains(where: { $0.name == entity.name }) {
            collector.entities.append(entity)
        }
    }
}
