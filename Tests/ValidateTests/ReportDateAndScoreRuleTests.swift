import Foundation
import Ingest
import Testing
@testable import Validate

/// The report-date and score rules (Rules/ReportDateAndScoreRules.swift): one case that triggers each, and one that does not.
@Suite("Validator: report date and score rules")
struct ReportDateAndScoreRuleTests {
    let validator: Validator

    init() throws {
        validator = try repositoryValidator()
    }

    // MARK: report-date

    @Test("report-date: before the fiscal year starts")
    func reportBeforeFiscalYear() {
        let form = ReportForm.example.setting(.reportedOn, "๓๐ ก.ย. ๒๕๖๓").withSteps(doneThrough: 0).setting(.score, "๐")
        #expect(rules(validator.validate(form).findings) == [.reportDate])
    }

    @Test("report-date: the round's deadline is the end of the third month after its period", arguments: [
        ("รอบ ๖ เดือน", "๓๐ มิ.ย. ๒๕๖๔", false), ("รอบ ๖ เดือน", "๑ ก.ค. ๒๕๖๔", true),
        ("รอบ ๑๒ เดือน", "๓๑ ธ.ค. ๒๕๖๔", false), ("รอบ ๑๒ เดือน", "๑ ม.ค. ๒๕๖๕", true),
    ])
    func reportDeadline(round: String, reportedOn: String, late: Bool) {
        let form = ReportForm.complete.setting(.round, round).setting(.reportedOn, reportedOn)
        let found = validator.findings(form, .reportDate)
        #expect(found.count == (late ? 1 : 0))
        #expect(found.allSatisfy { $0.line == exampleLines[.reportedOn] })
    }

    // MARK: score-mismatch

    @Test("score-mismatch: a score other than the steps give")
    func scoreMismatch() {
        let found = validator.findings(ReportForm.example.setting(.score, "๕๐"), .scoreMismatch)
        #expect(found.count == 1)
        #expect(found.first?.messageEN.contains("write 25") == true)
        #expect(validator.findings(.example, .scoreMismatch).isEmpty)
    }

    // MARK: missing-field (the round's score)

    @Test("missing-field: a 12-month report without a score; with one it is fine")
    func finalRoundWithoutScore() {
        let found = validator.findings(ReportForm.complete.removing(.score), .missingField)
        #expect(found.map(\.messageEN) == [Finding(.missingScoreForFinalRound).messageEN])
        #expect(validator.findings(.complete, .missingField).isEmpty)
        // The 6-month round does not require one.
        #expect(validator.findings(ReportForm.example.removing(.score), .missingField).isEmpty)
    }
}
