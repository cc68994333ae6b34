import Foundation
import Logging
import Validate

extension InboxProcessor {
    /// Step 4 for a batch, after its commits are durable: the notices and the
    /// `records.jsonl` lines first, synced; then the moves out of `work/`, synced.
    ///
    /// Safe to repeat: recovery calls it for commits made before a crash (their
    /// `records.jsonl` lines are not appended here; recovery rebuilds the file from the
    /// ledger). A file that cannot be settled is logged and counted in `result.failed`, and
    /// stays in `work/`, settled at the next start.
    func settle(_ committed: [Committed], into result: inout BatchResult) {
        guard !committed.isEmpty else { return }
        var moves: [(item: Committed, destination: String)] = []
        var records = Data()
        var wroteNotice = false
        for item in committed {
            do {
                var item = item
                let destination = try prepareSettling(&item.submission)
                wroteNotice = wroteNotice || item.submission.folder == .rejected
                if item.submission.outcome == .accepted, let record = item.check?.verdict.record {
                    // The same line the commit stored in the ledger.
                    records.append(Data((record.jsonLine() + "\n").utf8))
                }
                moves.append((item, destination))
            } catch {
                result.failed += 1
                logger.error("could not settle \(item.submission.fileName): \(error); it is settled at the next start")
            }
        }
        do {
            if !records.isEmpty { try FileSystem.append(records, to: state.records) }
            if wroteNotice { try FileSystem.syncDirectory(state.folder(.rejected)) }
        } catch {
            result.failed += moves.count
            logger.error("could not write notices or records: \(error); \(moves.count) files are settled at the next start")
            return
        }
        moves.forEach { _ in CrashPoint.reach(.afterRecord) }

        var moved: [FileOutcome] = []
        var folders: Set<StoredFolder> = []
        for move in moves {
            do {
                try FileSystem.move(move.item.workPath, to: move.destination)
                let outcome = FileOutcome(submission: move.item.submission, recovered: move.item.recovered)
                moved.append(outcome)
                folders.insert(move.item.submission.folder)
                log(outcome, check: move.item.check)
            } catch {
                result.failed += 1
                logger.error("could not move \(move.item.submission.fileName) out of work/: \(error); it is settled at the next start")
            }
        }
        do {
            for folder in [StoredFolder.accepted, .rejected] where folders.contains(folder) {
                try FileSystem.syncDirectory(state.folder(folder))
            }
            if !moved.isEmpty { try FileSystem.syncDirectory(state.work) }
        } catch {
            logger.error("could not sync the stored folders: \(error)")
        }
        moved.forEach { _ in CrashPoint.reach(.afterMove) }
        result.outcomes += moved
    }

    /// The first part of settling one file: the final stored name (renamed in the ledger if
    /// something took it after the commit) and, for `rejected/`, the notice beside it (the
    /// notice file is synced; the folder is left to the caller). Returns the path the file
    /// is to be moved to.
    private func prepareSettling(_ submission: inout Submission) throws -> String {
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
                                           syncDirectory: false)
        }
        return destination
    }

    /// The notice for a submission filed under `rejected/`, from what the ledger holds.
    public func notice(for submission: Submission) throws -> Notice {
        try ledger.notice(for: submission)
    }

    /// One log line per settled file: `accepted NAME`, `rejected NAME` with the rules,
    /// `duplicate NAME` with the original; for a commit made before a crash,
    /// `recovered NAME: OUTCOME (committed before the interruption)`.
    private func log(_ outcome: FileOutcome, check: Committed.CheckNote?) {
        let submission = outcome.submission
        guard let check else {
            logger.info("recovered \(submission.fileName): \(submission.outcome.rawValue) (committed before the interruption)",
                        metadata: ["stored": "\(outcome.storedPath)"])
            return
        }
        var metadata: Logger.Metadata = ["file": "\(submission.fileName)", "stored": "\(outcome.storedPath)"]
        if let key = submission.key { metadata["station"] = "\(key.station)"; metadata["bureau"] = "\(key.bureau)" }
        if outcome.recovered { metadata["recovered"] = "true" }
        switch submission.outcome {
        case .accepted:
            logger.info("accepted \(submission.fileName)", metadata: metadata)
        case .rejected:
            let rules = Array(Set(check.verdict.findings.filter { $0.severity == .error }.map(\.rule.rawValue))).sorted()
            metadata["rules"] = "\(rules.joined(separator: ","))"
            logger.info("rejected \(submission.fileName)", metadata: metadata)
        case .duplicate:
            metadata["same_as"] = "\(check.original.map { "\($0.folder.rawValue)/\($0.storedName)" } ?? "?")"
            logger.info("duplicate \(submission.fileName)", metadata: metadata)
        }
    }
}
