import Foundation
import Validate

extension InboxProcessor {
    /// Finishes or redoes what a crash left in `work/`, then makes `records.jsonl` match the
    /// ledger. Called by `runOnce`, at the start of watching and at each of its rescans.
    ///
    /// A claim the ledger has committed is settled (step 4); any other claim is processed
    /// again from step 2, `batchSize` at a time, in claim order. An unfinished copy across
    /// file systems (`*.partial`) is removed: its source is still in the inbox.
    public func recover() throws -> Tally {
        var result = BatchResult()
        var unsettled: [Committed] = []
        var unchecked: [Claim] = []
        for workName in try FileSystem.list(state.work) {
            let workPath = (state.work as NSString).appendingPathComponent(workName)
            if workName.hasSuffix(".partial") {
                try FileSystem.unlink(workPath)
                continue
            }
            guard let (claimID, fileName) = InboxProcessor.parseWorkName(workName) else {
                logger.warning("unknown entry in work/, left alone", metadata: ["name": "\(workName)"])
                continue
            }
            do {
                if let submission = try ledger.submission(claimID: claimID) {
                    unsettled.append(Committed(submission: submission, workPath: workPath, recovered: true, check: nil))
                } else {
                    unchecked.append(Claim(claimID: claimID, fileName: fileName, workPath: workPath))
                }
            } catch {
                // One entry that cannot be looked up does not hold back the others; it stays
                // in work/ for the next recovery.
                result.failed += 1
                logger.error("could not recover \(fileName): \(error)")
            }
        }
        settle(unsettled, into: &result)
        var start = 0
        while start < unchecked.count {
            let end = min(start + max(batchSize, 1), unchecked.count)
            process(Array(unchecked[start..<end]), recovered: true, into: &result)
            start = end
        }
        try rebuildRecordsFileIfNeeded()
        return result.tally
    }

    /// `records.jsonl` is every accepted record in the order accepted, one JSON object a
    /// line (`Record.jsonLine()`). It is appended as forms are accepted; if a crash left it
    /// short (or with half a line), it is written again from the ledger, atomically, with
    /// the lines the ledger stored at each acceptance (not read and written again: a stored
    /// line is never changed by a later build).
    @discardableResult
    public func rebuildRecordsFileIfNeeded() throws -> Bool {
        let expected = try ledger.recordLines().map { $0 + "\n" }.joined()
        let actual = FileManager.default.contents(atPath: state.records) ?? Data()
        if actual == Data(expected.utf8) { return false }
        if expected.isEmpty && !FileSystem.exists(state.records) { return false }
        try FileSystem.writeAtomically(Data(expected.utf8), to: state.records)
        logger.notice("records.jsonl rebuilt from the ledger")
        return true
    }
}
