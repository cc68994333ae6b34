import Foundation
import Ingest
import Testing
@testable import Validate

/// `unknown-station` (docs/office.md#the-roster): judged against a roster, with the closest
/// names of the form's bureau.
@Suite("the roster's unknown-station")
struct StationRosterTests {
    let roster = StationRoster([
        .init(station: "สภ.หางดง", bureau: "ภ.5", province: "เชียงใหม่", phone: nil, line: 2),
        .init(station: "สภ.เมืองเชียงใหม่", bureau: "ภ.5", province: "เชียงใหม่", phone: nil, line: 3),
        .init(station: "สภ.สันทราย", bureau: "ภ.5", province: "เชียงใหม่", phone: nil, line: 4),
        .init(station: "สภ.หางดงใต้", bureau: "ภ.6", province: "พิษณุโลก", phone: nil, line: 5),
    ])

    func form(station: String) -> Data {
        Data("""
            ตัวชี้วัด : กต.ตร. พบประชาชน
            ปีงบประมาณ : ๒๕๖๔
            รอบการรายงาน : ๖ เดือน
            หน่วยปฏิบัติ : \(station)
            สังกัด : ภ.๕
            จังหวัด : เชียงใหม่
            วันที่รายงาน : ๒๐ เม.ย. ๒๕๖๔
            ขั้นตอนที่ ๑ : ดำเนินการแล้ว เมื่อ ๑๕ พ.ย. ๒๕๖๓
            ขั้นตอนที่ ๒ : ดำเนินการแล้ว เมื่อ ๑๐ ม.ค. ๒๕๖๔
            ขั้นตอนที่ ๓ : ยังไม่ดำเนินการ
            ผู้รายงาน : ร.ต.อ.สมชาย ใจดี
            โทรศัพท์ : ๐๘๑-๒๓๔-๕๖๗๘
            """.utf8)
    }

    @Test("a station not on the roster: a warning at the station's line, naming the nearest of its bureau")
    func triggers() throws {
        let verdict = roster.check(Attack.checker.check(form(station: "สภ.ห้างดง"), file: "f.txt"))
        #expect(verdict.accepted, "a warning only")
        let finding = try #require(verdict.findings.first { $0.rule == .unknownStation })
        #expect(finding.severity == .warning)
        #expect(finding.line == 4)
        #expect(finding.messageTH.contains("สภ.หางดง"))
        #expect(finding.messageEN.contains("สภ.หางดง"))
        #expect(!finding.messageEN.contains("สภ.หางดงใต้"), "another bureau's station is no suggestion")
    }

    @Test("a station on the roster, or no roster at all: no warning")
    func doesNotTrigger() {
        let listed = roster.check(Attack.checker.check(form(station: "สภ.หางดง"), file: "f.txt"))
        #expect(!listed.findings.contains { $0.rule == .unknownStation })
        let spaced = roster.check(Attack.checker.check(form(station: "สภ. หางดง"), file: "f.txt"))
        #expect(!spaced.findings.contains { $0.rule == .unknownStation }, "the alias is canonical first")
        let none = StationRoster([]).check(Attack.checker.check(form(station: "สภ.ไม่มีจริง"), file: "f.txt"))
        #expect(!none.findings.contains { $0.rule == .unknownStation })
    }

    @Test("following the suggestion clears the warning")
    func followTheSuggestion() throws {
        let first = roster.check(Attack.checker.check(form(station: "สภ.หางดอง"), file: "f.txt"))
        let finding = try #require(first.findings.first { $0.rule == .unknownStation })
        #expect(finding.messageEN.contains("สภ.หางดง"))
        let again = roster.check(Attack.checker.check(form(station: "สภ.หางดง"), file: "f.txt"))
        #expect(again.findings.isEmpty, "\(again.findings.map(\.rule))")
    }

    @Test("Thai-aware closeness: prefix, spaces and tone marks weigh nothing", arguments: [
        ("สภ. หางดง", "สภ.หางดง", 0), ("สถานีตำรวจภูธรหางดง", "สภ.หางดง", 0), ("สภ.ห้างดง", "สภ.หางดง", 0),
        ("สภ.หางดอง", "สภ.หางดง", 1), ("สภ.สันทราย", "สภ.หางดง", 7),
    ])
    func closeness(left: String, right: String, distance: Int) {
        #expect(StationRoster.distance(StationRoster.comparisonKey(left), StationRoster.comparisonKey(right)) == distance)
    }

    @Test("a name far from every roster name gets no suggestion")
    func farAway() {
        #expect(roster.closest(to: "สภ.กระบี่ใหญ่", in: "ภ.5").isEmpty)
        #expect(roster.closest(to: "สภ.หางดง", in: "ภ.5").first == "สภ.หางดง")
    }
}
