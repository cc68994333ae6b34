import Foundation
import GRDB
import Inbox

/// A signed-in browser: who, and the CSRF token bound to its session.
public struct UserSession: Sendable, Equatable {
    public var user: OfficeUser
    /// 32 hex digits, made with the session; for forms and API writes that want a token bound
    /// to the session rather than to the browser.
    public var csrf: String
}

/// Sessions last `idleLimit` without use; `last_seen` is written at most once per
/// `touchInterval`, so that every page does not write to the ledger.
public enum SessionPolicy {
    public static let idleLimit: TimeInterval = 8 * 3600
    public static let touchInterval: TimeInterval = 60
}

extension UserStore {
    /// Starts a session for a user who just logged in: a new random token (for the cookie)
    /// and CSRF token. Only the token's SHA-256 is stored.
    /// - Throws: `UserError.unknownUser` if the user is gone (removed meanwhile).
    public func startSession(for user: OfficeUser, now: Date = Date()) throws -> (token: String, csrf: String) {
        let token = SessionToken.random(), csrf = SessionToken.random()
        try ledger.database.write { db in
            guard let id = try Self.activeID(user.name, in: db) else { throw UserError.unknownUser(user.name) }
            try db.execute(sql: """
                INSERT INTO sessions (token_sha256, user_id, csrf, created_at, last_seen) VALUES (?, ?, ?, ?, ?)
                """, arguments: [SessionToken.digest(token), id, csrf, Ledger.timestamp(now), Ledger.timestamp(now)])
        }
        return (token, csrf)
    }

    /// The session of a cookie's token, or nil: not a token's shape, unknown, idle for more
    /// than 8 hours (then it ends), or its user removed. Marks it used, at most once a minute.
    public func session(token: String, now: Date = Date()) throws -> UserSession? {
        guard SessionToken.isWellFormed(token) else { return nil }
        let digest = SessionToken.digest(token)
        let found = try ledger.database.read { db in
            try Row.fetchOne(db, sql: """
                SELECT s.csrf, s.last_seen, u.name, u.role, u.bureau, u.created_at, u.removed_at
                FROM sessions s JOIN users u ON u.id = s.user_id
                WHERE s.token_sha256 = ? AND u.removed_at IS NULL
                """, arguments: [digest])
        }
        guard let found else { return nil }
        let lastSeen = Ledger.date(found["last_seen"]) ?? .distantPast
        let idle = now.timeIntervalSince(lastSeen)
        if idle > SessionPolicy.idleLimit {
            try ledger.database.write { db in
                try db.execute(sql: "DELETE FROM sessions WHERE token_sha256 = ?", arguments: [digest])
            }
            return nil
        }
        if idle >= SessionPolicy.touchInterval {
            try ledger.database.write { db in
                try db.execute(sql: "UPDATE sessions SET last_seen = ? WHERE token_sha256 = ?",
                               arguments: [Ledger.timestamp(now), digest])
            }
        }
        return UserSession(user: Self.account(found).officeUser, csrf: found["csrf"])
    }

    /// Ends a session (logout), audited as `logout`; an unknown token is nothing to end.
    public func endSession(token: String, now: Date = Date()) throws {
        guard SessionToken.isWellFormed(token) else { return }
        let digest = SessionToken.digest(token)
        try ledger.database.write { db in
            guard let name = try String.fetchOne(db, sql: """
                SELECT u.name FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_sha256 = ?
                """, arguments: [digest]) else { return }
            try db.execute(sql: "DELETE FROM sessions WHERE token_sha256 = ?", arguments: [digest])
            try AuditLog.append(db, actor: name, action: "logout", detail: "", at: now)
        }
    }
}
