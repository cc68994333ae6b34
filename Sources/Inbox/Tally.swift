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

/// What one batch did: the files it settled, in claim order, and how many it could not take.
struct BatchResult: Sendable {
    /// The files settled under `accepted/` or `rejected/`, in claim order.
    var outcomes: [FileOutcome] = []
    /// Files that could not be processed (an I/O or ledger error, logged); they stay in the
    /// inbox or in `work/` and are taken again at the next pass or start.
    var failed = 0

    /// The counts of `run`'s summary line.
    var tally: Tally {
        var tally = Tally()
        for outcome in outcomes { tally.add(outcome) }
        tally.failed = failed
        return tally
    }
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
