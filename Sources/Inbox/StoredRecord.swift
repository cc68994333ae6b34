import GRDB
import Validate

/// One accepted record, current or superseded, read back from the ledger.
public struct StoredRecord: Sendable, Equatable {
    public var id: Int64
    public var submissionID: Int64
    /// The record object of `docs/forms.md`, as the form's check built it.
    public var record: Validate.Record
    /// The later record that replaced it, if any.
    public var supersededBy: Int64?

    public var current: Bool { supersededBy == nil }
    public var key: ReportKey { ReportKey(record) }
    /// The record's line, as `records.jsonl` holds it: `Record.jsonLine()`.
    public var json: String { record.jsonLine() }
}

/// A row of the ledger's `records` whose record object cannot be read back (a damaged or
/// hand-edited ledger).
public struct UnreadableStoredRecord: Error, CustomStringConvertible {
    /// The row's id in `records`.
    public let recordID: Int64
    public let reason: RecordReadingError

    public var description: String {
        "สมุดบันทึก: อ่านรายงานแถวที่ \(recordID) ไม่ได้ / the ledger's record \(recordID) cannot be read: \(reason.problem)"
    }
}

extension Ledger {
    /// Accepted records, oldest first: the current one per key, or with `history` every one.
    /// Throws `UnreadableStoredRecord` for a row whose record object cannot be read back.
    public func records(history: Bool = false) throws -> [StoredRecord] {
        try records(where: history ? "" : "WHERE current")
    }

    /// The record an accepted submission stored, current or superseded.
    public func record(submissionID: Int64) throws -> StoredRecord? {
        try records(where: "WHERE submission_id = ?", arguments: [submissionID]).first
    }

    private func records(where whereClause: String, arguments: StatementArguments = []) throws -> [StoredRecord] {
        let rows = try lookUp { db in
            try Row.fetchAll(db.cachedStatement(sql: """
                SELECT id, submission_id, record_json, superseded_by FROM records \(whereClause) ORDER BY id
                """), arguments: arguments)
        }
        return try rows.map { row in
            let id: Int64 = row["id"]
            let record: Validate.Record
            do throws(RecordReadingError) {
                record = try Validate.Record(jsonLine: row["record_json"])
            } catch {
                throw UnreadableStoredRecord(recordID: id, reason: error)
            }
            return StoredRecord(id: id, submissionID: row["submission_id"], record: record, supersededBy: row["superseded_by"])
        }
    }

    /// Every accepted record's stored line, oldest first: exactly what `Record.jsonLine()`
    /// wrote at each acceptance, so what `records.jsonl` must hold.
    func recordLines() throws -> [String] {
        try lookUp { db in
            try String.fetchAll(db.cachedStatement(sql: "SELECT record_json FROM records ORDER BY id"))
        }
    }
}
