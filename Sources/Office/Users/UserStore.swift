import Foundation
import GRDB
import HummingbirdBcrypt
import Inbox

/// One user of the office pages, as `users list` shows it (never its hash).
public struct UserAccount: Sendable, Equatable {
    public var name: String
    public var role: Role
    public var bureau: String?
    public var createdAt: Date
    /// When it was removed; a removed user keeps its row, so the audit's names stay meaningful.
    public var removedAt: Date?

    /// The signed-in form of this account.
    public var officeUser: OfficeUser { OfficeUser(name: name, role: role, bureau: bureau) }
}

/// The users of the office pages and their sessions, kept in the state's ledger (the
/// `users`, `sessions` and `login_failures` tables of its v2 migration).
///
/// Why one store for both the CLI and the web: an admin adds users on the machine
/// (`pipeline users add`), the web logs them in, and both must apply the same rules — the
/// name's shape, the password's length, bcrypt's cost, the lock-out, what is audited.
///
/// Every change is written with its `AuditLog` line in one transaction. Nothing is deleted
/// from `users`: a removed user keeps its row with `removed_at`, and its sessions end at once.
/// Passwords are hashed with bcrypt (`cost`, 12 unless a test asks for less); neither a
/// password nor a hash is ever logged, audited or returned.
public struct UserStore: Sendable {
    public let ledger: Ledger
    /// bcrypt's cost (log2 of its rounds) for new hashes; a hash keeps the cost it was made with.
    let cost: UInt8

    public init(ledger: Ledger) {
        self.init(ledger: ledger, cost: 12)
    }

    /// A store whose new hashes use `cost` (4–31): tests use 4, so they do not spend a
    /// quarter of a second on each hash.
    package init(ledger: Ledger, cost: UInt8) {
        self.ledger = ledger
        self.cost = cost
    }

    // MARK: the users

    /// Adds a user.
    /// - Throws: `UserError` for a bad name, password or bureau, or a name taken; nothing is
    ///   stored then.
    @discardableResult
    public func add(name: String, role: Role, bureau: String?, password: String, by actor: String,
                    now: Date = Date()) throws -> UserAccount {
        let name = try UserInput.name(name)
        let bureau = try UserInput.bureau(bureau, for: role)
        try UserInput.password(password)
        let hash = Bcrypt.hash(password, cost: cost)
        return try ledger.database.write { db in
            if try Self.exists(name, in: db) { throw UserError.nameTaken(name) }
            try db.execute(sql: """
                INSERT INTO users (name, role, bureau, password_hash, created_at) VALUES (?, ?, ?, ?, ?)
                """, arguments: [name, role.rawValue, bureau, hash, Ledger.timestamp(now)])
            try AuditLog.append(db, actor: actor, action: "user.add",
                                detail: "\(name) role=\(role.rawValue)" + (bureau.map { " bureau=\($0)" } ?? ""), at: now)
            return UserAccount(name: name, role: role, bureau: bureau, createdAt: now, removedAt: nil)
        }
    }

    /// Every user, removed ones too, by name.
    public func list() throws -> [UserAccount] {
        try ledger.database.read { db in
            try Row.fetchAll(db, sql: "SELECT name, role, bureau, created_at, removed_at FROM users ORDER BY name")
                .map(Self.account)
        }
    }

    /// The user of this name, removed or not.
    public func account(named name: String) throws -> UserAccount? {
        guard UserInput.isValidName(name) else { return nil }
        return try ledger.database.read { db in
            try Row.fetchOne(db, sql: "SELECT name, role, bureau, created_at, removed_at FROM users WHERE name = ?",
                             arguments: [name.lowercased()]).map(Self.account)
        }
    }

    /// Gives a user a new password. Its sessions end: whoever knew the old one is signed out.
    /// - Throws: `UserError.unknownUser` for no such (or a removed) user, or a bad password.
    public func setPassword(name: String, password: String, by actor: String, now: Date = Date()) throws {
        let name = try UserInput.name(name)
        try UserInput.password(password)
        let hash = Bcrypt.hash(password, cost: cost)
        try ledger.database.write { db in
            guard let id = try Self.activeID(name, in: db) else { throw UserError.unknownUser(name) }
            try db.execute(sql: "UPDATE users SET password_hash = ? WHERE id = ?", arguments: [hash, id])
            try db.execute(sql: "DELETE FROM sessions WHERE user_id = ?", arguments: [id])
            try AuditLog.append(db, actor: actor, action: "user.passwd", detail: name, at: now)
        }
    }

    /// Removes a user: `removed_at` is set (the row stays) and its sessions end at once.
    /// - Throws: `UserError.unknownUser` for no such (or an already removed) user.
    public func remove(name: String, by actor: String, now: Date = Date()) throws {
        let name = try UserInput.name(name)
        try ledger.database.write { db in
            guard let id = try Self.activeID(name, in: db) else { throw UserError.unknownUser(name) }
            try db.execute(sql: "UPDATE users SET removed_at = ? WHERE id = ?", arguments: [Ledger.timestamp(now), id])
            try db.execute(sql: "DELETE FROM sessions WHERE user_id = ?", arguments: [id])
            try AuditLog.append(db, actor: actor, action: "user.remove", detail: name, at: now)
        }
    }

    // MARK: rows

    static func exists(_ name: String, in db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM users WHERE name = ?)", arguments: [name]) ?? false
    }

    /// The id of the user of this name that is not removed.
    static func activeID(_ name: String, in db: Database) throws -> Int64? {
        try Int64.fetchOne(db, sql: "SELECT id FROM users WHERE name = ? AND removed_at IS NULL", arguments: [name])
    }

    static func account(_ row: Row) -> UserAccount {
        UserAccount(name: row["name"], role: Role(rawValue: row["role"]) ?? .bureau, bureau: row["bureau"],
                    createdAt: Ledger.date(row["created_at"]) ?? Date(timeIntervalSince1970: 0),
                    removedAt: Ledger.date(row["removed_at"]))
    }
}
