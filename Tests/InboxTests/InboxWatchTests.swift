import Foundation
import Glibc
import Logging
import Synchronization
import Testing
@testable import Inbox

/// Runs a watcher on its own thread until `stop()`; the processor lives on that thread.
final class WatcherThread: Sendable {
    private let stopFlag = Atomic<Bool>(false)
    private let finished = Atomic<Bool>(false)
    private let failure = Mutex<String?>(nil)
    /// What the watcher logged, so a test can wait for `watching` (the inotify watch is set
    /// up, the locks are held and the first rescan is done).
    let log = LogLines()

    init(inbox: String, state: String, options: WatchOptions) {
        let logger = Logger(label: "test.watch") { [log] _ in LogLines.Handler(lines: log) }
        let thread = Thread { [self] in
            do {
                let processor = try InboxProcessor(inbox: inbox, state: StateDirectory(state),
                                                   checker: LineChecker(), logger: Sandbox.quiet)
                let watcher = InboxWatcher(processor: processor, options: options, logger: logger)
                _ = try watcher.run(shouldStop: { self.stopFlag.load(ordering: .sequentiallyConsistent) })
            } catch {
                failure.withLock { $0 = "\(error)" }
            }
            finished.store(true, ordering: .sequentiallyConsistent)
        }
        thread.start()
    }

    /// True once the watcher is watching: it logs `watching INBOX` after taking the locks,
    /// adding the inotify watch and the first rescan.
    var isWatching: Bool { log.contains("watching ") }

    /// Stops the watcher and waits for it; returns its error, if it failed.
    func stop() async -> String? {
        stopFlag.store(true, ordering: .sequentiallyConsistent)
        while !finished.load(ordering: .sequentiallyConsistent) { try? await Task.sleep(for: .milliseconds(20)) }
        return failure.withLock { $0 }
    }
}

/// The messages a logger was given, in order; safe to read from another thread.
final class LogLines: Sendable {
    private let lines = Mutex<[String]>([])

    func contains(_ text: String) -> Bool { lines.withLock { $0.contains { $0.contains(text) } } }

    /// A swift-log handler that appends each message to a `LogLines`.
    struct Handler: LogHandler {
        let lines: LogLines
        var logLevel: Logger.Level = .trace
        var metadata: Logger.Metadata = [:]

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            lines.lines.withLock { $0.append("\(event.message)") }
        }
    }
}

/// Polls `condition` every 50 ms for up to `seconds`.
func eventually(_ seconds: Double, _ condition: () -> Bool) async -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if condition() { return true }
        try? await Task.sleep(for: .milliseconds(50))
    }
    return condition()
}

/// What the slow writer of `renamedAndSlowWriter` saw.
struct SlowWrite: Sendable {
    var opened = false
    /// The longest time between the starts of two writes, in seconds: under the quiet
    /// period, or the file looks complete and is rightly taken.
    var longestGap = 0.0
    var takenWhileWriting = false
    /// When the last write started.
    var lastWrite = Date()
}

/// Runs blocking work on a thread of its own, off the cooperative pool (two threads here,
/// which other suites may keep busy for seconds).
func onThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try body() }) }.start()
    }
}

@Suite("watching the inbox")
struct InboxWatchTests {
    @Test("a file renamed into the inbox is taken at once; one written slowly in place only after the quiet period")
    func renamedAndSlowWriter() async throws {
        let box = try Sandbox()
        try box.state.create()
        let watcher = WatcherThread(inbox: box.inbox, state: box.state.root,
                                    options: WatchOptions(quietPeriod: 1.5, rescanInterval: 60, pollInterval: 0.05))
        // Renamed before the watch is set up, the file would be found by the first rescan
        // and wait out the quiet period: the timing below needs the watch in place.
        #expect(await eventually(10) { watcher.isWatching })

        // Renamed in whole: written under an ignored temporary name first. The times asserted
        // are the engine's (the ledger's receipt time), not when this test, on a cooperative
        // pool other suites may keep busy, got round to looking.
        let renamed = Data(form(station: "สภ.ย้ายมา").utf8)
        try renamed.write(to: URL(fileURLWithPath: box.inbox + "/moved.txt.tmp"))
        let movedIn = Date()
        #expect(rename(box.inbox + "/moved.txt.tmp", box.inbox + "/moved.txt") == 0)
        #expect(await eventually(5) { FileSystem.exists(box.state.accepted + "/moved.txt") })
        #expect(box.contents(box.state.accepted + "/moved.txt") == renamed)

        // Written in place, slowly: a line every 0.3 s, from a thread of its own (a task
        // could be held up past the quiet period, and the file then rightly taken).
        let lines = form(station: "สภ.เขียนช้า").split(separator: "\n").map { $0 + "\n" }
        let path = box.inbox + "/slow.txt", acceptedPath = box.state.accepted + "/slow.txt"
        let writer = try await onThread { () -> SlowWrite in
            var result = SlowWrite()
            let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            guard fd >= 0 else { return result }
            // Each write's start: the watcher can see a change no earlier than that.
            var last = Date()
            for line in lines {
                let started = Date()
                result.longestGap = max(result.longestGap, started.timeIntervalSince(last))
                last = started
                _ = line.withCString { write(fd, $0, strlen($0)) }
                fsync(fd)
                usleep(300_000)
                if !FileSystem.exists(path) || FileSystem.exists(acceptedPath) { result.takenWhileWriting = true }
            }
            close(fd)
            result.lastWrite = last
            result.opened = true
            return result
        }
        #expect(writer.opened)
        #expect(writer.longestGap < 1.0, "the writer kept writing within the quiet period (longest gap \(writer.longestGap) s)")
        #expect(!writer.takenWhileWriting, "not taken while still being written")
        #expect(await eventually(6) { FileSystem.exists(acceptedPath) })
        #expect(box.contents(acceptedPath) == Data(lines.joined().utf8))

        // A symlink and a FIFO created while watching go to rejected/, unread.
        #expect(symlink("/etc/passwd", box.inbox + "/link.xml") == 0)
        #expect(mkfifo(box.inbox + "/pipe.xml", 0o600) == 0)
        // The notice is written before the file is moved out of work/ (the protocol's step
        // 4): wait for the entries themselves, each of its kind, and for the notices.
        let filed = { (name: String, kind: EntryKind) in
            (try? FileSystem.snapshot(box.state.rejected + "/" + name))??.kind == kind
                && FileSystem.exists(box.state.rejected + "/" + Notice.fileName(for: name))
        }
        #expect(await eventually(6) { filed("pipe.xml", .fifo) && filed("link.xml", .symlink) })
        #expect(try FileSystem.snapshot(box.state.rejected + "/pipe.xml")?.kind == .fifo)
        #expect(try FileSystem.snapshot(box.state.rejected + "/link.xml")?.kind == .symlink)

        #expect(await watcher.stop() == nil)
        let ledger = try Ledger(path: box.state.ledger)
        let submissions = try ledger.submissions()
        #expect(submissions.map(\.fileName) == ["moved.txt", "slow.txt", "link.xml", "pipe.xml"]
            || submissions.map(\.fileName) == ["moved.txt", "slow.txt", "pipe.xml", "link.xml"])
        let received = Dictionary(submissions.map { ($0.fileName, $0.receivedAt) }, uniquingKeysWith: { first, _ in first })
        let movedAfter = try #require(received["moved.txt"]).timeIntervalSince(movedIn)
        #expect(movedAfter < 1.5, "IN_MOVED_TO needs no quiet period (committed \(movedAfter) s after the rename)")
        let slowAfter = try #require(received["slow.txt"]).timeIntervalSince(writer.lastWrite)
        // 1.5 s, less the ledger's rounding of the time to the millisecond.
        #expect(slowAfter >= 1.49, "taken only after the quiet period (committed \(slowAfter) s after the last write)")
    }

    @Test("files waiting at start and files a rescan finds are taken (network shares send no events)")
    func startAndRescan() async throws {
        let box = try Sandbox()
        try box.drop("waiting.txt", form(station: "สภ.รออยู่"))
        let watcher = WatcherThread(inbox: box.inbox, state: box.state.root,
                                    options: WatchOptions(quietPeriod: 0.3, rescanInterval: 0.5, pollInterval: 0.05))
        #expect(await eventually(5) { FileSystem.exists(box.state.accepted + "/waiting.txt") })
        #expect(await watcher.stop() == nil)
    }

    @Test("a second watcher on the same inbox is refused with a clear message")
    func secondWatcherRefused() async throws {
        let box = try Sandbox()
        let other = try Sandbox()
        let first = WatcherThread(inbox: box.inbox, state: box.state.root, options: WatchOptions(pollInterval: 0.05))
        // Watching means it holds the inbox's lock (taken before the watch starts).
        #expect(await eventually(10) { first.isWatching })
        let second = WatcherThread(inbox: box.inbox, state: other.state.root, options: WatchOptions(pollInterval: 0.05))
        let message = await second.stop()
        #expect(message?.contains("already working here") == true)
        #expect(message?.contains(InboxProcessor.lockName) == true)
        #expect(message?.contains("pid \(getpid())") == true)
        #expect(await first.stop() == nil)
    }
}
