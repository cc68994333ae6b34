import Foundation
import Glibc
import Ingest
import Testing
import Validate
@testable import Inbox

/// A checker that kills its own process with SIGKILL when it meets a file holding `KILL`:
/// a real `kill -9` in the middle of a batch, after the claim and before the commit.
struct KillingChecker: FormChecking {
    func check(_ data: Data, file: String) -> Verdict {
        if String(decoding: data, as: UTF8.self).contains("KILL") { kill(getpid(), SIGKILL) }
        return LineChecker().check(data, file: file)
    }
}

@Suite("recovery after a crash")
struct InboxRecoveryTests {
    @Test("a claimed file the ledger does not know is processed again")
    func uncommittedClaim() throws {
        let box = try Sandbox()
        try box.state.create()
        let bytes = Data(form().utf8)
        try bytes.write(to: URL(fileURLWithPath: box.state.work + "/1700000000000-0a0b0c0d--late.txt"))
        let tally = try box.processor().runOnce()
        #expect(tally.accepted == 1 && tally.recovered == 1)
        #expect(box.names(box.state.work).isEmpty)
        #expect(box.contents(box.state.accepted + "/late.txt") == bytes)
        #expect(box.recordLines().count == 1)
    }

    @Test("a committed claim is finished: moved out, notice and records.jsonl written, nothing doubled")
    func committedClaim() throws {
        let box = try Sandbox()
        let processor = try box.processor()
        let good = Data(form().utf8)
        let bad = Data(form(station: "สภ.แม่ริม", extra: ["missing: round"]).utf8)
        for (claim, name, data, accepted) in [("1-aa", "good.txt", good, true), ("2-bb", "bad.txt", bad, false)] {
            try data.write(to: URL(fileURLWithPath: box.state.work + "/\(claim)--\(name)"))
            try processor.ledger.commit(SubmissionDraft(
                claimID: claim, fileName: name, storedName: name, folder: accepted ? .accepted : .rejected,
                sha256: sha256Hex(data), size: Int64(data.count), receivedAt: Date(), outcome: accepted ? .accepted : .rejected,
                duplicateOf: nil, verdict: LineChecker().check(data, file: name)))
        }
        // A crash also left half a line at the end of records.jsonl.
        try Data("{\"indicator\":\"กต".utf8).write(to: URL(fileURLWithPath: box.state.records))

        let tally = try processor.recover()
        #expect(tally.accepted == 1 && tally.rejected == 1 && tally.recovered == 2)
        #expect(box.names(box.state.work).isEmpty)
        #expect(box.contents(box.state.accepted + "/good.txt") == good)
        #expect(box.contents(box.state.rejected + "/bad.txt") == bad)
        #expect(FileSystem.exists(box.state.rejected + "/bad.txt.notice.txt"))
        #expect(try processor.ledger.submissions().count == 2)
        #expect(box.recordLines() == (try processor.ledger.records(history: true)).map(\.json))
        #expect(box.recordLines().count == 1)
        // Recovering again changes nothing.
        #expect(try processor.recover() == Tally())
        #expect(try processor.rebuildRecordsFileIfNeeded() == false)
    }

    @Test("an unfinished copy across file systems (.partial) is removed: its source is still in the inbox")
    func partialCopy() throws {
        let box = try Sandbox()
        try box.state.create()
        try Data("half".utf8).write(to: URL(fileURLWithPath: box.state.work + "/1-aa--a.txt.partial"))
        try box.drop("a.txt", form())
        let tally = try box.processor().runOnce()
        #expect(tally.accepted == 1 && tally.recovered == 0)
        #expect(box.names(box.state.work).isEmpty)
    }

    /// Batch size 1 takes the files one by one; 256 claims all ten before checking any, so
    /// the kill (in the check of 07.txt) finds them all in `work/`.
    @Test("kill -9 in the middle of a batch, then a restart: nothing lost, nothing doubled, integrity ok",
          arguments: [1, 256])
    func killedMidBatch(batchSize: Int) async throws {
        let box = try Sandbox()
        var sent: [String: Data] = [:]
        for index in 1...6 {
            let name = String(format: "%02d.txt", index)
            sent[name] = try box.drop(name, form(station: "สภ.สถานี\(index)", level: index % 6))
        }
        sent["07.txt"] = try box.drop("07.txt", form(station: "สภ.สถานี7", extra: ["KILL"]))
        for index in 8...10 {
            let name = String(format: "%02d.txt", index)
            sent[name] = try box.drop(name, form(station: "สภ.สถานี\(index)", extra: index == 9 ? ["missing: round"] : []))
        }
        let inbox = box.inbox
        let stateRoot = box.state.root
        await #expect(processExitsWith: .signal(SIGKILL)) { [inbox = inbox as String, stateRoot = stateRoot as String, batchSize = batchSize as Int] in
            let processor = try InboxProcessor(inbox: inbox, state: StateDirectory(stateRoot),
                                               checker: KillingChecker(), logger: Sandbox.quiet)
            processor.batchSize = batchSize
            _ = try processor.runOnce()
        }
        if batchSize == 1 {
            // The kill struck while 07.txt was claimed: six done, one in work/, three waiting.
            #expect(box.names(box.state.work).count == 1)
            #expect(box.names(box.state.accepted).count == 6)
        } else {
            // All ten claimed, none committed yet: all in work/, nothing stored.
            #expect(box.names(box.state.work).count == 10)
            #expect(box.names(box.state.accepted).isEmpty)
        }

        // Restart (without the killer: the station sends the same bytes, the clerk reruns).
        let tally = try box.processor().runOnce()
        #expect(tally.recovered == (batchSize == 1 ? 1 : 10))
        #expect(box.names(box.state.work).isEmpty)
        let stored = box.names(box.state.accepted) + box.names(box.state.rejected).filter { !$0.hasSuffix(".notice.txt") }
        #expect(stored.sorted() == sent.keys.sorted())
        for (name, data) in sent {
            let path = FileSystem.exists(box.state.accepted + "/" + name) ? box.state.accepted : box.state.rejected
            #expect(box.contents(path + "/" + name) == data, "\(name) stored byte for byte")
        }
        let ledger = try Ledger(path: box.state.ledger)
        #expect(try ledger.submissions().count == 10)
        #expect(Set(try ledger.submissions().map(\.fileName)).count == 10)
        #expect(try ledger.records(history: true).count == 9)
        #expect(box.recordLines().count == 9)
        #expect(try ledger.integrityCheck() == "ok")
    }
}

@Suite("the rejection notice")
struct NoticeTests {
    /// The golden notice lives in a Swift file (a raw string), so that the test target needs
    /// no resource declaration; `RECORD_GOLDEN=1` rewrites it from the current output.
    static let goldenFile = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("NoticeGolden.swift")

    @Test("matches the golden file (Thai first, then English; station, file, each finding with its line)")
    func golden() throws {
        let findings = [
            Finding(.outsideWindow(step: 3, date: CalendarDate(year: 2021, month: 2, day: 1)!,
                                   window: MonthWindow(first: YearMonth(year: 2021, month: 4), last: YearMonth(year: 2021, month: 6))),
                    line: 12),
            Finding(.missingField(.reportedOn)),
            Finding(.badPhone("123"), line: 15),
        ]
        // 20 Apr 2021 03:05 UTC = 10:05 in Thailand.
        let notice = Notice(station: "สภ.เมืองเชียงใหม่", bureau: "ภ.5", fiscalYear: 2564, round: 6,
                            officeContact: "ฝ่ายอำนวยการ ภ.5 โทร 053-123-456", fileName: "report.txt", storedName: "report-2.txt",
                            receivedAt: Date(timeIntervalSince1970: 1_618_887_900), sha256: String(repeating: "ab", count: 32),
                            findings: findings)
        if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" {
            let source = "/// The golden rejection notice (`NoticeTests.golden`); re-record with RECORD_GOLDEN=1.\n"
                + "let goldenNotice = #\"\"\"\n" + notice.text + "\n\"\"\"#\n"
            try Data(source.utf8).write(to: NoticeTests.goldenFile)
        }
        #expect(notice.text == goldenNotice)
    }

    @Test("an unreadable form: the station is said to be unknown in both languages")
    func unknownStation() {
        let notice = Notice(station: nil, bureau: nil, fileName: "x.bin", storedName: "x.bin", receivedAt: Date(),
                            sha256: nil, findings: [Finding(.emptyFile)])
        #expect(notice.text.contains("หน่วยปฏิบัติ: ไม่ทราบ"))
        #expect(notice.text.contains("Station: unknown"))
        #expect(notice.text.contains("[unreadable]"))
        #expect(!notice.text.contains("SHA-256"))
        #expect(notice.text.contains("รายงาน: ปีงบประมาณ ไม่ทราบ รอบ ไม่ทราบ"))
        #expect(!notice.text.contains("สอบถาม:"), "no office contact set, no line")
    }

    @Test("a contact read from the file's text is marked unverified in both languages")
    func unverifiedContact() {
        let notice = Notice(station: "สน.บางรัก", bureau: "บช.น.", fiscalYear: 2564, round: 6, contactVerified: false,
                            fileName: "x.xml", storedName: "x.xml", receivedAt: Date(), sha256: nil, findings: [Finding(.emptyFile)])
        #expect(notice.text.contains("หน่วยปฏิบัติ: สน.บางรัก (อ่านจากข้อความในไฟล์ ยังไม่ได้ตรวจ)"))
        #expect(notice.text.contains("Station: สน.บางรัก (read from the file's text, not verified)"))
        #expect(notice.text.contains("รายงาน: ปีงบประมาณ ๒๕๖๔ รอบ ๖ เดือน"))
        #expect(notice.text.contains("Report: fiscal year 2564, round 6 months"))
    }
}
