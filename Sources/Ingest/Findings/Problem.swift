/// Everything the product can say about a form. Each case belongs to one rule; its Thai and
/// English messages are in `Messages.swift`, so a reviewer reads every message in one place.
public enum Problem: Sendable, Equatable {
    // MARK: unreadable
    case emptyFile
    /// A NUL or another control character (not tab, CR or LF) at a 1-based line.
    case binaryContent(line: Int)
    /// Bytes that are neither UTF-8, UTF-16 with a BOM, nor Windows-874.
    case undecodable(detail: String)
    case tooLarge(size: Int, limit: Int)
    /// A symlink, FIFO, directory or device where a form file was expected.
    case notRegularFile(kind: String)
    /// The file could not be opened or read (permissions, I/O error).
    case cannotRead(detail: String)

    // MARK: malformed
    case xmlNotWellFormed(detail: String)
    /// Well-formedness errors beyond the ones listed (libxml2 reported more than are kept).
    case moreXMLErrors(count: Int)
    /// A text form without a single `LABEL : VALUE` line that names a field.
    case noFields
    /// A step line whose status is none of the known words.
    case unreadableStep(value: String)
    /// The same field given twice with different values.
    case duplicateField(FormField, firstLine: Int?)

    // MARK: unsafe-xml
    case doctype
    case entityDeclaration
    case xinclude

    // MARK: schema
    case schemaViolation(detail: String)
    /// Schema violations beyond the ones listed (libxml2 reported more than are kept).
    case moreSchemaViolations(count: Int)

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

    // MARK: window
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

    // MARK: unknown-field
    case unknownField(label: String)

    // MARK: bad-phone
    case badPhone(String)

    // MARK: behind-plan
    case behindPlan(step: Int, windowEnd: CalendarDate)

    // MARK: bad-date: weekdays and times (issue 10)
    /// The weekday before the day is not the date's (`วันพุธที่ ๓๑ ธ.ค. ๒๕๖๓`, a Thursday).
    /// The validator reports `.impossibleDate`; its message is this one's
    /// (`ThaiDateParser` says why the date is impossible).
    case wrongWeekday(FormField?, step: Int?, value: String, date: CalendarDate, written: Weekday)
    /// The time of day after the date does not exist (`๓๑ ธ.ค. ๒๕๖๓ ๒๕:๐๐`); `time` as
    /// written, Arabic digits. Reached like `.wrongWeekday`.
    case impossibleTime(FormField?, step: Int?, value: String, time: String)

    // MARK: unreadable: encodings named (issue 10)
    /// Bytes in an encoding the forms do not use (UTF-32, UTF-7, EBCDIC), or the zero bytes
    /// of UTF-16 without a byte-order mark that still do not decode.
    case unacceptedEncoding(UnacceptedEncoding)
    /// An XML declaration naming an encoding the bytes are not in; `declared` nil when the
    /// file declares none (and so must be UTF-8).
    case declaredEncodingMismatch(declared: String?, actual: TextEncoding)

    // MARK: unknown-field: the rest counted (issue 10)
    /// Unknown labels beyond the ones listed one by one.
    case moreUnknownFields(count: Int)

    /// The rule this problem belongs to.
    public var rule: Rule {
        switch self {
        case .emptyFile, .binaryContent, .undecodable, .tooLarge, .notRegularFile, .cannotRead:
            return .unreadable
        case .xmlNotWellFormed, .moreXMLErrors, .noFields, .unreadableStep, .duplicateField:
            return .malformed
        case .doctype, .entityDeclaration, .xinclude:
            return .unsafeXML
        case .schemaViolation, .moreSchemaViolations:
            return .schema
        case .missingField, .missingStepDate, .missingScoreForFinalRound:
            return .missingField
        case .badNumber, .badStepNumber:
            return .badNumber
        case .unreadableDate, .impossibleDate:
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
        case .unknownField:
            return .unknownField
        case .badPhone:
            return .badPhone
        case .behindPlan:
            return .behindPlan
        case .wrongWeekday, .impossibleTime:
            return .badDate
        case .unacceptedEncoding, .declaredEncodingMismatch:
            return .unreadable
        case .moreUnknownFields:
            return .unknownField
        }
    }

    /// The step the problem concerns, where the case itself names one.
    public var step: Int? {
        switch self {
        case .missingStepDate(let step), .stepDoneBeforeEarlier(let step, _),
             .stepDatedBeforePrevious(let step, _, _, _), .outsideWindow(let step, _, _),
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
