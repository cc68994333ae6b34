internal import CLibXML
import Foundation

/// An element of a parsed document, copied out of libxml2 into plain Swift values, so that
/// readers never hold a libxml2 pointer.
struct XMLElementNode: Sendable, Equatable {
    /// The namespace URI, nil when the element has none.
    var namespace: String?
    var localName: String
    /// Attributes without a namespace, by name (the form's attributes have none).
    var attributes: [String: String]
    /// The element's own text: its text and CDATA children, concatenated, as written.
    var text: String
    /// 1-based line of the start tag (libxml2 caps it at 65535).
    var line: Int?
    /// Child elements, in document order.
    var children: [XMLElementNode]

    /// The first child element named `localName` in `namespace`.
    func child(_ localName: String, namespace: String?) -> XMLElementNode? {
        children.first { $0.localName == localName && $0.namespace == namespace }
    }

    /// Every child element named `localName` in `namespace`, in document order.
    func children(_ localName: String, namespace: String?) -> [XMLElementNode] {
        children.filter { $0.localName == localName && $0.namespace == namespace }
    }
}

extension XMLElementNode {
    /// Copies the element `node` and its subtree. Recursion depth is the document's nesting
    /// depth, which a schema-valid form keeps at 4; libxml2 itself refuses nesting deeper
    /// than 256 levels without `XML_PARSE_HUGE`.
    init(copying node: xmlNodePtr) {
        namespace = node.pointee.ns?.pointee.href.map { String(cString: $0) }
        localName = node.pointee.name.map { String(cString: $0) } ?? ""
        let lineNumber = Int(xmlGetLineNo(node))
        line = lineNumber > 0 ? lineNumber : nil

        var attributes: [String: String] = [:]
        var attribute = node.pointee.properties
        while let current = attribute {
            if current.pointee.ns == nil, let name = current.pointee.name {
                // The value is the attribute's text children (no entity can be defined, so
                // there is nothing else in it).
                var value = ""
                var part = current.pointee.children
                while let text = part {
                    if let content = text.pointee.content { value += String(cString: content) }
                    part = text.pointee.next
                }
                attributes[String(cString: name)] = value
            }
            attribute = current.pointee.next
        }
        self.attributes = attributes

        var text = ""
        var children: [XMLElementNode] = []
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content { text += String(cString: content) }
            case XML_ELEMENT_NODE:
                children.append(XMLElementNode(copying: current))
            default:
                break // comments and processing instructions carry no form data
            }
            child = current.pointee.next
        }
        self.text = text
        self.children = children
    }
}

/// What the LibXML layer made of a form's bytes, checked against a schema.
enum XMLDocumentOutcome: Sendable {
    case unsafe([UnsafeXMLConstruct])
    case notWellFormed(XMLErrors)
    /// Well-formed and safe, but not valid against the schema.
    case invalid(XMLErrors)
    /// Valid: the root element, copied out.
    case valid(XMLElementNode)
}

extension XMLSchema {
    /// Parses `data` safely, validates it against this schema and copies the valid document
    /// out as Swift values. Every libxml2 resource is freed before this returns.
    func read(_ data: Data) -> XMLDocumentOutcome {
        let outcome = SafeXMLParser.parse(data) { document -> XMLDocumentOutcome in
            let errors = validate(document)
            guard errors.isEmpty else { return .invalid(errors) }
            guard let root = xmlDocGetRootElement(document) else {
                return .invalid(XMLErrors(listed: [XMLIssue(line: nil, message: "the document has no root element", isError: true)]))
            }
            return .valid(XMLElementNode(copying: root))
        }
        switch outcome {
        case .unsafe(let constructs): return .unsafe(constructs)
        case .notWellFormed(let errors): return .notWellFormed(errors)
        case .parsed(let result): return result
        }
    }
}
