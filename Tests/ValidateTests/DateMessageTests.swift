import Ingest
import Testing
@testable import Validate

/// The messages of an impossible date say why: a day missing from the calendar, a weekday
/// that is not the date's (and which weekday it is), a time that does not exist.
@Suite("bad-date: why a date is impossible")
struct DateMessageTests {

    @Test func wrongWeekdayMessageSaysWhichWeekdayTheDateIs() throws {
        let date = try #require(CalendarDate(year: 2020, month: 12, day: 31))
        let problem = ContentProblem.wrongWeekday(nil, step: 2, value: "วันพุธที่ ๓๑ ธ.ค. ๒๕๖๓", date: date, written: .wednesday)
        let message = problem.message
        #expect(message.thai == "วันที่ของขั้นตอนที่ ๒ \"วันพุธที่ ๓๑ ธ.ค. ๒๕๖๓\" ระบุวันในสัปดาห์ไม่ตรงกับวันที่: ๓๑ ธ.ค. ๒๕๖๓ เป็นวันพฤหัสบดี ไม่ใช่วันพุธ — กรุณาแก้ชื่อวันหรือวันที่ให้ตรงกัน หรือลบชื่อวันออก")
        #expect(message.english == "The date of step 2 \"วันพุธที่ ๓๑ ธ.ค. ๒๕๖๓\" names the wrong weekday: 31 Dec 2020 is a Thursday, not a Wednesday — correct the weekday or the date so that they agree, or leave the weekday out.")
        #expect(Finding(problem).rule == .badDate)
        #expect(!message.thai.contains { $0.isASCII && $0.isNumber })
    }

    @Test func impossibleTimeMessageQuotesTheTimeInThaiDigits() {
        let message = ContentProblem.impossibleTime(.reportedOn, step: nil, value: "31 ธ.ค. 2563 25:00", time: "25:00").message
        #expect(message.thai.contains("มีเวลา ๒๕:๐๐ ซึ่งไม่มีจริง"))
        #expect(message.english.contains("holds the time 25:00, which does not exist"))
    }

    @Test func aDayMissingFromTheCalendarKeepsItsMessage() {
        let message = ContentProblem.impossibleDate(nil, step: 1, value: "๓๑ ก.พ. ๒๕๖๔").message
        #expect(message.thai.contains("ไม่มีอยู่จริงในปฏิทิน"))
    }
}
