internal import CLibXML
import Foundation

/// Classifies libxml2's errors by code into `XMLDiagnostic.Kind`, so that the messages can
/// say in Thai and English what to do instead of passing libxml2's English on.
///
/// The names come from the error's string arguments and its node; the lists of expected
/// elements exist only in libxml2's text (`Expected is ( date, evidence )`), so they are read
/// from it, and an internal error is `tooDeep` when its text says so (libxml2 2.9 reports the
/// nesting limit as an internal error). A code not listed is `.other`.
enum XMLErrorKinds {
    static func kind(code: Int32, domain: Int32, text: String, str1: String?, str2: String?,
                     nodeName: String?, ownerName: String?) -> XMLDiagnostic.Kind {
        let name = nodeName ?? str1 ?? ""
        switch xmlParserErrors(rawValue: UInt32(bitPattern: code)) {
        case XML_ERR_UNDECLARED_ENTITY, XML_WAR_UNDECLARED_ENTITY:
            return .undeclaredEntity(name: str1 ?? quoted(in: text) ?? "")
        case XML_ERR_NAME_REQUIRED, XML_ERR_ENTITYREF_SEMICOL_MISSING, XML_ERR_LT_IN_ATTRIBUTE:
            return .unescapedMarkup
        case XML_ERR_DOCUMENT_END, XML_ERR_EXTRA_CONTENT:
            return .extraContent
        case XML_ERR_DOCUMENT_EMPTY, XML_ERR_DOCUMENT_START:
            return .noRootElement
        case XML_ERR_TAG_NAME_MISMATCH:
            return .tagMismatch(open: str1 ?? "", close: str2 ?? "")
        case XML_ERR_TAG_NOT_FINISHED:
            return .unclosedElement(str1 ?? "")
        case XML_ERR_GT_REQUIRED, XML_ERR_LTSLASH_REQUIRED, XML_ERR_LT_REQUIRED,
             XML_ERR_ATTRIBUTE_NOT_STARTED, XML_ERR_ATTRIBUTE_NOT_FINISHED,
             XML_ERR_ATTRIBUTE_WITHOUT_VALUE, XML_ERR_SPACE_REQUIRED, XML_ERR_EQUAL_REQUIRED,
             XML_ERR_STRING_NOT_CLOSED, XML_ERR_COMMENT_NOT_FINISHED, XML_ERR_CDATA_NOT_FINISHED,
             XML_ERR_NOT_WELL_BALANCED:
            return .brokenMarkup
        case XML_ERR_ATTRIBUTE_REDEFINED:
            return .duplicateAttribute(str1 ?? "")
        case XML_ERR_INVALID_CHAR, XML_ERR_INVALID_CHARREF, XML_ERR_INVALID_ENCODING:
            return .invalidCharacter
        case XML_ERR_UNKNOWN_ENCODING, XML_ERR_UNSUPPORTED_ENCODING:
            return .unsupportedEncoding
        case XML_ERR_RESERVED_XML_NAME:
            return .declarationNotAtStart
        case XML_NS_ERR_UNDEFINED_NAMESPACE:
            return .undefinedPrefix(str1 ?? "")
        case XML_ERR_INTERNAL_ERROR where text.contains("depth"):
            return .tooDeep

        case XML_SCHEMAV_ELEMENT_CONTENT, XML_SCHEMAV_CVC_COMPLEX_TYPE_2_4:
            let expected = expectedNames(in: text)
            return text.contains("Missing child") ? .missingElement(name, expected: expected)
                : .unexpectedElement(name, expected: expected)
        case XML_SCHEMAV_CVC_COMPLEX_TYPE_4:
            return .missingAttribute(element: name, attribute: quoted(after: "attribute ", in: text) ?? "")
        case XML_SCHEMAV_CVC_COMPLEX_TYPE_3_2_1, XML_SCHEMAV_CVC_COMPLEX_TYPE_3_2_2:
            return .attributeNotAllowed(element: ownerName ?? name, attribute: quoted(after: "attribute ", in: text) ?? name)
        case XML_SCHEMAV_CVC_DATATYPE_VALID_1_2_1:
            // About an attribute, libxml2 writes `Element 'step', attribute 'done': …`.
            return .invalidValue(element: quoted(after: ", attribute ", in: text) ?? name,
                                 value: quoted(before: " is not a valid value", in: text) ?? "")
        case XML_SCHEMAV_CVC_COMPLEX_TYPE_2_1, XML_SCHEMAV_CVC_COMPLEX_TYPE_2_3:
            return .textNotAllowed(element: name)
        case XML_SCHEMAV_CVC_ELT_1:
            return .wrongRoot
        default:
            return .other
        }
    }

    /// `( date, evidence )` or `one of ( a, b )` after `Expected is` → `["date", "evidence"]`.
    static func expectedNames(in text: String) -> [String] {
        guard let marker = text.range(of: "Expected is"),
              let open = text[marker.upperBound...].firstIndex(of: "("),
              let close = text[open...].firstIndex(of: ")") else { return [] }
        return text[text.index(after: open)..<close].split(separator: ",").map {
            String($0.trimmingCharacters(in: .whitespaces).split(separator: "}").last ?? "")
        }.filter { !$0.isEmpty }
    }

    /// The first `'…'` in `text`.
    static func quoted(in text: String) -> String? {
        guard let open = text.firstIndex(of: "'"),
              let close = text[text.index(after: open)...].firstIndex(of: "'") else { return nil }
        return String(text[text.index(after: open)..<close])
    }

    /// The `'…'` right after `marker`.
    static func quoted(after marker: String, in text: String) -> String? {
        guard let range = text.range(of: marker + "'") else { return nil }
        let rest = text[range.upperBound...]
        return rest.firstIndex(of: "'").map { String(rest[..<$0]) }
    }

    /// The `'…'` right before `marker`.
    static func quoted(before marker: String, in text: String) -> String? {
        guard let range = text.range(of: marker) else { return nil }
        let head = text[..<range.lowerBound]
        guard head.last == "'" else { return nil }
        let body = head.dropLast()
        return body.lastIndex(of: "'").map { String(body[body.index(after: $0)...]) }
    }
}
