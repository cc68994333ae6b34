import Foundation
import Testing
@testable import Ingest

/// `ThaiDateParser.parse`: every date form of docs/forms.md#values.
struct ValuesDateTests {
    struct Case: CustomStringConvertible, Sendable {
        let input: String
        let expected: DateReading
        var description: String { input }
    }

    static func ce(_ year: Int, _ month: Int, _ day: Int, converted: Bool = false) -> DateReading {
        guard let date = CalendarDate(year: year, month: month, day: day) else {
            Issue.record("bad expectation \(year)-\(month)-\(day)")
            return .unreadable
        }
        return .date(date, convertedFromCommonEra: converted)
    }

    static let readable: [Case] = [
        // Thai style, Buddhist Era
        Case(input: "๑๕ พ.ย. ๒๕๖๓", expected: ce(2020, 11, 15)),
        Case(input: "15 พ.ย. 2563", expected: ce(2020, 11, 15)),
        Case(input: "๑๕ พฤศจิกายน ๒๕๖๓", expected: ce(2020, 11, 15)),
        Case(input: "๑๕ พ.ย. พ.ศ. ๒๕๖๓", expected: ce(2020, 11, 15)),
        Case(input: "๑๕ พ.ย. พ.ศ.๒๕๖๓", expected: ce(2020, 11, 15)),
        Case(input: "๑๕ พฤศจิกายน พศ ๒๕๖๓", expected: ce(2020, 11, 15)),
        Case(input: "15 พย 2563", expected: ce(2020, 11, 15)),
        Case(input: "15 พ.ย 63", expected: ce(2020, 11, 15)),
        Case(input: "15 พ. ย. 2563", expected: ce(2020, 11, 15)),
        Case(input: "15พ.ย.2563", expected: ce(2020, 11, 15)),
        Case(input: "  ๑๕   พ.ย.\u{00A0}๒๕๖๓ ", expected: ce(2020, 11, 15)),
        Case(input: "๑๕ เดือนพฤศจิกายน ๒๕๖๓", expected: ce(2020, 11, 15)),
        Case(input: "๑๕ พฤศจิกา ๒๕๖๓", expected: ce(2020, 11, 15)),
        Case(input: "๑ พ.ย. ๖๓", expected: ce(2020, 11, 1)),
        Case(input: "๒๐ เมษายน ๒๕๖๔", expected: ce(2021, 4, 20)),
        Case(input: "๒๐ เมษา ๒๕๖๔", expected: ce(2021, 4, 20)),
        Case(input: "๑๐ ม.ค. ๒๕๖๔", expected: ce(2021, 1, 10)),
        Case(input: "1 มีนา 64", expected: ce(2021, 3, 1)),
        Case(input: "๒๙ ก.พ. ๒๕๖๓", expected: ce(2020, 2, 29)),  // 2020 is a leap year
        Case(input: "31 ก.ค. 2564", expected: ce(2021, 7, 31)),
        Case(input: "31 กรกฏาคม 2564", expected: ce(2021, 7, 31)),
        Case(input: "30 ก.ย. 2564", expected: ce(2021, 9, 30)),
        Case(input: "1 ต.ค. 2563", expected: ce(2020, 10, 1)),
        Case(input: "๑๕ ธ.ค. ๒๕๖๓", expected: ce(2020, 12, 15)),
        Case(input: "๕ มิ.ย. ๒๕๖๔", expected: ce(2021, 6, 5)),
        Case(input: "๕ ส.ค. ๒๕๖๔", expected: ce(2021, 8, 5)),
        Case(input: "๕ พ.ค. ๒๕๖๔", expected: ce(2021, 5, 5)),
        Case(input: "๕ มี.ค. ๒๕๖๔", expected: ce(2021, 3, 5)),
        Case(input: "๕ เม.ย. ๒๕๖๔", expected: ce(2021, 4, 5)),
        Case(input: "๕ กุมภาพันธ์ ๒๕๖๔", expected: ce(2021, 2, 5)),
        Case(input: "๕ มิถุนายน ๒๕๖๔", expected: ce(2021, 6, 5)),
        Case(input: "๕ สิงหาคม ๒๕๖๔", expected: ce(2021, 8, 5)),
        Case(input: "๕ กันยายน ๒๕๖๔", expected: ce(2021, 9, 5)),
        Case(input: "๕ ตุลาคม ๒๕๖๓", expected: ce(2020, 10, 5)),
        Case(input: "๕ ธันวาคม ๒๕๖๓", expected: ce(2020, 12, 5)),
        Case(input: "๕ มกราคม ๒๕๖๔", expected: ce(2021, 1, 5)),
        Case(input: "๕ พฤษภาคม ๒๕๖๔", expected: ce(2021, 5, 5)),
        Case(input: "๕ มีนาคม ๒๕๖๔", expected: ce(2021, 3, 5)),
        Case(input: "๕ กรกฎาคม ๒๕๖๔", expected: ce(2021, 7, 5)),
        // Prefixes
        Case(input: "วันที่ ๑๕ พ.ย. ๒๕๖๓", expected: ce(2020, 11, 15)),
        Case(input: "ณ วันที่ ๑๕ พ.ย. ๒๕๖๓", expected: ce(2020, 11, 15)),
        Case(input: "วันอาทิตย์ที่ ๑๕ พ.ย. ๒๕๖๓", expected: ce(2020, 11, 15)),
        Case(input: "วันพฤหัสบดีที่ 19 พฤศจิกายน 2563", expected: ce(2020, 11, 19)),
        Case(input: "วันพฤหัส ที่ 19 พ.ย. 2563", expected: ce(2020, 11, 19)),
        // Slashed and other numeric separators, day/month/year
        Case(input: "๑๕/๑๑/๒๕๖๓", expected: ce(2020, 11, 15)),
        Case(input: "15/11/63", expected: ce(2020, 11, 15)),
        Case(input: "5/1/2564", expected: ce(2021, 1, 5)),
        Case(input: "15 / 11 / 2563", expected: ce(2020, 11, 15)),
        Case(input: "15-11-2563", expected: ce(2020, 11, 15)),
        Case(input: "15.11.2563", expected: ce(2020, 11, 15)),
        // ISO: Common Era, no warning
        Case(input: "2020-11-15", expected: ce(2020, 11, 15)),
        Case(input: "2021-4-5", expected: ce(2021, 4, 5)),
        Case(input: "2563-11-15", expected: ce(2020, 11, 15)),
        // Common Era years in Thai-style, slashed and English dates: converted
        Case(input: "15 พ.ย. 2020", expected: ce(2020, 11, 15, converted: true)),
        Case(input: "15 พ.ย. ค.ศ. 2020", expected: ce(2020, 11, 15, converted: true)),
        Case(input: "15/11/2020", expected: ce(2020, 11, 15, converted: true)),
        Case(input: "15 Nov 2020", expected: ce(2020, 11, 15, converted: true)),
        Case(input: "15 November 2020", expected: ce(2020, 11, 15, converted: true)),
        Case(input: "15-Nov-2020", expected: ce(2020, 11, 15, converted: true)),
        Case(input: "1 Sept 2021", expected: ce(2021, 9, 1, converted: true)),
        Case(input: "15 NOV 2563", expected: ce(2020, 11, 15)),
    ]

    static let impossible: [String] = [
        "๓๑ ก.พ. ๒๕๖๔",
        "๒๙ ก.พ. ๒๕๖๔",       // 2021 is not a leap year
        "31 เม.ย. 2564",
        "31 มิถุนายน 2564",
        "0 พ.ย. 2563",
        "32 ม.ค. 2564",
        "31/11/2563",
        "15/13/2563",
        "11/15/2020",          // month/day/year is not accepted: month 15
        "15/0/2563",
        "2021-02-29",
        "2020-13-01",
        "29 Feb 2021",
    ]

    static let unreadable: [String] = [
        "",
        "   ",
        "abc",
        "๑๕",
        "พ.ย. ๒๕๖๓",
        "๑๕ พ.ย.",
        "๑๕ ๑๑ ๒๕๖๓",
        "๑๕ พฤศ ๒๕๖๓",
        "๑๕ xyz ๒๕๖๓",
        "๑๕ พ.ย. ๒๕๖",          // three-digit year
        "๑๕ พ.ย. ๒๕๖๓๑",        // five-digit year
        "๑๕ พ.ย. 0000",
        "๑๕๑ พ.ย. ๒๕๖๓",        // three-digit day
        "15 Nov 20",            // two-digit year with an English month
        "15/11-2563",           // mixed separators
        "2020/11/15",           // year first needs ISO dashes
        "15//2563",
        "15/11/2563/1",
        "2020-11",
        "2020-011-15",
        "ดำเนินการแล้ว",
        "๑๕ พ.ย. ๒๕๖๓ หลักฐาน",
        "เมื่อ ๑๕ พ.ย. ๒๕๖๓",   // the reader strips introducers, the parser does not
        "วันจันทร์",
        String(repeating: "9", count: 40) + " พ.ย. 2563",
        "15 พ.ย. " + String(repeating: "9", count: 40),
    ]

    @Test(arguments: readable)
    func readsDate(_ c: Case) {
        #expect(ThaiDateParser.parse(c.input) == c.expected)
    }

    @Test(arguments: impossible)
    func impossibleDate(_ text: String) {
        #expect(ThaiDateParser.parse(text) == .impossible(.noSuchDay))
    }

    @Test(arguments: unreadable)
    func unreadableDate(_ text: String) {
        #expect(ThaiDateParser.parse(text) == .unreadable)
    }
}

/// Dates as people write them in letters and minutes (docs/forms.md, issue 10): a
/// weekday before the day, `วันที่` before the day, a time of day after the year. Every date
/// shape × Thai and Arabic digits × every prefix × every time.
struct ValuesDateWeekdayAndTimeTests {
    /// One date shape, written with Thai digits, and the day it means.
    struct Shape: CustomStringConvertible, Sendable {
        let text: String
        let expected: DateReading
        var description: String { text }
    }

    /// Every date shape of docs/forms.md#values, each on Thursday 31 December 2020 (๒๕๖๓).
    static let thursday = ValuesDateTests.ce(2020, 12, 31)
    static let shapes: [Shape] = [
        Shape(text: "๓๑ ธ.ค. ๒๕๖๓", expected: thursday),
        Shape(text: "๓๑ ธ.ค. ๖๓", expected: thursday),
        Shape(text: "๓๑ ธ.ค ๖๓", expected: thursday),
        Shape(text: "๓๑ ธค ๒๕๖๓", expected: thursday),
        Shape(text: "๓๑ ธ. ค. ๒๕๖๓", expected: thursday),
        Shape(text: "๓๑ธ.ค.๒๕๖๓", expected: thursday),
        Shape(text: "๓๑ ธันวาคม ๒๕๖๓", expected: thursday),
        Shape(text: "๓๑ ธันวา ๒๕๖๓", expected: thursday),
        Shape(text: "๓๑ เดือนธันวาคม ๒๕๖๓", expected: thursday),
        Shape(text: "๓๑ ธ.ค. พ.ศ. ๒๕๖๓", expected: thursday),
        Shape(text: "๓๑ ธ.ค. ๒๐๒๐", expected: ValuesDateTests.ce(2020, 12, 31, converted: true)),
        Shape(text: "๓๑ Dec ๒๐๒๐", expected: ValuesDateTests.ce(2020, 12, 31, converted: true)),
        Shape(text: "๓๑ December ๒๐๒๐", expected: ValuesDateTests.ce(2020, 12, 31, converted: true)),
        Shape(text: "๓๑/๑๒/๒๕๖๓", expected: thursday),
        Shape(text: "๓๑/๑๒/๖๓", expected: thursday),
        Shape(text: "๓๑-๑๒-๒๕๖๓", expected: thursday),
        Shape(text: "๓๑.๑๒.๒๕๖๓", expected: thursday),
        Shape(text: "๒๐๒๐-๑๒-๓๑", expected: thursday),
    ]

    /// Each shape as written (Thai digits) and in Arabic digits.
    static let shapesInBothDigits: [Shape] = shapes.flatMap { shape in
        [shape, Shape(text: ThaiDigits.arabic(shape.text), expected: shape.expected)]
    }

    /// What may stand before the day on a Thursday: nothing, `วันที่`, or the weekday in
    /// every accepted way (full, short, abbreviated, with and without `วัน…ที่` and dots).
    static let thursdayPrefixes = [
        "", "วันที่ ", "ณ วันที่ ", "วันที่",
        "วันพฤหัสบดีที่ ", "วันพฤหัสบดี ที่ ", "วันพฤหัสบดีที่", "วันพฤหัสบดี ", "พฤหัสบดี ", "พฤหัสบดีที่ ",
        "วันพฤหัสที่ ", "วันพฤหัส ที่ ", "พฤหัส ", "พฤ. ", "พฤ.", "พฤ ", "วันพฤ.ที่ ", "วันพฤหัสบดี วันที่ ",
        "วันพฤหัสบดี, ", "Thu ", "Thu, ", "Thursday, ", "THURSDAY ",
    ]

    /// A time of day after the year, in every usual shape; `%` stands for the digits' form.
    static let times = [
        "", " เวลา ๑๓.๐๕ น.", " เวลา ๑๓.๐๕", " ๑๓.๐๕ น.", " ๐๙:๐๐:๐๑", " ๑๔:๓๐ น.", " เวลา ๑๔:๓๐:๕๙ น.",
        " ๑๓.๐๕ นาฬิกา", " เวลา ๑๓ น.", " เวลา ๙ นาฬิกา", " ๑๓ น.", "เวลา๑๓.๐๕น.", " ณ เวลา ๑๓.๐๕ น.",
        ", ๑๓:๐๕", " ๙:๐๐", " ๒๓:๕๙:๕๙", " ๐๐:๐๐", " ๑๓:๐๕ น", " เวลา ๑๓.๐๕ น",
    ]

    @Test(arguments: shapesInBothDigits)
    func readsEveryShapeWithAndWithoutWeekdayAndTime(_ shape: Shape) {
        let arabic = shape.text.unicodeScalars.allSatisfy { !(0x0E50...0x0E59).contains($0.value) }
        for prefix in Self.thursdayPrefixes {
            for time in Self.times {
                let writtenTime = arabic ? ThaiDigits.arabic(time) : time
                let text = prefix + shape.text + writtenTime
                #expect(ThaiDateParser.parse(text) == shape.expected, "\(text)")
            }
        }
    }

    /// The examples docs/forms.md#values gives, each on its own weekday.
    static let examples: [(String, DateReading)] = [
        ("พฤ. ๓๑ ธ.ค. ๖๓", ValuesDateTests.ce(2020, 12, 31)),
        ("จ ๒ พ.ย. ๒๕๖๓", ValuesDateTests.ce(2020, 11, 2)),
        ("จ. ๒ พ.ย. ๒๕๖๓", ValuesDateTests.ce(2020, 11, 2)),
        ("วันจันทร์ที่ ๒ พฤศจิกายน ๒๕๖๓", ValuesDateTests.ce(2020, 11, 2)),
        ("วันพฤหัสบดีที่ ๓๑ ธ.ค. ๒๕๖๓", ValuesDateTests.ce(2020, 12, 31)),
        ("อา. 3 ม.ค. 64", ValuesDateTests.ce(2021, 1, 3)),
        ("อา 3 ม.ค. 64", ValuesDateTests.ce(2021, 1, 3)),
        ("วันอาทิตย์ที่ 3 มกราคม 2564", ValuesDateTests.ce(2021, 1, 3)),
        ("อ. ๓ พ.ย. ๒๕๖๓", ValuesDateTests.ce(2020, 11, 3)),
        ("วันอังคารที่ ๓ พ.ย. ๒๕๖๓", ValuesDateTests.ce(2020, 11, 3)),
        ("พ. ๔ พ.ย. ๒๕๖๓", ValuesDateTests.ce(2020, 11, 4)),
        ("วันพุธที่ ๔ พ.ย. ๒๕๖๓", ValuesDateTests.ce(2020, 11, 4)),
        ("ศ. ๖ พ.ย. ๒๕๖๓", ValuesDateTests.ce(2020, 11, 6)),
        ("วันศุกร์ที่ ๖ พ.ย. ๒๕๖๓", ValuesDateTests.ce(2020, 11, 6)),
        ("ส. ๗ พ.ย. ๒๕๖๓", ValuesDateTests.ce(2020, 11, 7)),
        ("วันเสาร์ที่ ๗ พ.ย. ๒๕๖๓", ValuesDateTests.ce(2020, 11, 7)),
        ("Sat 7 Nov 2020", ValuesDateTests.ce(2020, 11, 7, converted: true)),
        ("๓๑ ธ.ค. ๒๕๖๓ เวลา ๑๓.๐๕ น.", ValuesDateTests.ce(2020, 12, 31)),
        ("15 ก.ค. 2564 09:00:01", ValuesDateTests.ce(2021, 7, 15)),
        ("๑๐ ม.ค. ๒๕๖๔ ๑๔:๓๐ น.", ValuesDateTests.ce(2021, 1, 10)),
        ("2021-07-15T09:00:01", ValuesDateTests.ce(2021, 7, 15)),
        ("2021-07-15 09:00", ValuesDateTests.ce(2021, 7, 15)),
        ("วันพฤหัสบดีที่ ๑๕ ก.ค. ๒๕๖๔ เวลา ๐๙.๐๐ น.", ValuesDateTests.ce(2021, 7, 15)),
    ]

    @Test(arguments: examples)
    func readsTheExamples(_ example: (String, DateReading)) {
        #expect(ThaiDateParser.parse(example.0) == example.1)
        #expect(ThaiDateParser.parse(ThaiDigits.arabic(example.0)) == example.1)
    }

    // MARK: A weekday that is not the date's

    /// Every way of writing every weekday but Thursday, before a Thursday.
    static let wrongWeekdays: [(String, Weekday)] = Weekday.allCases.filter { $0 != .thursday }.flatMap { day in
        let full = Weekday.thaiNames[day.rawValue], abbreviation = Weekday.thaiAbbreviations[day.rawValue]
        return [
            ("วัน\(full)ที่ ", day), ("วัน\(full) ", day), ("\(full) ", day), (abbreviation + " ", day),
            (abbreviation.replacingOccurrences(of: ".", with: "") + " ", day),
            (Weekday.englishNames[day.rawValue] + ", ", day),
        ]
    }

    @Test(arguments: wrongWeekdays)
    func weekdayThatIsNotTheDatesIsImpossible(_ c: (String, Weekday)) {
        let date = CalendarDate(year: 2020, month: 12, day: 31)!
        for shape in ["๓๑ ธ.ค. ๒๕๖๓", "31 ธ.ค. 63", "31/12/2563", "๓๑ ธ.ค. ๒๕๖๓ เวลา ๑๓.๐๕ น."] {
            #expect(ThaiDateParser.parse(c.0 + shape) == .impossible(.wrongWeekday(date: date, written: c.1)), "\(c.0 + shape)")
        }
    }

    @Test func aDayThatDoesNotExistIsReportedBeforeItsWeekday() {
        #expect(ThaiDateParser.parse("วันพุธที่ ๒๙ ก.พ. ๒๕๖๔") == .impossible(.noSuchDay))
    }

    // MARK: Times that do not exist, and words that are not a date's

    static let impossibleTimes: [(String, String)] = [
        ("๓๑ ธ.ค. ๒๕๖๓ ๒๕:๐๐", "25:00"),
        ("๓๑ ธ.ค. ๒๕๖๓ 24:00", "24:00"),
        ("๓๑ ธ.ค. ๒๕๖๓ เวลา ๑๓.๗๕ น.", "13.75"),
        ("๓๑ ธ.ค. ๒๕๖๓ 12:00:60", "12:00:60"),
        ("๓๑ ธ.ค. ๒๕๖๓ เวลา ๒๕ น.", "25"),
        ("วันพฤหัสบดีที่ 31/12/2563 99.99", "99.99"),
    ]

    @Test(arguments: impossibleTimes)
    func timeThatDoesNotExistIsImpossible(_ c: (String, String)) {
        #expect(ThaiDateParser.parse(c.0) == .impossible(.noSuchTime(c.1)))
    }

    /// Decision: anything after the year that is not a time leaves the text unreadable (a
    /// date field holds a date); so do words before the day that are not a weekday.
    static let notDates = [
        "๓๑ ธ.ค. ๒๕๖๓ abc",
        "๓๑ ธ.ค. ๒๕๖๓ เวลา",
        "๓๑ ธ.ค. ๒๕๖๓ 13",             // an hour alone needs เวลา or น.
        "๓๑ ธ.ค. ๒๕๖๓ 1:5",
        "๓๑ ธ.ค. ๒๕๖๓ 013:05",
        "๓๑ ธ.ค. ๒๕๖๓ 13:05 abc",
        "๓๑ ธ.ค. ๒๕๖๓ 13:05:01:02",
        "๓๑ ธ.ค. ๒๕๖๓ เวลา ๑๓.๐๐-๑๖.๐๐ น.",   // a range is not a time
        "๓๑ ธ.ค. ๒๕๖๓ 13:05 น. น.",
        "๓๑ ธ.ค. ๒๕๖๓13:05",            // without เวลา a space must part year and time
        "เวลา ๑๓.๐๕ น.",
        "๑๓.๐๕ น.",
        "xyz ๓๑ ธ.ค. ๒๕๖๓",
        "วันหยุด ๓๑ ธ.ค. ๒๕๖๓",
        "วันพฤหัสบดีที่ที่ ๓๑ ธ.ค. ๒๕๖๓",
        "พฤหัสบดีพฤหัสบดี ๓๑ ธ.ค. ๒๕๖๓",
        "วันพฤหัสบดีที่",
        "พฤ.",
        "วันวันพฤหัสบดี ๓๑ ธ.ค. ๒๕๖๓",
    ]

    @Test(arguments: notDates)
    func wordsAroundADateThatAreNotAWeekdayOrATime(_ text: String) {
        #expect(ThaiDateParser.parse(text) == .unreadable)
        #expect(ThaiDateParser.parse(ThaiDigits.arabic(text)) == .unreadable)
    }

    // MARK: Weekdays

    static let knownWeekdays: [(Int, Int, Int, Weekday)] = [
        (1970, 1, 1, .thursday), (2000, 1, 1, .saturday), (2000, 2, 29, .tuesday), (1900, 3, 1, .thursday),
        (2020, 12, 31, .thursday), (2021, 1, 3, .sunday), (2020, 11, 2, .monday), (1, 1, 1, .monday),
        (2100, 3, 1, .monday), (1582, 10, 15, .friday),
    ]

    @Test(arguments: knownWeekdays)
    func weekdayOfKnownDays(_ c: (Int, Int, Int, Weekday)) throws {
        #expect(try #require(CalendarDate(year: c.0, month: c.1, day: c.2)).weekday == c.3)
    }

    @Test func weekdayAgreesWithFoundationForTwoCenturies() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
        var day = try #require(calendar.date(from: DateComponents(year: 1900, month: 1, day: 1)))
        let end = try #require(calendar.date(from: DateComponents(year: 2101, month: 1, day: 1)))
        var mismatches: [String] = []
        while day < end {
            let parts = calendar.dateComponents([.year, .month, .day, .weekday], from: day)
            let date = try #require(CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!))
            if date.weekday.rawValue != parts.weekday! - 1 { mismatches.append(date.iso) }
            day = try #require(calendar.date(byAdding: .day, value: 1, to: day))
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }

    /// Following what the message says leads to a date that is read: drop the weekday, or
    /// write the weekday the message names; drop the time.
    @Test func followingTheWeekdayMessageGivesADate() {
        #expect(ThaiDateParser.parse("๓๑ ธ.ค. ๒๕๖๓") == Self.thursday)
        let named = Weekday.thursday.thai   // the message names วันพฤหัสบดี
        #expect(ThaiDateParser.parse("\(named)ที่ ๓๑ ธ.ค. ๒๕๖๓") == Self.thursday)
        #expect(ThaiDateParser.parse("๓๑ ธ.ค. ๒๕๖๓") == Self.thursday)   // the time left out
    }
}
