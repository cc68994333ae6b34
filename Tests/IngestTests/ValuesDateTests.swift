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
        #expect(ThaiDateParser.parse(text) == .impossible)
    }

    @Test(arguments: unreadable)
    func unreadableDate(_ text: String) {
        #expect(ThaiDateParser.parse(text) == .unreadable)
    }
}
