import Foundation
import Validate

/// A file whose outcome is durable in the ledger, still in `work/`: what step 4 settles.
struct Committed {
    var submission: Submission
    var workPath: String
    /// True when the file was found in `work/` at start-up (a crash interrupted it).
    var recovered: Bool
    /// What this process's check found; `nil` when recovery finishes a commit made before a
    /// crash (the log then says so, and `records.jsonl` is rebuilt from the ledger).
    var check: CheckNote?

    /// The check behind a commit made by this process.
    struct CheckNote {
        var verdict: Verdict
        /// For a duplicate: the submission it repeats.
        var original: Submission?
    }
}

extension InboxProcessor {
    /// Step 3 for a batch: commits each checked file, in claim order, in one ledger
    /// transaction (a savepoint per file) made durable once. A file whose check or commit
    /// failed is logged and counted in `failed`, and the others go on. Returns `nil` when the
    /// transaction itself fails: nothing of the batch is stored, and its files stay in
    /// `work/` to be checked again at the next start.
    func commit(_ checks: [(claim: Claim, result: Result<Checked?, any Error>)], recovered: Bool,
                failed: inout Int) -> [Committed]? {
        var committed: [Committed] = []
        var failures = 0
        do {
            try ledger.batch { batch in
                for (claim, result) in checks {
                    do {
                        guard let checked = try result.get() else { continue }
                        committed.append(try commit(checked, in: batch, recovered: recovered))
                    } catch {
                        failures += 1
                        logger.error("could not process \(claim.fileName): \(error)")
                    }
                }
            }
        } catch {
            failed += failures + committed.count
            logger.error("could not commit the batch of \(committed.count) files: \(error); they are checked again at the next start")
            return nil
        }
        failed += failures
        committed.forEach { _ in CrashPoint.reach(.afterCommit) }
        return committed
    }

    /// One file's commit: decides accepted / rejected / duplicate, picks the stored name and
    /// stores the submission, with its record or rejection.
    private func commit(_ checked: Checked, in store: any SubmissionStore, recovered: Bool) throws -> Committed {
        let verdict = checked.verdict
        var outcome: Outcome = verdict.accepted ? .accepted : .rejected
        var folder: StoredFolder = verdict.accepted ? .accepted : .rejected
        var original: Submission?
        if let sha256 = checked.sha256, let earlier = try store.original(sha256: sha256) {
            original = earlier
            outcome = .duplicate
            folder = earlier.folder
        }
        let fileName = checked.claim.fileName
        if outcome == .accepted && verdict.record == nil {
            logger.warning("accepted without a record; the checker built none", metadata: ["file": "\(fileName)"])
        }
        let storedName = try uniqueName(for: fileName, in: folder, store: store)
        let submission = try store.commit(SubmissionDraft(
            claimID: checked.claim.claimID, fileName: fileName, storedName: storedName, folder: folder,
            sha256: checked.sha256, size: checked.size, receivedAt: now(), outcome: outcome,
            duplicateOf: original?.id, verdict: verdict))
        return Committed(submission: submission, workPath: checked.claim.workPath, recovered: recovered,
                         check: .init(verdict: verdict, original: original))
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
}
