import Foundation
import Ingest
import Testing
@testable import Validate

/// The field rules (Rules/FieldRules.swift): one case that triggers each, and one that does not.
@Suite("Validator: field rules")
struct FieldRuleTests {
    let validator: Validator

    init() throws {
        validator = try repositoryValidator()
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

    // MARK: ce-year

    @Test("ce-year: a Common Era report date is converted and warned; the form is accepted")
    func ceReportDate() {
        let (findings, record) = validator.validate(ReportForm.example.setting(.reportedOn, "20 เม.ย. 2021"))
        #expect(rules(findings) == [.ceYear])
        #expect(findings.first?.severity == .warning)
        #expect(!findings.hasErrors)
        #expect(record?.reportedOn == CalendarDate(year: 2021, month: 4, day: 20))
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
}
