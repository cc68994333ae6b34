import Foundation
import Logging
import Validate
#if canImport(Glibc)
import Glibc
#endif

/// Puts right what an earlier power cut (or an engine older than the `synchronous = FULL`
/// fix) left in a state folder, before anything else reads it: run when a processor opens
/// the state, before `recover()` rebuilds `records.jsonl`, and by `pipeline reconcile`.
///
/// In order (see docs/reliability.md, "Reconcile"):
/// 1. a move made with `link` + `unlink` (where `RENAME_NOREPLACE` is refused) and cut in
///    between leaves one entry under two names: the move is finished;
/// 2. a notice beside no submission (no file, no ledger row) is moved aside to
///    `orphaned-notices/`, never deleted; a notice's own `.writing` temporary is removed;
/// 3. a file in `accepted/` or `rejected/` with no ledger row is checked again and entered
///    once, where it lies, under its name (a rejected one gets its notice if it has none);
/// 4. `records.jsonl` gets every accepted record's line the ledger holds (after step 3, so a
///    rewrite can never drop the line of a form that is on disk).
///
/// Each repair is one log line starting `reconcile:`. Idempotent: a second pass repairs
/// nothing. The caller holds the state's lock.
public struct Reconciler {
    public let state: StateDirectory
    /// The inbox, when known: needed only to finish a claim cut between `link` and `unlink`.
    public let inbox: String?
    public let ledger: Ledger
    let checker: any FormChecking
    let readLimit: Int
    let logger: Logger

    /// What one pass put right.
    public struct Report: Sendable, Equatable {
        /// Moves cut between `link` and `unlink`, finished.
        public var finishedMoves = 0
        /// Notices beside no submission, moved to `orphaned-notices/`.
        public var orphanedNotices = 0
        /// Half-written notice temporaries (`NAME.notice.txt.writing`) removed.
        public var noticeTemporaries = 0
        /// Files found in `accepted/` or `rejected/` without a ledger row, entered.
        public var entered = 0
        /// Notices written for rejected files that had none.
        public var noticesWritten = 0
        /// `records.jsonl` lines added (records the ledger holds that the file lacked).
        public var recordLinesAdded = 0
        /// `records.jsonl` lines no ledger record holds, dropped by the rewrite.
        public var recordLinesDropped = 0
        /// Entries that could not be put right (logged; tried again at the next start).
        public var failed = 0

        public init() {}

        /// Every repair made.
        public var repairs: Int {
            finishedMoves + orphanedNotices + noticeTemporaries + entered + noticesWritten
                + recordLinesAdded + recordLinesDropped
        }
    }

    /// The folder notices beside no submission are moved to.
    public var orphanedNotices: String { (state.root as NSString).appendingPathComponent("orphaned-notices") }

    public init(state: StateDirectory, inbox: String?, ledger: Ledger, checker: any FormChecking,
                readLimit: Int = 64 << 20, logger: Logger = Logger(label: "pipeline.inbox")) {
        self.state = state
        self.inbox = inbox.map { ($0 as NSString).standardizingPath }
        self.ledger = ledger
        self.checker = checker
        self.readLimit = readLimit
        self.logger = logger
    }

    /// One pass over the state; throws only when a folder or the ledger cannot be read.
    @discardableResult
    public func reconcile() throws -> Report {
        var report = Report()
        try finishInterruptedMoves(&report)
        try setAsideOrphanedNotices(&report)
        for folder in [StoredFolder.accepted, .rejected] {
            try enterUnrecordedFiles(in: folder, &report)
        }
        try completeRecordsFile(&report)
        return report
    }

    // MARK: 1. moves cut between link and unlink

    private func finishInterruptedMoves(_ report: inout Report) throws {
        guard FileSystem.exists(state.work) else { return }
        for workName in try FileSystem.list(state.work) {
            let workPath = (state.work as NSString).appendingPathComponent(workName)
            guard let links = FileSystem.linkCount(workPath), links > 1,
                  let (claimID, fileName) = InboxProcessor.parseWorkName(workName),
                  let identity = Reconciler.identity(workPath)
            else { continue }
            do {
                // Settling: work/CLAIM--NAME was linked to its stored name, not yet unlinked.
                if let committed = try ledger.submission(claimID: claimID) {
                    let stored = (state.folder(committed.folder) as NSString).appendingPathComponent(committed.storedName)
                    if Reconciler.identity(stored) == identity {
                        try FileSystem.unlink(workPath)
                        try FileSystem.syncDirectory(state.work)
                        report.finishedMoves += 1
                        logger.notice("reconcile: finished the move of \(fileName) to \(committed.folder.rawValue)/\(committed.storedName) (cut between link and unlink)")
                        continue
                    }
                }
                // Claiming: INBOX/NAME was linked into work/, not yet unlinked from the inbox.
                guard let inbox else { continue }
                let room = NameLength.nameMax - claimID.utf8.count - 2 - NameLength.workNameReserve
                for inboxName in try FileSystem.list(inbox)
                where NameLength.fitting(inboxName, withinBytes: room) == fileName {
                    let inboxPath = (inbox as NSString).appendingPathComponent(inboxName)
                    guard Reconciler.identity(inboxPath) == identity else { continue }
                    try FileSystem.unlink(inboxPath)
                    try FileSystem.syncDirectory(inbox)
                    report.finishedMoves += 1
                    logger.notice("reconcile: finished the claim of \(inboxName) into work/ (cut between link and unlink)")
                }
            } catch {
                report.failed += 1
                logger.error("reconcile: could not finish the move of \(fileName): \(error)")
            }
        }
    }

    /// Device and inode, read with `lstat`.
    static func identity(_ path: String) -> [UInt64]? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return [UInt64(info.st_dev), UInt64(info.st_ino)]
    }

    // MARK: 2. notices beside no submission

    /// The first line every notice starts with (`Notice.text`), so that a station's own file
    /// that happens to be called `X.notice.txt` is not taken for one.
    static let noticeHeader = Data("แจ้งผลการตรวจแบบรายงาน".utf8)

    static func looksLikeNotice(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: noticeHeader.count)) ?? Data()
        return head == noticeHeader
    }

    private func setAsideOrphanedNotices(_ report: inout Report) throws {
        let rejected = state.rejected
        guard FileSystem.exists(rejected) else { return }
        let names = try FileSystem.list(rejected)
        let present = Set(names)
        let recorded = try ledger.storedNames(in: .rejected)
        let suffix = ".notice.txt"
        for name in names where !recorded.contains(name) {
            let path = (rejected as NSString).appendingPathComponent(name)
            do {
                if name.hasSuffix(suffix + ".writing") {
                    // A notice being written when the power went; its notice is written again
                    // from the ledger by recovery, or it belonged to nothing.
                    try FileSystem.unlink(path)
                    try FileSystem.syncDirectory(rejected)
                    report.noticeTemporaries += 1
                    logger.notice("reconcile: removed the half-written notice rejected/\(name)")
                    continue
                }
                guard name.hasSuffix(suffix), Reconciler.looksLikeNotice(path) else { continue }
                let submission = String(name.dropLast(suffix.count))
                if present.contains(submission) || recorded.contains(submission) { continue }
                try FileSystem.makeDirectory(orphanedNotices)
                let destination = try freePath(for: name, in: orphanedNotices)
                try FileSystem.renameWithoutReplacing(path, to: destination)
                try FileSystem.syncDirectory(orphanedNotices)
                try FileSystem.syncDirectory(rejected)
                report.orphanedNotices += 1
                logger.notice("reconcile: notice rejected/\(name) stands beside no submission (no file, no ledger row); moved to orphaned-notices/\((destination as NSString).lastPathComponent)")
            } catch {
                report.failed += 1
                logger.error("reconcile: could not set aside rejected/\(name): \(error)")
            }
        }
    }

    /// `folder/NAME`, or `NAME-2`, `NAME-3` … when taken.
    private func freePath(for name: String, in folder: String) throws -> String {
        for counter in 1...10_000 {
            let candidate = counter == 1 ? name : "\(name)-\(counter)"
            let path = (folder as NSString).appendingPathComponent(candidate)
            if !FileSystem.exists(path) { return path }
        }
        throw FileSystemError(operation: "find a free name", path: (folder as NSString).appendingPathComponent(name), code: EEXIST)
    }

    // MARK: 3. stored files without a ledger row

    private func enterUnrecordedFiles(in folder: StoredFolder, _ report: inout Report) throws {
        let directory = state.folder(folder)
        guard FileSystem.exists(directory) else { return }
        let recorded = try ledger.storedNames(in: folder)
        let names = try FileSystem.list(directory)
        let present = Set(names)
        var unrecorded: [(name: String, changed: Int64)] = []
        for name in names where !recorded.contains(name) {
            let path = (directory as NSString).appendingPathComponent(name)
            if folder == .rejected, name.hasSuffix(".notice.txt"),
               present.contains(String(name.dropLast(".notice.txt".count))) || Reconciler.looksLikeNotice(path) {
                continue
            }
            if name.hasSuffix(".partial") || name.hasSuffix(".writing") {
                logger.warning("reconcile: \(folder.rawValue)/\(name) looks like an unfinished temporary; left alone")
                continue
            }
            unrecorded.append((name, Reconciler.changeTime(path)))
        }
        // Files leave work/ in the order they were claimed, and a rename sets the ctime: so
        // an original is entered before its duplicates, as the engine first counted them.
        unrecorded.sort { ($0.changed, $0.name) < ($1.changed, $1.name) }
        for item in unrecorded {
            do {
                if try enter(item.name, in: folder, changed: item.changed, present: present) { report.noticesWritten += 1 }
                report.entered += 1
            } catch {
                report.failed += 1
                logger.error("reconcile: could not enter \(folder.rawValue)/\(item.name): \(error)")
            }
        }
    }

    /// Nanoseconds since 1970 of the entry's last status change (0 when it cannot be read).
    static func changeTime(_ path: String) -> Int64 {
        var info = stat()
        guard lstat(path, &info) == 0 else { return 0 }
        return Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
    }

    /// Checks one stored file again and commits it where it lies; returns whether a notice
    /// was written for it.
    private func enter(_ name: String, in folder: StoredFolder, changed: Int64, present: Set<String>) throws -> Bool {
        let path = (state.folder(folder) as NSString).appendingPathComponent(name)
        let claimID = "reconciled-" + InboxProcessor.newClaimID()
        guard let checked = try InboxProcessor.check(Claim(claimID: claimID, fileName: name, workPath: path),
                                                     checker: checker, roster: try ledger.roster(),
                                                     readLimit: readLimit)
        else { return false }
        var outcome: Outcome = checked.verdict.accepted ? .accepted : .rejected
        var original: Submission?
        if let sha256 = checked.sha256, let earlier = try ledger.original(sha256: sha256) {
            original = earlier
            outcome = .duplicate
        }
        let expectedFolder: StoredFolder = original?.folder ?? (outcome == .accepted ? .accepted : .rejected)
        if expectedFolder != folder {
            logger.warning("reconcile: \(folder.rawValue)/\(name) checks as \(outcome.rawValue) now (\(expectedFolder.rawValue)); entered where it lies")
        }
        let receivedAt = Date(timeIntervalSince1970: Double(changed) / 1_000_000_000)
        let submission = try ledger.commit(SubmissionDraft(
            claimID: claimID, fileName: name, storedName: name, folder: folder, sha256: checked.sha256,
            size: checked.size, receivedAt: changed > 0 ? receivedAt : Date(), outcome: outcome,
            duplicateOf: original?.id, verdict: checked.verdict))
        logger.notice("reconcile: \(folder.rawValue)/\(name) had no ledger row; checked again and entered as \(outcome.rawValue)",
                      metadata: ["claim": "\(claimID)"])
        guard folder == .rejected, !present.contains(Notice.fileName(for: name)) else { return false }
        let notice = try ledger.notice(for: submission)
        try FileSystem.writeAtomically(Data(notice.text.utf8),
                                       to: (state.rejected as NSString).appendingPathComponent(Notice.fileName(for: name)))
        logger.notice("reconcile: wrote the missing notice rejected/\(Notice.fileName(for: name))")
        return true
    }

    // MARK: 4. records.jsonl

    private func completeRecordsFile(_ report: inout Report) throws {
        let records = try ledger.records(history: true)
        let expected = records.map { $0.json + "\n" }.joined()
        let actual = FileManager.default.contents(atPath: state.records) ?? Data()
        if actual == Data(expected.utf8) { return }
        if records.isEmpty && !FileSystem.exists(state.records) { return }
        // Whole lines only: a half line at the end is what an interrupted append left.
        var present: [String: Int] = [:]
        var lines = String(decoding: actual, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        lines.removeLast()  // what follows the last newline: empty, or half a line
        for line in lines where !line.isEmpty {
            present[String(line), default: 0] += 1
        }
        var added: [StoredRecord] = []
        for record in records {
            if let count = present[record.json], count > 0 {
                present[record.json] = count - 1
            } else {
                added.append(record)
            }
        }
        let dropped = present.filter { $0.value > 0 }
        if added.isEmpty && dropped.isEmpty {
            // Only the order, a repeated newline or a half line differs: no record is at stake.
            try FileSystem.writeAtomically(Data(expected.utf8), to: state.records)
            return
        }
        let names = try storedNamesByID()
        try FileSystem.writeAtomically(Data(expected.utf8), to: state.records)
        for record in added {
            report.recordLinesAdded += 1
            let place = names[record.submissionID].map { "accepted/\($0)" } ?? "submission \(record.submissionID)"
            logger.notice("reconcile: records.jsonl lacked the record of \(place) (\(record.key.station), round \(record.key.round)); written")
        }
        for (line, count) in dropped {
            report.recordLinesDropped += count
            logger.notice("reconcile: records.jsonl held a line no ledger record holds (no accepted form on disk for it); dropped: \(line.prefix(200))")
        }
    }

    private func storedNamesByID() throws -> [Int64: String] {
        Dictionary(try ledger.submissions().map { ($0.id, $0.storedName) }, uniquingKeysWith: { first, _ in first })
    }
}
