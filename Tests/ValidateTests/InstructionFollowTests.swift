import Foundation
import Ingest
import Testing
@testable import Validate

/// A message that tells the clerk what to change must lead to a form that passes that rule
/// (`docs/forms.md`, "Every rule"): for every rule whose message gives an instruction, the
/// triggering form is corrected as the message says — with the very value the message names,
/// where it names one — and the rule must no longer fire.
///
/// Two rules give no instruction, and so have no case here: `window` (a step done late is a
/// fact; the message says it counts and is recorded as not on time) and `behind-plan` (a step
/// not yet done is a fact of the report date).
@Suite("messages that lead to a passing form")
struct InstructionFollowTests {
    static let checker: FormChecker? = try? FormChecker(
        resources: Resources(schemasDirectory: Repo.root.appendingPathComponent("schemas")))

    static let text = (try? String(contentsOf: Repo.root.appendingPathComponent("Tests/Fixtures/forms-text-example.txt"),
                                   encoding: .utf8)) ?? ""
    static let xml = (try? String(contentsOf: Repo.root.appendingPathComponent("inbox/muang-chiangmai-r6.xml"),
                                  encoding: .utf8)) ?? ""

    /// A form that triggers `rule`, and the correction its message asks for.
    struct Case: CustomStringConvertible, Sendable {
        let name: String
        let rule: Rule
        let form: String
        /// The form corrected as the finding's message says (English message; the Thai one
        /// names the same values).
        let follow: @Sendable (_ form: String, _ finding: Finding) throws -> String
        var description: String { "\(rule.rawValue): \(name)" }
    }

    /// The first match of `pattern`'s first capture group in `text`.
    static func capture(_ pattern: String, in text: String) throws -> String {
        let regex = try Regex(pattern)
        let match = try #require(text.firstMatch(of: regex), "no \(pattern) in: \(text)")
        return try #require(match.output[1].substring.map(String.init))
    }

    static func replacing(_ target: String, _ replacement: String, in form: String) -> String {
        form.replacingOccurrences(of: target, with: replacement)
    }

    static let cases: [Case] = [
        // unreadable
        Case(name: "empty file: send the filled-in form", rule: .unreadable, form: "",
             follow: { _, _ in text }),
        Case(name: "control characters: save it as plain text", rule: .unreadable,
             form: replacing("ใจดี", "ใจดี\u{07}", in: text),
             follow: { form, _ in form.replacingOccurrences(of: "\u{07}", with: "") }),
        // malformed (text)
        Case(name: "step status: start with ยังไม่ดำเนินการ", rule: .malformed,
             form: replacing("ขั้นตอนที่ ๓ : ยังไม่ดำเนินการ", "ขั้นตอนที่ ๓ : อาจจะ", in: text),
             follow: { form, finding in
                 let word = try capture(#"or \"(\S+)\" \(not done\)"#, in: finding.messageEN)
                 return form.replacingOccurrences(of: "ขั้นตอนที่ ๓ : อาจจะ", with: "ขั้นตอนที่ ๓ : \(word)")
             }),
        Case(name: "a field twice with different values: keep one", rule: .malformed,
             form: replacing("จังหวัด : เชียงใหม่\n", "จังหวัด : เชียงใหม่\nจังหวัด : ลำพูน\n", in: text),
             follow: { form, _ in form.replacingOccurrences(of: "จังหวัด : ลำพูน\n", with: "") }),
        // malformed (XML): libxml2's errors
        Case(name: "an undefined entity: write the text in its place", rule: .malformed,
             form: replacing("<station>สภ.เมืองเชียงใหม่</station>", "<station>&station;</station>", in: xml),
             follow: { form, finding in
                 let name = try capture(#"in place of (&[a-z]+;)"#, in: finding.messageEN)
                 return form.replacingOccurrences(of: name, with: "สภ.เมืองเชียงใหม่")
             }),
        Case(name: "a bare &: write it as &amp;", rule: .malformed,
             form: replacing("อบต.สุเทพ", "อบต. & อบจ.", in: xml),
             follow: { form, _ in form.replacingOccurrences(of: " & ", with: " &amp; ") }),
        Case(name: "a tag mismatch: close with the open tag's name", rule: .malformed,
             form: replacing("</station>", "</statoin>", in: xml),
             follow: { form, finding in
                 let close = try capture(#"close <[a-z]+> with (</[a-z]+>)"#, in: finding.messageEN)
                 return form.replacingOccurrences(of: "</statoin>", with: close)
             }),
        Case(name: "content after </report>: delete it", rule: .malformed, form: xml + "<report/>\n",
             follow: { form, _ in form.replacingOccurrences(of: "</report>\n<report/>\n", with: "</report>\n") }),
        Case(name: "an unclosed root: add the end tag", rule: .malformed,
             form: replacing("</report>", "", in: xml),
             follow: { form, finding in form + (try capture(#"add (</[a-z]+>)"#, in: finding.messageEN)) }),
        Case(name: "the declaration not first: delete what is before it", rule: .malformed, form: "\n" + xml,
             follow: { form, _ in String(form.dropFirst()) }),
        // unsafe-xml
        Case(name: "a DOCTYPE and its entities: delete it, write each entity's text", rule: .unsafeXML,
             form: replacing("<report xmlns", "<!DOCTYPE report [\n  <!ENTITY station \"สภ.เมืองเชียงใหม่\">\n  <!ENTITY bureau \"ภ.๕\">\n]>\n<report xmlns", in: xml)
                .replacingOccurrences(of: "<station>สภ.เมืองเชียงใหม่</station>", with: "<station>&station;</station>")
                .replacingOccurrences(of: "<bureau>ภ.๕</bureau>", with: "<bureau>&bureau;</bureau>"),
             follow: { form, finding in
                 var corrected = form
                 let start = try #require(corrected.range(of: "<!DOCTYPE"))
                 let end = try #require(corrected.range(of: "]>\n"))
                 corrected.removeSubrange(start.lowerBound..<end.upperBound)
                 let pairs = try Regex(#"(&[a-z]+;) → \"([^\"]*)\""#)
                 let replacements = finding.messageEN.matches(of: pairs).compactMap { match -> (String, String)? in
                     guard let name = match.output[1].substring, let value = match.output[2].substring else { return nil }
                     return (String(name), String(value))
                 }
                 #expect(replacements.count == 2, "\(finding.messageEN)")
                 for (name, value) in replacements { corrected = corrected.replacingOccurrences(of: name, with: value) }
                 return corrected
             }),
        Case(name: "an XInclude: put the data in the form itself", rule: .unsafeXML,
             form: replacing("<evidence>บันทึกข้อตกลงกับ อบต.สุเทพ</evidence>",
                             "<evidence><xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"e.txt\"/></evidence>", in: xml),
             follow: { form, _ in
                 form.replacingOccurrences(of: "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"e.txt\"/>",
                                           with: "บันทึกข้อตกลงกับ อบต.สุเทพ")
             }),
        // schema
        Case(name: "an element out of order: what comes here", rule: .schema,
             form: replacing("<fiscalYear>๒๕๖๔</fiscalYear>\n  <round>๖</round>", "<round>๖</round>\n  <fiscalYear>๒๕๖๔</fiscalYear>", in: xml),
             follow: { form, finding in
                 let expected = try capture(#"what comes here is <([a-zA-Z]+)>"#, in: finding.messageEN)
                 #expect(expected == "fiscalYear")
                 return form.replacingOccurrences(of: "<round>๖</round>\n  <fiscalYear>๒๕๖๔</fiscalYear>",
                                                  with: "<fiscalYear>๒๕๖๔</fiscalYear>\n  <round>๖</round>")
             }),
        Case(name: "an unknown element: delete it", rule: .schema,
             form: replacing("<score>", "<remark>ช้า</remark><score>", in: xml),
             follow: { form, finding in
                 let element = try capture(#"move or delete <([a-z]+)>"#, in: finding.messageEN)
                 return form.replacingOccurrences(of: "<\(element)>ช้า</\(element)>", with: "")
             }),
        Case(name: "done is not a boolean: write true or false", rule: .schema,
             form: replacing("done=\"false\"", "done=\"ยัง\"", in: xml),
             follow: { form, finding in
                 let value = try capture(#"or (\w+) \(not done\)"#, in: finding.messageEN)
                 return form.replacingOccurrences(of: "done=\"ยัง\"", with: "done=\"\(value)\"")
             }),
        Case(name: "a missing attribute: add it", rule: .schema,
             form: replacing("<step number=\"๓\" done=\"false\"/>", "<step done=\"false\"/>", in: xml),
             follow: { form, finding in
                 let attribute = try capture(#"lacks its ([a-z]+) attribute"#, in: finding.messageEN)
                 return form.replacingOccurrences(of: "<step done=\"false\"/>", with: "<step \(attribute)=\"๓\" done=\"false\"/>")
             }),
        Case(name: "an attribute the form does not have: delete it", rule: .schema,
             form: replacing("done=\"false\"/>", "done=\"false\" late=\"yes\"/>", in: xml),
             follow: { form, finding in
                 let attribute = try capture(#"has an attribute ([a-z]+) the form"#, in: finding.messageEN)
                 return form.replacingOccurrences(of: " \(attribute)=\"yes\"", with: "")
             }),
        // missing-field
        Case(name: "a required field: fill it in", rule: .missingField,
             form: replacing("หน่วยปฏิบัติ : สภ.เมืองเชียงใหม่\n", "", in: text),
             follow: { form, _ in form.replacingOccurrences(of: "สังกัด :", with: "หน่วยปฏิบัติ : สภ.เมืองเชียงใหม่\nสังกัด :") }),
        Case(name: "a done step without a date: add it as the example shows", rule: .missingField,
             form: replacing("ขั้นตอนที่ ๒ : ดำเนินการแล้ว เมื่อ ๑๐ ม.ค. ๒๕๖๔", "ขั้นตอนที่ ๒ : ดำเนินการแล้ว", in: text),
             follow: { form, _ in
                 form.replacingOccurrences(of: "ขั้นตอนที่ ๒ : ดำเนินการแล้ว\n", with: "ขั้นตอนที่ ๒ : ดำเนินการแล้ว เมื่อ ๑๐ ม.ค. ๒๕๖๔\n")
             }),
        // bad-number, bad-date
        Case(name: "a score in words: write digits", rule: .badNumber,
             form: replacing("คะแนน : ๒๕", "คะแนน : ยี่สิบห้า", in: text),
             follow: { form, _ in form.replacingOccurrences(of: "ยี่สิบห้า", with: "๒๕") }),
        Case(name: "an unreadable date: day, month, Buddhist-Era year", rule: .badDate,
             form: replacing("๒๐ เมษายน ๒๕๖๔", "เมื่อวานนี้", in: text),
             follow: { form, _ in form.replacingOccurrences(of: "เมื่อวานนี้", with: "๒๐ เม.ย. ๒๕๖๔") }),
        // unknown-year, unknown-indicator, bad-round
        Case(name: "a year without rules: the years there are", rule: .unknownYear,
             form: replacing("พ.ศ. ๒๕๖๔", "พ.ศ. ๒๕๖๐", in: text),
             follow: { form, finding in
                 let year = try capture(#"\(known: ([0-9]+)"#, in: finding.messageEN)
                 return form.replacingOccurrences(of: "พ.ศ. ๒๕๖๐", with: "พ.ศ. \(year)")
             }),
        Case(name: "another indicator: this form is for …", rule: .unknownIndicator,
             form: replacing("ตัวชี้วัด : กต.ตร. พบประชาชน", "ตัวชี้วัด : โครงการตำรวจชุมชน", in: text),
             follow: { form, finding in
                 let name = try capture(#"this form is for \"([^\"]+)\" only"#, in: finding.messageEN)
                 return form.replacingOccurrences(of: "โครงการตำรวจชุมชน", with: name)
             }),
        Case(name: "a round there is not: the rounds there are", rule: .badRound,
             form: replacing("รอบ ๖ เดือน", "รอบ ๙ เดือน", in: text),
             follow: { form, finding in
                 let months = try capture(#"must be the ([0-9]+)-month"#, in: finding.messageEN)
                 return form.replacingOccurrences(of: "รอบ ๙ เดือน", with: "รอบ \(months) เดือน")
             }),
        // bad-unit
        Case(name: "an unknown bureau: บช.น. or ภ.1–9", rule: .badUnit,
             form: replacing("สังกัด : ภ.๕", "สังกัด : ภ.๑๐", in: text),
             follow: { form, _ in form.replacingOccurrences(of: "ภ.๑๐", with: "ภ.๕") }),
        Case(name: "a station without its prefix: the full name", rule: .badUnit,
             form: replacing("หน่วยปฏิบัติ : สภ.เมืองเชียงใหม่", "หน่วยปฏิบัติ : เมืองเชียงใหม่", in: text),
             follow: { form, _ in form.replacingOccurrences(of: "หน่วยปฏิบัติ : เมืองเชียงใหม่", with: "หน่วยปฏิบัติ : สภ.เมืองเชียงใหม่") }),
        // bad-step, step-order, out-of-year, future-date, report-date
        Case(name: "a step twice: keep one", rule: .badStep,
             form: replacing("ขั้นตอนที่ ๓ : ยังไม่ดำเนินการ\n", "ขั้นตอนที่ ๓ : ยังไม่ดำเนินการ\nขั้นตอนที่ ๓ : ยังไม่ดำเนินการ\n", in: text),
             follow: { form, _ in form.replacingOccurrences(of: "ขั้นตอนที่ ๓ : ยังไม่ดำเนินการ\nขั้นตอนที่ ๓ : ยังไม่ดำเนินการ\n", with: "ขั้นตอนที่ ๓ : ยังไม่ดำเนินการ\n") }),
        Case(name: "a step beyond the last: steps 1 to 5", rule: .badStep,
             form: replacing("คะแนน : ๒๕", "ขั้นตอนที่ ๖ : ยังไม่ดำเนินการ\nคะแนน : ๒๕", in: text),
             follow: { form, _ in form.replacingOccurrences(of: "ขั้นตอนที่ ๖ : ยังไม่ดำเนินการ\n", with: "") }),
        Case(name: "a step done before an earlier one: check both", rule: .stepOrder,
             form: replacing("ขั้นตอนที่ ๒ : ดำเนินการแล้ว เมื่อ ๑๐ ม.ค. ๒๕๖๔", "ขั้นตอนที่ ๒ : ยังไม่ดำเนินการ", in: text)
                .replacingOccurrences(of: "ขั้นตอนที่ ๓ : ยังไม่ดำเนินการ", with: "ขั้นตอนที่ ๓ : ดำเนินการแล้ว เมื่อ ๕ เม.ย. ๒๕๖๔"),
             follow: { form, _ in form.replacingOccurrences(of: "ขั้นตอนที่ ๒ : ยังไม่ดำเนินการ", with: "ขั้นตอนที่ ๒ : ดำเนินการแล้ว เมื่อ ๑๐ ม.ค. ๒๕๖๔") }),
        Case(name: "a step dated before the fiscal year: report it as not done", rule: .outOfYear,
             form: replacing("ขั้นตอนที่ ๒ : ดำเนินการแล้ว เมื่อ ๑๐ ม.ค. ๒๕๖๔", "ขั้นตอนที่ ๒ : ดำเนินการแล้ว เมื่อ ๑๐ ม.ค. ๒๕๖๓", in: text),
             follow: { form, finding in
                 let word = try capture(#"report it as not done \(\"(\S+)\"\)"#, in: finding.messageEN)
                 return form.replacingOccurrences(of: "ขั้นตอนที่ ๒ : ดำเนินการแล้ว เมื่อ ๑๐ ม.ค. ๒๕๖๓", with: "ขั้นตอนที่ ๒ : \(word)")
             }),
        Case(name: "a step after the report date: check the dates", rule: .futureDate,
             form: replacing("เมื่อ ๑๐ ม.ค. ๒๕๖๔", "เมื่อ ๑๐ พ.ค. ๒๕๖๔", in: text),
             follow: { form, _ in form.replacingOccurrences(of: "เมื่อ ๑๐ พ.ค. ๒๕๖๔", with: "เมื่อ ๑๐ ม.ค. ๒๕๖๔") }),
        Case(name: "a report after the round's deadline: check the date", rule: .reportDate,
             form: replacing("๒๐ เมษายน ๒๕๖๔", "๑ ก.ค. ๒๕๖๔", in: text),
             follow: { form, finding in
                 #expect(finding.messageEN.contains("30 Jun 2021"), "names the deadline: \(finding.messageEN)")
                 return form.replacingOccurrences(of: "๑ ก.ค. ๒๕๖๔", with: "๓๐ มิ.ย. ๒๕๖๔")
             }),
        // score-mismatch, alias, ce-year, unknown-field, bad-phone
        Case(name: "a score the steps do not give: write the one they give", rule: .scoreMismatch,
             form: replacing("คะแนน : ๒๕", "คะแนน : ๕๐", in: text),
             follow: { form, finding in
                 let score = try capture(#"— write ([0-9]+)"#, in: finding.messageEN)
                 return form.replacingOccurrences(of: "คะแนน : ๕๐", with: "คะแนน : \(score)")
             }),
        Case(name: "a variant name: write the canonical one", rule: .alias,
             form: replacing("สังกัด : ภ.๕", "สังกัด : ภาค ๕", in: text),
             follow: { form, finding in
                 let name = try capture(#"write \"([^\"]+)\" next time"#, in: finding.messageEN)
                 return form.replacingOccurrences(of: "ภาค ๕", with: name)
             }),
        Case(name: "a variant name, as the Thai message writes it", rule: .alias,
             form: replacing("สังกัด : ภ.๕", "สังกัด : ภาค ๕", in: text),
             follow: { form, finding in
                 let name = try capture(#"กรุณาเขียน \"([^\"]+)\""#, in: finding.messageTH)
                 return form.replacingOccurrences(of: "ภาค ๕", with: name)
             }),
        Case(name: "a Common Era year: the Buddhist-Era year it became", rule: .ceYear,
             form: replacing("๒๐ เมษายน ๒๕๖๔", "๒๐ เมษายน 2021", in: text),
             follow: { form, finding in
                 let year = try capture(#"converted to ([0-9]+) BE"#, in: finding.messageEN)
                 return form.replacingOccurrences(of: "2021", with: year)
             }),
        Case(name: "an unknown label: use the template's labels", rule: .unknownField,
             form: replacing("ผู้รายงาน :", "ผู้ส่ง :", in: text),
             follow: { form, _ in form.replacingOccurrences(of: "ผู้ส่ง :", with: "ผู้รายงาน :") }),
        Case(name: "a phone number that is not Thai: 9 or 10 digits from 0", rule: .badPhone,
             form: replacing("๐๘๑-๒๓๔-๕๖๗๘", "๑๒๓", in: text),
             follow: { form, _ in form.replacingOccurrences(of: "๑๒๓", with: "๐๘๑-๒๓๔-๕๖๗๘") }),
    ]

    @Test("every rule with an instruction has a case here")
    func everyInstructedRuleIsCovered() {
        let withoutInstruction: Set<Rule> = [.window, .behindPlan]
        // The roster's rule needs a roster; its suggestion is followed in StationRosterTests.
        #expect(Set(Self.cases.map(\.rule)) == Set(Rule.allCases).subtracting(withoutInstruction).subtracting(Rule.rosterRules))
    }

    @Test(arguments: cases)
    func followingTheMessageClearsTheRule(_ item: Case) throws {
        let checker = try #require(Self.checker)
        let before = checker.check(Data(item.form.utf8), file: "form")
        let finding = try #require(before.findings.first { $0.rule == item.rule },
                                   "the form does not trigger \(item.rule.rawValue): \(before.findings.map(\.rule.rawValue))")
        let corrected = try item.follow(item.form, finding)
        #expect(corrected != item.form, "the correction changed nothing")
        let after = checker.check(Data(corrected.utf8), file: "form")
        #expect(!after.findings.contains { $0.rule == item.rule },
                "still \(item.rule.rawValue) after: \(finding.messageEN) → \(after.findings.map(\.messageEN))")
    }
}
