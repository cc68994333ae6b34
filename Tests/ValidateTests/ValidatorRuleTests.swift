import Foundation
import Ingest
import Testing
@testable import Validate

/// One case that triggers each content rule of docs/forms.md#every-rule, and one that does not.
@Suite("Validator: content rules")
struct ValidatorRuleTests {
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

    // MARK: missing-field

    @Test("missing-field: each required field left out", arguments: [
        FormField.indicator, .fiscalYear, .round, .station, .bureau, .reportedOn,
    ])
    func missingRequiredField(field: FormField) {
        let (findings, record) = validator.validate(ReportForm.example.removing(field))
        let missing = findings.filter { $0.rule == .missingField }
        #expect(missing.map(\.messageEN) == [Finding(.missingField(field)).messageEN])
        #expect(missing.first?.severity == .error)
        #expect(record == nil)
    }

    @Test("missing-field: a blank value counts as left out, on its line")
    func blankField() {
        let found = validator.findings(ReportForm.example.setting(.station, " "), .missingField)
        #expect(found.map(\.line) == [exampleLines[.station]])
    }

    @Test("missing-field: a done step without a date")
    func doneStepWithoutDate() {
        let form = ReportForm.example.withSteps([("๑", true, "๑๕ พ.ย. ๒๕๖๓"), ("๒", true, nil)])
        let found = validator.findings(form, .missingField)
        #expect(found.count == 1)
        #expect(found.first?.step == 2)
        #expect(found.first?.line == 10)
        #expect(validator.findings(.example, .missingField).isEmpty)
    }

    @Test("missing-field: a 12-month report without a score; with one it is fine")
    func finalRoundWithoutScore() {
        let found = validator.findings(ReportForm.complete.removing(.score), .missingField)
        #expect(found.map(\.messageEN) == [Finding(.missingScoreForFinalRound).messageEN])
        #expect(validator.findings(.complete, .missingField).isEmpty)
        // The 6-month round does not require one.
        #expect(validator.findings(ReportForm.example.removing(.score), .missingField).isEmpty)
    }

    @Test("missing-field: the province is optional, for provincial and Bangkok stations alike")
    func provinceOptional() throws {
        let provincial = validator.validate(ReportForm.example.removing(.province))
        #expect(provincial.findings.isEmpty)
        #expect(provincial.record != nil)
        #expect(provincial.record?.province == nil)
        let bangkok = ReportForm.example
            .setting(.station, "สน.ลุมพินี").setting(.bureau, "บช.น.").removing(.province)
        let result = validator.validate(bangkok)
        #expect(result.findings.isEmpty)
        #expect(result.record?.bureau == "บช.น.")
    }

    // MARK: bad-number

    @Test("bad-number: a field that is not a number", arguments: [
        (FormField.fiscalYear, "ปีนี้"), (.round, "หก เดือน"), (.score, "ยี่สิบห้า"), (.score, "25.5"),
    ])
    func badNumber(field: FormField, text: String) {
        let found = validator.findings(ReportForm.example.setting(field, text), .badNumber)
        #expect(found.count == 1)
        #expect(found.first?.line == exampleLines[field])
        #expect(found.first?.messageTH.contains(text) == true)
    }

    @Test("bad-number: accepted spellings of numbers", arguments: [
        (FormField.fiscalYear, "๒๕๖๔"), (.fiscalYear, "2564"), (.fiscalYear, "พ.ศ.2564"), (.fiscalYear, "๖๔"),
        (.round, "๖"), (.round, "6 เดือน"), (.round, "6 months"), (.round, "round 6"),
        (.score, "25 คะแนน"), (.score, "25.00"), (.score, "๒๕%"),
    ])
    func goodNumber(field: FormField, text: String) {
        let (findings, record) = validator.validate(ReportForm.example.setting(field, text))
        #expect(findings.isEmpty, "\(text): \(findings.map(\.messageEN))")
        #expect(record?.fiscalYear == 2564)
        #expect(record?.round == 6)
    }

    @Test("bad-number: a step number that is not a number")
    func badStepNumber() {
        let form = ReportForm.example.withSteps([("๑", true, "๑๕ พ.ย. ๒๕๖๓"), ("สอง", true, "๑๐ ม.ค. ๒๕๖๔")])
        let found = validator.findings(form, .badNumber)
        #expect(found.count == 1)
        #expect(found.first?.line == 10)
        #expect(validator.findings(.example, .badNumber).isEmpty)
    }

    // MARK: bad-date

    @Test("bad-date: a report date that cannot be read or does not exist", arguments: [
        "เมื่อวานนี้", "๓๑ ก.พ. ๒๕๖๔", "๒๙ ก.พ. ๒๕๖๔",
    ])
    func badReportDate(text: String) {
        let (findings, record) = validator.validate(ReportForm.example.setting(.reportedOn, text))
        let found = findings.filter { $0.rule == .badDate }
        #expect(found.count == 1)
        #expect(found.first?.line == exampleLines[.reportedOn])
        #expect(found.first?.step == nil)
        #expect(record == nil)
    }

    @Test("bad-date: a step date that does not exist names the step")
    func badStepDate() {
        let form = ReportForm.example.withSteps([("๑", true, "๓๑ พ.ย. ๒๕๖๓")])
        let found = validator.findings(form, .badDate)
        #expect(found.map(\.step) == [1])
        #expect(found.map(\.line) == [9])
        #expect(validator.findings(.example, .badDate).isEmpty)
    }

    // MARK: ce-year

    @Test("ce-year: a Common Era report date is converted and warned; the form is accepted")
    func ceReportDate() {
        let (findings, record) = validator.validate(ReportForm.example.setting(.reportedOn, "20 เม.ย. 2021"))
        #expect(rules(findings) == [.ceYear])
        #expect(findings.first?.severity == .warning)
        #expect(!findings.hasErrors)
        #expect(record?.reportedOn == CalendarDate(year: 2021, month: 4, day: 20))
    }

    @Test("ce-year: a Common Era step date names the step")
    func ceStepDate() {
        let form = ReportForm.example.withSteps([("๑", true, "15 พ.ย. 2020"), ("๒", true, "๑๐ ม.ค. ๒๕๖๔")])
        let found = validator.findings(form, .ceYear)
        #expect(found.map(\.step) == [1])
    }

    @Test("ce-year: a Common Era fiscal year 2021 is read as 2564")
    func ceFiscalYear() {
        let (findings, record) = validator.validate(ReportForm.example.setting(.fiscalYear, "2021"))
        #expect(rules(findings) == [.ceYear])
        #expect(record?.fiscalYear == 2564)
        #expect(validator.findings(.example, .ceYear).isEmpty)
    }

    // MARK: unknown-year

    @Test("unknown-year: no rule set for 2563; no record, year-independent rules still run")
    func unknownYear() {
        let form = ReportForm.example.setting(.fiscalYear, "๒๕๖๓").setting(.phone, "12").removing(.station)
        let (findings, record) = validator.validate(form)
        #expect(Set(rules(findings)) == [.unknownYear, .badPhone, .missingField])
        #expect(findings.first { $0.rule == .unknownYear }?.messageEN.contains("2564") == true)
        #expect(record == nil)
        #expect(validator.findings(.example, .unknownYear).isEmpty)
    }

    // MARK: unknown-indicator

    @Test("unknown-indicator: another indicator")
    func unknownIndicator() {
        let form = ReportForm.example.setting(.indicator, "โครงการตำรวจชุมชน")
        let found = validator.findings(form, .unknownIndicator)
        #expect(found.count == 1)
        #expect(found.first?.line == exampleLines[.indicator])
    }

    @Test("unknown-indicator: the names that match", arguments: [
        "กต.ตร. พบประชาชน", "กต.ตร.พบประชาชน", "กต.ตร.  พบ ประชาชน",
        "โครงการ กต.ตร. พบประชาชน", "ระดับความสำเร็จของการดำเนินการตามโครงการ กต.ตร. พบประชาชน",
    ])
    func knownIndicator(text: String) {
        let (findings, record) = validator.validate(ReportForm.example.setting(.indicator, text))
        #expect(findings.isEmpty)
        #expect(record?.indicator == "กต.ตร. พบประชาชน")
    }

    // MARK: bad-round

    @Test("bad-round: a round the rule set does not have")
    func badRound() {
        let found = validator.findings(ReportForm.example.setting(.round, "รอบ ๙ เดือน"), .badRound)
        #expect(found.count == 1)
        #expect(found.first?.messageEN.contains("6-month or 12-month") == true)
        #expect(validator.findings(ReportForm.complete, .badRound).isEmpty)
    }

    // MARK: bad-unit

    @Test("bad-unit: unknown bureaus, stations under the wrong bureau, bad station names, provinces", arguments: [
        (FormField.bureau, "ภ.10"),
        (.bureau, "บช.ก."),
        (.station, "สน.ลุมพินี"),               // สน. under ภ.5
        (.station, "เมืองเชียงใหม่"),            // no prefix
        (.station, "สภ."),                       // only a prefix
        (.station, "สถานีตำรวจภูธร"),            // only a (long) prefix
        (.province, "ปารีส"),                    // not a province
        (.province, "ภูเก็ต"),                   // outside ภ.5
    ])
    func badUnit(field: FormField, text: String) {
        let found = validator.findings(ReportForm.example.setting(field, text), .badUnit)
        #expect(found.count == 1, "\(text)")
        #expect(found.first?.line == exampleLines[field])
    }

    @Test("bad-unit: a สภ. station under บช.น.")
    func provincialStationUnderBangkok() {
        let form = ReportForm.example.setting(.bureau, "บช.น.").removing(.province)
        let found = validator.findings(form, .badUnit)
        #expect(found.map(\.messageEN) == [
            Finding(.stationNotUnderBureau(station: "สภ.เมืองเชียงใหม่", bureau: "บช.น.", expectedPrefix: "สน.")).messageEN,
        ])
    }

    @Test("bad-unit: known units in every bureau", arguments: [
        ("สน.ลุมพินี", "บช.น.", "กรุงเทพมหานคร"), ("สภ.บางบัวทอง", "ภ.1", "นนทบุรี"),
        ("สภ.เมืองชลบุรี", "ภ.2", "ชลบุรี"), ("สภ.เมืองนครราชสีมา", "ภ.3", "นครราชสีมา"),
        ("สภ.เมืองขอนแก่น", "ภ.4", "ขอนแก่น"), ("สภ.เมืองเชียงราย", "ภ.5", "เชียงราย"),
        ("สภ.เมืองพิษณุโลก", "ภ.6", "พิษณุโลก"), ("สภ.เมืองนครปฐม", "ภ.7", "นครปฐม"),
        ("สภ.เมืองภูเก็ต", "ภ.8", "ภูเก็ต"), ("สภ.หาดใหญ่", "ภ.9", "สงขลา"),
    ])
    func goodUnit(station: String, bureau: String, province: String) {
        let form = ReportForm.example.setting(.station, station).setting(.bureau, bureau).setting(.province, province)
        let (findings, record) = validator.validate(form)
        #expect(findings.isEmpty, "\(station): \(findings.map(\.messageEN))")
        #expect(record?.bureau == bureau)
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

    @Test("window: a done step dated outside its window")
    func outsideWindow() {
        let form = ReportForm.example.withSteps([("๑", true, "๕ ม.ค. ๒๕๖๔"), ("๒", true, "๑๐ ม.ค. ๒๕๖๔")])
        let found = validator.findings(form, .window)
        #expect(found.map(\.step) == [1])
        #expect(found.first?.messageTH.contains("ต.ค. – ธ.ค. ๒๕๖๓") == true)
        #expect(validator.findings(.example, .window).isEmpty)
    }

    @Test("window: the first and last day of a window are inside it")
    func windowEdges() {
        let form = ReportForm.example.withSteps([("๑", true, "๑ ต.ค. ๒๕๖๓"), ("๒", true, "๓๑ มี.ค. ๒๕๖๔")])
        #expect(validator.findings(form, .window).isEmpty)
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

    // MARK: bad-phone

    @Test("bad-phone: not a Thai number is a warning; digits are kept")
    func badPhone() {
        let (findings, record) = validator.validate(ReportForm.example.setting(.phone, "1234"))
        #expect(rules(findings) == [.badPhone])
        #expect(findings.first?.severity == .warning)
        #expect(record?.phone == "1234")
        let thai = validator.validate(ReportForm.example.setting(.phone, "๐๘๖-๕๕๕-๐๑๒๓"))
        #expect(thai.findings.isEmpty)
        #expect(thai.record?.phone == "0865550123")
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
