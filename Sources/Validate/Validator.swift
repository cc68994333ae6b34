import Ingest

/// Judges a report form against the rule set of its fiscal year: interprets every value,
/// applies the content rules of `docs/forms.md` ("Every rule"), and builds the normalized
/// record.
///
/// The validator never fails: whatever the form says, the answer is findings (each with its
/// line, and its step where it concerns one) and, when the required fields could be
/// interpreted, a record. The rules are grouped in `Rules/`: fields, units, steps and
/// windows, report date and score.
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

/// The work of one `validate` call: the form, and the findings gathered so far. The rule
/// groups extend it, one file each under `Rules/`; `run` calls them in order.
struct FormCheck {
    let form: ReportForm
    let ruleBook: RuleBook
    var findings: [Finding] = []

    init(form: ReportForm, ruleBook: RuleBook) {
        self.form = form
        self.ruleBook = ruleBook
    }

    mutating func report(_ problem: ContentProblem, line: Int?, step: Int? = nil) {
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
        checkRequiredFields()
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
            checkReportDate(reportedOn, ruleSet, round: roundRule)
        }
        checkScore(given: givenScore, computed: score, level: level, round: roundRule)

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
}
