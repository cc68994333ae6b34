import Foundation
import Ingest
import Testing
@testable import Validate

/// The step and window rules (Rules/StepRules.swift): one case that triggers each, and one that does not.
@Suite("Validator: step and window rules")
struct StepRuleTests {
    let validator: Validator

    init() throws {
        validator = try repositoryValidator()
    }

    // MARK: A step's own values

    @Test("missing-field: a done step without a date")
    func doneStepWithoutDate() {
        let form = ReportForm.example.withSteps([("๑", true, "๑๕ พ.ย. ๒๕๖๓"), ("๒", true, nil)])
        let found = validator.findings(form, .missingField)
        #expect(found.count == 1)
        #expect(found.first?.step == 2)
        #expect(found.first?.line == 10)
        #expect(validator.findings(.example, .missingField).isEmpty)
    }

    @Test("bad-number: a step number that is not a number")
    func badStepNumber() {
        let form = ReportForm.example.withSteps([("๑", true, "๑๕ พ.ย. ๒๕๖๓"), ("สอง", true, "๑๐ ม.ค. ๒๕๖๔")])
        let found = validator.findings(form, .badNumber)
        #expect(found.count == 1)
        #expect(found.first?.line == 10)
        #expect(validator.findings(.example, .badNumber).isEmpty)
    }

    @Test("bad-date: a step date that does not exist names the step")
    func badStepDate() {
        let form = ReportForm.example.withSteps([("๑", true, "๓๑ พ.ย. ๒๕๖๓")])
        let found = validator.findings(form, .badDate)
        #expect(found.map(\.step) == [1])
        #expect(found.map(\.line) == [9])
        #expect(validator.findings(.example, .badDate).isEmpty)
    }

    @Test("ce-year: a Common Era step date names the step")
    func ceStepDate() {
        let form = ReportForm.example.withSteps([("๑", true, "15 พ.ย. 2020"), ("๒", true, "๑๐ ม.ค. ๒๕๖๔")])
        let found = validator.findings(form, .ceYear)
        #expect(found.map(\.step) == [1])
    }

    // MARK: bad-step

    @Test("bad-step: a step number given twice, or outside 1–5", arguments: [
        [("๑", true, "๑๕ พ.ย. ๒๕๖๓"), ("๑", true, "๑๖ พ.ย. ๒๕๖๓")],
        [("๑", true, "๑๕ พ.ย. ๒๕๖๓"), ("๖", false, nil)],
        [("๐", false, nil), ("๑", true, "๑๕ พ.ย. ๒๕๖๓")],
    ] as [[(String, Bool, String?)]])
    func badStep(steps: [(String, Bool, String?)]) {
        let form = ReportForm.example.setting(.reportedOn, "๑ ม.ค. ๒๕๖๔").removing(.score)
            .withSteps(steps.map { (number: $0.0, done: $0.1, date: $0.2) })
        let found = validator.findings(form, .badStep)
        #expect(found.count == 1)
        #expect(found.first?.line != nil)
        #expect(validator.findings(.complete, .badStep).isEmpty)
    }

    @Test("bad-step: the repeat points back at the first")
    func duplicateStepMessage() {
        let form = ReportForm.example.withSteps([
            ("๑", true, "๑๕ พ.ย. ๒๕๖๓"), ("๒", true, "๑๐ ม.ค. ๒๕๖๔"), ("๒", false, nil),
        ])
        let found = validator.findings(form, .badStep)
        #expect(found.map(\.line) == [11])
        #expect(found.first?.messageEN.contains("first on line 10") == true)
    }

    // MARK: step-order

    @Test("step-order: a step done while an earlier one is not")
    func doneAfterGap() throws {
        let form = ReportForm.example.setting(.score, "๐").withSteps([
            ("๑", false, nil), ("๒", true, "๑๐ ม.ค. ๒๕๖๔"),
        ])
        let (findings, record) = validator.validate(form)
        let found = findings.filter { $0.rule == .stepOrder }
        #expect(found.map(\.step) == [2])
        #expect(found.map(\.line) == [10])
        #expect(record?.level == 0)
    }

    @Test("step-order: a done step dated before the step before it; the same day is fine")
    func datedBeforePrevious() {
        let before = ReportForm.example.withSteps([("๑", true, "๑๐ ธ.ค. ๒๕๖๓"), ("๒", true, "๑ ม.ค. ๒๕๖๔")])
            .setting(.reportedOn, "๒๐ เม.ย. ๒๕๖๔")
        #expect(validator.findings(before, .stepOrder).isEmpty)
        // Windows allow step 3 and step 4 in the same months: dating 4 before 3 is the error.
        let reversed = ReportForm.complete.withSteps([
            ("๑", true, "๑๕ พ.ย. ๒๕๖๓"), ("๒", true, "๑๐ ม.ค. ๒๕๖๔"), ("๓", true, "๒๐ พ.ค. ๒๕๖๔"),
            ("๔", true, "๕ เม.ย. ๒๕๖๔"), ("๕", true, "๑ ส.ค. ๒๕๖๔"),
        ])
        let found = validator.findings(reversed, .stepOrder)
        #expect(found.map(\.step) == [4])
        let sameDay = ReportForm.complete.withSteps([
            ("๑", true, "๑๕ พ.ย. ๒๕๖๓"), ("๒", true, "๑๐ ม.ค. ๒๕๖๔"), ("๓", true, "๒๐ พ.ค. ๒๕๖๔"),
            ("๔", true, "๒๐ พ.ค. ๒๕๖๔"), ("๕", true, "๑ ส.ค. ๒๕๖๔"),
        ])
        #expect(validator.validate(sameDay).findings.isEmpty)
    }

    // MARK: window

    @Test("window: a done step inside the fiscal year but outside its window is a warning; it counts, not on time")
    func outsideWindow() throws {
        let form = ReportForm.example.withSteps([("๑", true, "๕ ม.ค. ๒๕๖๔"), ("๒", true, "๑๐ ม.ค. ๒๕๖๔")])
        let (findings, result) = validator.validate(form)
        let found = findings.filter { $0.rule == .window }
        #expect(found.map(\.step) == [1])
        #expect(found.map(\.severity) == [.warning])
        #expect(found.first?.messageTH.contains("ต.ค. – ธ.ค. ๒๕๖๓") == true)
        #expect(!findings.hasErrors, "\(findings.map(\.messageEN))")
        let record = try #require(result)
        #expect(record.level == 2)
        #expect(record.steps.map(\.onTime) == [false, true, nil, nil, nil])
        #expect(validator.findings(.example, .window).isEmpty)
    }

    @Test("window: on_time is true in the window, null for a step not done or done without a date")
    func onTimeValues() throws {
        let example = try #require(validator.validate(.example).record)
        #expect(example.steps.map(\.onTime) == [true, true, nil, nil, nil])
        let withoutDate = ReportForm.example.withSteps([("๑", true, "๑๕ พ.ย. ๒๕๖๓"), ("๒", true, nil)])
        let record = try #require(validator.validate(withoutDate).record)
        #expect(record.steps.map(\.onTime) == [true, nil, nil, nil, nil])
    }

    @Test("window: the first and last day of a window are inside it")
    func windowEdges() {
        let form = ReportForm.example.withSteps([("๑", true, "๑ ต.ค. ๒๕๖๓"), ("๒", true, "๓๑ มี.ค. ๒๕๖๔")])
        #expect(validator.findings(form, .window).isEmpty)
    }

    // MARK: out-of-year

    @Test("out-of-year: a done step dated before the fiscal year starts or after it ends", arguments: [
        "๓๐ ก.ย. ๒๕๖๓", "๑ ม.ค. ๒๕๖๓", "๑ ต.ค. ๒๕๖๔",
    ])
    func outOfYear(date: String) throws {
        let form = ReportForm.complete.setting(.reportedOn, "๒๐ ธ.ค. ๒๕๖๔").withSteps([
            ("๑", true, "๑๕ พ.ย. ๒๕๖๓"), ("๒", true, "๑๐ ม.ค. ๒๕๖๔"), ("๓", true, "๕ เม.ย. ๒๕๖๔"),
            ("๔", true, "๒๐ พ.ค. ๒๕๖๔"), ("๕", true, date),
        ])
        let (findings, record) = validator.validate(form)
        let found = findings.filter { $0.rule == .outOfYear }
        #expect(found.map(\.step) == [5])
        #expect(found.map(\.line) == [13])
        #expect(found.first?.severity == .error)
        #expect(found.first?.messageTH.contains("๑ ต.ค. ๒๕๖๓ – ๓๐ ก.ย. ๒๕๖๔") == true)
        // Not also a window warning: out of the year says it all.
        #expect(findings.filter { $0.rule == .window }.isEmpty)
        #expect(record?.steps[4].onTime == false)
    }

    @Test("out-of-year: the fiscal year's first and last days are inside it")
    func fiscalYearEdges() {
        let first = ReportForm.example.withSteps([("๑", true, "๑ ต.ค. ๒๕๖๓"), ("๒", true, "๑๐ ม.ค. ๒๕๖๔")])
        #expect(validator.findings(first, .outOfYear).isEmpty)
        let last = ReportForm.complete.setting(.reportedOn, "๒๐ ธ.ค. ๒๕๖๔").withSteps([
            ("๑", true, "๑๕ พ.ย. ๒๕๖๓"), ("๒", true, "๑๐ ม.ค. ๒๕๖๔"), ("๓", true, "๕ เม.ย. ๒๕๖๔"),
            ("๔", true, "๒๐ พ.ค. ๒๕๖๔"), ("๕", true, "๓๐ ก.ย. ๒๕๖๔"),
        ])
        #expect(validator.validate(last).findings.isEmpty)
    }

    // MARK: future-date

    @Test("future-date: a step dated after the report date")
    func stepAfterReport() {
        let form = ReportForm.example.setting(.reportedOn, "๑ ก.พ. ๒๕๖๔")
            .withSteps([("๑", true, "๑๕ พ.ย. ๒๕๖๓"), ("๒", true, "๑๕ ก.พ. ๒๕๖๔")])
        let (findings, _) = validator.validate(form)
        #expect(rules(findings) == [.futureDate])
        #expect(findings.first?.step == 2)
        let sameDay = ReportForm.example.setting(.reportedOn, "๑๐ ม.ค. ๒๕๖๔")
        #expect(validator.findings(sameDay, .futureDate).isEmpty)
    }

    // MARK: behind-plan

    @Test("behind-plan: a step whose window closed is not done (given or absent)")
    func behindPlan() {
        let notDone = ReportForm.example.setting(.score, "๐")
            .withSteps([("๑", true, "๑๕ พ.ย. ๒๕๖๓"), ("๒", false, nil)])
        let found = validator.findings(notDone, .behindPlan)
        #expect(found.map(\.step) == [2])
        #expect(found.map(\.line) == [10])
        #expect(found.first?.severity == .warning)

        let absent = ReportForm.example.withSteps([("๑", true, "๑๕ พ.ย. ๒๕๖๓")])
        let absentFound = validator.findings(absent, .behindPlan)
        #expect(absentFound.map(\.step) == [2])
        #expect(absentFound.first?.line == nil)
        #expect(validator.findings(.example, .behindPlan).isEmpty)
    }
}
