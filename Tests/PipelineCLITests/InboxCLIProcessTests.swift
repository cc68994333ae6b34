import Foundation
import Glibc
import Inbox
import Testing

/// A `pipeline` process left running: for `watch`, and for killing `run` mid-batch.
final class RunningPipeline {
    let process = Process()
    let stdoutFile: URL
    let stderrFile: URL

    init(_ arguments: [String]) throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("pipeline-running-\(UUID().uuidString)")
        stdoutFile = base.appendingPathExtension("out")
        stderrFile = base.appendingPathExtension("err")
        _ = FileManager.default.createFile(atPath: stdoutFile.path, contents: nil)
        _ = FileManager.default.createFile(atPath: stderrFile.path, contents: nil)
        process.executableURL = PipelineProcess.binary
        process.arguments = arguments
        process.standardOutput = try FileHandle(forWritingTo: stdoutFile)
        process.standardError = try FileHandle(forWritingTo: stderrFile)
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        try? FileManager.default.removeItem(at: stdoutFile)
        try? FileManager.default.removeItem(at: stderrFile)
    }

    func signal(_ number: Int32) { kill(process.processIdentifier, number) }

    /// Waits for the exit (up to `seconds`); false if it is still running.
    func waitForExit(_ seconds: Double = 20) async -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < deadline { try? await Task.sleep(for: .milliseconds(20)) }
        return !process.isRunning
    }

    var stdout: String { (try? String(contentsOf: stdoutFile, encoding: .utf8)) ?? "" }
    var stderr: String { (try? String(contentsOf: stderrFile, encoding: .utf8)) ?? "" }
}

/// Polls `condition` every `interval` for up to `seconds`.
func waitUntil(_ seconds: Double, every interval: Duration = .milliseconds(20), _ condition: () -> Bool) async -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if condition() { return true }
        try? await Task.sleep(for: interval)
    }
    return condition()
}

@Suite("pipeline run and watch, as processes", .serialized)
struct InboxCLIProcessTests {
    static let stations = ["สภ.เมืองเชียงใหม่", "สภ.แม่ริม", "สภ.หางดง", "สภ.สันทราย", "สภ.ดอยสะเก็ด"]

    @Test("kill -9 of pipeline run in the middle of a batch, then a restart: nothing lost, nothing doubled, integrity ok")
    func killedMidBatch() async throws {
        let box = try InboxFolder()
        var sent: [String: Data] = [:]
        // Many small batches (each with its own syncs), so the kill lands while files still wait.
        for index in 0..<1200 {
            let name = String(format: "f%04d.txt", index)
            let text = textForm(station: Self.stations[index % Self.stations.count],
                                score: index % 7 == 0 ? "๕๐" : "๒๕", title: "ฉบับที่ \(index)")
            try box.drop(name, text)
            sent[name] = Data(text.utf8)
        }
        let running = try RunningPipeline(["run", box.inbox, "--state", box.state, "--batch-size", "16"] + schemaArguments)
        // Watched from a thread of its own, not the cooperative pool, which other suites may
        // keep busy: the kill must land while the run is still going.
        let state = box.state, pid = running.process.processIdentifier
        let killed = try await offPool { () -> Bool in
            let stored = { (folder: String) in
                ((try? FileManager.default.contentsOfDirectory(atPath: "\(state)/\(folder)")) ?? [])
                    .filter { !$0.hasSuffix(".notice.txt") }.count
            }
            let deadline = Date().addingTimeInterval(60)
            while Date() < deadline {
                if stored("accepted") + stored("rejected") >= 40 { return kill(pid, SIGKILL) == 0 }
                usleep(500)
            }
            return false
        }
        #expect(killed)
        #expect(await running.waitForExit())
        #expect(running.process.terminationReason == .uncaughtSignal)
        #expect(running.process.terminationStatus == SIGKILL)
        let waiting = ((try? FileManager.default.contentsOfDirectory(atPath: box.inbox)) ?? []).filter { $0.hasSuffix(".txt") }
        #expect(!waiting.isEmpty, "killed in the middle of the batch, not after it")

        let restart = try box.run()
        #expect(restart.status == 0, "\(restart.stderr)")
        #expect(!restart.stderr.contains("files ·") && !restart.stderr.contains("\r"), "no progress line when stderr is not a terminal")
        #expect(restart.stderr.split(separator: "\n").filter {
            ($0.contains(" info accepted ") || $0.contains(" info rejected ")) && !$0.contains("recovered")
        }.count == waiting.count, "one log line per waiting file (a recovered one is logged as recovered)")

        #expect(box.names("work").isEmpty)
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: box.inbox)) ?? []) == [InboxProcessor.lockName])
        let accepted = box.names("accepted")
        let rejected = box.names("rejected").filter { !$0.hasSuffix(".notice.txt") }
        #expect((accepted + rejected).sorted() == sent.keys.sorted(), "every file in exactly one place")
        for name in rejected {
            #expect(FileManager.default.fileExists(atPath: box.state + "/rejected/" + name + ".notice.txt"))
        }
        for (name, data) in sent {
            let folder = accepted.contains(name) ? "accepted" : "rejected"
            #expect(FileManager.default.contents(atPath: "\(box.state)/\(folder)/\(name)") == data, "\(name) byte for byte")
        }
        let ledger = try Ledger(path: box.state + "/ledger.sqlite")
        let submissions = try ledger.submissions()
        #expect(submissions.count == sent.count)
        #expect(Set(submissions.map(\.fileName)).count == sent.count)
        #expect(submissions.allSatisfy { $0.outcome != .duplicate })
        #expect(try ledger.records(history: true).count == accepted.count)
        #expect(try ledger.records().count == Self.stations.count)
        #expect(try ledger.rejections(.init(status: nil)).count == rejected.count)
        let lines = try String(contentsOfFile: box.state + "/records.jsonl", encoding: .utf8).split(separator: "\n")
        #expect(lines.map(String.init) == (try ledger.records(history: true)).map(\.json))
        #expect(try ledger.integrityCheck() == "ok")
    }

    @Test("pipeline watch: takes a file renamed in, refuses a second watcher, exits cleanly on SIGTERM")
    func watch() async throws {
        let box = try InboxFolder()
        let other = try InboxFolder()
        let watcher = try RunningPipeline(["watch", box.inbox, "--state", box.state, "--quiet-period", "0.5",
                                           "--rescan-interval", "5"] + schemaArguments)
        // `watching` is logged once it holds the inbox's lock: only then must a second one be refused.
        #expect(await waitUntil(20) { watcher.stderr.contains("watching") })

        let second = try PipelineProcess.run(["watch", box.inbox, "--state", other.state] + schemaArguments)
        #expect(second.status == 2)
        #expect(second.stderr.contains("already working here") && second.stderr.contains(".pipeline.lock"))

        try Data(textForm().utf8).write(to: URL(fileURLWithPath: box.inbox + "/upload.txt.part"))
        #expect(rename(box.inbox + "/upload.txt.part", box.inbox + "/upload.txt") == 0)
        #expect(await waitUntil(20) { box.names("accepted") == ["upload.txt"] })

        watcher.signal(SIGTERM)
        #expect(await watcher.waitForExit())
        #expect(watcher.process.terminationReason == .exit)
        #expect(watcher.process.terminationStatus == 0)
        #expect(watcher.stdout.contains("accepted 1 · rejected 0 · duplicates 0"))
        #expect(watcher.stderr.contains("info accepted upload.txt"))
    }
}
