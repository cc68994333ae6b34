import Foundation
import Ingest
import Testing
@testable import Validate

/// Thai text writes numbers in Thai digits (`docs/forms.md`): every message the product
/// composes, for values a form gave in Arabic digits. What a form wrote is quoted as written,
/// so the samples below quote nothing that has a digit.
@Suite("messages: Thai digits in Thai text")
struct MessageDigitTests {
    static let date = CalendarDate(year: 2021, month: 4, day: 2)!
    static let window = MonthWindow(first: YearMonth(year: 2021, month: 1), last: YearMonth(year: 2021, month: 3))

    static let content: [ContentProblem] = [
        .missingField(.station), .missingStepDate(step: 2), .missingScoreForFinalRound,
        .badNumber(.score, value: "ยี่สิบ"), .badStepNumber(value: "สอง"),
        .unreadableDate(.reportedOn, step: nil, value: "เมื่อวาน"), .unreadableDate(nil, step: 3, value: "เมื่อวาน"),
        .impossibleDate(nil, step: 2, value: "สามสิบ"), .unknownYear(2560, known: [2564, 2565]),
        .unknownIndicator(given: "อื่น", expected: "กต.ตร. พบประชาชน"), .badRound(value: "เก้า", allowed: [6, 12]),
        .unknownBureau("บช.ก."), .stationWithoutPrefix("เมือง"), .stationOnlyPrefix("สภ."),
        .stationNotUnderBureau(station: "สน.ลุมพินี", bureau: "ภ.5", expectedPrefix: "สภ."),
        .unknownProvince("ปารีส"), .provinceOutsideBureau(province: "ภูเก็ต", bureau: "ภ.5"),
        .duplicateStep(3, firstLine: 11), .stepOutOfRange(value: "6", steps: 1...5),
        .stepDoneBeforeEarlier(step: 3, earlier: 2),
        .stepDatedBeforePrevious(step: 3, date: date, previous: 2, previousDate: date),
        .outsideFiscalYear(step: 1, date: date, fiscalYear: 2564, start: date, end: date),
        .outsideWindow(step: 2, date: date, window: window), .stepAfterReport(step: 2, date: date, reportedOn: date),
        .reportBeforeFiscalYear(reportedOn: date, fiscalYearStart: date),
        .reportTooLate(reportedOn: date, deadline: date, round: 12),
        .scoreMismatch(given: 100, computed: 75, level: 4), .alias(.bureau, from: "ภาค", to: "ภ.5"),
        .ceYear(.reportedOn, step: nil, value: "ปีนี้", buddhistYear: 2564), .badPhone("สิบสอง"),
        .behindPlan(step: 5, windowEnd: date),
    ]

    static let reading: [Problem] = [
        .emptyFile, .binaryContent(line: 12), .tooLarge(size: 2_000_000, limit: 1_048_576),
        .notRegularFile(kind: "FIFO 3"), .cannotRead(detail: "error 13"), .moreXMLErrors(count: 12), .noFields,
        .unreadableStep(value: "อาจจะ"), .duplicateField(.province, firstLine: 17), .doctype(entities: []),
        .entityDeclaration, .xinclude, .moreSchemaViolations(count: 120), .unknownField(label: "หมายเหตุ"),
    ]

    static func arabicDigits(in thai: String) -> Bool {
        // `UTF-8` and the form's namespace are names, not numbers.
        let names = ["UTF-8", "urn:rtp:kpi-report:1"]
        let stripped = names.reduce(thai) { $0.replacingOccurrences(of: $1, with: "") }
        return stripped.contains { $0.isASCII && $0.isNumber }
    }

    @Test(arguments: content)
    func contentMessages(_ problem: ContentProblem) {
        #expect(!Self.arabicDigits(in: problem.message.thai), "\(problem.message.thai)")
        #expect(!Self.arabicDigits(in: problem.message(as: .error).thai), "\(problem.message(as: .error).thai)")
    }

    @Test(arguments: reading)
    func readingMessages(_ problem: Problem) {
        #expect(!Self.arabicDigits(in: problem.message.thai), "\(problem.message.thai)")
    }
}
