import Foundation
import Testing

/// `pipeline reconcile`, run as a user would after a power cut.
@Suite("pipeline reconcile")
struct ReconcileCommandTests {
    @Test("a state whose ledger lost its commits: files entered once, records.jsonl kept whole, a second pass repairs nothing")
    func entersFilesTheLedgerLost() throws {
        let box = try InboxFolder()
        try box.drop("a.txt", textForm())
        try box.drop("b.txt", textForm(station: "สภ.แม่ริม", phone: "๐๘๙-๙๙๙-๙๙๙๙"))
        try box.drop("bad.txt", textForm(station: "สน.บางรัก", bureau: "บช.น.", province: nil, score: "ไม่ทราบ"))
        #expect(try box.run().status == 0)
        let records = try String(contentsOfFile: box.state + "/records.jsonl", encoding: .utf8)
        #expect(records.split(separator: "\n").count == 2)
        // What the old engine left after a power cut: files filed, records.jsonl written,
        // the ledger's commits gone.
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: box.state + "/ledger.sqlite" + suffix) }
        try FileManager.default.removeItem(atPath: box.state + "/rejected/bad.txt.notice.txt")

        let first = try PipelineProcess.run(["reconcile", "--state", box.state] + schemaArguments)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("3 files without a ledger row entered"), "\(first.stdout)")
        #expect(first.stdout.contains("1 missing notices written"), "\(first.stdout)")
        #expect(first.stderr.components(separatedBy: "reconcile:").count - 1 == 4, "\(first.stderr)")
        #expect(first.stderr.contains("accepted/a.txt had no ledger row"))
        #expect(box.names("rejected") == ["bad.txt", "bad.txt.notice.txt"])
        let after = try String(contentsOfFile: box.state + "/records.jsonl", encoding: .utf8)
        #expect(Set(after.split(separator: "\n")) == Set(records.split(separator: "\n")))
        let listed = try PipelineProcess.run(["records", "--state", box.state])
        #expect(Set(listed.stdout.split(separator: "\n")) == Set(records.split(separator: "\n")))

        let second = try PipelineProcess.run(["reconcile", "--state", box.state, "--inbox", box.inbox] + schemaArguments)
        #expect(second.status == 0)
        #expect(second.stdout.contains("nothing to repair"), "\(second.stdout)")
        #expect(!second.stderr.contains("reconcile:"))
        // And a run on the reconciled state finds nothing to do.
        #expect(try box.run().stdout.contains("accepted 0 · rejected 0 · duplicates 0"))
    }

    @Test("no state folder: exit 2 with a message, nothing created")
    func noStateFolder() throws {
        let folder = try TemporaryFolder()
        let missing = folder.url.path + "/nowhere"
        let result = try PipelineProcess.run(["reconcile", "--state", missing] + schemaArguments)
        #expect(result.status == 2)
        #expect(result.stderr.contains("no state folder"))
        #expect(!FileManager.default.fileExists(atPath: missing))
    }
}
