import Ingest

/// Judges a report form against the rule set of its fiscal year: interprets every value,
/// applies the content rules of docs/forms.md#every-rule, and builds the normalized record.
///
/// The validator never fails: whatever the form says, the answer is findings (each with its
/// line, and its step where it concerns one) and, when the required fields could be
/// interpreted, a record.
public struct Validator: Sendable {
    public let ruleBook: RuleBook

    public init(ruleBook: RuleBook) {
        self.ruleBook = ruleBook
    }

    /// The findings about `form`, in line order (findings without a line last; ties keep the
    /// order the checks made them), and the record.
    ///
    /// The record is `nil` when a required field (indicator, fiscal year, round, station,
    /// bureau, report date) is missing or cannot be read, when the fiscal year has no rule
    /// set, or when the bureau or the station cannot be resolved to a unit. Otherwise it is
    /// built even when other rules fail, with canonical unit names, every step of the rule
    /// set (a step the form leaves out is not done) and the score computed from the steps.
    public func validate(_ form: ReportForm) -> (findings: [Finding], record: Record?) {
        var check = FormCheck(form: form, ruleBook: ruleBook)
        let record = check.run()
        return (Validator.inLineOrder(check.findings), record)
    }

    /// The verdict on a file a reader has read: the reader's findings and, when it produced
    /// a form, the validator's, merged in line order (the reader's first on a shared line).
    public func verdict(on reading: FormReading, file: String) -> Verdict {
        guard let form = reading.form else {
            return Verdict(file: file, format: reading.format, encoding: reading.encoding,
                           findings: Validator.inLineOrder(reading.findings), record: nil)
        }
        let (findings, record) = validate(form)
        return Verdict(file: file, format: reading.format ?? form.format, encoding: reading.encoding ?? form.encoding,
                       findings: Validator.inLineOrder(reading.findings + findings), record: record)
    }

    /// Sorted by line, findings without a line last; a stable sort, so findings on one line
    /// keep the order they were made in.
    static func inLineOrder(_ findings: [Finding]) -> [Finding] {
        findings.enumerated().sorted { lhs, rhs in
            let left = lhs.element.line ?? Int.max
            let right = rhs.element.line ?? Int.max
            return left != right ? left < right : lhs.offset < rhs.offset
        }.map(\.element)
    }
}

/// One step as the validator read it: its number is a number, in range, and not a repeat.
private struct ReadStep {
    let number: Int
    let entry: StepEntry
    /// `nil` when the form gives none or it cannot be read (a finding says which).
    let date: CalendarDate?

    var done: Bool { entry.done }
    /// Where date findings point: the date's own line, else the step's.
    var dateLine: Int? { entry.date?.line ?? entry.line }
}

/// The work of one `validate` call: the form, and the findings gathered so far.
private struct FormCheck {
    let form: ReportForm
    let ruleBook: RuleBook
    var findings: [Finding] = []

    init(form: ReportForm, ruleBook: RuleBook) {
        self.form = form
        self.ruleBook = ruleBook
    }

    mutating func report(_ problem: Problem, line: Int?, step: Int? = nil) {
        findings.append(Finding(problem, line: line, step: step))
    }

    /// The field's value, or `nil` when the form leaves it out or blank.
    func value(_ field: FormField) -> FieldValue? {
        guard let value = form[field], !value.text.trimmingWhiteSpace.isEmpty else { return nil }
        return value
    }

    /// Applies every rule; returns the record when one can be built.
    mutating func run() -> Record? {
        // Rules that need no rule set: presence, numbers, dates, phone, repeated steps.
        for field in [FormField.indicator, .fiscalYear, .round, .station, .bureau, .reportedOn]
        where value(field) == nil {
            report(.missingField(field), line: form[field]?.line)
        }
        let fiscalYear = readFiscalYear()
        let round = readRound()
        let reportedOn = value(.reportedOn).flatMap { readDate($0, field: .reportedOn, step: nil) }
        let givenScore = readScore()
        let phone = readPhone()

        guard let fiscalYear else {
            _ = readSteps(range: nil, reportedOn: reportedOn)
            return nil
        }
        guard let ruleSet = ruleBook.ruleSet(forFiscalYear: fiscalYear) else {
            // Without the year's rules, windows, rounds, units, the indicator, the report
            // deadline and the score cannot be judged; what is checked above still stands,
            // and so do repeated steps, done steps without a date and future dates.
            report(.unknownYear(fiscalYear, known: ruleBook.fiscalYears), line: form[.fiscalYear]?.line)
            _ = readSteps(range: nil, reportedOn: reportedOn)
            return nil
        }

        let indicator = checkIndicator(ruleSet)
        let roundRule = round.flatMap { checkRound($0, ruleSet) }
        let units = checkUnits(ruleSet)
        let steps = readSteps(range: ruleSet.stepRange, reportedOn: reportedOn)
        let level = checkSteps(steps, ruleSet, reportedOn: reportedOn)
        let score = ruleSet.score(forLevel: level)

        if let reportedOn {
            if reportedOn < ruleSet.fiscalYearStart {
                report(.reportBeforeFiscalYear(reportedOn: reportedOn, fiscalYearStart: ruleSet.fiscalYearStart),
                       line: form[.reportedOn]?.line)
            }
            if let roundRule {
                let deadline = ruleSet.reportDeadline(for: roundRule)
                if reportedOn > deadline {
                    report(.reportTooLate(reportedOn: reportedOn, deadline: deadline, round: roundRule.months),
                           line: form[.reportedOn]?.line)
                }
            }
        }
        if let givenScore, givenScore != score {
            report(.scoreMismatch(given: givenScore, computed: score, level: level), line: form[.score]?.line)
        }
        if let roundRule, roundRule.requiresScore, value(.score) == nil {
            report(.missingScoreForFinalRound, line: form[.score]?.line)
        }

        guard let indicator, let round, let units, let reportedOn else { return nil }
        let stepRecords = ruleSet.steps.map { ruleStep in
            guard let step = steps[ruleStep.number] else { return StepRecord(number: ruleStep.number, done: false) }
            return StepRecord(number: step.number, done: step.done, date: step.date, evidence: step.entry.evidence)
        }
        return Record(
            indicator: indicator, fiscalYear: fiscalYear, round: round,
            station: units.station, bureau: units.bureau, province: units.province,
            reportedOn: reportedOn, steps: stepRecords, level: level, score: score,
            target: ruleSet.target(forLevel: level),
            reporter: value(.reporter)?.text, phone: phone)
    }

    // MARK: Numbers

    /// The fiscal year in the Buddhist Era: `๒๕๖๔`, `พ.ศ. 2564`, `64` (two digits = 25xx, as
    /// in dates); a four-digit year below 2400 is Common Era, converted with a `ce-year`
    /// warning (`2021` → 2564: FY2564 ends in September 2021).
    mutating func readFiscalYear() -> Int? {
        guard let value = value(.fiscalYear) else { return nil }
        var key = ThaiText.matchKey(value.text)
        for prefix in ["พ.ศ.", "พ.ศ", "พศ."] where key.hasPrefix(prefix) {
            key = String(key.dropFirst(prefix.count))
            break
        }
        guard let number = ThaiNumber.parseInteger(key), number >= 0 else {
            report(.badNumber(.fiscalYear, value: value.text), line: value.line)
            return nil
        }
        switch number {
        case 0..<100:
            return 2500 + number
        case 1000..<2400:
            let buddhistYear = number + CalendarDate.buddhistEraOffset
            report(.ceYear(.fiscalYear, step: nil, value: value.text, buddhistYear: buddhistYear), line: value.line)
            return buddhistYear
        default:
            return number
        }
    }

    /// The round's length in months: `๖`, `6 เดือน`, `รอบ ๑๒ เดือน`, `12 months`.
    mutating func readRound() -> Int? {
        guard let value = value(.round) else { return nil }
        var key = ThaiText.matchKey(value.text).lowercased()
        for prefix in ["รอบ", "round"] where key.hasPrefix(prefix) {
            key = String(key.dropFirst(prefix.count))
            break
        }
        for suffix in ["-months", "-month", "เดือน", "months", "month"] where key.hasSuffix(suffix) {
            key = String(key.dropLast(suffix.count))
            break
        }
        guard let number = ThaiNumber.parseInteger(key) else {
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
        case .impossible:
            report(.impossibleDate(field, step: step, value: value.text), line: value.line, step: step)
            return nil
        }
    }

    // MARK: Indicator, round, units

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

    /// Canonical station, bureau and province; `nil` when the station or the bureau cannot be
    /// resolved. Reports aliases and every `bad-unit` problem.
    mutating func checkUnits(_ ruleSet: RuleSet) -> (station: String, bureau: String, province: String?)? {
        let reader = UnitReader(ruleSet: ruleSet)

        var bureau: RuleSet.Bureau?
        if let value = value(.bureau) {
            if let resolved = reader.bureau(value.text) {
                bureau = resolved.value
                if resolved.aliased {
                    report(.alias(.bureau, from: value.text, to: resolved.value.name), line: value.line)
                }
            } else {
                report(.unknownBureau(value.text), line: value.line)
            }
        }

        var station: String?
        if let value = value(.station) {
            switch reader.station(value.text) {
            case .noPrefix:
                report(.stationWithoutPrefix(value.text), line: value.line)
            case .onlyPrefix:
                report(.stationOnlyPrefix(value.text), line: value.line)
            case .station(let name, let prefix, let aliased):
                station = name
                if aliased {
                    report(.alias(.station, from: value.text, to: name), line: value.line)
                }
                if let bureau, prefix != bureau.stationPrefix {
                    report(.stationNotUnderBureau(station: name, bureau: bureau.name, expectedPrefix: bureau.stationPrefix),
                           line: value.line)
                }
            }
        }

        var province: String?
        if let value = value(.province) {
            if let resolved = reader.province(value.text) {
                province = resolved.value
                if resolved.aliased {
                    report(.alias(.province, from: value.text, to: resolved.value), line: value.line)
                }
                if let bureau, !bureau.provinces.contains(resolved.value) {
                    report(.provinceOutsideBureau(province: resolved.value, bureau: bureau.name), line: value.line)
                }
            } else {
                province = value.text
                report(.unknownProvince(value.text), line: value.line)
            }
        }

        guard let station, let bureau else { return nil }
        return (station, bureau.name, province)
    }

    // MARK: Steps

    /// Reads step numbers and dates: `bad-number`, `bad-step` (a repeat; outside `range`
    /// when the rule set is known), `bad-date`, `ce-year`, `missing-field` (done without a
    /// date), `future-date`. Returns the readable steps by number (the first of a repeat).
    mutating func readSteps(range: ClosedRange<Int>?, reportedOn: CalendarDate?) -> [Int: ReadStep] {
        var steps: [Int: ReadStep] = [:]
        for entry in form.steps {
            let numberText = entry.number.text
            let numberLine = entry.number.line ?? entry.line
            guard let number = ThaiNumber.parseInteger(numberText) else {
                report(.badStepNumber(value: numberText), line: numberLine)
                if let date = entry.date { _ = readDate(date, field: nil, step: nil) }
                continue
            }
            if let range, !range.contains(number) {
                report(.stepOutOfRange(value: numberText, steps: range), line: numberLine, step: number)
                continue
            }
            if let first = steps[number] {
                report(.duplicateStep(number, firstLine: first.entry.line), line: entry.line ?? numberLine, step: number)
                continue
            }
            var date: CalendarDate?
            if let dateValue = entry.date, !dateValue.text.trimmingWhiteSpace.isEmpty {
                date = readDate(dateValue, field: nil, step: number)
            } else if entry.done {
                report(.missingStepDate(step: number), line: entry.line, step: number)
            }
            let step = ReadStep(number: number, entry: entry, date: date)
            if let date, let reportedOn, date > reportedOn {
                report(.stepAfterReport(step: number, date: date, reportedOn: reportedOn), line: step.dateLine, step: number)
            }
            steps[number] = step
        }
        return steps
    }

    /// `step-order`, `window` and `behind-plan`; returns the level (consecutive done steps
    /// from step 1).
    mutating func checkSteps(_ steps: [Int: ReadStep], _ ruleSet: RuleSet, reportedOn: CalendarDate?) -> Int {
        func isDone(_ number: Int) -> Bool { steps[number]?.done ?? false }

        var level = 0
        while level < ruleSet.steps.count, isDone(level + 1) { level += 1 }

        for ruleStep in ruleSet.steps {
            let number = ruleStep.number
            guard let step = steps[number] else {
                if let reportedOn, ruleStep.window.end < reportedOn {
                    report(.behindPlan(step: number, windowEnd: ruleStep.window.end), line: nil, step: number)
                }
                continue
            }
            guard step.done else {
                if let reportedOn, ruleStep.window.end < reportedOn {
                    report(.behindPlan(step: number, windowEnd: ruleStep.window.end), line: step.entry.line, step: number)
                }
                continue
            }
            if let earlier = (1..<number).first(where: { !isDone($0) }) {
                report(.stepDoneBeforeEarlier(step: number, earlier: earlier), line: step.entry.line, step: number)
            }
            guard let date = step.date else { continue }
            if !ruleStep.window.contains(date) {
                report(.outsideWindow(step: number, date: date, window: ruleStep.window), line: step.dateLine, step: number)
            }
            if let previous = steps[number - 1], previous.done, let previousDate = previous.date, date < previousDate {
                report(.stepDatedBeforePrevious(step: number, date: date, previous: number - 1, previousDate: previousDate),
                       line: step.dateLine, step: number)
            }
        }
        return level
    }
}
