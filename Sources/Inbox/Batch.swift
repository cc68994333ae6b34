import Foundation

// The one exactly-once path. Every file the engine takes goes through `takeBatch` (steps 1–4)
// or, when a crash left it claimed, through `process` (steps 2–4): `runOnce` calls it with
// `batchSize` names at a time, the watcher with the names that are ready (often one), and
// recovery with the claims it finds in `work/`.

extension InboxProcessor {
    /// Takes `names` in batches of `batchSize`, in order, until `shouldStop()` (asked
    /// between claims and between batches). `afterBatch(result, done)` is called after each
    /// batch with how many of `names` have been handed to a batch so far.
    func take(_ names: [String], shouldStop: () -> Bool,
              afterBatch: (BatchResult, Int) -> Void = { _, _ in }) -> Tally {
        var tally = Tally()
        var start = 0
        while start < names.count, !shouldStop() {
            let end = min(start + max(batchSize, 1), names.count)
            let result = takeBatch(Array(names[start..<end]), shouldStop: shouldStop)
            tally = tally + result.tally
            start = end
            afterBatch(result, end)
        }
        return tally
    }

    /// Takes several inbox entries with the exactly-once steps, sharing the costly syncs:
    ///
    /// 1. claim every file (`rename` into `work/`), then sync `work/` and the inbox once;
    /// 2. read, hash and check the claimed files in parallel (one task per core);
    /// 3. commit each outcome, in claim order, in one ledger transaction (a savepoint per
    ///    file) made durable once (`Ledger.batch`);
    /// 4. write the notices (each synced) and the `records.jsonl` lines, sync those and the
    ///    `rejected/` folder, move the files out of `work/`, and sync the folders once.
    ///
    /// A file leaves `work/` only after its outcome is durable in the ledger, so a crash
    /// anywhere leaves each file either still in the inbox, or in `work/` (to be re-checked,
    /// or re-settled from its committed outcome), or settled — never lost, never counted
    /// twice. A file that fails is logged and counted, and stays where it is for the next
    /// pass or start. Names that are ignored, hold a `/` or are gone are skipped.
    func takeBatch(_ names: [String], shouldStop: () -> Bool = { false }) -> BatchResult {
        var result = BatchResult()
        let claims = claim(names, shouldStop: shouldStop, failed: &result.failed)
        process(claims, recovered: false, into: &result)
        return result
    }

    /// Steps 2–4 for files already claimed into `work/` (by `takeBatch`, or before a crash).
    func process(_ claims: [Claim], recovered: Bool, into result: inout BatchResult) {
        guard !claims.isEmpty else { return }
        let checks = check(claims)
        guard let committed = commit(checks, recovered: recovered, failed: &result.failed) else { return }
        settle(committed, into: &result)
    }
}
