import Foundation
import Glibc
import Testing
import Validate
@testable import Inbox

/// States a power cut leaves, built by hand, and what `Reconciler` makes of them: each
/// repaired once, logged, and a second pass repairs nothing.
@Suite("reconcile what a power cut left")
struct ReconcileTests {
    func reconciler(_ box: Sandbox, _ ledger: Ledger, inbox: Bool = true) -> Reconciler {
        Reconciler(state: box.state, inbox: inbox ? box.inbox : nil, ledger: ledger, checker: LineChecker(), logger: Sandbox.quiet)
    }

    /// An empty state with its ledger, as the engine creates it.
    func emptyState(_ box: Sandbox) throws -> Ledger {
        try box.state.create()
        return try Ledger(path: box.state.ledger)
    }

    func write(_ data: Data, _ path: String) throws {
        try data.write(to: URL(fileURLWithPath: path))
    }

    @Test("an accepted file without its ledger row is checked again, entered once where it lies, and gets its records.jsonl line")
    func acceptedWithoutRow() throws {
        let box = try Sandbox()
        let ledger = try emptyState(box)
        let bytes = Data(form().utf8)
        try write(bytes, box.state.accepted + "/a.txt")

        let report = try reconciler(box, ledger).reconcile()
        #expect(report.entered == 1 && report.recordLinesAdded == 1 && report.repairs == 2)
        let rows = try ledger.submissions()
        #expect(rows.count == 1)
        #expect(rows.first?.outcome == .accepted && rows.first?.folder == .accepted && rows.first?.storedName == "a.txt")
        #expect(rows.first?.sha256 == sha256Hex(bytes))
        #expect(box.contents(box.state.accepted + "/a.txt") == bytes)
        #expect(box.recordLines() == (try ledger.records(history: true)).map(\.json))
        #expect(box.recordLines().count == 1)

        #expect(try reconciler(box, ledger).reconcile() == Reconciler.Report())
        #expect(try ledger.submissions().count == 1)
    }

    @Test("a rejected file without row or notice is entered and gets its notice")
    func rejectedWithoutRowOrNotice() throws {
        let box = try Sandbox()
        let ledger = try emptyState(box)
        try write(Data(form(extra: ["missing: round"]).utf8), box.state.rejected + "/bad.txt")

        let report = try reconciler(box, ledger).reconcile()
        #expect(report.entered == 1 && report.noticesWritten == 1 && report.repairs == 2)
        #expect(try ledger.submissions().map(\.outcome) == [.rejected])
        #expect(try ledger.rejections().map(\.storedName) == ["bad.txt"])
        let notice = String(decoding: box.contents(box.state.rejected + "/bad.txt.notice.txt") ?? Data(), as: UTF8.self)
        #expect(notice.contains("[missing-field]") && notice.contains("bad.txt"))
        #expect(try reconciler(box, ledger).reconcile() == Reconciler.Report())
    }

    @Test("a rejected file whose notice survived but whose row did not is entered; the notice is kept as it is")
    func rejectedWithNoticeWithoutRow() throws {
        let box = try Sandbox()
        let ledger = try emptyState(box)
        try write(Data(form(extra: ["missing: round"]).utf8), box.state.rejected + "/bad.txt")
        let earlierNotice = Data("แจ้งผลการตรวจแบบรายงาน (written before the cut)\n".utf8)
        try write(earlierNotice, box.state.rejected + "/bad.txt.notice.txt")

        let report = try reconciler(box, ledger).reconcile()
        #expect(report.entered == 1 && report.noticesWritten == 0 && report.orphanedNotices == 0)
        #expect(box.contents(box.state.rejected + "/bad.txt.notice.txt") == earlierNotice)
        #expect(try ledger.submissions().count == 1)
    }

    @Test("a notice beside no submission (no file, no row) is moved to orphaned-notices/, bytes intact, never deleted")
    func orphanedNotice() throws {
        let box = try Sandbox()
        let ledger = try emptyState(box)
        let notice = Data("แจ้งผลการตรวจแบบรายงาน โครงการ …\n".utf8)
        try write(notice, box.state.rejected + "/gone.txt.notice.txt")
        try write(Data("half".utf8), box.state.rejected + "/gone.txt.notice.txt.writing")

        let reconciler = reconciler(box, ledger)
        let report = try reconciler.reconcile()
        #expect(report.orphanedNotices == 1 && report.noticeTemporaries == 1 && report.entered == 0)
        #expect(box.names(box.state.rejected).isEmpty)
        #expect(box.contents(reconciler.orphanedNotices + "/gone.txt.notice.txt") == notice)
        #expect(try ledger.submissions().isEmpty)
        #expect(try reconciler.reconcile() == Reconciler.Report())
    }

    @Test("a station's own file called X.notice.txt (not a notice) is entered as a submission, not set aside")
    func stationFileNamedLikeANotice() throws {
        let box = try Sandbox()
        let ledger = try emptyState(box)
        try write(Data(form(extra: ["missing: round"]).utf8), box.state.rejected + "/x.notice.txt")
        let report = try reconciler(box, ledger).reconcile()
        #expect(report.orphanedNotices == 0 && report.entered == 1)
        #expect(try ledger.submissions().map(\.storedName) == ["x.notice.txt"])
    }

    @Test("a notice whose form is committed but still in work/ is left for recovery to settle")
    func noticeOfCommittedFormInWork() throws {
        let box = try Sandbox()
        let processor = try box.processor()
        let bad = Data(form(extra: ["missing: round"]).utf8)
        try write(bad, box.state.work + "/1-aa--bad.txt")
        try processor.ledger.commit(SubmissionDraft(
            claimID: "1-aa", fileName: "bad.txt", storedName: "bad.txt", folder: .rejected, sha256: sha256Hex(bad),
            size: Int64(bad.count), receivedAt: Date(), outcome: .rejected, duplicateOf: nil,
            verdict: LineChecker().check(bad, file: "bad.txt")))
        try write(Data("แจ้งผลการตรวจแบบรายงาน\n".utf8), box.state.rejected + "/bad.txt.notice.txt")

        #expect(try reconciler(box, processor.ledger).reconcile() == Reconciler.Report())
        let tally = try processor.recover()
        #expect(tally.rejected == 1 && tally.recovered == 1)
        #expect(box.names(box.state.rejected) == ["bad.txt", "bad.txt.notice.txt"])
    }

    @Test("an accepted row without its records.jsonl line gets the line; a half line and a doubled line are put right")
    func recordLines() throws {
        let box = try Sandbox()
        let processor = try box.processor()
        for (name, station) in [("a.txt", "สภ.แม่ริม"), ("b.txt", "สภ.สันทราย")] {
            try box.drop(name, form(station: station))
        }
        _ = try processor.runOnce()
        let lines = box.recordLines()
        #expect(lines.count == 2)
        // The second line was never made durable; the first was appended twice; half a line follows.
        try write(Data((lines[0] + "\n" + lines[0] + "\n{\"indicator\":\"กต").utf8), box.state.records)

        let report = try reconciler(box, processor.ledger).reconcile()
        #expect(report.recordLinesAdded == 1 && report.recordLinesDropped == 1 && report.entered == 0)
        #expect(box.recordLines() == lines)
        #expect(try reconciler(box, processor.ledger).reconcile() == Reconciler.Report())
    }

    /// The state the issue found after a cut on the old engine: every file filed and every
    /// line in records.jsonl, but the ledger lost the commits. The next start must enter the
    /// files before recovery compares records.jsonl with the ledger, so no line is dropped.
    @Test("a start after the ledger lost its rows: files entered before records.jsonl is rebuilt, no line dropped")
    func startAfterLostCommits() throws {
        let box = try Sandbox()
        for (index, station) in ["สภ.แม่ริม", "สภ.สันทราย", "สภ.ฝาง"].enumerated() {
            try box.drop("f\(index).txt", form(station: station))
        }
        try box.drop("bad.txt", form(extra: ["missing: round"]))
        do { _ = try box.processor().runOnce() }
        let lines = box.recordLines()
        #expect(lines.count == 3)
        // The power cut: the ledger's commits are gone, the files and records.jsonl stayed.
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: box.state.ledger + suffix) }

        let processor = try box.processor()
        #expect(try processor.ledger.submissions().count == 4)
        #expect(try processor.rebuildRecordsFileIfNeeded() == false)
        #expect(Set(box.recordLines()) == Set(lines) && box.recordLines().count == 3)
        #expect(try processor.runOnce() == Tally())
        #expect(box.names(box.state.rejected) == ["bad.txt", "bad.txt.notice.txt"])
        #expect(try processor.ledger.integrityCheck() == "ok")
    }

    @Test("two identical files without rows: the first changed is the original, the other a duplicate, in their places")
    func duplicatesWithoutRows() throws {
        let box = try Sandbox()
        let ledger = try emptyState(box)
        let bytes = Data(form().utf8)
        try write(bytes, box.state.accepted + "/first.txt")
        usleep(20_000)
        try write(bytes, box.state.accepted + "/again.txt")

        let report = try reconciler(box, ledger).reconcile()
        #expect(report.entered == 2 && report.recordLinesAdded == 1)
        let rows = try ledger.submissions()
        #expect(rows.map(\.storedName) == ["first.txt", "again.txt"])
        #expect(rows.map(\.outcome) == [.accepted, .duplicate])
        #expect(rows.last?.duplicateOf == rows.first?.id)
        #expect(box.recordLines().count == 1)
    }

    @Test("a settling move cut between link and unlink: the work/ name is removed, the stored file kept once")
    func settleCutBetweenLinkAndUnlink() throws {
        let box = try Sandbox()
        let processor = try box.processor()
        let bytes = Data(form().utf8)
        let workPath = box.state.work + "/1-aa--a.txt"
        try write(bytes, workPath)
        try processor.ledger.commit(SubmissionDraft(
            claimID: "1-aa", fileName: "a.txt", storedName: "a.txt", folder: .accepted, sha256: sha256Hex(bytes),
            size: Int64(bytes.count), receivedAt: Date(), outcome: .accepted, duplicateOf: nil,
            verdict: LineChecker().check(bytes, file: "a.txt")))
        #expect(link(workPath, box.state.accepted + "/a.txt") == 0)

        let report = try reconciler(box, processor.ledger).reconcile()
        #expect(report.finishedMoves == 1 && report.entered == 0)
        #expect(box.names(box.state.work).isEmpty)
        #expect(FileSystem.linkCount(box.state.accepted + "/a.txt") == 1)
        #expect(try processor.runOnce() == Tally())
        #expect(box.names(box.state.accepted) == ["a.txt"])
        #expect(try processor.ledger.submissions().count == 1)
    }

    @Test("a claim cut between link and unlink: the inbox name is removed and the claim processed once")
    func claimCutBetweenLinkAndUnlink() throws {
        let box = try Sandbox()
        let bytes = try box.drop("a.txt", form())
        try box.state.create()
        #expect(link(box.inbox + "/a.txt", box.state.work + "/1-aa--a.txt") == 0)
        // An unrelated second name of another file in the inbox is left alone.
        try box.drop("b.txt", form(station: "สภ.ฝาง"))
        #expect(link(box.inbox + "/b.txt", box.inbox + "/c.txt") == 0)

        let processor = try box.processor()
        #expect(!FileSystem.exists(box.inbox + "/a.txt"))
        #expect(FileSystem.exists(box.inbox + "/b.txt") && FileSystem.exists(box.inbox + "/c.txt"))
        let tally = try processor.runOnce()
        #expect(tally.recovered == 1)
        #expect(box.contents(box.state.accepted + "/a.txt") == bytes)
        #expect(try processor.ledger.submissions().filter { $0.sha256 == sha256Hex(bytes) }.count == 1)
    }

    @Test("a clean state is left untouched")
    func cleanState() throws {
        let box = try Sandbox()
        try box.drop("a.txt", form())
        try box.drop("bad.txt", form(station: "สภ.ฝาง", extra: ["missing: round"]))
        let processor = try box.processor()
        _ = try processor.runOnce()
        let before = box.contents(box.state.records)
        #expect(try reconciler(box, processor.ledger).reconcile() == Reconciler.Report())
        #expect(box.contents(box.state.records) == before)
    }
}
