import Foundation
import Glibc
import Inbox
import Testing

/// Crashes of the real binary: a SIGKILL injected at each step of processing
/// (`PIPELINE_CRASH_AT`, see `CrashPoint`), and SIGKILLs at random moments, each followed by a
/// restart that must leave every input in exactly one place with a consistent ledger.
@Suite("faults: crashes of pipeline run at each step, and at random moments", .serialized)
struct FaultCrashTests {
    /// The batch: six forms, sorted f0…f5. f0 and f3 are rejected (score-mismatch), f1, f2
    /// and f4 are accepted, f5 is byte for byte f1 (a duplicate).
    static func dropBatch(_ box: InboxFolder) throws -> [String: Int] {
        var sent: [String: Int] = [:]
        for index in 0..<6 {
            let text = index == 5 ? faultForm(1) : faultForm(index)
            try box.drop("f\(index).txt", text)
            sent[sha256Hex(Data(text.utf8)), default: 0] += 1
        }
        return sent
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var point: CrashPoint
        /// Which file (1-based, in sorted order) the crash hits.
        var arrival: Int
        /// `pipeline run --batch-size`: 1 takes the files one by one, so the state at the crash
        /// is exactly known; 256 (the default) claims, checks and commits them all together,
        /// so each step is reached for every file before the next step starts.
        var batchSize: Int
        var crashSetting: String { "\(point.rawValue):\(arrival)" }
        var testDescription: String { "\(crashSetting), batch \(batchSize)" }
    }

    /// Each point on a rejected file (f0), an accepted one (f1) and the duplicate (f5), one by
    /// one and in a batch.
    static let cases = [1, 256].flatMap { batchSize in
        CrashPoint.allCases.flatMap { point in [1, 2, 6].map { Case(point: point, arrival: $0, batchSize: batchSize) } }
    }

    @Test("SIGKILL at a step, then a restart: every input once, ledger, notices and records.jsonl consistent", arguments: cases)
    func crashAtStep(_ crash: Case) async throws {
        let box = try InboxFolder()
        let sent = try Self.dropBatch(box)
        let audit = StateAudit(box)

        let crashed = try await pipelineRun(box.inbox, box.state, batchSize: crash.batchSize,
                                            environment: [CrashPoint.environmentVariable: crash.crashSetting])
        #expect(crashed.status == SIGKILL, "killed by the hook: \(crashed.stderr)")
        #expect(!crashed.stdout.contains("accepted"), "no summary line: it died mid-pass")
        audit.expectNothingLostOrDoubled(sent: sent, "right after the crash")
        try audit.expectNoticesOnlyForCommitted("right after the crash")

        let ledger = try Ledger(path: box.state + "/ledger.sqlite")
        let committed = try ledger.submissions().count
        let work = StateAudit.entries(box.state + "/work")
        let crashedName = "f\(crash.arrival - 1).txt"
        switch (crash.point, crash.batchSize) {
        case (_, let batch) where batch > 1:
            // The whole batch went through the earlier steps together: all six files are
            // claimed, from after-commit on all six are committed, and at after-move all six
            // are moved.
            #expect(committed == (crash.point == .afterClaim ? 0 : 6))
            #expect(work.count == (crash.point == .afterMove ? 0 : 6), "\(work)")
        case (.afterClaim, _):
            #expect(committed == crash.arrival - 1)
            #expect(work.count == 1 && work.first?.hasSuffix("--" + crashedName) == true, "\(work)")
        case (.afterCommit, _), (.afterRecord, _):
            #expect(committed == crash.arrival)
            #expect(work.count == 1 && work.first?.hasSuffix("--" + crashedName) == true, "\(work)")
        case (.afterMove, _):
            #expect(committed == crash.arrival)
            #expect(work.isEmpty)
        }

        let restart = try await pipelineRun(box.inbox, box.state)
        #expect(restart.status == 0, "\(restart.stderr)")
        if crash.batchSize == 1 && (crash.point == .afterCommit || crash.point == .afterRecord) {
            #expect(restart.stderr.contains("recovered \(crashedName)"), "finished from the ledger, not processed again")
        }
        try audit.expectSettled(sent: sent, "after the restart")
        let outcomes = Dictionary(uniqueKeysWithValues: try ledger.submissions().map { ($0.fileName, $0.outcome) })
        #expect(outcomes == ["f0.txt": .rejected, "f1.txt": .accepted, "f2.txt": .accepted, "f3.txt": .rejected,
                             "f4.txt": .accepted, "f5.txt": .duplicate])
    }

    @Test("PIPELINE_CRASH_AT that does not parse is ignored: the run completes")
    func unparsableCrashPointIsHarmless() async throws {
        let box = try InboxFolder()
        var sent = try Self.dropBatch(box)
        for (index, value) in ["after-lunch", "after-claim:0", "after-claim:x", "after-claim:1:2", ""].enumerated() {
            if index > 0 {
                let text = faultForm(10 + index)
                try box.drop("g\(index).txt", text)
                sent[sha256Hex(Data(text.utf8)), default: 0] += 1
            }
            let result = try await pipelineRun(box.inbox, box.state,
                                               environment: [CrashPoint.environmentVariable: value])
            #expect(result.status == 0, "\(value): \(result.stderr)")
        }
        try StateAudit(box).expectSettled(sent: sent, "unarmed")
    }

    /// Rounds: 5 always, 100 with `PIPELINE_LONG_TESTS=1`.
    static let rounds = longFaultTests ? 100 : 5

    @Test("drop files and SIGKILL run or watch at random moments, many times; nothing lost or doubled, then a clean finish")
    func randomKills() async throws {
        let seed = ProcessInfo.processInfo.environment["PIPELINE_FAULT_SEED"].flatMap(UInt64.init) ?? UInt64.random(in: 1...UInt64.max)
        var random = SeededGenerator(seed: seed)
        let box = try InboxFolder()
        let audit = StateAudit(box)
        var sent: [String: Int] = [:]
        var earlier: [String] = []
        var killedMidWork = 0
        for round in 0..<Self.rounds {
            for index in 0..<4 {
                // Now and then a resend of an earlier form, byte for byte (a duplicate).
                let text = !earlier.isEmpty && Int.random(in: 0..<4, using: &random) == 0
                    ? earlier[Int.random(in: 0..<earlier.count, using: &random)]
                    : faultForm(round * 4 + index)
                earlier.append(text)
                try box.drop("r\(round)-\(index).txt", text)
                sent[sha256Hex(Data(text.utf8)), default: 0] += 1
            }
            let watch = round % 2 == 1
            let arguments = watch
                ? ["watch", box.inbox, "--state", box.state, "--quiet-period", "0", "--rescan-interval", "1"]
                : ["run", box.inbox, "--state", box.state]
            let running = try RunningPipeline(arguments + schemaArguments)
            let delay = Int.random(in: 20...700, using: &random)
            try await Task.sleep(for: .milliseconds(delay))
            let wasRunning = running.process.isRunning
            running.signal(SIGKILL)
            #expect(await running.waitForExit(), "seed \(seed) round \(round)")
            if wasRunning { killedMidWork += 1 }
            audit.expectNothingLostOrDoubled(sent: sent, "seed \(seed), round \(round), \(watch ? "watch" : "run") killed after \(delay) ms")
            try audit.expectNoticesOnlyForCommitted("seed \(seed), round \(round)", afterKill: true)
        }
        #expect(killedMidWork > 0, "at least one kill landed while the process was working (seed \(seed))")
        let finish = try await pipelineRun(box.inbox, box.state)
        #expect(finish.status == 0, "\(finish.stderr)")
        try audit.expectSettled(sent: sent, "seed \(seed), after \(Self.rounds) killed rounds and a clean run")
    }
}
