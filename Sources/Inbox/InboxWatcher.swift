import Foundation
import Logging
#if canImport(Glibc)
import Glibc
#endif

/// Timing of `pipeline watch`.
public struct WatchOptions: Sendable {
    /// A file is taken once it has been unchanged (size, mtime, inode) this long. A file
    /// announced by `IN_MOVED_TO` was renamed in whole and is taken at once.
    public var quietPeriod: Double = 2
    /// A full rescan of the inbox this often, in seconds: network shares send no events.
    public var rescanInterval: Double = 30
    /// How long one `poll` waits for events, in seconds; also how often a stop is noticed.
    public var pollInterval: Double = 0.2

    public init(quietPeriod: Double = 2, rescanInterval: Double = 30, pollInterval: Double = 0.2) {
        self.quietPeriod = quietPeriod
        self.rescanInterval = rescanInterval
        self.pollInterval = pollInterval
    }
}

/// Watches an inbox with inotify (`IN_CLOSE_WRITE`, `IN_MOVED_TO`, `IN_CREATE`) and hands
/// each file to the processor once it is complete, until told to stop. A full rescan runs
/// at the start, after an event-queue overflow, and every `rescanInterval` seconds.
public final class InboxWatcher {
    let processor: InboxProcessor
    let options: WatchOptions
    var logger: Logger

    /// Names seen but not yet quiet: the last snapshot and when it last changed.
    private var pending: [String: (snapshot: EntrySnapshot, since: Date)] = [:]
    /// Names renamed in whole (`IN_MOVED_TO`): taken without waiting.
    private var complete: Set<String> = []

    public init(processor: InboxProcessor, options: WatchOptions = WatchOptions(),
                logger: Logger = Logger(label: "pipeline.watch")) {
        self.processor = processor
        self.options = options
        self.logger = logger
    }

    /// Watches until `shouldStop()` turns true (asked between claims and at every poll).
    /// `onOutcome` is called for each file, after the batch that settled it.
    public func run(shouldStop: () -> Bool, onOutcome: (FileOutcome) -> Void = { _ in }) throws -> Tally {
        let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        if fd < 0 { throw FileSystemError(operation: "inotify_init1", path: processor.inbox, code: errno) }
        defer { close(fd) }
        let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE)
        if inotify_add_watch(fd, processor.inbox, mask) < 0 {
            throw FileSystemError(operation: "inotify_add_watch", path: processor.inbox, code: errno)
        }

        var tally = try processor.recover()
        try rescan()
        var lastRescan = Date()
        logger.info("watching \(processor.inbox)")
        while !shouldStop() {
            var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, Int32(options.pollInterval * 1000))
            if ready < 0 && errno != EINTR {
                throw FileSystemError(operation: "poll", path: processor.inbox, code: errno)
            }
            var overflowed = false
            if ready > 0 { overflowed = try readEvents(fd) }
            if overflowed || Date().timeIntervalSince(lastRescan) >= options.rescanInterval {
                if overflowed { logger.notice("inotify queue overflowed; rescanning the inbox") }
                do {
                    tally = tally + (try processor.recover())
                    try rescan()
                } catch {
                    // A full disk or a ledger error must not end the watch: what is left in
                    // the inbox or work/ is taken again at the next rescan.
                    logger.error("rescan failed, trying again in \(options.rescanInterval) s: \(error)")
                }
                lastRescan = Date()
            }
            // The batch path of `run`, with what is ready (often a single name). A file that
            // fails stays in work/ (or the inbox); the next rescan takes or recovers it.
            tally = tally + processor.take(takeable(), shouldStop: shouldStop) { batch, _ in
                batch.outcomes.forEach(onOutcome)
            }
        }
        logger.info("stopped watching \(processor.inbox)")
        return tally
    }

    /// Reads the queued events; true when the kernel's queue overflowed.
    private func readEvents(_ fd: Int32) throws -> Bool {
        var overflowed = false
        let size = 64 * 1024
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: size, alignment: 8)
        defer { buffer.deallocate() }
        while true {
            let count = read(fd, buffer.baseAddress, size)
            if count < 0 {
                if errno == EAGAIN || errno == EWOULDBLOCK { break }
                if errno == EINTR { continue }
                throw FileSystemError(operation: "read inotify", path: processor.inbox, code: errno)
            }
            if count == 0 { break }
            var offset = 0
            let header = MemoryLayout<inotify_event>.size
            while offset + header <= count {
                let eventMask = buffer.load(fromByteOffset: offset + 4, as: UInt32.self)
                let length = Int(buffer.load(fromByteOffset: offset + 12, as: UInt32.self))
                if eventMask & UInt32(IN_Q_OVERFLOW) != 0 { overflowed = true }
                if length > 0, offset + header + length <= count {
                    let bytes = UnsafeRawBufferPointer(rebasing: buffer[(offset + header)..<(offset + header + length)])
                    let name = String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
                    if !name.isEmpty && !InboxProcessor.isIgnored(name) {
                        if eventMask & UInt32(IN_MOVED_TO) != 0 {
                            complete.insert(name)
                        } else {
                            try observe(name)
                        }
                    }
                }
                offset += header + length
            }
        }
        return overflowed
    }

    /// Every waiting name becomes pending (its quiet period starts now if it is new).
    private func rescan() throws {
        for name in try processor.waitingNames() { try observe(name) }
    }

    private func observe(_ name: String) throws {
        guard pending[name] == nil else { return }
        let path = (processor.inbox as NSString).appendingPathComponent(name)
        if let snapshot = try FileSystem.snapshot(path) {
            pending[name] = (snapshot, Date())
        }
    }

    /// The names to take now: those renamed in whole, and pending ones quiet long enough.
    /// A pending name that changed restarts its quiet period; one that vanished is dropped.
    private func takeable() -> [String] {
        var names = complete.sorted()
        complete.removeAll()
        let now = Date()
        for (name, entry) in pending.sorted(by: { $0.key < $1.key }) {
            let path = (processor.inbox as NSString).appendingPathComponent(name)
            guard let snapshot = try? FileSystem.snapshot(path) else {
                pending[name] = nil
                continue
            }
            if snapshot != entry.snapshot {
                pending[name] = (snapshot, now)
            } else if now.timeIntervalSince(entry.since) >= options.quietPeriod {
                pending[name] = nil
                if !names.contains(name) { names.append(name) }
            }
        }
        for name in names { pending[name] = nil }
        return names
    }
}
