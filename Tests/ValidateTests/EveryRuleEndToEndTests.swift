import Foundation
import Ingest
import Testing
@testable import Validate

/// Every rule of docs/forms.md#every-rule, end to end through `FormChecker`: a whole file that
/// triggers it, made from the contract's own example by one small change, beside the
/// unchanged example, which triggers none.
@Suite("every rule, from bytes to verdict") struct EveryRuleEndToEndTests {
    static let checker: FormChecker? = try? FormChecker(
        resources: Resources(schemasDirectory: Repo.root.appendingPathComponent("schemas")))

    /// The plain-text example of docs/forms.md#the-plain-text-form, verbatim (`Tests/Fixtures`, shared by the test targets).
    static let text = (try? String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/forms-text-example.txt"), encoding: .utf8)) ?? ""

    /// The XML example of docs/forms.md#the-xml-form, as shipped in the sample inbox.
    static let xml: String = (try? String(contentsOf: Repo.root.appendingPathComponent("inbox/muang-chiangmai-r6.xml"), encoding: .utf8)) ?? ""

    /// One way to break the example for each rule: (rule, base text, what to replace, with what).
    static let triggers: [(Rule, String, String, String)] = [
        (.unreadable, text, text, ""),
        (.malformed, text, "ขั้นตอนที่ ๓ : ยังไม่ดำเนินการ", "ขั้นตอนที่ ๓ : อาจจะ"),
        (.unsafeXML, xml, "<report xmlns", "<!DOCTYPE report [<!ENTITY x \"x\">]>\n<report xmlns"),
        (.schema, xml, "<round>๖</round>", "<round>๖</round><round>๖</round>"),
        (.missingField, text, "หน่วยปฏิบัติ : สภ.เมืองเชียงใหม่\n", ""),
        (.badNumber, text, "คะแนน : ๒๕", "คะแนน : ยี่สิบห้า"),
        (.badDate, text, "๒๐ เมษายน ๒๕๖๔", "๓๑ เมษายน ๒๕๖๔"),
        (.unknownYear, text, "พ.ศ. ๒๕๖๔", "พ.ศ. ๒๕๖๐"),
        (.unknownIndicator, text, "ตัวชี้วัด : กต.ตร. พบประชาชน", "ตัวชี้วัด : โครงการตำรวจชุมชน"),
        (.badRound, text, "รอบ ๖ เดือน", "รอบ ๙ เดือน"),
        (.badUnit, text, "สังกัด : ภ.๕", "สังกัด : ภ.๙"),
        (.badStep, text, "คะแนน : ๒๕", "ขั้นตอนที่ ๖ : ยังไม่ดำเนินการ\nคะแนน : ๒๕"),
        (.stepOrder, text, "ขั้นตอนที่ ๒ : ดำเนินการแล้ว เมื่อ ๑๐ ม.ค. ๒๕๖๔", "ขั้นตอนที่ ๒ : ดำเนินการแล้ว เมื่อ ๑๐ พ.ย. ๒๕๖๓"),
        (.outOfYear, text, "๑๕ พ.ย. ๒๕๖๓", "๑๕ ก.ย. ๒๕๖๓"),
        (.window, text, "๑๕ พ.ย. ๒๕๖๓", "๕ ม.ค. ๒๕๖๔"),
        (.futureDate, text, "๒๐ เมษายน ๒๕๖๔", "๕ ม.ค. ๒๕๖๔"),
        (.reportDate, text, "๒๐ เมษายน ๒๕๖๔", "๑ ก.ค. ๒๕๖๔"),
        (.scoreMismatch, text, "คะแนน : ๒๕", "คะแนน : ๕๐"),
        (.alias, text, "สังกัด : ภ.๕", "สังกัด : ภาค ๕"),
        (.ceYear, text, "๒๐ เมษายน ๒๕๖๔", "๒๐ เมษายน 2021"),
        (.unknownField, text, "ผู้รายงาน", "หมายเหตุ : -\nผู้รายงาน"),
        (.badPhone, text, "๐๘๑-๒๓๔-๕๖๗๘", "๑๒๓"),
        (.behindPlan, text, "ขั้นตอนที่ ๒ : ดำเนินการแล้ว เมื่อ ๑๐ ม.ค. ๒๕๖๔\nขั้นตอนที่ ๓ : ยังไม่ดำเนินการ\nคะแนน : ๒๕",
         "ขั้นตอนที่ ๒ : ยังไม่ดำเนินการ\nขั้นตอนที่ ๓ : ยังไม่ดำเนินการ\nคะแนน : ๐"),
    ]

    @Test func everyRuleHasATriggerHere() {
        // The roster's rule is triggered with a roster: Tests/ValidateTests/StationRosterTests.swift.
        #expect(Set(Self.triggers.map(\.0)) == Set(Rule.allCases).subtracting(Rule.rosterRules))
    }

    @Test(arguments: [("text", text), ("xml", xml)])
    func theUnchangedExamplesTriggerNoRule(name: String, form: String) throws {
        let checker = try #require(Self.checker)
        let verdict = checker.check(Data(form.utf8), file: name)
        #expect(verdict.findings.isEmpty, "\(verdict.findings.map(\.rule))")
        #expect(verdict.accepted)
    }

    @Test(arguments: triggers)
    func aSmallChangeTriggersTheRule(rule: Rule, base: String, target: String, replacement: String) throws {
        let checker = try #require(Self.checker)
        #expect(base.contains(target), "the example no longer holds \(target)")
        let changed = base.replacingOccurrences(of: target, with: replacement)
        let verdict = checker.check(Data(changed.utf8), file: "form")
        let found = verdict.findings.filter { $0.rule == rule }
        #expect(!found.isEmpty, "\(rule.rawValue) not found; got \(verdict.findings.map(\.rule.rawValue))")
        // An error rejects the form; each warning here comes alone, and does not.
        #expect(verdict.accepted == (rule.severity == .warning), "\(verdict.findings.map(\.rule.rawValue))")
        for finding in found {
            #expect(finding.severity == rule.severity)
            #expect(!finding.messageTH.isEmpty && !finding.messageEN.isEmpty)
        }
    }

    /// An XML form with an element present but empty (`<station></station>`, as a form made
    /// on the web page with the field left blank): `missing-field` at that element's line, so
    /// the page can show it beside the field.
    @Test func emptyXMLElementIsMissingAtItsLine() throws {
        let checker = try #require(Self.checker)
        let form = Self.xml.replacingOccurrences(of: "<station>สภ.เมืองเชียงใหม่</station>", with: "<station></station>")
        let line = try #require(form.components(separatedBy: "\n").firstIndex { $0.contains("<station></station>") }) + 1
        let verdict = checker.check(Data(form.utf8), file: "blank.xml")
        let missing = verdict.findings.filter { $0.rule == .missingField }
        #expect(missing.count == 1)
        #expect(missing.first?.line == line)
    }
}
