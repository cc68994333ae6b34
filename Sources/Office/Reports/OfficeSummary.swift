import Foundation
import Inbox
import Validate

/// One line of the office's summary: the ledger's summary for a fiscal year, round and
/// bureau (`SummaryRow`), beside the roster: how many stations should report, how many
/// were rejected and are still followed up, how many sent nothing accepted, the reporting
/// rate, and the steps done on time.
public struct OfficeSummaryRow: Sendable, Equatable {
    public var base: SummaryRow
    /// Roster stations of the bureau (of every bureau in scope, for a total row); `nil`
    /// without a roster.
    public var rosterStations: Int?
    /// Stations with a rejection still open or contacted for the round and no current
    /// accepted record.
    public var rejectedOpen: Int
    /// Roster stations without a current accepted record; `nil` without a roster.
    public var missing: Int?
    /// Roster stations reporting ÷ roster stations, 0–1; `nil` without a roster.
    public var reportingRate: Double?
    /// Done steps dated inside their window, and done steps with a date.
    public var stepsOnTime: Int
    public var stepsDated: Int
}

extension OfficeDesk {
    /// The summary within `scope`, by fiscal year, round and bureau, each round closed by a
    /// total row over the bureaus in scope. A bureau on the roster with nothing accepted
    /// yet in a round still gets its row (every station missing).
    public func summary(scope: BureauScope) throws -> [OfficeSummaryRow] {
        let records = try ledger.records(history: false).filter { scope.contains($0.record.bureau) }
        let roster = try roster(scope: scope)
        let rejections = try ledger.rejections(Ledger.RejectionFilter(status: nil))
            .filter { $0.status != .resolved && scope.contains($0.bureau) }
        let rosterByBureau = Dictionary(grouping: roster, by: \.bureau)
        let rounds = Set(records.map { RoundKey(year: $0.record.fiscalYear, round: $0.record.round) })
            .union(rejections.compactMap { rejection in
                guard let year = rejection.fiscalYear, let round = rejection.round else { return nil }
                return RoundKey(year: year, round: round)
            })

        var rows: [OfficeSummaryRow] = []
        for key in rounds.sorted(by: { ($0.year, $0.round) < ($1.year, $1.round) }) {
            let steps = validator.ruleBook.ruleSet(forFiscalYear: key.year)?.steps.count ?? 0
            let inRound = records.filter { $0.record.fiscalYear == key.year && $0.record.round == key.round }
            let base = Dictionary(uniqueKeysWithValues: SummaryRow.rows(inRound).map { ($0.bureau ?? "", $0) })
            let bureaus = Set(inRound.map(\.record.bureau)).union(rosterByBureau.keys)
                .union(rejections.filter { $0.fiscalYear == key.year && $0.round == key.round }.compactMap(\.bureau))
                .sorted { Ledger.bureauOrder($0) < Ledger.bureauOrder($1) }
            var bureauRows: [OfficeSummaryRow] = []
            for bureau in bureaus {
                let members = inRound.filter { $0.record.bureau == bureau }
                bureauRows.append(row(base: base[bureau] ?? SummaryRow.empty(year: key.year, round: key.round, bureau: bureau, steps: steps),
                                      members: members, roster: rosterByBureau[bureau] ?? [],
                                      rejections: rejections.filter { $0.bureau == bureau }, key: key,
                                      hasRoster: !roster.isEmpty))
            }
            rows += bureauRows
            rows.append(row(base: base[""] ?? SummaryRow.empty(year: key.year, round: key.round, bureau: nil, steps: steps),
                            members: inRound, roster: roster, rejections: rejections, key: key, hasRoster: !roster.isEmpty))
        }
        return rows
    }

    private struct RoundKey: Hashable {
        var year: Int
        var round: Int
    }

    private func row(base: SummaryRow, members: [StoredRecord], roster: [StationRoster.Entry], rejections: [Rejection],
                     key: RoundKey, hasRoster: Bool) -> OfficeSummaryRow {
        let reporting = Set(members.map(\.record.station))
        let openStations = Set(rejections.filter { ($0.fiscalYear ?? key.year) == key.year && ($0.round ?? key.round) == key.round }
            .compactMap(\.station)).subtracting(reporting)
        let rosterStations = Set(roster.map(\.station))
        let dated = members.flatMap(\.record.steps).filter { $0.done && $0.onTime != nil }
        return OfficeSummaryRow(
            base: base,
            rosterStations: hasRoster ? rosterStations.count : nil,
            rejectedOpen: openStations.count,
            missing: hasRoster ? rosterStations.subtracting(reporting).count : nil,
            reportingRate: hasRoster && !rosterStations.isEmpty
                ? Double(rosterStations.intersection(reporting).count) / Double(rosterStations.count) : (hasRoster ? 0 : nil),
            stepsOnTime: dated.filter { $0.onTime == true }.count,
            stepsDated: dated.count)
    }
}
