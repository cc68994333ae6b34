import Foundation
import Hummingbird
import Inbox
import Logging
import ServiceLifecycle
import Synchronization

/// `pipeline serve` in one object: the inbox watcher and the web server in one process,
/// owning the state (the processor holds the inbox's and the state's locks, as `watch`).
///
/// Both run as services of one service group. On SIGINT/SIGTERM the group shuts down in
/// reverse order: the server first (it stops taking connections and finishes the requests
/// it has), then the watcher (it finishes its current file). If the watcher fails (say,
/// inotify cannot start), the server is stopped too and the error returned: a server whose
/// submissions nobody takes would only pretend.
public final class IntakeServer: Sendable {
    let engine: WebEngine
    let settings: WebSettings
    let logger: Logger
    let watcher: WatcherService

    public init(processor: InboxProcessor, engine: WebEngine, settings: WebSettings,
                watchOptions: WatchOptions, logger: Logger = Logger(label: "pipeline.serve")) {
        self.engine = engine
        self.settings = settings
        self.logger = logger
        self.watcher = WatcherService(watcher: InboxWatcher(processor: processor, options: watchOptions), logger: logger)
    }

    /// Serves on `host:port` until SIGINT or SIGTERM; returns the watcher's tally.
    /// `onListening` gets the address bound.
    public func run(host: String, port: Int,
                    onListening: @escaping @Sendable (String, Int) async -> Void) async throws -> Tally {
        let app = buildApplication(engine: engine, settings: settings, host: host, port: port, logger: logger,
                                   services: [watcher], onListening: onListening)
        try await app.runService(gracefulShutdownSignals: [.sigterm, .sigint])
        return try watcher.tally()
    }
}

/// The inbox watcher as a service. `InboxWatcher.run` is a blocking loop, so it runs on a
/// thread of its own, never on the cooperative pool the requests are answered on; the
/// service waits for that thread and turns a graceful shutdown into the watcher's stop flag.
final class WatcherService: Service, @unchecked Sendable {
    private let watcher: InboxWatcher
    private let logger: Logger
    private let stopRequested = Atomic<Bool>(false)
    private let lock = NSLock()
    private var result: Result<Tally, any Error>?
    private var waiter: CheckedContinuation<Tally, any Error>?

    init(watcher: InboxWatcher, logger: Logger) {
        self.watcher = watcher
        self.logger = logger
    }

    /// Returns once the group shuts down and the watcher has finished its current file, or
    /// throws when the watcher fails. (Returning otherwise would end the whole group at once,
    /// cancelling the requests under way: the watcher stops only when told to.)
    func run() async throws {
        let thread = Thread { [self] in
            let outcome = Result {
                try watcher.run(shouldStop: { self.stopRequested.load(ordering: .relaxed) })
            }
            if case .failure(let error) = outcome { logger.error("the inbox watcher stopped: \(error)") }
            let waiting: CheckedContinuation<Tally, any Error>? = lock.withLock {
                result = outcome
                defer { waiter = nil }
                return waiter
            }
            waiting?.resume(with: outcome)
        }
        thread.name = "pipeline inbox watcher"
        thread.start()
        _ = try await withGracefulShutdownHandler {
            try await finished()
        } onGracefulShutdown: {
            self.stopRequested.store(true, ordering: .relaxed)
        }
    }

    /// The watcher's tally once it has stopped.
    func tally() throws -> Tally {
        guard let result = lock.withLock({ result }) else { return Tally() }
        return try result.get()
    }

    private func finished() async throws -> Tally {
        try await withCheckedThrowingContinuation { continuation in
            let done: Result<Tally, any Error>? = lock.withLock {
                if result == nil { waiter = continuation }
                return result
            }
            if let done { continuation.resume(with: done) }
        }
    }
}
