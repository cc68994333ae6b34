import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A test-only hook: kills the process with SIGKILL at one step of processing, so that the
/// fault tests can check recovery from a crash at exactly that step with the real binary.
///
/// Armed by the environment variable `PIPELINE_CRASH_AT=POINT[:N]`, read once at the first
/// `reach`: `POINT` is `after-claim`, `after-commit`, `after-record` or `after-move`, and the
/// process dies the `N`th time (default 1) it reaches that point. When the variable is unset
/// or does not parse, every `reach` is a no-op: it is harmless in production, and no
/// operator should ever set it.
public enum CrashPoint: String, CaseIterable, Sendable {
    /// The file was renamed into `work/` (and both folders synced); nothing is committed.
    case afterClaim = "after-claim"
    /// The ledger transaction is committed; no notice, no `records.jsonl` line, not moved.
    case afterCommit = "after-commit"
    /// The notice (rejected) or the `records.jsonl` line (accepted) is written; not moved.
    case afterRecord = "after-record"
    /// The file is in `accepted/` or `rejected/` and the folders are synced.
    case afterMove = "after-move"

    /// The environment variable that arms the hook.
    public static let environmentVariable = "PIPELINE_CRASH_AT"

    /// The armed point and on which arrival to die, parsed once.
    static let armed: (point: CrashPoint, arrival: Int)? = {
        guard let value = ProcessInfo.processInfo.environment[environmentVariable] else { return nil }
        return parse(value)
    }()

    /// How many times the armed point has been reached in this process.
    private static let arrivals = Atomic<Int>(0)

    /// `after-commit` → (.afterCommit, 1); `after-move:3` → (.afterMove, 3); anything else nil.
    static func parse(_ value: String) -> (point: CrashPoint, arrival: Int)? {
        let parts = value.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count <= 2, let point = CrashPoint(rawValue: String(parts[0])) else { return nil }
        guard parts.count == 2 else { return (point, 1) }
        guard let arrival = Int(parts[1]), arrival >= 1 else { return nil }
        return (point, arrival)
    }

    /// Marks that processing reached `point`; SIGKILLs the process when the hook is armed
    /// for this point and this is the chosen arrival.
    static func reach(_ point: CrashPoint) {
        guard let armed, armed.point == point else { return }
        let arrival = arrivals.add(1, ordering: .sequentiallyConsistent).newValue
        if arrival == armed.arrival {
            kill(getpid(), SIGKILL)
        }
    }
}
