import Foundation
import GRDB
import Inbox
import Ingest
import Validate

/// The receiving office's work over one state's ledger: the rejection log and its
/// follow-up, the roster, who has not reported, the summary and the records. Every read
/// takes the reader's `BureauScope` and every change the user who makes it, so the CLI and
/// the web answer the same questions the same way, and no route can forget the scope.
public struct OfficeDesk: Sendable {
    public let ledger: Ledger
    let validator: Validator

    public init(ledger: Ledger, ruleBook: RuleBook) {
        self.ledger = ledger
        self.validator = Validator(ruleBook: ruleBook)
    }

    // MARK: settings

    /// The receiving office's contact, printed on every notice; `nil` or blank clears it.
    public func setOfficeContact(_ text: String?, by user: OfficeUser) throws {
        let value = text.map { ThaiText.normalize($0).trimmingCharacters(in: .whitespacesAndNewlines) } ?? ""
        try ledger.database.write { db in
            let old = try String.fetchOne(db, sql: "SELECT value FROM settings WHERE key = 'office_contact'")
            guard old != (value.isEmpty ? nil : value) else { return }
            if value.isEmpty {
                try db.execute(sql: "DELETE FROM settings WHERE key = 'office_contact'")
            } else {
                try db.execute(sql: "INSERT OR REPLACE INTO settings (key, value) VALUES ('office_contact', ?)", arguments: [value])
            }
            try AuditLog.append(db, actor: user.name, action: "setting",
                                detail: "office_contact: \(old ?? "(none)") → \(value.isEmpty ? "(none)" : value)")
        }
    }

    // MARK: roster

    /// Replaces the roster with the rows of a roster file, or changes nothing and throws a
    /// `RosterImportError` listing every bad row. Returns the stations imported. Only an
    /// `admin` (the CLI is one) may: anyone else gets `RosterImportError.adminOnly`.
    @discardableResult
    public func importRoster(_ data: Data, file: String, by user: OfficeUser) throws -> [StationRoster.Entry] {
        guard user.role == .admin else { throw RosterImportError.adminOnly(file: file) }
        let entries = try RosterImport(validator: validator).read(data, file: file).get()
        try ledger.database.write { db in
            try db.execute(sql: "DELETE FROM roster")
            for entry in entries {
                try db.execute(sql: "INSERT INTO roster (station, bureau, province, phone, line) VALUES (?, ?, ?, ?, ?)",
                               arguments: [entry.station, entry.bureau, entry.province, entry.phone, entry.line])
            }
            let bureaus = Dictionary(grouping: entries, by: \.bureau).map { "\($0.key) \($0.value.count)" }.sorted()
            try AuditLog.append(db, actor: user.name, action: "roster.import",
                                detail: "\(entries.count) stations from \(file) (\(bureaus.joined(separator: ", ")))")
        }
        return entries
    }

    /// The roster within `scope` (and `bureau`, if given), bureau by bureau.
    public func roster(scope: BureauScope, bureau: String? = nil) throws -> [StationRoster.Entry] {
        try ledger.roster().entries
            .filter { scope.contains($0.bureau) && (bureau == nil || $0.bureau == bureau) }
            .sorted { ($0.bureau, $0.station) < ($1.bureau, $1.station) }
            .sorted { Ledger.bureauOrder($0.bureau) < Ledger.bureauOrder($1.bureau) }
    }

    /// The roster's phone of each station within `scope` that has one: whom to call when a
    /// rejected file gave no phone.
    public func rosterPhones(scope: BureauScope) throws -> [String: String] {
        Dictionary(try roster(scope: scope).compactMap { entry in entry.phone.map { (entry.station, $0) } },
                   uniquingKeysWith: { first, _ in first })
    }

    // MARK: records

    /// The records within `scope`: the current ones, or the whole history.
    public func records(scope: BureauScope, history: Bool = false) throws -> [StoredRecord] {
        try ledger.records(history: history).filter { scope.contains($0.record.bureau) }
    }
}
