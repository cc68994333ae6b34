import Foundation
import Ingest
import Testing
@testable import Validate

@Suite("Verdict JSON")
struct VerdictJSONTests {
    /// The record of the example of docs/forms.md, with one absent optional (province) and one step
    /// without a date.
    static let record = Record(
        indicator: "กต.ตร. พบประชาชน", fiscalYear: 2564, round: 6,
        station: "สภ.เมืองเชียงใหม่", bureau: "ภ.5", province: nil,
        reportedOn: CalendarDate(year: 2021, month: 4, day: 20)!,
        steps: [
            StepRecord(number: 1, done: true, date: CalendarDate(year: 2020, month: 11, day: 15),
                       evidence: "บันทึกข้อตกลงกับ อบต.สุเทพ", onTime: true),
            StepRecord(number: 2, done: false),
        ],
        level: 1, score: 0, target: .below, reporter: "ร.ต.อ.สมชาย ใจดี", phone: "0812345678")

    @Test("One line, keys in the contract's order, Thai and slashes unescaped, nulls written")
    func goldenLine() {
        let finding = Finding(.behindPlan(step: 2, windowEnd: CalendarDate(year: 2021, month: 3, day: 31)!), line: 10)
        let verdict = Verdict(file: "in/f 1.txt", format: .text, encoding: .utf8,
                              findings: [finding], record: Self.record)
        let golden = #"{"file":"in/f 1.txt","format":"text","accepted":true,"findings":[{"rule":"behind-plan","severity":"warning","line":10,"step":2,"message_th":"ขั้นตอนที่ ๒ ยังไม่ได้ดำเนินการ ทั้งที่ช่วงเวลาของขั้นตอนสิ้นสุดแล้ว (๓๑ มี.ค. ๒๕๖๔) — ล่าช้ากว่าแผน","message_en":"Step 2 is not done although its window closed on 31 Mar 2021 — behind plan."}],"record":{"indicator":"กต.ตร. พบประชาชน","fiscal_year":2564,"round":6,"station":"สภ.เมืองเชียงใหม่","bureau":"ภ.5","province":null,"reported_on":"2021-04-20","steps":[{"number":1,"done":true,"date":"2020-11-15","evidence":"บันทึกข้อตกลงกับ อบต.สุเทพ","on_time":true},{"number":2,"done":false,"date":null,"evidence":null,"on_time":null}],"level":1,"score":0,"target":"below","reporter":"ร.ต.อ.สมชาย ใจดี","phone":"0812345678"}}"#
        #expect(verdict.jsonLine() == golden)
    }

    @Test("An unreadable file: no format, rejected, record null; quotes and control characters escaped")
    func unreadableVerdict() {
        let verdict = Verdict(file: "a\"b\\c\n.txt", format: nil, encoding: nil,
                              findings: [Finding(.emptyFile)], record: nil)
        let line = verdict.jsonLine()
        #expect(line.hasPrefix(#"{"file":"a\"b\\c\n.txt","format":null,"accepted":false,"findings":[{"rule":"unreadable","severity":"error","line":null,"step":null,"#))
        #expect(line.hasSuffix(#""record":null}"#))
        #expect(!line.contains("\n"))
        // It is JSON, and reads back to the same values.
        let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        #expect(object?["file"] as? String == "a\"b\\c\n.txt")
    }

    @Test("on_time: false for a late step; a stored record without on_time reads as not known")
    func onTime() throws {
        let late = StepRecord(number: 2, done: true, date: CalendarDate(year: 2021, month: 4, day: 2), onTime: false)
        #expect(late.jsonValue.text == #"{"number":2,"done":true,"date":"2021-04-02","evidence":null,"on_time":false}"#)
        let stored = #"{"number":1,"done":true,"date":"2020-11-15","evidence":null}"#
        let decoded = try JSONDecoder().decode(StepRecord.self, from: Data(stored.utf8))
        #expect(decoded.onTime == nil)
        #expect(decoded.done && decoded.date == CalendarDate(year: 2020, month: 11, day: 15))
    }

    @Test("Record: Codable round trip with the verdict's keys")
    func recordRoundTrip() throws {
        let data = try JSONEncoder().encode(Self.record)
        #expect(try JSONDecoder().decode(Record.self, from: data) == Self.record)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(object.keys) == ["indicator", "fiscal_year", "round", "station", "bureau", "province",
                                      "reported_on", "steps", "level", "score", "target", "reporter", "phone"])
        #expect(object["province"] is NSNull)
        #expect(object["reported_on"] as? String == "2021-04-20")
        // The record inside the verdict line decodes to the same record.
        let line = Verdict(file: "f", format: .xml, encoding: .utf8, findings: [], record: Self.record).jsonLine()
        let verdict = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        let recordData = try JSONSerialization.data(withJSONObject: try #require(verdict["record"]))
        #expect(try JSONDecoder().decode(Record.self, from: recordData) == Self.record)
    }

    @Test("The example form's verdict, end to end")
    func exampleVerdict() throws {
        let (findings, record) = try repositoryValidator().validate(.example)
        let line = Verdict(file: "f.txt", format: .text, encoding: .utf8, findings: findings, record: record).jsonLine()
        #expect(line.hasPrefix(#"{"file":"f.txt","format":"text","accepted":true,"findings":[],"record":{"indicator":"กต.ตร. พบประชาชน","fiscal_year":2564,"round":6,"station":"สภ.เมืองเชียงใหม่","bureau":"ภ.5","province":"เชียงใหม่","reported_on":"2021-04-20","steps":[{"number":1,"done":true,"date":"2020-11-15""#))
        #expect(line.hasSuffix(#""level":2,"score":25,"target":"below","reporter":"ร.ต.อ.สมชาย ใจดี","phone":"0812345678"}}"#))
    }

    @Test("verdict(on:): reader findings and validator findings merge in line order")
    func verdictFromReading() throws {
        let validator = try repositoryValidator()
        let form = ReportForm.example.setting(.phone, "12")
        let reading = FormReading(format: .text, encoding: .windows874, form: form,
                                  findings: [Finding(.unknownField(label: "หมายเหตุ"), line: 20),
                                             Finding(.unknownField(label: "อื่นๆ"), line: 1)])
        let verdict = validator.verdict(on: reading, file: "f.txt")
        #expect(verdict.findings.map(\.line) == [1, 14, 20])
        #expect(rules(verdict.findings) == [.unknownField, .badPhone, .unknownField])
        #expect(verdict.accepted)
        #expect(verdict.encoding == .windows874)
        #expect(verdict.record?.level == 2)

        let unread = FormReading(format: .xml, encoding: nil, form: nil,
                                 findings: [Finding(.xmlNotWellFormed(XMLDiagnostic(kind: .other, text: "x")), line: 3)])
        let rejected = validator.verdict(on: unread, file: "g.xml")
        #expect(!rejected.accepted)
        #expect(rejected.record == nil)
        #expect(rejected.format == .xml)
    }
}
