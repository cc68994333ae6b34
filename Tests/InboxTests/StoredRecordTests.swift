import Foundation
import GRDB
import Testing
import Validate
@testable import Inbox

@Suite("typed records out of the ledger")
struct StoredRecordTests {
    @Test("a stored record reads back as the record the check built, and writes back to the stored line")
    func readsBackAsBuilt() throws {
        let box = try Sandbox()
        let texts = ["a.txt": form(station: "สภ.หนึ่ง", level: 5), "b.txt": form(station: "สภ.สอง", level: 0, extra: ["province: ลำพูน"])]
        for (name, text) in texts { try box.drop(name, text) }
        _ = try box.processor().runOnce()
        let ledger = try Ledger(path: box.state.ledger)
        let stored = try ledger.records(history: true)
        #expect(stored.count == 2)
        for item in stored {
            let name = item.record.station == "สภ.หนึ่ง" ? "a.txt" : "b.txt"
            let built = try #require(LineChecker().check(Data(texts[name]!.utf8), file: name).record)
            #expect(item.record == built)
        }
        #expect(try ledger.recordLines() == stored.map { $0.record.jsonLine() }, "written back byte for byte")
        #expect(box.recordLines() == stored.map { $0.record.jsonLine() })
    }

    @Test("summary levels run 0…N for each fiscal year's number of steps, not a fixed 5")
    func levelsFollowTheSteps() throws {
        let box = try Sandbox()
        try box.drop("a.txt", form(station: "สภ.ห้าขั้น", level: 5))
        try box.drop("b.txt", form(station: "สภ.หกขั้น", level: 6, extra: ["year: 2565", "steps: 6"]))
        try box.drop("c.txt", form(station: "สภ.หกขั้นสอง", level: 2, extra: ["year: 2565", "steps: 6"]))
        _ = try box.processor().runOnce()
        let rows = try Ledger(path: box.state.ledger).summary()
        let fiveSteps = try #require(rows.first { $0.fiscalYear == 2564 && $0.bureau == nil })
        #expect(fiveSteps.levels == [0, 0, 0, 0, 0, 1])
        let sixSteps = try #require(rows.first { $0.fiscalYear == 2565 && $0.bureau == nil })
        #expect(sixSteps.levels == [0, 0, 1, 0, 0, 0, 1], "level 6 counted, not folded into 5")
    }

    @Test("a damaged record row is a clear error for its readers; records.jsonl keeps the stored lines")
    func damagedRow() throws {
        let box = try Sandbox()
        try box.drop("a.txt", form(station: "สภ.หนึ่ง"))
        try box.drop("b.txt", form(station: "สภ.สอง"))
        let processor = try box.processor()
        _ = try processor.runOnce()
        let database = try DatabaseQueue(path: box.state.ledger)
        try database.write { db in
            try db.execute(sql: #"UPDATE records SET record_json = replace(record_json, '"done":true', '"done":"yes"') WHERE id = 2"#)
        }
        #expect {
            try processor.ledger.records(history: true)
        } throws: { error in
            let unreadable = error as? UnreadableStoredRecord
            return unreadable?.recordID == 2 && unreadable?.reason.problem.hasPrefix("steps[0].done: expected") == true
                && "\(error)".contains("the ledger's record 2 cannot be read")
        }
        // The engine still starts: the file is made of the lines the ledger stored.
        try FileManager.default.removeItem(atPath: box.state.records)
        #expect(try processor.rebuildRecordsFileIfNeeded())
        #expect(box.recordLines() == (try processor.ledger.recordLines()))
        #expect(box.recordLines()[1].contains(#""done":"yes""#))
    }

    @Test("recovery settles committed claims and checks the others again, in one pass, records.jsonl in ledger order")
    func mixedRecovery() throws {
        let box = try Sandbox()
        let processor = try box.processor()
        let committed = Data(form(station: "สภ.บันทึกแล้ว").utf8)
        try committed.write(to: URL(fileURLWithPath: box.state.work + "/1-aa--committed.txt"))
        try processor.ledger.commit(SubmissionDraft(
            claimID: "1-aa", fileName: "committed.txt", storedName: "committed.txt", folder: .accepted,
            sha256: sha256Hex(committed), size: Int64(committed.count), receivedAt: Date(), outcome: .accepted,
            duplicateOf: nil, verdict: LineChecker().check(committed, file: "committed.txt")))
        try Data(form(station: "สภ.ยังไม่ตรวจ").utf8).write(to: URL(fileURLWithPath: box.state.work + "/2-bb--unchecked.txt"))
        try Data(form(station: "สภ.ผิด", extra: ["missing: round"]).utf8)
            .write(to: URL(fileURLWithPath: box.state.work + "/3-cc--bad.txt"))

        let tally = try processor.recover()
        #expect(tally.accepted == 2 && tally.rejected == 1 && tally.recovered == 3 && tally.failed == 0)
        #expect(box.names(box.state.work).isEmpty)
        #expect(box.names(box.state.accepted) == ["committed.txt", "unchecked.txt"])
        #expect(box.names(box.state.rejected) == ["bad.txt", "bad.txt.notice.txt"])
        #expect(try processor.ledger.submissions().map(\.fileName) == ["committed.txt", "unchecked.txt", "bad.txt"])
        #expect(box.recordLines() == (try processor.ledger.recordLines()))
        #expect(box.recordLines().count == 2)
    }
}
