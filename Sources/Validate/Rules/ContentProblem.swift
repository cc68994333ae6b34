import Ingest

/// What the validator can say about a form's content, once a reader has read it: a field
/// missing or unreadable, a unit, step, date or score that breaks the year's rules. Each case
/// belongs to one rule; its Thai and English messages are in `ContentMessages.swift`. What
/// the readers say about the file itself (unreadable, malformed, unsafe, schema, unknown
/// labels) is Ingest's `Problem`.
public enum ContentProblem: Sendable, Equatable {
    // MARK: missing-field
    case missingField(FormField)
    case missingStepDate(step: Int)
    case missingScoreForFinalRound

    // MARK: bad-number
    case badNumber(FormField, value: String)
    case badStepNumber(value: String)

    // MARK: bad-date
    case unreadableDate(FormField?, step: Int?, value: String)
    case impossibleDate(FormField?, step: Int?, value: String)
    /// The weekday before the day is not the date's (`วันพุธที่ ๓๑ ธ.ค. ๒๕๖๓`, a Thursday).
    case wrongWeekday(FormField?, step: Int?, value: String, date: CalendarDate, written: Weekday)
    /// The time of day after the date does not exist (`๓๑ ธ.ค. ๒๕๖๓ ๒๕:๐๐`); `time` as
    /// written, Arabic digits.
    case impossibleTime(FormField?, step: Int?, value: String, time: String)

    // MARK: unknown-year
    case unknownYear(Int, known: [Int])

    // MARK: unknown-indicator
    case unknownIndicator(given: String, expected: String)

    // MARK: bad-round
    case badRound(value: String, allowed: [Int])

    // MARK: bad-unit
    case unknownBureau(String)
    case stationWithoutPrefix(String)
    case stationOnlyPrefix(String)
    case stationNotUnderBureau(station: String, bureau: String, expectedPrefix: String)
    case unknownProvince(String)
    case provinceOutsideBureau(province: String, bureau: String)

    // MARK: bad-step
    case duplicateStep(Int, firstLine: Int?)
    case stepOutOfRange(value: String, steps: ClosedRange<Int>)

    // MARK: step-order
    case stepDoneBeforeEarlier(step: Int, earlier: Int)
    case stepDatedBeforePrevious(step: Int, date: CalendarDate, previous: Int, previousDate: CalendarDate)

    // MARK: out-of-year
    /// A done step dated before the fiscal year starts or after it ends.
    case outsideFiscalYear(step: Int, date: CalendarDate, fiscalYear: Int, start: CalendarDate, end: CalendarDate)

    // MARK: window
    /// A done step dated inside the fiscal year but outside its own window.
    case outsideWindow(step: Int, date: CalendarDate, window: MonthWindow)

    // MARK: future-date
    case stepAfterReport(step: Int, date: CalendarDate, reportedOn: CalendarDate)

    // MARK: report-date
    case reportBeforeFiscalYear(reportedOn: CalendarDate, fiscalYearStart: CalendarDate)
    case reportTooLate(reportedOn: CalendarDate, deadline: CalendarDate, round: Int)

    // MARK: score-mismatch
    case scoreMismatch(given: Int, computed: Int, level: Int)

    // MARK: alias
    case alias(FormField, from: String, to: String)

    // MARK: ce-year
    /// A Common Era year read and converted; `buddhistYear` is what it became.
    case ceYear(FormField?, step: Int?, value: String, buddhistYear: Int)

    // MARK: bad-phone
    case badPhone(String)

    // MARK: behind-plan
    case behindPlan(step: Int, windowEnd: CalendarDate)

    /// The rule this problem belongs to.
    public var rule: Rule {
        switch self {
        case .missingField, .missingStepDate, .missingScoreForFinalRound:
            return .missingField
        case .badNumber, .badStepNumber:
            return .badNumber
        case .unreadableDate, .impossibleDate, .wrongWeekday, .impossibleTime:
            return .badDate
        case .unknownYear:
            return .unknownYear
        case .unknownIndicator:
            return .unknownIndicator
        case .badRound:
            return .badRound
        case .unknownBureau, .stationWithoutPrefix, .stationOnlyPrefix, .stationNotUnderBureau,
             .unknownProvince, .provinceOutsideBureau:
            return .badUnit
        case .duplicateStep, .stepOutOfRange:
            return .badStep
        case .stepDoneBeforeEarlier, .stepDatedBeforePrevious:
            return .stepOrder
        case .outsideFiscalYear:
            return .outOfYear
        case .outsideWindow:
            return .window
        case .stepAfterReport:
            return .futureDate
        case .reportBeforeFiscalYear, .reportTooLate:
            return .reportDate
        case .scoreMismatch:
            return .scoreMismatch
        case .alias:
            return .alias
        case .ceYear:
            return .ceYear
        case .badPhone:
            return .badPhone
        case .behindPlan:
            return .behindPlan
        }
    }

    /// The step the problem concerns, where the case itself names one.
    public var step: Int? {
        switch self {
        case .missingStepDate(let step), .stepDoneBeforeEarlier(let step, _),
             .stepDatedBeforePrevious(let step, _, _, _), .outsideWindow(let step, _, _),
             .outsideFiscalYear(let step, _, _, _, _),
             .stepAfterReport(let step, _, _), .behindPlan(let step, _), .duplicateStep(let step, _):
            return step
        case .unreadableDate(_, let step, _), .impossibleDate(_, let step, _), .ceYear(_, let step, _, _):
            return step
        case .wrongWeekday(_, let step, _, _, _), .impossibleTime(_, let step, _, _):
            return step
        default:
            return nil
        }
    }
}

extension Finding {
    /// A finding of the validator: `problem`'s rule, at `severity` (the rule's default when
    /// not given; a rule set may change it).
    public init(_ problem: ContentProblem, line: Int? = nil, step: Int? = nil, severity: Severity? = nil) {
        let severity = severity ?? problem.rule.severity
        let message = problem.message(as: severity)
        self.init(rule: problem.rule, severity: severity, line: line, step: step ?? problem.step,
                  messageTH: message.thai, messageEN: message.english)
    }

    /// The same finding at another severity.
    func with(severity: Severity) -> Finding {
        severity == self.severity ? self
            : Finding(rule: rule, severity: severity, line: line, step: step, messageTH: messageTH, messageEN: messageEN)
    }
}
