import Foundation
import GRDB
import Inbox
import Validate

/// A roster station with no current accepted record for a round (`pipeline missing`).
public struct MissingStation: Sendable, Equatable {
    public var station: String
    public var bureau: String
    public var province: String
    /// The roster's phone, else the latest rejection's.
    public var phone: String?
    /// Its latest rejection still followed up for the round, if any: the rules, when, and
    /// where its follow-up stands.
    public var rejectionID: Int64?
    public var rules: [String]
    public var rejectedAt: Date?
    public var status: RejectionStatus?
}

extension OfficeDesk {
    /// Each roster station within `scope` (and `bureau`) with no current accepted record for
    /// the fiscal year and round, bureau by bureau, with its latest open or contacted
    /// rejection for that round (one whose year or round the file did not say counts too:
    /// it may be this round's) — when that rejection is within `scope` as well.
    public func missing(fiscalYear: Int, round: Int, bureau: String? = nil, scope: BureauScope) throws -> [MissingStation] {
        let stations = try roster(scope: scope, bureau: bureau)
        let reported = Set(try ledger.records(history: false)
            .filter { $0.record.fiscalYear == fiscalYear && $0.record.round == round }
            .map { "\($0.record.bureau)|\($0.record.station)" })
        let open = try ledger.rejections(Ledger.RejectionFilter(status: nil))
            .filter { $0.status != .resolved && ($0.fiscalYear ?? fiscalYear) == fiscalYear && ($0.round ?? round) == round }
            // A form filed under another bureau than the roster's stays that bureau's row.
            .filter { scope.contains($0.bureau) }
        var latest: [String: Rejection] = [:]
        for rejection in open {
            guard let station = rejection.station else { continue }
            latest[station] = rejection
        }
        return stations.filter { !reported.contains("\($0.bureau)|\($0.station)") }.map { entry in
            let rejection = latest[entry.station]
            return MissingStation(station: entry.station, bureau: entry.bureau, province: entry.province,
                                  phone: entry.phone ?? rejection?.phone, rejectionID: rejection?.id,
                                  rules: rejection?.rules ?? [], rejectedAt: rejection?.receivedAt, status: rejection?.status)
        }
    }
}
