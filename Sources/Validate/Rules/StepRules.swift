import Ingest

// The step rules: `bad-step`, `step-order`, `out-of-year`, `window`, `future-date`,
// `behind-plan`, and for
// a step's own values `bad-number` (its number), `bad-date`/`ce-year` (its date) and
// `missing-field` (done without a date).

/// One step as the validator read it: its number is a number, in range, and not a repeat.
struct ReadStep {
    let number: Int
    let entry: StepEntry
    /// `nil` when the form gives none or it cannot be read (a finding says which).
    let date: CalendarDate?

    var done: Bool { entry.done }
    /// Where date findings point: the date's own line, else the step's.
    var dateLine: Int? { entry.date?.line ?? entry.line }
}

extension FormCheck {
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

    /// `step-order`, `out-of-year` (a done step dated outside the fiscal year: it cannot count),
    /// `window` (inside the year but outside its own window: it counts, not on time) and
    /// `behind-plan`; returns the level (consecutive done steps from step 1).
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
            if date < ruleSet.fiscalYearStart || date > ruleSet.fiscalYearEnd {
                report(.outsideFiscalYear(step: number, date: date, fiscalYear: ruleSet.fiscalYear,
                                          start: ruleSet.fiscalYearStart, end: ruleSet.fiscalYearEnd),
                       line: step.dateLine, step: number)
            } else if !ruleStep.window.contains(date) {
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
