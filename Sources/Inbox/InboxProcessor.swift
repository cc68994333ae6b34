import Foundation
import Logging
import Validate
#if canImport(Glibc)
import Glibc
#endif

/// The inbox engine: claims files from the inbox, has them checked, commits the outcome to
/// the ledger and files the original under `accepted/` or `rejected/`, exactly once.
///
/// The order of steps is what makes it crash-safe:
/// 1. claim: `rename` INBOX/NAME → work/CLAIM--NAME (the file is now ours, in one place);
/// 2. read (never following a link), hash, check;
/// 3. commit the submission, and its record or rejection, in one ledger transaction
///    keyed by CLAIM;
/// 4. write the notice / the `records.jsonl` line, then `rename` the file out of `work/`.
///
/// Every file goes through these steps in a batch (`takeBatch`, in `Batch.swift`; a batch
/// of one is a batch): `runOnce` takes the inbox `batchSize` names at a time, the watcher
/// takes what is ready, and recovery finishes what a crash left in `work/` with the same
/// steps. At start-up `recover()` looks at what is left in `work/`: a claim the ledger
/// knows is finished from step 4; any other is processed again from step 2. So a crash may
/// repeat work but never loses a file, never stores a record twice and never leaves a file
/// in two places.
///
/// The steps live one file each: `Claim.swift` (1), `Check.swift` (2), `Commit.swift` (3),
/// `Settle.swift` (4); `Recovery.swift` is the start-up.
public final class InboxProcessor {
    public let inbox: String
    public let state: StateDirectory
    public let ledger: Ledger
    let checker: any FormChecking
    var logger: Logger
    /// Files larger than this are not read into memory or checked: they are rejected as too
    /// large (they are still hashed and stored byte for byte).
    public var readLimit: Int = 64 << 20
    /// Files claimed, checked and committed together. A batch shares its directory syncs
    /// and one ledger sync; it also bounds how much a crash can make the next start redo,
    /// and how long SIGINT waits.
    public var batchSize = 256
    let now: @Sendable () -> Date
    private let inboxLock: ProcessLock
    private let stateLock: ProcessLock

    /// Opens the state (creating it), takes the inbox's and the state's locks, and opens the
    /// ledger. Throws `ProcessLock.Held` when another process works on either.
    public init(inbox: String, state: StateDirectory, checker: any FormChecking,
                logger: Logger = Logger(label: "pipeline.inbox"),
                now: @escaping @Sendable () -> Date = Date.init) throws {
        self.inbox = (inbox as NSString).standardizingPath
        self.state = state
        self.checker = checker
        self.logger = logger
        self.now = now
        guard let kind = try FileSystem.snapshot(self.inbox), kind.kind == .directory else {
            throw FileSystemError(operation: "open inbox (not a directory)", path: self.inbox, code: ENOTDIR)
        }
        try state.create()
        inboxLock = try ProcessLock(path: (self.inbox as NSString).appendingPathComponent(InboxProcessor.lockName))
        stateLock = try ProcessLock(path: state.lock)
        ledger = try Ledger(path: state.ledger)
        // What an earlier power cut left is put right before recovery rebuilds records.jsonl.
        try Reconciler(state: state, inbox: self.inbox, ledger: ledger, checker: checker,
                       readLimit: readLimit, logger: logger).reconcile()
    }

    /// The lock file inside the inbox; a hidden name, so it is never taken as a form.
    public static let lockName = ".pipeline.lock"

    /// Hidden and temporary names are left alone: `.*`, `*.part`, `*.tmp`, `~*`.
    public static func isIgnored(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasPrefix("~") || name.hasSuffix(".part") || name.hasSuffix(".tmp")
    }

    /// The names in the inbox that are waiting to be taken, sorted.
    public func waitingNames() throws -> [String] {
        UndecodableNames.renameAll(in: inbox, logger: logger)
        return try FileSystem.list(inbox).filter { !InboxProcessor.isIgnored($0) }
    }

    // MARK: one pass

    /// Recovers, then takes every waiting file once, in batches of `batchSize`.
    /// `progress(done, total)` is called after each batch; `shouldStop` is asked between
    /// claims (SIGINT/SIGTERM finish the files already claimed, then stop).
    public func runOnce(shouldStop: () -> Bool = { false },
                        progress: (Int, Int) -> Void = { _, _ in }) throws -> Tally {
        let recovered = try recover()
        let names = try waitingNames()
        let taken = take(names, shouldStop: shouldStop) { _, done in progress(done, names.count) }
        return recovered + taken
    }
}
