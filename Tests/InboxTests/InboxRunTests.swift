import Crypto
import Foundation
import Glibc
import Testing
import Validate
@testable import Inbox

@Suite("one pass over the inbox")
struct InboxRunTests {
    @Test("a mixed batch: every input ends in exactly one of accepted/ or rejected/, ledger and notices match")
    func mixedBatch() throws {
        let box = try Sandbox()
        let good1 = try box.drop("good1.txt", form(station: "สภ.เมืองเชียงใหม่"))
        let good2 = try box.drop("good2.txt", form(station: "สน.ลุมพินี", bureau: "บช.น.", level: 5))
        let bad = try box.drop("bad.txt", form(station: "สภ.แม่ริม", extra: ["missing: reported_on"]))
        try box.drop("junk.txt", "ไม่มีอะไรเลย\n")
        try box.drop("empty.txt", "")
        try Data("outside\n".utf8).write(to: URL(fileURLWithPath: box.root + "/outside.txt"))
        #expect(symlink(box.root + "/outside.txt", box.inbox + "/link.txt") == 0)
        #expect(mkfifo(box.inbox + "/pipe.txt", 0o600) == 0)
        #expect(mkdir(box.inbox + "/folder", 0o755) == 0)
        try Data(form().utf8).write(to: URL(fileURLWithPath: box.inbox + "/folder/inside.txt"))
        for ignored in [".hidden.txt", "upload.part", "save.tmp", "~lock.txt"] { try box.drop(ignored, form()) }

        let tally = try box.processor().runOnce()
        #expect(tally.accepted == 2)
        #expect(tally.rejected == 6)
        #expect(tally.duplicates == 0)
        #expect(tally.failed == 0)

        let inputs = ["good1.txt", "good2.txt", "bad.txt", "junk.txt", "empty.txt", "link.txt", "pipe.txt", "folder"]
        let accepted = box.names(box.state.accepted)
        let rejected = box.names(box.state.rejected).filter { !$0.hasSuffix(".notice.txt") }
        for input in inputs {
            #expect((accepted + rejected).filter { $0 == input }.count == 1, "\(input) must be in exactly one place")
        }
        #expect(accepted == ["good1.txt", "good2.txt"])
        #expect(box.names(box.state.work).isEmpty)
        #expect(box.names(box.inbox) == [".hidden.txt", InboxProcessor.lockName, "save.tmp", "upload.part", "~lock.txt"])

        // Byte for byte.
        #expect(box.contents(box.state.accepted + "/good1.txt") == good1)
        #expect(box.contents(box.state.accepted + "/good2.txt") == good2)
        #expect(box.contents(box.state.rejected + "/bad.txt") == bad)

        // The symlink moved as itself (not followed), the FIFO as itself (not opened).
        let linkTarget = try FileManager.default.destinationOfSymbolicLink(atPath: box.state.rejected + "/link.txt")
        #expect(linkTarget == box.root + "/outside.txt")
        #expect(try FileSystem.snapshot(box.state.rejected + "/pipe.txt")?.kind == .fifo)
        #expect(box.contents(box.root + "/outside.txt") == Data("outside\n".utf8))
        #expect(box.names(box.state.rejected + "/folder") == ["inside.txt"], "a directory is moved whole, not read")

        // Notices beside every rejected file, naming the rules.
        let expectedRules = ["bad.txt": "missing-field", "junk.txt": "malformed", "empty.txt": "unreadable",
                             "link.txt": "unreadable", "pipe.txt": "unreadable", "folder": "unreadable"]
        for (name, rule) in expectedRules {
            let notice = String(decoding: box.contents(box.state.rejected + "/" + Notice.fileName(for: name)) ?? Data(), as: UTF8.self)
            #expect(notice.contains("[\(rule)]"), "notice of \(name) names \(rule)")
            #expect(notice.contains("ไฟล์: \(name)") && notice.contains("File: \(name)"))
        }
        let linkNotice = String(decoding: box.contents(box.state.rejected + "/link.txt.notice.txt") ?? Data(), as: UTF8.self)
        #expect(linkNotice.contains("symbolic link"))
        let badNotice = String(decoding: box.contents(box.state.rejected + "/bad.txt.notice.txt") ?? Data(), as: UTF8.self)
        #expect(badNotice.contains("บรรทัด ๗ [missing-field]") && badNotice.contains("line 7 [missing-field]"))
        #expect(badNotice.contains("หน่วยปฏิบัติ: สภ.แม่ริม"))

        // The ledger.
        let ledger = try Ledger(path: box.state.ledger)
        let submissions = try ledger.submissions()
        #expect(submissions.map(\.fileName).sorted() == inputs.sorted())
        for submission in submissions {
            let folder = submission.outcome == .accepted ? box.state.accepted : box.state.rejected
            #expect(FileSystem.exists(folder + "/" + submission.storedName))
        }
        #expect(submissions.first { $0.fileName == "good1.txt" }?.sha256 == sha256Hex(good1))
        #expect(submissions.first { $0.fileName == "pipe.txt" }?.sha256 == nil)
        let rejections = try ledger.rejections(.init(status: nil))
        #expect(rejections.count == 6)
        #expect(rejections.allSatisfy { $0.status == .open })
        #expect(rejections.first { $0.fileName == "bad.txt" }?.rules == ["missing-field"])
        #expect(rejections.first { $0.fileName == "bad.txt" }?.phone == "0812345678")
        #expect(try ledger.records().count == 2)
        #expect(try ledger.integrityCheck() == "ok")

        // records.jsonl: one line per accepted record, the record object.
        let lines = box.recordLines()
        #expect(lines == (try ledger.records(history: true)).map(\.json))
        #expect(lines.first?.hasPrefix(#"{"indicator":"กต.ตร. พบประชาชน","fiscal_year":2564,"round":6,"station":"สภ.เมืองเชียงใหม่""#) == true)
    }

    @Test("a name clash gets a unique suffix, never an overwrite")
    func nameClash() throws {
        let box = try Sandbox()
        let first = try box.drop("report.txt", form(station: "สภ.หนึ่ง"))
        _ = try box.processor().runOnce()
        let second = try box.drop("report.txt", form(station: "สภ.สอง"))
        _ = try box.processor().runOnce()
        let badFirst = try box.drop("x.txt", form(station: "สภ.สาม", extra: ["missing: bureau"]))
        _ = try box.processor().runOnce()
        let badSecond = try box.drop("x.txt", form(station: "สภ.สี่", extra: ["missing: round"]))
        _ = try box.processor().runOnce()

        #expect(box.names(box.state.accepted) == ["report-2.txt", "report.txt"])
        #expect(box.contents(box.state.accepted + "/report.txt") == first)
        #expect(box.contents(box.state.accepted + "/report-2.txt") == second)
        #expect(box.names(box.state.rejected) == ["x-2.txt", "x-2.txt.notice.txt", "x.txt", "x.txt.notice.txt"])
        #expect(box.contents(box.state.rejected + "/x.txt") == badFirst)
        #expect(box.contents(box.state.rejected + "/x-2.txt") == badSecond)
        let notice = String(decoding: box.contents(box.state.rejected + "/x-2.txt.notice.txt") ?? Data(), as: UTF8.self)
        #expect(notice.contains("สภ.สี่") && notice.contains("(kept as x-2.txt)"))

        // A rejected file named like a notice never makes another file's notice overwrite it.
        try box.drop("y.txt.notice.txt", "nothing to read\n")
        _ = try box.processor().runOnce()
        try box.drop("y.txt", "nothing either\n")
        _ = try box.processor().runOnce()
        #expect(box.contents(box.state.rejected + "/y.txt.notice.txt") == Data("nothing to read\n".utf8))
        #expect(box.contents(box.state.rejected + "/y-2.txt") == Data("nothing either\n".utf8))
        #expect(try Ledger(path: box.state.ledger).isNameTaken("y.txt", in: .rejected))
        #expect(try Ledger(path: box.state.ledger).isNameTaken("y-2.txt.notice.txt", in: .rejected))
        #expect(try !Ledger(path: box.state.ledger).isNameTaken("y-3.txt", in: .rejected))
    }

    @Test("a byte-identical file is recognized by its SHA-256 and not counted twice")
    func duplicate() throws {
        let box = try Sandbox()
        let bytes = form()
        try box.drop("a.txt", bytes)
        try box.drop("bad.txt", form(station: "สภ.แม่ริม", extra: ["missing: round"]))
        let firstPass = try box.processor().runOnce()
        #expect(firstPass.accepted == 1 && firstPass.rejected == 1)

        try box.drop("a-again.txt", bytes)
        try box.drop("bad-again.txt", form(station: "สภ.แม่ริม", extra: ["missing: round"]))
        let secondPass = try box.processor().runOnce()
        #expect(secondPass.duplicates == 2)
        #expect(secondPass.accepted == 0 && secondPass.rejected == 0)

        #expect(box.names(box.state.accepted) == ["a-again.txt", "a.txt"])
        #expect(box.names(box.state.rejected).contains("bad-again.txt.notice.txt"))
        let notice = String(decoding: box.contents(box.state.rejected + "/bad-again.txt.notice.txt") ?? Data(), as: UTF8.self)
        #expect(notice.contains("ไม่นับซ้ำ") && notice.contains("[missing-field]"))

        let ledger = try Ledger(path: box.state.ledger)
        #expect(try ledger.records(history: true).count == 1)
        #expect(try ledger.rejections(.init(status: nil)).count == 1)
        let again = try ledger.submissions().first { $0.fileName == "a-again.txt" }
        #expect(again?.outcome == .duplicate)
        #expect(again?.duplicateOf == (try ledger.submissions().first { $0.fileName == "a.txt" })?.id)
        #expect(box.recordLines().count == 1)
    }

    @Test("an accepted form supersedes the record with the same key and resolves its open rejections")
    func resubmission() throws {
        let box = try Sandbox()
        try box.drop("1-bad.txt", form(level: 2, extra: ["missing: reported_on"]))
        try box.drop("2-other-bad.txt", form(station: "สภ.แม่ริม", extra: ["missing: reported_on"]))
        try box.drop("3-other-round-bad.txt", form(round: 12, extra: ["missing: score"]))
        _ = try box.processor().runOnce()
        try box.drop("4-good.txt", form(level: 2))
        _ = try box.processor().runOnce()
        try box.drop("5-better.txt", form(level: 4))
        _ = try box.processor().runOnce()

        let ledger = try Ledger(path: box.state.ledger)
        let rejections = try ledger.rejections(.init(status: nil))
        let good = try ledger.submissions().first { $0.fileName == "4-good.txt" }
        #expect(rejections.first { $0.fileName == "1-bad.txt" }?.status == .resolved)
        #expect(rejections.first { $0.fileName == "1-bad.txt" }?.resolvedBy == good?.id)
        #expect(rejections.first { $0.fileName == "2-other-bad.txt" }?.status == .open)
        #expect(rejections.first { $0.fileName == "3-other-round-bad.txt" }?.status == .open)
        #expect(try ledger.rejections().map(\.fileName) == ["2-other-bad.txt", "3-other-round-bad.txt"])

        let history = try ledger.records(history: true)
        #expect(history.count == 2)
        #expect(history[0].supersededBy == history[1].id)
        #expect(history[1].current)
        let current = try ledger.records()
        #expect(current.count == 1)
        #expect(current.first?.record.level == 4)
        #expect(box.recordLines().count == 2)
    }

    @Test("a second processor on the same inbox or the same state is refused")
    func secondProcessorRefused() throws {
        let box = try Sandbox()
        let other = try Sandbox()
        do {
            let first = try box.processor()
            #expect(throws: ProcessLock.Held.self) {
                _ = try InboxProcessor(inbox: box.inbox, state: other.state, checker: LineChecker(), logger: Sandbox.quiet)
            }
            #expect(throws: ProcessLock.Held.self) {
                _ = try InboxProcessor(inbox: other.inbox, state: box.state, checker: LineChecker(), logger: Sandbox.quiet)
            }
            _ = first
        }
        // Released with the first one.
        _ = try box.processor()
    }

    @Test("the summary: stations, levels, targets and mean score per bureau and round")
    func summary() throws {
        let box = try Sandbox()
        try box.drop("a.txt", form(station: "สภ.เมืองเชียงใหม่", bureau: "ภ.5", level: 2))
        try box.drop("b.txt", form(station: "สภ.แม่ริม", bureau: "ภ.5", level: 5))
        try box.drop("c.txt", form(station: "สน.ลุมพินี", bureau: "บช.น.", level: 3))
        try box.drop("d.txt", form(station: "สน.ลุมพินี", bureau: "บช.น.", round: 12, level: 4))
        try box.drop("e.txt", form(station: "สภ.แม่ริม", bureau: "ภ.5", level: 4))  // supersedes b
        _ = try box.processor().runOnce()
        let rows = try Ledger(path: box.state.ledger).summary()
        #expect(rows.map { "\($0.round) \($0.bureau ?? "all") \($0.stations)" } == ["6 บช.น. 1", "6 ภ.5 2", "6 all 3", "12 บช.น. 1", "12 all 1"])
        let region5 = try #require(rows.first { $0.round == 6 && $0.bureau == "ภ.5" })
        #expect(region5.levels == [0, 0, 1, 0, 1, 0])
        #expect(region5.targets == [.below: 1, .standard: 1])
        #expect(region5.meanScore == 50)  // (25 + 75) / 2
    }

    @Test("hidden and temporary names are ignored", arguments: [
        (".x.txt", true), ("a.part", true), ("a.tmp", true), ("~a.txt", true),
        ("a.txt", false), ("a.xml", false), ("part", false), ("a.partial.txt", false),
    ])
    func ignoredNames(name: String, ignored: Bool) {
        #expect(InboxProcessor.isIgnored(name) == ignored)
    }
}

func sha256Hex(_ data: Data) -> String {
    SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
}
