import Foundation
import Ingest
import Testing
@testable import Validate

/// The validator on whole forms: the contract's example, a complete report, the order of findings.
@Suite("Validator: whole forms")
struct ValidatorTests {
    let validator: Validator

    init() throws {
        validator = try repositoryValidator()
    }

    // MARK: The example and the complete report

    @Test("docs/forms.md#the-plain-text-form example: accepted, level 2, score 25, below target, no findings")
    func exampleForm() throws {
        let (findings, result) = validator.validate(.example)
        #expect(findings.isEmpty, "unexpected: \(findings.map(\.messageEN))")
        let record = try #require(result)
        #expect(record.indicator == "กต.ตร. พบประชาชน")
        #expect(record.fiscalYear == 2564)
        #expect(record.round == 6)
        #expect(record.station == "สภ.เมืองเชียงใหม่")
        #expect(record.bureau == "ภ.5")
        #expect(record.province == "เชียงใหม่")
        #expect(record.reportedOn == CalendarDate(year: 2021, month: 4, day: 20))
        #expect(record.level == 2)
        #expect(record.score == 25)
        #expect(record.target == .below)
        #expect(record.reporter == "ร.ต.อ.สมชาย ใจดี")
        #expect(record.phone == "0812345678")
        #expect(record.steps.map(\.number) == [1, 2, 3, 4, 5])
        #expect(record.steps.map(\.done) == [true, true, false, false, false])
        #expect(record.steps[0].date == CalendarDate(year: 2020, month: 11, day: 15))
        #expect(record.steps[0].evidence == "บันทึกข้อตกลงกับ อบต.สุเทพ")
        #expect(record.steps[1].date == CalendarDate(year: 2021, month: 1, day: 10))
    }

    @Test("A complete 12-month report has no findings and reaches the advanced target")
    func completeForm() throws {
        let (findings, record) = validator.validate(.complete)
        #expect(findings.isEmpty, "unexpected: \(findings.map(\.messageEN))")
        #expect(record?.level == 5)
        #expect(record?.target == .advanced)
    }

    // MARK: Order of findings

    @Test("Findings come in line order; those without a line come last")
    func lineOrder() {
        let form = ReportForm.example
            .setting(.phone, "12")                 // line 14
            .setting(.bureau, "ภาค ๕")              // line 6
            .setting(.score, "๗๕")                  // line 12
            .withSteps([("๑", true, "๑๕ พ.ย. ๒๕๖๓")]) // step 2 absent: behind-plan, no line
        let lines = validator.validate(form).findings.map(\.line)
        #expect(lines == [6, 12, 14, nil])
    }
}
