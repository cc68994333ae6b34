import Crypto
import Foundation
import Synchronization
import Ingest
import Logging
import Validate
#if canImport(Glibc)
import Glibc
#endif

/// What happened to one file.
public struct FileOutcome: Sendable {
    /// The committed ledger row.
    public var submission: Submission
    /// True when the file was found in `work/` at start-up (a crash interrupted it).
    public var recovered: Bool

    public var outcome: Outcome { submission.outcome }
    /// `accepted/NAME` or `rejected/NAME`.
    public var storedPath: String { "\(submission.folder.rawValue)/\(submission.storedName)" }
}

/// Counts of one pass, for the summary `run` prints.
public struct Tally: Sendable, Equatable {
    public var accepted = 0
    public var rejected = 0
    public var duplicates = 0
    /// Of the above, how many were files a crash had left in `work/`.
    public var recovered = 0
    /// Files that could not be processed (an I/O or ledger error, logged); they stay in the
    /// inbox or in `work/` and are taken again at the next pass.
    public var failed = 0

    public init() {}

    public var total: Int { accepted + rejected + duplicates }

    mutating func add(_ outcome: FileOutcome) {
        switch outcome.outcome {
        case .accepted: accepted += 1
        case .rejected: rejected += 1
        case .duplicate: duplicates += 1
        }
        if outcome.recovered { recovered += 1 }
    }

    public static func + (lhs: Tally, rhs: Tally) -> Tally {
        var sum = lhs
        sum.accepted += rhs.accepted
        sum.rejected += rhs.rejected
        sum.duplicates += rhs.duplicates
        sum.recovered += rhs.recovered
        sum.failed += rhs.failed
        return sum
    }
}

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
/// At start-up `recover()` looks at what is left in `work/`: a claim the ledger knows is
/// finished from step 4; any other is processed again. So a crash may repeat work but
/// never loses a file, never stores a record twice and never leaves a file in two places.
public final class InboxProcessor {
    public let inbox: String
    public let state: StateDirectory
    public let ledger: Ledger
    let checker: any FormChecking
    var logger: Logger
    /// Files larger than this are not read into memory or checked: they are rejected as too
    /// large (they are still hashed and stored byte for byte).
    public var readLimit: Int = 64 << 20
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

    /// Files claimed, checked and committed together by `runOnce`. A batch shares its
    /// directory syncs and one ledger sync (see `takeBatch`); it also bounds how much a
    /// crash can make the next start redo, and how long SIGINT waits.
    public var batchSize = 256

    /// Recovers, then takes every waiting file once, in batches of `batchSize`.
    /// `progress(done, total)` is called after each batch; `shouldStop` is asked between
    /// claims (SIGINT/SIGTERM finish the files already claimed, then stop).
    public func runOnce(shouldStop: () -> Bool = { false },
                        progress: (Int, Int) -> Void = { _, _ in }) throws -> Tally {
        var tally = try recover()
        let names = try waitingNames()
        var start = 0
        while start < names.count, !shouldStop() {
            let end = min(start + max(batchSize, 1), names.count)
            tally = tally + takeBatch(Array(names[start..<end]), shouldStop: shouldStop)
            start = end
            progress(end, names.count)
        }
        return tally
    }

    // MARK: claim and process

    /// Claims one inbox entry and processes it. `nil` when it is gone (someone else took or
    /// removed it) or its name is ignored.
    public func take(_ name: String) throws -> FileOutcome? {
        guard !InboxProcessor.isIgnored(name), !name.contains("/") else { return nil }
        let source = (inbox as NSString).appendingPathComponent(name)
        guard try FileSystem.snapshot(source) != nil else { return nil }
        let claimID = InboxProcessor.newClaimID()
        let workPath = self.workPath(claimID: claimID, name: name)
        do {
            try FileSystem.move(source, to: workPath)
        } catch let error as FileSystemError where error.code == ENOENT {
            return nil
        }
        try FileSystem.syncDirectory(state.work)
        try FileSystem.syncDirectory(inbox)
        CrashPoint.reach(.afterClaim)
        return try process(workPath: workPath, claimID: claimID, fileName: name, recovered: false)
    }

    /// `work/CLAIM--NAME`, the name shortened (keeping its extension) where the whole would
    /// not fit a file name's 255 bytes.
    func workPath(claimID: String, name: String) -> String {
        let room = NameLength.nameMax - claimID.utf8.count - 2 - NameLength.workNameReserve
        let workName = "\(claimID)--\(NameLength.fitting(name, withinBytes: room))"
        return (state.work as NSString).appendingPathComponent(workName)
    }

    /// Sortable in claim order (time, then a per-process sequence, so that the files of one
    /// batch, claimed within a millisecond, are recovered in the order they were claimed),
    /// unique by its random tail; never contains `--`.
    static func newClaimID() -> String {
        let millis = Int64(Date().timeIntervalSince1970 * 1000)
        let sequence = claimSequence.add(1, ordering: .relaxed).newValue % 100_000_000
        let padded = String(repeating: "0", count: 8 - String(sequence).count) + String(sequence)
        let random = (0..<4).map { _ in String(format: "%02x", UInt8.random(in: 0...255)) }.joined()
        return "\(millis)-\(padded)\(random)"
    }

    private static let claimSequence = Atomic<Int>(0)

    /// Splits `CLAIM--NAME` from `work/`.
    static func parseWorkName(_ workName: String) -> (claimID: String, fileName: String)? {
        guard let range = workName.range(of: "--") else { return nil }
        let claim = String(workName[..<range.lowerBound])
        let name = String(workName[range.upperBound...])
        guard !claim.isEmpty, !name.isEmpty else { return nil }
        return (claim, name)
    }

    /// One claimed file, read and checked: what the ledger and the settling need.
    struct Checked: Sendable {
        var workPath: String
        var claimID: String
        var fileName: String
        var sha256: String?
        var size: Int64?
        var verdict: Verdict
    }

    /// A file in `work/` read (never following a link), hashed and checked. Touches neither
    /// the ledger nor the folders, so several run at once. `nil` when the entry is gone.
    static func check(workPath: String, claimID: String, fileName: String, checker: any FormChecking,
                      readLimit: Int) throws -> Checked? {
        guard let entry = try FileSystem.snapshot(workPath) else { return nil }
        var sha256: String?
        var size: Int64?
        let verdict: Verdict
        if entry.kind != .regular {
            verdict = Verdict(file: fileName, format: nil, encoding: nil,
                              findings: [Finding(.notRegularFile(kind: entry.kind.label))], record: nil)
        } else if let links = FileSystem.linkCount(workPath), links > 1 {
            // A hard link shares its bytes with a name outside the inbox: those bytes were
            // not sent, may be anyone's file, and would change the stored "original" when
            // written through the other name. Not read; filed under rejected/ like a symlink.
            verdict = Verdict(file: fileName, format: nil, encoding: nil,
                              findings: [Finding(.notRegularFile(kind: "hard link, \(links) names"))], record: nil)
        } else {
            var hasher = SHA256()
            do {
                let read = try FileSystem.readRegularFile(workPath, keepingAtMost: readLimit + 1) { hasher.update(bufferPointer: $0) }
                size = read.size
                if read.size > Int64(readLimit) {
                    // Not read whole (see readRegularFile), so not hashed either.
                    sha256 = nil
                    verdict = Verdict(file: fileName, format: nil, encoding: nil,
                                      findings: [Finding(.tooLarge(size: Int(read.size), limit: readLimit))], record: nil)
                } else {
                    sha256 = hexDigest(hasher.finalize())
                    verdict = checker.check(read.data, file: fileName)
                }
            } catch let error as FileSystemError {
                sha256 = nil
                verdict = Verdict(file: fileName, format: nil, encoding: nil,
                                  findings: [Finding(.cannotRead(detail: String(cString: strerror(error.code))))], record: nil)
            }
        }
        return Checked(workPath: workPath, claimID: claimID, fileName: fileName, sha256: sha256, size: size, verdict: verdict)
    }

    /// Lower-case hex, two digits a byte.
    static func hexDigest<Digest: Sequence>(_ digest: Digest) -> String where Digest.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        for byte in digest {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    private func process(workPath: String, claimID: String, fileName: String, recovered: Bool) throws -> FileOutcome? {
        guard let checked = try InboxProcessor.check(workPath: workPath, claimID: claimID, fileName: fileName,
                                                     checker: checker, readLimit: readLimit)
        else { return nil }
        let (submission, original) = try commit(checked, in: ledger)
        CrashPoint.reach(.afterCommit)
        let settled = try settle(submission, workPath: workPath, appendRecord: true)
        let result = FileOutcome(submission: settled, recovered: recovered)
        log(result, verdict: checked.verdict, original: original)
        return result
    }

    /// Step 3: decides accepted / rejected / duplicate, picks the stored name and commits.
    private func commit(_ checked: Checked, in store: any SubmissionStore) throws -> (Submission, original: Submission?) {
        let verdict = checked.verdict
        var outcome: Outcome = verdict.accepted ? .accepted : .rejected
        var folder: StoredFolder = verdict.accepted ? .accepted : .rejected
        var original: Submission?
        if let sha256 = checked.sha256, let earlier = try store.original(sha256: sha256) {
            original = earlier
            outcome = .duplicate
            folder = earlier.folder
        }
        if outcome == .accepted && verdict.record == nil {
            logger.warning("accepted without a record; the checker built none", metadata: ["file": "\(checked.fileName)"])
        }
        let storedName = try uniqueName(for: checked.fileName, in: folder, store: store)
        let submission = try store.commit(SubmissionDraft(
            claimID: checked.claimID, fileName: checked.fileName, storedName: storedName, folder: folder,
            sha256: checked.sha256, size: checked.size, receivedAt: now(), outcome: outcome,
            duplicateOf: original?.id, verdict: verdict))
        return (submission, original)
    }

    // MARK: batches

    /// Takes several inbox entries with the same exactly-once steps as `take`, sharing the
    /// costly syncs:
    ///
    /// 1. claim every file (`rename` into `work/`), then sync `work/` and the inbox once;
    /// 2. read, hash and check the claimed files in parallel (one task per core);
    /// 3. commit each outcome, in claim order, in one ledger transaction (a savepoint per
    ///    file) made durable once (`Ledger.batch`);
    /// 4. write the notices (each synced) and the `records.jsonl` lines, sync those and the
    ///    `rejected/` folder, move the files out of `work/`, and sync the three folders once.
    ///
    /// The order of durability is that of `take`: a file leaves `work/` only after its
    /// outcome is durable in the ledger, so a crash anywhere leaves each file either still in
    /// the inbox, or in `work/` (to be re-checked, or re-settled from its committed outcome),
    /// or settled — never lost, never counted twice. A file that fails is logged and counted
    /// and stays where it is for the next pass or start.
    func takeBatch(_ names: [String], shouldStop: () -> Bool = { false }) -> Tally {
        var tally = Tally()
        var claims: [(claimID: String, fileName: String, workPath: String)] = []
        for name in names {
            if shouldStop() { break }
            guard !InboxProcessor.isIgnored(name), !name.contains("/") else { continue }
            let source = (inbox as NSString).appendingPathComponent(name)
            let claimID = InboxProcessor.newClaimID()
            let workPath = self.workPath(claimID: claimID, name: name)
            do {
                guard try FileSystem.snapshot(source) != nil else { continue }
                try FileSystem.move(source, to: workPath)
                claims.append((claimID, name, workPath))
            } catch let error as FileSystemError where error.code == ENOENT {
                continue
            } catch {
                tally.failed += 1
                logger.error("could not claim \(name): \(error)")
            }
        }
        guard !claims.isEmpty else { return tally }
        do {
            try FileSystem.syncDirectory(state.work)
            try FileSystem.syncDirectory(inbox)
        } catch {
            // The claims are in work/; the next start recovers them.
            tally.failed += claims.count
            logger.error("could not sync the claims of \(claims.count) files: \(error)")
            return tally
        }
        claims.forEach { _ in CrashPoint.reach(.afterClaim) }

        // 2. Check in parallel: the checker is shared read-only, each task has its own slot.
        let checker = self.checker, readLimit = self.readLimit, claimed = claims
        let slots = CheckedSlots(count: claimed.count)
        DispatchQueue.concurrentPerform(iterations: claimed.count) { index in
            let claim = claimed[index]
            slots[index] = Result {
                try InboxProcessor.check(workPath: claim.workPath, claimID: claim.claimID, fileName: claim.fileName,
                                         checker: checker, readLimit: readLimit)
            }
        }

        // 3. Commit in claim order, in one transaction (a savepoint per file) made durable once.
        var committed: [(submission: Submission, checked: Checked, original: Submission?)] = []
        do {
            try ledger.batch { batch in
                for index in 0..<claims.count {
                    do {
                        guard let checked = try slots.take(index).get() else { continue }
                        let (submission, original) = try commit(checked, in: batch)
                        committed.append((submission, checked, original))
                    } catch {
                        tally.failed += 1
                        logger.error("could not process \(claims[index].fileName): \(error)")
                    }
                }
            }
        } catch {
            // Nothing of the batch is stored: its files stay in work/ and are checked again.
            tally.failed += committed.count
            logger.error("could not commit the batch of \(committed.count) files: \(error); they are checked again at the next start")
            return tally
        }
        committed.forEach { _ in CrashPoint.reach(.afterCommit) }

        // 4. Settle: notices and record lines first, synced; then the moves, synced.
        var moves: [(submission: Submission, workPath: String, destination: String, checked: Checked, original: Submission?)] = []
        var records = Data()
        for item in committed {
            do {
                let (submission, destination) = try prepareSettling(item.submission, syncNotice: false)
                if submission.outcome == .accepted, let record = item.checked.verdict.record {
                    // The same line the commit stored in the ledger.
                    records.append(Data((record.jsonLine() + "\n").utf8))
                }
                moves.append((submission, item.checked.workPath, destination, item.checked, item.original))
            } catch {
                tally.failed += 1
                logger.error("could not settle \(item.submission.fileName): \(error); it is settled at the next start")
            }
        }
        do {
            if !records.isEmpty { try FileSystem.append(records, to: state.records) }
            try FileSystem.syncDirectory(state.folder(.rejected))
        } catch {
            tally.failed += moves.count
            logger.error("could not write notices or records: \(error); \(moves.count) files are settled at the next start")
            return tally
        }
        moves.forEach { _ in CrashPoint.reach(.afterRecord) }
        var moved: [FileOutcome] = []
        for move in moves {
            do {
                try FileSystem.move(move.workPath, to: move.destination)
                let result = FileOutcome(submission: move.submission, recovered: false)
                moved.append(result)
                log(result, verdict: move.checked.verdict, original: move.original)
            } catch {
                tally.failed += 1
                logger.error("could not move \(move.submission.fileName) out of work/: \(error); it is settled at the next start")
            }
        }
        do {
            try FileSystem.syncDirectory(state.folder(.accepted))
            try FileSystem.syncDirectory(state.folder(.rejected))
            try FileSystem.syncDirectory(state.work)
        } catch {
            logger.error("could not sync the stored folders: \(error)")
        }
        moved.forEach { _ in CrashPoint.reach(.afterMove) }
        for result in moved { tally.add(result) }
        return tally
    }

    private func log(_ result: FileOutcome, verdict: Verdict, original: Submission?) {
        let submission = result.submission
        var metadata: Logger.Metadata = ["file": "\(submission.fileName)", "stored": "\(result.storedPath)"]
        if let key = submission.key { metadata["station"] = "\(key.station)"; metadata["bureau"] = "\(key.bureau)" }
        if result.recovered { metadata["recovered"] = "true" }
        switch submission.outcome {
        case .accepted:
            logger.info("accepted \(submission.fileName)", metadata: metadata)
        case .rejected:
            let rules = Array(Set(verdict.findings.filter { $0.severity == .error }.map(\.rule.rawValue))).sorted()
            metadata["rules"] = "\(rules.joined(separator: ","))"
            logger.info("rejected \(submission.fileName)", metadata: metadata)
        case .duplicate:
            metadata["same_as"] = "\(original.map { "\($0.folder.rawValue)/\($0.storedName)" } ?? "?")"
            logger.info("duplicate \(submission.fileName)", metadata: metadata)
        }
    }

    /// A name free in `folder` (on disk and in the ledger), with `-2`, `-3` … before the
    /// extension on a clash; in `rejected/` the notice's name must be free too.
    func uniqueName(for fileName: String, in folder: StoredFolder, store: (any SubmissionStore)? = nil) throws -> String {
        let directory = state.folder(folder)
        let fileName = NameLength.fitting(fileName, withinBytes: NameLength.nameMax - NameLength.storedNameReserve)
        let ext = (fileName as NSString).pathExtension
        let stem = ext.isEmpty ? fileName : String(fileName.dropLast(ext.count + 1))
        var counter = 1
        while true {
            let candidate = counter == 1 ? fileName : (ext.isEmpty ? "\(stem)-\(counter)" : "\(stem)-\(counter).\(ext)")
            let path = (directory as NSString).appendingPathComponent(candidate)
            let noticeTaken = folder == .rejected
                && FileSystem.exists((directory as NSString).appendingPathComponent(Notice.fileName(for: candidate)))
            let recorded = try (store ?? ledger).isNameTaken(candidate, in: folder)
            if !FileSystem.exists(path) && !noticeTaken && !recorded {
                return candidate
            }
            counter += 1
        }
    }

    /// Step 4, after the commit: the notice, the `records.jsonl` line, and the move out of
    /// `work/`. Safe to repeat (recovery calls it with `appendRecord: false` and then
    /// rebuilds `records.jsonl` from the ledger).
    private func settle(_ submission: Submission, workPath: String, appendRecord: Bool) throws -> Submission {
        let (submission, destination) = try prepareSettling(submission, syncNotice: true)
        if appendRecord && submission.outcome == .accepted,
           let record = try ledger.record(submissionID: submission.id) {
            try FileSystem.append(Data((record.json + "\n").utf8), to: state.records)
        }
        CrashPoint.reach(.afterRecord)
        try FileSystem.move(workPath, to: destination)
        try FileSystem.syncDirectory(state.folder(submission.folder))
        try FileSystem.syncDirectory(state.work)
        CrashPoint.reach(.afterMove)
        return submission
    }

    /// The first part of settling: the final stored name (renamed in the ledger if
    /// something took it after the commit) and, for `rejected/`, the notice beside it.
    /// Returns the submission and the path the file is to be moved to.
    /// `syncNotice: false` leaves the sync of `rejected/` to the caller (the notice file
    /// itself is always synced).
    private func prepareSettling(_ submission: Submission, syncNotice: Bool) throws -> (Submission, String) {
        var submission = submission
        let directory = state.folder(submission.folder)
        var destination = (directory as NSString).appendingPathComponent(submission.storedName)
        if FileSystem.exists(destination) {
            // Something took the name after the commit (only by hand: we hold the lock).
            let storedName = try uniqueName(for: submission.fileName, in: submission.folder)
            try ledger.rename(submission: submission.id, to: storedName)
            submission.storedName = storedName
            destination = (directory as NSString).appendingPathComponent(storedName)
        }
        if submission.folder == .rejected {
            try FileSystem.writeAtomically(Data(notice(for: submission).text.utf8),
                                           to: (directory as NSString).appendingPathComponent(Notice.fileName(for: submission.storedName)),
                                           syncDirectory: syncNotice)
        }
        return (submission, destination)
    }

    /// The notice for a submission filed under `rejected/`, from what the ledger holds.
    public func notice(for submission: Submission) throws -> Notice {
        var first: Date?
        var findings = submission.findings
        if submission.outcome == .duplicate, let id = submission.duplicateOf,
           let original = try ledger.submission(id: id) {
            first = original.receivedAt
            findings = original.findings
        }
        return Notice(station: submission.key?.station, bureau: submission.key?.bureau, fileName: submission.fileName,
                      storedName: submission.storedName, receivedAt: submission.receivedAt, sha256: submission.sha256,
                      findings: findings, repeatsSubmissionOf: first)
    }

    // MARK: recovery

    /// Finishes or redoes what a crash left in `work/`, then makes `records.jsonl` match the
    /// ledger. Called by `runOnce` and at the start of watching.
    public func recover() throws -> Tally {
        var tally = Tally()
        for workName in try FileSystem.list(state.work) {
            let workPath = (state.work as NSString).appendingPathComponent(workName)
            if workName.hasSuffix(".partial") {
                // An unfinished cross-file-system copy: the source is still in the inbox.
                try FileSystem.unlink(workPath)
                continue
            }
            guard let (claimID, fileName) = InboxProcessor.parseWorkName(workName) else {
                logger.warning("unknown entry in work/, left alone", metadata: ["name": "\(workName)"])
                continue
            }
            do {
                if let committed = try ledger.submission(claimID: claimID) {
                    let settled = try settle(committed, workPath: workPath, appendRecord: false)
                    let result = FileOutcome(submission: settled, recovered: true)
                    logger.info("recovered \(fileName): \(settled.outcome.rawValue) (committed before the interruption)",
                                metadata: ["stored": "\(result.storedPath)"])
                    tally.add(result)
                } else if let result = try process(workPath: workPath, claimID: claimID, fileName: fileName, recovered: true) {
                    tally.add(result)
                }
            } catch {
                // One entry that cannot be finished (a full disk) does not hold back the
                // others; it stays in work/ for the next recovery.
                tally.failed += 1
                logger.error("could not recover \(fileName): \(error)")
            }
        }
        try rebuildRecordsFileIfNeeded()
        return tally
    }

    /// `records.jsonl` is every accepted record in the order accepted, one JSON object a
    /// line. It is appended as forms are accepted; if a crash left it short (or with half a
    /// line), it is written again from the ledger, atomically.
    @discardableResult
    public func rebuildRecordsFileIfNeeded() throws -> Bool {
        let expected = try ledger.records(history: true).map { $0.json + "\n" }.joined()
        let actual = FileManager.default.contents(atPath: state.records) ?? Data()
        if actual == Data(expected.utf8) { return false }
        if expected.isEmpty && !FileSystem.exists(state.records) { return false }
        try FileSystem.writeAtomically(Data(expected.utf8), to: state.records)
        logger.notice("records.jsonl rebuilt from the ledger")
        return true
    }
}

/// One result slot per claimed file, filled by the parallel checks (each task writes only
/// its own index) and read after they have all finished.
private final class CheckedSlots: @unchecked Sendable {
    private var slots: [Result<InboxProcessor.Checked?, any Error>?]
    private let lock = NSLock()

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    subscript(index: Int) -> Result<InboxProcessor.Checked?, any Error>? {
        get { lock.withLock { slots[index] } }
        set { lock.withLock { slots[index] = newValue } }
    }

    /// The result at `index`, emptied (so its verdict's memory is released as it goes).
    func take(_ index: Int) -> Result<InboxProcessor.Checked?, any Error> {
        lock.withLock {
            defer { slots[index] = nil }
            return slots[index] ?? .success(nil)
        }
    }
}
