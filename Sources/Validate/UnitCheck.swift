import Ingest

/// A station, its bureau and province checked as a form's unit is (`bad-unit`, the
/// aliases): what `pipeline roster import` checks each row by.
public struct UnitCheck: Sendable {
    /// Canonical names, when the station and the bureau resolved.
    public var station: String?
    public var bureau: String?
    public var province: String?
    /// `bad-unit` errors and `alias` warnings, each with the line given.
    public var findings: [Finding]

    /// No error: the unit is one the rule set knows, in a bureau that has it.
    public var isValid: Bool { station != nil && bureau != nil && !findings.hasErrors }
}

extension Validator {
    /// Checks a unit against the rule set of `fiscalYear` (the latest when it has none),
    /// exactly as the unit of a form is checked; findings carry `line`.
    public func checkUnit(station: String, bureau: String, province: String, line: Int, fiscalYear: Int? = nil) -> UnitCheck {
        var form = ReportForm(format: .text, encoding: .utf8)
        form[.station] = FieldValue(ThaiText.normalize(station), line: line)
        form[.bureau] = FieldValue(ThaiText.normalize(bureau), line: line)
        form[.province] = FieldValue(ThaiText.normalize(province), line: line)
        let year = fiscalYear.flatMap { ruleBook.ruleSet(forFiscalYear: $0) != nil ? $0 : nil } ?? ruleBook.fiscalYears.last
        guard let year, let ruleSet = ruleBook.ruleSet(forFiscalYear: year) else {
            return UnitCheck(findings: [])
        }
        var check = FormCheck(form: form, ruleBook: ruleBook)
        let units = check.checkUnits(ruleSet)
        var result = UnitCheck(station: units?.station, bureau: units?.bureau, province: units?.province, findings: check.findings)
        if ThaiText.isBlank(province) {
            result.findings.append(Finding(.missingField(.province), line: line))
        }
        return result
    }
}
