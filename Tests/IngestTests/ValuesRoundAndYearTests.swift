import Testing
@testable import Ingest

/// The fiscal-year and round grammar (Values/RoundAndYear.swift), as tables.
@Suite("values: fiscal year and round")
struct ValuesRoundAndYearTests {
    @Test("fiscal years as forms write them", arguments: [
        ("๒๕๖๔", FiscalYearReading.buddhistEra(2564)), ("2564", .buddhistEra(2564)),
        ("พ.ศ. ๒๕๖๔", .buddhistEra(2564)), ("พ.ศ.2564", .buddhistEra(2564)), ("พศ. 2564", .buddhistEra(2564)),
        ("๖๔", .buddhistEra(2564)), ("64", .buddhistEra(2564)),
        ("2021", .convertedFromCommonEra(2564)), ("๒๐๒๑", .convertedFromCommonEra(2564)),
        ("ปีนี้", .unreadable), ("", .unreadable), ("2564.5", .unreadable), ("-2564", .unreadable),
    ])
    func fiscalYear(text: String, expected: FiscalYearReading) {
        #expect(FiscalYearText.parse(text) == expected, "\(text)")
    }

    @Test("rounds as forms write them", arguments: [
        ("๖", 6 as Int?), ("6", 6), ("6 เดือน", 6), ("รอบ ๖ เดือน", 6), ("รอบ ๑๒ เดือน", 12),
        ("12 months", 12), ("12 Months", 12), ("round 6", 6), ("6-month", 6), ("๙", 9),
        ("หก เดือน", nil), ("", nil), ("รอบ", nil),
    ])
    func round(text: String, expected: Int?) {
        #expect(RoundText.parse(text) == expected, "\(text)")
    }
}
