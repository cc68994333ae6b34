import Ingest

// The field rules: `missing-field` (required fields), `bad-number`, `bad-date`, `ce-year`,
// `unknown-indicator`, `bad-round` and `bad-phone`. What each field's text may look like is
// Ingest's (`FiscalYearText`, `RoundText`, `ThaiNumber`, `ThaiDateParser`, `PhoneNumber`);
// whether it is acceptable is decided here.

extension FormCheck {
    /// The fields every form must give.
    static let requiredFields: [FormField] = [.indicator, .fiscalYear, .round, .station, .bureau, .reportedOn]

    /// `missing-field` for each required field left out or blank, on its line when blank.
    mutating func checkRequiredFields() {
        for field in Self.requiredFields where value(field) == nil {
            report(.missingField(field), line: form[field]?.line)
        }
    }

    // MARK: Numbers

    /// The fiscal year in the Buddhist Era; a Common Era year is converted with a `ce-year`
    /// warning, anything else that is not a year is `bad-number`.
    mutating func readFiscalYear() -> Int? {
        guard let value = value(.fiscalYear) else { return nil }
        switch FiscalYearText.parse(value.text) {
        case .buddhistEra(let year):
            return year
        case .convertedFromCommonEra(let year):
            report(.ceYear(.fiscalYear, step: nil, value: value.text, buddhistYear: year), line: value.line)
            return year
        case .unreadable:
            report(.badNumber(.fiscalYear, value: value.text), line: value.line)
            return nil
        }
    }

    /// The round's length in months, or `bad-number`.
    mutating func readRound() -> Int? {
        guard let value = value(.round) else { return nil }
        guard let number = RoundText.parse(value.text) else {
            report(.badNumber(.round, value: value.text), line: value.line)
            return nil
        }
        return number
    }

    /// The score as given: `๗๕`, `75 คะแนน`, `75%`, `75.00`.
    mutating func readScore() -> Int? {
        guard let value = value(.score) else { return nil }
        guard let number = ThaiNumber.parseInteger(value.text) else {
            report(.badNumber(.score, value: value.text), line: value.line)
            return nil
        }
        return number
    }

    /// Digits only; a number that is not Thai is kept, with a `bad-phone` warning.
    mutating func readPhone() -> String? {
        guard let value = value(.phone) else { return nil }
        let phone = PhoneNumber(value.text)
        if phone?.isThaiNumber != true {
            report(.badPhone(value.text), line: value.line)
        }
        return phone?.digits
    }

    // MARK: Dates

    /// Reads a date; reports `bad-date` when it cannot be read or does not exist, and
    /// `ce-year` when its year was Common Era.
    mutating func readDate(_ value: FieldValue, field: FormField?, step: Int?) -> CalendarDate? {
        switch ThaiDateParser.parse(value.text) {
        case .date(let date, let convertedFromCommonEra):
            if convertedFromCommonEra {
                report(.ceYear(field, step: step, value: value.text, buddhistYear: date.buddhistYear),
                       line: value.line, step: step)
            }
            return date
        case .unreadable:
            report(.unreadableDate(field, step: step, value: value.text), line: value.line, step: step)
            return nil
        case .impossible(.noSuchDay):
            report(.impossibleDate(field, step: step, value: value.text), line: value.line, step: step)
            return nil
        case .impossible(.wrongWeekday(let date, let written)):
            report(.wrongWeekday(field, step: step, value: value.text, date: date, written: written),
                   line: value.line, step: step)
            return nil
        case .impossible(.noSuchTime(let time)):
            report(.impossibleTime(field, step: step, value: value.text, time: time), line: value.line, step: step)
            return nil
        }
    }

    // MARK: Indicator and round

    /// The rule set's project name when the form names its indicator (project name, full
    /// name or an accepted name, compared ignoring spaces); the form's own text otherwise,
    /// with an `unknown-indicator` error.
    mutating func checkIndicator(_ ruleSet: RuleSet) -> String? {
        guard let value = value(.indicator) else { return nil }
        let names = [ruleSet.indicator.project, ruleSet.indicator.name] + ruleSet.indicator.acceptedNames
        let key = ThaiText.matchKey(value.text)
        if names.contains(where: { ThaiText.matchKey($0) == key }) {
            return ruleSet.indicator.project
        }
        report(.unknownIndicator(given: value.text, expected: ruleSet.indicator.project), line: value.line)
        return value.text
    }

    /// The rule set's round of that many months, or a `bad-round` error.
    mutating func checkRound(_ months: Int, _ ruleSet: RuleSet) -> RuleSet.Round? {
        if let round = ruleSet.round(months: months) { return round }
        if let value = value(.round) {
            report(.badRound(value: value.text, allowed: ruleSet.rounds.map(\.months).sorted()), line: value.line)
        }
        return nil
    }
}
