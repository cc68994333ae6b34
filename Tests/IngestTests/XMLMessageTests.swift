import Foundation
import Testing
@testable import Ingest

/// libxml2's errors become whole sentences in Thai and in English that say what to do; its
/// own English text is kept only in the English message, quoted.
@Suite("XML messages: no library English in Thai")
struct XMLMessageTests {
    struct Case: CustomStringConvertible, Sendable {
        let name: String
        let xml: String
        let rule: Rule
        /// A word the Thai message must hold (a tag, an entity), showing it names the spot.
        let thaiHolds: String
        var description: String { name }
    }

    static let example = (try? XMLFixtures.text("example.xml")) ?? ""

    static func changed(_ target: String, _ replacement: String) -> String {
        example.replacingOccurrences(of: target, with: replacement)
    }

    static let cases: [Case] = [
        Case(name: "undeclared entity", xml: changed("สภ.เมืองเชียงใหม่", "&station;"), rule: .malformed, thaiHolds: "&station;"),
        Case(name: "extra content after the root", xml: example + "<report/>\n", rule: .malformed, thaiHolds: "</report>"),
        Case(name: "nesting deeper than libxml2 allows",
             xml: changed("<score>๒๕</score>", String(repeating: "<x>", count: 300) + String(repeating: "</x>", count: 300)),
             rule: .malformed, thaiHolds: "๔ ชั้น"),
        Case(name: "tag mismatch", xml: changed("</station>", "</statoin>"), rule: .malformed, thaiHolds: "</station>"),
        Case(name: "file ends inside an element", xml: changed("</report>", ""), rule: .malformed, thaiHolds: "</report>"),
        Case(name: "a bare ampersand", xml: changed("อบต.สุเทพ", "อบต. & อบจ."), rule: .malformed, thaiHolds: "&amp;"),
        Case(name: "a bare less-than", xml: changed("อบต.สุเทพ", "น้อยกว่า < ๕"), rule: .malformed, thaiHolds: "&lt;"),
        Case(name: "an attribute twice", xml: changed("number=\"๒\"", "number=\"๒\" number=\"๒\""), rule: .malformed, thaiHolds: "number"),
        Case(name: "declaration not at the start", xml: "\n" + example, rule: .malformed, thaiHolds: "<?xml"),
        Case(name: "undefined prefix", xml: changed("<score>๒๕</score>", "<k:score>๒๕</k:score>"), rule: .malformed, thaiHolds: "k:"),
        Case(name: "element out of order", xml: changed("<fiscalYear>๒๕๖๔</fiscalYear>\n  <round>๖</round>", "<round>๖</round>\n  <fiscalYear>๒๕๖๔</fiscalYear>"),
             rule: .schema, thaiHolds: "<fiscalYear>"),
        Case(name: "unknown element", xml: changed("<score>", "<remark>ช้า</remark><score>"), rule: .schema, thaiHolds: "<remark>"),
        Case(name: "done is not a boolean", xml: changed("done=\"false\"", "done=\"maybe\""), rule: .schema, thaiHolds: "true"),
        Case(name: "missing attribute", xml: changed("<step number=\"๓\" done=\"false\"/>", "<step done=\"false\"/>"), rule: .schema, thaiHolds: "number"),
        Case(name: "attribute not allowed", xml: changed("done=\"false\"/>", "done=\"false\" late=\"yes\"/>"), rule: .schema, thaiHolds: "late"),
        Case(name: "text among elements", xml: changed("<steps>", "<steps>ข้อความ"), rule: .schema, thaiHolds: "<steps>"),
        Case(name: "missing child", xml: changed("<station>สภ.เมืองเชียงใหม่</station>", ""), rule: .schema, thaiHolds: "<station>"),
        Case(name: "wrong root", xml: changed("urn:rtp:kpi-report:1", "urn:example:other"), rule: .schema, thaiHolds: "urn:rtp:kpi-report:1"),
    ]

    /// English words libxml2 writes; none may appear in Thai text.
    static let libraryWords = ["Element", "element", "expected", "defined", "Extra", "content", "HUGE", "Opening",
                               "mismatch", "Premature", "valid", "Namespace", "allowed", "Attribute", "Specification",
                               "xmlParse", "StartTag", "EntityRef", "Excessive", "depth"]

    @Test(arguments: cases)
    func thaiIsThaiAndSaysWhatToDo(_ form: Case) throws {
        #expect(form.xml != Self.example, "the change did not apply")
        let reading = XMLFixtures.read(form.xml)
        let finding = try #require(reading.findings.first { $0.rule == form.rule }, "\(reading.findings.map(\.messageEN))")
        for word in Self.libraryWords {
            #expect(!finding.messageTH.contains(word), "\(word) in: \(finding.messageTH)")
        }
        #expect(finding.messageTH.contains(form.thaiHolds), "\(finding.messageTH)")
        #expect(finding.messageTH.contains("กรุณา") || finding.messageTH.contains("ต้องเป็น"), "says what to do: \(finding.messageTH)")
        // Not the catch-all: the common errors each have their own sentence.
        #expect(!finding.messageTH.contains("ที่บรรทัดนี้ — กรุณาตรวจแท็กเปิด/ปิดให้ครบ"), "\(finding.messageEN)")
        #expect(!finding.messageTH.contains("(report.xsd) ที่บรรทัดนี้"), "\(finding.messageEN)")
        // libxml2's text, if kept, is a quoted detail of the English message only.
        #expect(finding.messageEN.contains("(libxml2: \""), "\(finding.messageEN)")
    }

    @Test("the DOCTYPE message says what replaces each entity, and following it gives a form that passes")
    func doctypeNamesTheReplacements() throws {
        let withDoctype = Self.changed("<report xmlns", "<!DOCTYPE report [\n  <!ENTITY station \"สภ.เมืองเชียงใหม่\">\n  <!ENTITY file SYSTEM \"file:///etc/hostname\">\n]>\n<report xmlns")
            .replacingOccurrences(of: "<station>สภ.เมืองเชียงใหม่</station>", with: "<station>&station;</station>")
        let doctype = try #require(XMLFixtures.read(withDoctype).findings.first)
        #expect(doctype.rule == .unsafeXML)
        #expect(doctype.messageTH.contains("&station; → \"สภ.เมืองเชียงใหม่\""), "\(doctype.messageTH)")
        #expect(doctype.messageTH.contains("&file; → ข้อมูลจริง"))
        #expect(doctype.messageEN.contains("&station; → \"สภ.เมืองเชียงใหม่\""))
    }
}
