import Foundation
import GRDB
import Inbox
import Ingest
import Logging
import Testing
import TestSupport
import Validate
@testable import Office

/// A state with an inbox: forms are dropped and run through the real processor.
final class DeskState: @unchecked Sendable {
    static let checker: FormChecker = {
        do { return try FormChecker(resources: Resources(schemasDirectory: RepositoryPaths.schemas)) } catch {
            fatalError("the checker does not load: \(error)")
        }
    }()
    let folder: TemporaryFolder
    let processor: InboxProcessor
    var ledger: Ledger { processor.ledger }
    let desk: OfficeDesk
    let clerk = OfficeUser.console(name: "test")

    init() throws {
        folder = try TemporaryFolder(prefix: "pipeline-desk")
        try FileManager.default.createDirectory(atPath: folder.path + "/inbox", withIntermediateDirectories: true)
        var logger = Logger(label: "test.desk")
        logger.logLevel = .critical
        processor = try InboxProcessor(inbox: folder.path + "/inbox", state: StateDirectory(folder.path + "/state"),
                                       checker: DeskState.checker, logger: logger)
        desk = OfficeDesk(ledger: processor.ledger, ruleBook: DeskState.checker.ruleBook)
    }

    func drop(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: folder.path + "/inbox/" + name))
    }

    @discardableResult
    func run() throws -> Tally { try processor.runOnce() }

    /// A text form for a station of ภ.5 in Chiang Mai.
    static func form(station: String, score: String = "๒๕") -> String {
        """
        ตัวชี้วัด : กต.ตร. พบประชาชน
        ปีงบประมาณ : ๒๕๖๔
        รอบการรายงาน : ๖ เดือน
        หน่วยปฏิบัติ : \(station)
        สังกัด : ภ.๕
        จังหวัด : เชียงใหม่
        วันที่รายงาน : ๒๐ เม.ย. ๒๕๖๔
        ขั้นตอนที่ ๑ : ดำเนินการแล้ว เมื่อ ๑๕ พ.ย. ๒๕๖๓
        ขั้นตอนที่ ๒ : ดำเนินการแล้ว เมื่อ ๑๐ ม.ค. ๒๕๖๔
        คะแนน : \(score)
        ผู้รายงาน : ร.ต.อ.สมชาย ใจดี
        โทรศัพท์ : ๐๘๑-๒๓๔-๕๖๗๘

        """
    }
}

@Suite("office desk: roster import")
struct RosterImportTests {
    func problems(_ text: String, bytes: Data? = nil) throws -> [RosterProblem] {
        let state = try DeskState()
        do {
            try state.desk.importRoster(bytes ?? Data(text.utf8), file: "r.csv", by: state.clerk)
            return []
        } catch let error as RosterImportError {
            #expect(try state.desk.roster(scope: .all).isEmpty, "nothing changed")
            return error.problems
        }
    }

    @Test("a BOM, CRLF, quoted fields, Thai digits and aliases are read; names come out canonical")
    func good() throws {
        let state = try DeskState()
        let text = "\u{FEFF}station,province,bureau,phone\r\n\"สถานีตำรวจภูธรหางดง\",เชียงใหม่,ภาค ๕,๐๕๓-๔๔๑-๒๓๔\r\nสน.ปทุมวัน,กทม.,บช.น.,\r\n"
        let entries = try state.desk.importRoster(Data(text.utf8), file: "r.csv", by: state.clerk)
        #expect(entries == [
            StationRoster.Entry(station: "สภ.หางดง", bureau: "ภ.5", province: "เชียงใหม่", phone: "053441234", line: 2),
            StationRoster.Entry(station: "สน.ปทุมวัน", bureau: "บช.น.", province: "กรุงเทพมหานคร", phone: nil, line: 3),
        ])
        #expect(try AuditLog.entries(state.ledger).last?.action == "roster.import")
    }

    @Test("only an admin imports: hq and bureau users are refused, the roster unchanged", arguments: [Role.hq, .bureau])
    func adminOnly(role: Role) throws {
        let state = try DeskState()
        let text = "station,bureau,province\nสภ.หางดง,ภ.5,เชียงใหม่\n"
        let user = OfficeUser(name: "someone", role: role, bureau: role == .bureau ? "ภ.5" : nil)
        #expect(throws: RosterImportError.self) { try state.desk.importRoster(Data(text.utf8), file: "r.csv", by: user) }
        #expect(try state.desk.roster(scope: .all).isEmpty)
        #expect(try state.desk.importRoster(Data(text.utf8), file: "r.csv", by: OfficeUser(name: "root", role: .admin)).count == 1)
    }

    @Test("every bad row at its line: wrong bureau, province outside its bureau, prefix under the wrong bureau, duplicate, bad phone, short row")
    func bad() throws {
        let found = try problems("""
            station,bureau,province,phone
            สภ.หางดง,ภ.5,เชียงใหม่,
            สภ.หางดง,ภ.5,เชียงใหม่,
            สภ.เมืองภูเก็ต,ภ.5,ภูเก็ต,
            สน.ปทุมวัน,ภ.5,เชียงใหม่,
            สภ.ไหน,ภ.12,ไหน,
            สภ.สันทราย,ภ.5,เชียงใหม่,123
            สภ.เมืองลำพูน,ภ.5
            """)
        #expect(Set(found.map(\.line)) == [3, 4, 5, 6, 7, 8], "\(found.map(\.text))")
        #expect(found.first { $0.line == 3 }?.messageEN.contains("line 2") == true)
        #expect(found.first { $0.line == 4 }?.messageEN.contains("not in the area of ภ.5") == true)
        #expect(found.first { $0.line == 8 }?.messageEN.contains("2 fields") == true)
    }

    @Test("an empty file, a header only, a wrong header, an unclosed quote: one clear problem each")
    func wholeFile() throws {
        #expect(try problems("").first?.line == 0)
        #expect(try problems("station,bureau,province\n").first?.messageEN == "no station rows under the header")
        #expect(try problems("name,bureau\nx,y\n").first?.messageEN.contains("the header must be") == true)
        #expect(try problems("station,bureau,province\n\"สภ.หางดง,ภ.5,เชียงใหม่\n").first?.messageEN.contains("never closed") == true)
        #expect(try problems("", bytes: Data([0xFF, 0xFE, 0x00, 0x00, 0x41])).count == 1)
    }

    @Test("a failed import keeps the roster that was there")
    func keepsTheOld() throws {
        let state = try DeskState()
        try state.desk.importRoster(Data("station,bureau,province\nสภ.หางดง,ภ.5,เชียงใหม่\n".utf8), file: "a.csv", by: state.clerk)
        #expect(throws: RosterImportError.self) {
            try state.desk.importRoster(Data("station,bureau,province\nสภ.x,ภ.99,y\n".utf8), file: "b.csv", by: state.clerk)
        }
        #expect(try state.desk.roster(scope: .all).map(\.station) == ["สภ.หางดง"])
    }
}

@Suite("office desk: follow-up, unknown-station, the office's contact")
struct FollowUpTests {
    @Test("open → contacted → resolved by an accepted resubmission, each event kept with who and when")
    func automaticResolution() throws {
        let state = try DeskState()
        try state.drop("bad.txt", DeskState.form(station: "สภ.หางดง", score: "๙๙"))
        try state.run()
        let rejection = try #require(try state.desk.rejections(Ledger.RejectionFilter(status: nil), scope: .all).first)
        #expect(rejection.contactVerified && rejection.reporter == "ร.ต.อ.สมชาย ใจดี" && rejection.fiscalYear == 2564)
        let officer = OfficeUser(name: "b5", role: .bureau, bureau: "ภ.5")
        try state.desk.follow(rejection.id, status: .contacted, note: "โทรแล้ว", by: officer)
        try state.drop("good.txt", DeskState.form(station: "สภ.หางดง"))
        try state.run()
        let events = try state.desk.events(of: rejection.id, scope: .all)
        #expect(events.map(\.status) == [.contacted, .resolved])
        #expect(events.map(\.actor) == ["b5", "pipeline"])
        #expect(events.last?.resolvedBy != nil && events.last?.note.contains("good.txt") == true)
        #expect(try state.desk.rejection(rejection.id, scope: .all)?.status == .resolved)
        #expect(throws: FollowUpError.alreadyResolved(rejection.id)) {
            try state.desk.follow(rejection.id, status: .contacted, note: "again", by: officer)
        }
    }

    @Test("a note of 1 MB is refused whole, nothing stored; another bureau's rejection is refused; `open` is no step")
    func refusals() throws {
        let state = try DeskState()
        try state.drop("bad.txt", DeskState.form(station: "สภ.หางดง", score: "๙๙"))
        try state.run()
        let id = try #require(try state.desk.rejections(Ledger.RejectionFilter(status: nil), scope: .all).first?.id)
        let officer = OfficeUser(name: "b5", role: .bureau, bureau: "ภ.5")
        #expect(throws: FollowUpError.noteTooLong(1 << 20)) {
            try state.desk.follow(id, status: .contacted, note: String(repeating: "ก", count: 1 << 20), by: officer)
        }
        #expect(throws: FollowUpError.otherBureau(id)) {
            try state.desk.follow(id, status: .contacted, note: "x", by: OfficeUser(name: "b4", role: .bureau, bureau: "ภ.4"))
        }
        #expect(throws: FollowUpError.notAStep("open")) { try state.desk.follow(id, status: .open, note: "x", by: officer) }
        #expect(throws: FollowUpError.notFound(999)) { try state.desk.follow(999, status: .contacted, note: "x", by: officer) }
        #expect(try state.desk.events(of: id, scope: .all).isEmpty)
        #expect(try state.desk.rejections(Ledger.RejectionFilter(status: nil), scope: .bureau("ภ.4")).isEmpty)
        #expect(try state.desk.rejections(Ledger.RejectionFilter(status: nil, bureau: "ภ.5"), scope: .bureau("ภ.4")).isEmpty)
    }

    @Test("with a roster, a form naming a station not on it is accepted with unknown-station naming the closest")
    func unknownStation() throws {
        let state = try DeskState()
        try state.desk.importRoster(Data("station,bureau,province\nสภ.หางดง,ภ.5,เชียงใหม่\n".utf8), file: "r.csv", by: state.clerk)
        try state.drop("typo.txt", DeskState.form(station: "สภ.ห้างดง"))
        try state.drop("known.txt", DeskState.form(station: "สภ.หางดง"))
        try state.run()
        let submissions = try state.ledger.submissions()
        let typo = try #require(submissions.first { $0.fileName == "typo.txt" })
        #expect(typo.outcome == .accepted)
        let finding = try #require(typo.findings.first { $0.rule == .unknownStation })
        #expect(finding.messageTH.contains("สภ.หางดง") && finding.line == 4)
        #expect(try #require(submissions.first { $0.fileName == "known.txt" }).findings.isEmpty)
    }

    @Test("the office's contact is set once, audited, and printed on every notice after")
    func officeContact() throws {
        let state = try DeskState()
        try state.desk.setOfficeContact("ฝอ.ภ.5 โทร 053-111-222", by: state.clerk)
        try state.drop("bad.txt", DeskState.form(station: "สภ.หางดง", score: "๙๙"))
        try state.run()
        let notice = try String(contentsOfFile: state.folder.path + "/state/rejected/bad.txt.notice.txt", encoding: .utf8)
        #expect(notice.contains("สอบถาม: ฝอ.ภ.5 โทร 053-111-222"))
        #expect(notice.contains("Questions: ฝอ.ภ.5 โทร 053-111-222"))
        #expect(notice.contains("รายงาน: ปีงบประมาณ ๒๕๖๔ รอบ ๖ เดือน"))
        #expect(try AuditLog.entries(state.ledger).contains { $0.action == "setting" && $0.detail.contains("053-111-222") })
    }

    @Test("missing: a rejection filed under another bureau than the roster's is not shown to the roster bureau's officer")
    func missingKeepsTheRowsBureau() throws {
        let state = try DeskState()
        try state.desk.importRoster(Data("station,bureau,province\nสภ.หางดง,ภ.6,พิษณุโลก\n".utf8), file: "r.csv", by: state.clerk)
        try state.drop("bad.txt", DeskState.form(station: "สภ.หางดง", score: "๙๙"))
        try state.run()
        let asSix = try state.desk.missing(fiscalYear: 2564, round: 6, scope: .bureau("ภ.6"))
        #expect(asSix.map(\.station) == ["สภ.หางดง"])
        #expect(asSix.first?.rejectionID == nil, "the rejection is ภ.5's row")
        #expect(try state.desk.missing(fiscalYear: 2564, round: 6, scope: .all).first?.rejectionID != nil)
    }
}
