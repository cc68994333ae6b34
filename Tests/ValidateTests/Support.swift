import Foundation
import Ingest
import TestSupport
import Testing
@testable import Validate

/// Repository paths (TestSupport's), by the names these tests use.
enum Repo {
    static let root = RepositoryPaths.root
    static let rules = RepositoryPaths.rules
    static let fy2564 = rules.appendingPathComponent("fy2564.json")
    static let schema = RepositoryPaths.schemas.appendingPathComponent("ruleset.schema.json")
}

/// A temporary folder that removes itself (TestSupport's), by the name these tests use.
typealias TemporaryFolder = TestSupport.TemporaryFolder

/// The repository's rule book and a validator over it.
func repositoryValidator() throws -> Validator {
    Validator(ruleBook: try RuleBook.load(from: Repo.rules))
}

/// The lines the builder gives each field: those of the plain-text example in
/// docs/forms.md#the-plain-text-form (line 1 is its title).
let exampleLines: [FormField: Int] = [
    .indicator: 2, .fiscalYear: 3, .round: 4, .station: 5, .bureau: 6, .province: 7,
    .reportedOn: 8, .score: 12, .reporter: 13, .phone: 14,
]

/// A step as a form writes it, on one line.
func step(_ number: String, done: Bool, date: String? = nil, evidence: String? = nil, line: Int) -> StepEntry {
    StepEntry(number: FieldValue(number, line: line), done: done,
              date: date.map { FieldValue($0, line: line) }, evidence: evidence, line: line)
}

extension ReportForm {
    /// The plain-text example of docs/forms.md#the-plain-text-form, value for value.
    static var example: ReportForm {
        var form = ReportForm(format: .text, encoding: .utf8)
        let values: [FormField: String] = [
            .indicator: "กต.ตร. พบประชาชน",
            .fiscalYear: "พ.ศ. ๒๕๖๔",
            .round: "รอบ ๖ เดือน",
            .station: "สภ.เมืองเชียงใหม่",
            .bureau: "ภ.๕",
            .province: "เชียงใหม่",
            .reportedOn: "๒๐ เมษายน ๒๕๖๔",
            .score: "๒๕",
            .reporter: "ร.ต.อ.สมชาย ใจดี",
            .phone: "๐๘๑-๒๓๔-๕๖๗๘",
        ]
        for (field, text) in values { form[field] = FieldValue(text, line: exampleLines[field]) }
        form.steps = [
            step("๑", done: true, date: "๑๕ พ.ย. ๒๕๖๓", evidence: "บันทึกข้อตกลงกับ อบต.สุเทพ", line: 9),
            step("๒", done: true, date: "๑๐ ม.ค. ๒๕๖๔", line: 10),
            step("๓", done: false, line: 11),
        ]
        return form
    }

    /// A complete 12-month report: all five steps done inside their windows, score 100,
    /// reported on 15 ต.ค. ๒๕๖๔.
    static var complete: ReportForm {
        ReportForm.example
            .setting(.round, "รอบ ๑๒ เดือน")
            .setting(.reportedOn, "๑๕ ต.ค. ๒๕๖๔")
            .setting(.score, "๑๐๐")
            .withSteps(doneThrough: 5)
    }

    /// The same form with `field` set to `text` (on the field's example line).
    func setting(_ field: FormField, _ text: String) -> ReportForm {
        var form = self
        form[field] = FieldValue(text, line: exampleLines[field])
        return form
    }

    /// The same form without `field`.
    func removing(_ field: FormField) -> ReportForm {
        var form = self
        form[field] = nil
        return form
    }

    /// The same form with these steps, on lines 9, 10, ….
    func withSteps(_ steps: [(number: String, done: Bool, date: String?)]) -> ReportForm {
        var form = self
        form.steps = steps.enumerated().map { index, entry in
            step(entry.number, done: entry.done, date: entry.date, line: 9 + index)
        }
        return form
    }

    /// Steps 1…`level` done, each on a date inside its FY2564 window; the rest not given.
    func withSteps(doneThrough level: Int) -> ReportForm {
        let dates = ["๑๕ พ.ย. ๒๕๖๓", "๑๐ ม.ค. ๒๕๖๔", "๕ เม.ย. ๒๕๖๔", "๒๐ พ.ค. ๒๕๖๔", "๑ ส.ค. ๒๕๖๔"]
        return withSteps((0..<level).map { (ThaiDigits.thai($0 + 1), true, dates[$0]) })
    }
}

/// The rules of the findings, in order.
func rules(_ findings: [Finding]) -> [Rule] { findings.map(\.rule) }

extension Validator {
    /// The findings of `rule` only.
    func findings(_ form: ReportForm, _ rule: Rule) -> [Finding] {
        validate(form).findings.filter { $0.rule == rule }
    }
}
