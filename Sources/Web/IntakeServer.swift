import Foundation
import Hummingbird
import Inbox
import Logging
import ServiceLifecycle
import Synchronization

/// `pipeline serve` in one object: the inbox watcher and the web server in one process,
/// owning the state (the processor holds the inbox's and the state's locks, as `watch`).
///
/// The watcher is a blocking loop, so it runs on a thread of its own, never on the
/// cooperative pool the server's requests run on. On SIGINT/SIGTERM the server stops taking
/// connections and finishes the requests it has, the watcher finishes its current file,
/// and `run` returns the watcher's tally.
public final class IntakeServer: Sendable {
    let engine: WebEngine
    let settings: WebSettings
    let logger: Logger
    nonisolated(unsafe) let watcher: InboxWatcher

    public init(processor: InboxProcessor, engine: WebEngine, settings: WebSettings,
                watchOptions: WatchOptions, logger: Logger = Logger(label: "pipeline.serve")) {
        self.engine = engine
        self.settings = settings
        self.logger = logger
        self.watcher = InboxWatcher(processor: processor, options: watchOptions)
    }

    /// Serves on `host:port` until `shouldStop` turns true or a signal stops the server.
    /// `onListening` gets the address bound (port 0 gives a free port).
    public func run(host: String, port: Int, shouldStop: @escaping @Sendable () -> Bool,
                    onListening: @escaping @Sendable (String, Int) async -> Void) async throws -> Tally {
        let serverEnded = Atomic<Bool>(false)
        let watched = WatcherThread(watcher: watcher, logger: logger) { shouldStop() || serverEnded.load(ordering: .relaxed) }
        watched.start()
        let app = buildApplication(engine: engine, settings: settings, host: host, port: port, logger: logger,
                                   onListening: onListening)
        var failure: (any Error)?
        do {
            try await app.runService(gracefulShutdownSignals: [.sigterm, .sigint])
        } catch {
            failure = error
        }
        serverEnded.store(true, ordering: .relaxed)
        let tally = try await watched.finished()
        if let failure { throw failure }
        return tally
    }
}

/// The watcher's own thread, and a way to wait for its end without blocking the pool.
private final class WatcherThread: @unchecked Sendable {
    private let watcher: InboxWatcher
    private let logger: Logger
    private let shouldStop: @Sendable () -> Bool
    private let lock = NSLock()
    private var result: Result<Tally, any Error>?
    private var waiter: CheckedContinuation<Tally, any Error>?

    init(watcher: InboxWatcher, logger: Logger, shouldStop: @escaping @Sendable () -> Bool) {
        self.watcher = watcher
        self.logger = logger
        self.shouldStop = shouldStop
    }

    func start() {
        let thread = Thread { [self] in
            let outcome = Result { try watcher.run(shouldStop: shouldStop) }
            if case .failure(let error) = outcome { logger.error("the inbox watcher stopped: \(error)") }
            lock.lock()
            result = outcome
            let waiting = waiter
            waiter = nil
            lock.unlock()
            waiting?.resume(with: outcome)
        }
        thread.name = "pipeline inbox watcher"
        thread.start()
    }

    func finished() async throws -> Tally {
        try await withCheckedThrowingContinuation { continuation in
            lock.lock()
            if let result {
                lock.unlock()
                continuation.resume(with: result)
            } else {
                waiter = continuation
                lock.unlock()
            }
        }
    }
}
