import Validate

/// One line of the summary the indicator owner sends upward: for a fiscal year, a round
/// and a bureau (or all bureaus), the stations whose current record counts, how many
/// stand at each level and target, and their mean score.
public struct SummaryRow: Sendable, Equatable {
    public var fiscalYear: Int
    public var round: Int
    /// `nil` for the total over every bureau.
    public var bureau: String?
    /// Stations with a current accepted record.
    public var stations: Int
    /// `levels[n]`: stations at level n, for n in 0…N, where N is the number of steps of
    /// the fiscal year's rule set (steps 1…N, `docs/rule-sets.md`): every record lists every
    /// step of the rule set it was checked against.
    public var levels: [Int]
    public var targets: [Target: Int]
    /// Mean of the stations' scores (0–100).
    public var meanScore: Double
}

extension Ledger {
    /// The summary over current records, by fiscal year, round and bureau (บช.น. first,
    /// then ภ.1 … ภ.9), each round closed by a total row (`bureau == nil`).
    public func summary() throws -> [SummaryRow] {
        SummaryRow.rows(try records(history: false))
    }
}

extension SummaryRow {
    /// A row with no station in it (a bureau on the roster that has sent nothing accepted):
    /// levels 0 … `steps`, all zero.
    public static func empty(year: Int, round: Int, bureau: String?, steps: Int) -> SummaryRow {
        SummaryRow(fiscalYear: year, round: round, bureau: bureau, stations: 0,
                   levels: [Int](repeating: 0, count: steps + 1), targets: [:], meanScore: 0)
    }

    /// The summary of `records` (current ones), by fiscal year, round and bureau (บช.น.
    /// first, then ภ.1 … ภ.9), each round closed by a total row (`bureau == nil`).
    public static func rows(_ records: [StoredRecord]) -> [SummaryRow] {
        struct Group: Hashable { var year: Int; var round: Int; var bureau: String? }
        var groups: [Group: [StoredRecord]] = [:]
        for record in records {
            groups[Group(year: record.key.fiscalYear, round: record.key.round, bureau: record.key.bureau), default: []].append(record)
            groups[Group(year: record.key.fiscalYear, round: record.key.round, bureau: nil), default: []].append(record)
        }
        return groups.map { group, members in
            let steps = members.map(\.record.steps.count).max() ?? 0
            var levels = [Int](repeating: 0, count: steps + 1)
            var targets: [Target: Int] = [:]
            for member in members {
                levels[min(max(member.record.level, 0), steps)] += 1
                targets[member.record.target, default: 0] += 1
            }
            let mean = Double(members.map(\.record.score).reduce(0, +)) / Double(members.count)
            return SummaryRow(fiscalYear: group.year, round: group.round, bureau: group.bureau,
                              stations: members.count, levels: levels, targets: targets, meanScore: mean)
        }
        .sorted { lhs, rhs in
            if lhs.fiscalYear != rhs.fiscalYear { return lhs.fiscalYear < rhs.fiscalYear }
            if lhs.round != rhs.round { return lhs.round < rhs.round }
            switch (lhs.bureau, rhs.bureau) {
            case (nil, _): return false
            case (_, nil): return true
            case let (left?, right?): return Ledger.bureauOrder(left) < Ledger.bureauOrder(right)
            }
        }
    }
}

extension Ledger {
    /// บช.น. before ภ.1 … ภ.9 (and ภ.10 after ภ.9, should a year add one); others last.
    package static func bureauOrder(_ bureau: String) -> (Int, String) {
        if bureau == "บช.น." { return (0, bureau) }
        if bureau.hasPrefix("ภ."), let number = Int(bureau.dropFirst(2)) { return (number, bureau) }
        return (Int.max, bureau)
    }
}
