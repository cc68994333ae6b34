import Ingest

/// Judges a report form against the rule set of its fiscal year: interprets every value,
/// applies the content rules of docs/forms.md#every-rule, and builds the normalized record.
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
    ///
    /// Every finding has the severity the form's rule set gives its rule (the default when
    /// the fiscal year has no rule set).
    public func validate(_ form: ReportForm) -> (findings: [Finding], record: Record?) {
        let (findings, record) = judge(form, alongside: [])
        return (findings, record)
    }

    /// The verdict on a file a reader has read: the reader's findings and, when it produced
    /// a form, the validator's, merged in line order (the reader's first on a shared line),
    /// each at the severity of the form's rule set.
    public func verdict(on reading: FormReading, file: String) -> Verdict {
        guard let form = reading.form else {
            return Verdict(file: file, format: reading.format, encoding: reading.encoding,
                           findings: Validator.inLineOrder(reading.findings), record: nil)
        }
        let (findings, record) = judge(form, alongside: reading.findings)
        return Verdict(file: file, format: reading.format ?? form.format, encoding: reading.encoding ?? form.encoding,
                       findings: findings, record: record)
    }

    /// The validator's findings after `earlier` (the reader's), in line order, at the
    /// severities of the form's rule set, and the record.
    private func judge(_ form: ReportForm, alongside earlier: [Finding]) -> (findings: [Finding], record: Record?) {
        var check = FormCheck(form: form, ruleBook: ruleBook)
        let record = check.run()
        var findings = earlier + check.findings
        if let ruleSet = check.ruleSet {
            findings = findings.map { $0.with(severity: ruleSet.severity(of: $0.rule)) }
        }
        return (Validator.inLineOrder(findings), record)
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
    /// The fiscal year's rule set, once the form's year is read and has one.
    private(set) var ruleSet: RuleSet?

    init(form: ReportForm, ruleBook: RuleBook) {
        self.form = form
        self.ruleBook = ruleBook
    }

    /// Records a finding, at the rule set's severity once the rule set is known (findings
    /// made before are brought to it at the end: `Validator.judge`).
    mutating func report(_ problem: ContentProblem, line: Int?, step: Int? = nil) {
        findings.append(Finding(problem, line: line, step: step, severity: ruleSet?.severity(of: problem.rule)))
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
        self.ruleSet = ruleSet

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
            let onTime = step.done ? step.date.map(ruleStep.window.contains) : nil
            return StepRecord(number: step.number, done: step.done, date: step.date, evidence: step.entry.evidence,
                              onTime: onTime)
        }
        return Record(
            indicator: indicator, fiscalYear: fiscalYear, round: round,
            station: units.station, bureau: units.bureau, province: units.province,
            reportedOn: reportedOn, steps: stepRecords, level: level, score: score,
            target: ruleSet.target(forLevel: level),
            reporter: value(.reporter)?.text, phone: phone)
    }
}
