import Foundation
import GRDB
import Inbox

/// One change a person made (a note, a status, a user, the roster), as the ledger keeps it.
public struct AuditEntry: Sendable, Equatable {
    public var id: Int64
    public var at: Date
    /// The user's name (`cli:NAME` for the CLI on the machine).
    public var actor: String
    /// What was done: `rejection.contacted`, `rejection.resolved`, `roster.import`,
    /// `user.add`, `user.passwd`, `user.remove`, `login`, `logout`, `setting`.
    public var action: String
    /// What it was done to, in words (never a password).
    public var detail: String
}

/// The audit trail: every change made by a person, CLI or web, with who and when. Rows are
/// only ever added.
public enum AuditLog {
    /// Adds an entry inside the caller's write transaction, so the change and its audit line
    /// are stored together or not at all.
    public static func append(_ db: Database, actor: String, action: String, detail: String, at: Date = Date()) throws {
        try db.execute(sql: "INSERT INTO audit (at, actor, action, detail) VALUES (?, ?, ?, ?)",
                       arguments: [Ledger.timestamp(at), actor, action, detail])
    }

    /// Every entry, oldest first.
    public static func entries(_ ledger: Ledger) throws -> [AuditEntry] {
        try ledger.database.read { db in
            try Row.fetchAll(db, sql: "SELECT id, at, actor, action, detail FROM audit ORDER BY id").map { row in
                AuditEntry(id: row["id"], at: Ledger.date(row["at"]) ?? Date(timeIntervalSince1970: 0),
                           actor: row["actor"], action: row["action"], detail: row["detail"])
            }
        }
    }
}
