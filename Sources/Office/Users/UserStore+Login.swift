import Foundation
import GRDB
import HummingbirdBcrypt
import Inbox

/// What became of one login.
public enum LoginResult: Sendable, Equatable {
    case success(OfficeUser)
    /// The name or the password was wrong: it never says which, so a login does not tell
    /// whether a name exists.
    case failed
    /// Too many failures for this name: refused, even with the right password, for this many
    /// more minutes (rounded up).
    case locked(minutes: Int)
}

/// The lock-out: `failures` failed logins for one name within `window` lock the name for
/// `lockTime` from the failure that made it so. Attempts while locked are refused unchecked
/// and not counted, so the lock ends when it says it will; a successful login clears the
/// name's count.
public enum LoginLock {
    public static let failures = 5
    public static let window: TimeInterval = 15 * 60
    public static let lockTime: TimeInterval = 15 * 60

    /// When the lock on a name ends, from its failures (oldest first), or nil if unlocked.
    static func lockedUntil(_ failureTimes: [Date], now: Date) -> Date? {
        guard failureTimes.count >= failures else { return nil }
        var until: Date?
        for index in (failures - 1)..<failureTimes.count
        where failureTimes[index].timeIntervalSince(failureTimes[index - failures + 1]) <= window {
            let end = failureTimes[index].addingTimeInterval(lockTime)
            if end > now, until.map({ end > $0 }) ?? true { until = end }
        }
        return until
    }

    /// Whole minutes left until `until`, at least 1.
    static func minutesLeft(until: Date, now: Date) -> Int {
        max(1, Int((until.timeIntervalSince(now) / 60).rounded(.up)))
    }
}

extension UserStore {
    /// Checks a name and a password.
    ///
    /// The password is compared with bcrypt outside any transaction (it takes a quarter of a
    /// second at cost 12); an unknown name is compared against a stand-in hash, so it takes
    /// as long as a known one. A password longer than bcrypt reads cannot be right (none is
    /// ever set) and is failed without hashing. Every outcome is audited: `login`,
    /// `login.failed` (with why: an unknown name or a wrong password), `login.locked`. The
    /// name is audited only when it is a user's: a name that is no user may be a password
    /// typed into the wrong field, so it is audited as `?` (the lock-out still counts it, in
    /// `login_failures`). The password never.
    ///
    /// Slow (bcrypt): call it off the server's event loops.
    public func login(name typed: String, password: String, address: String?, now: Date = Date()) throws -> LoginResult {
        let valid = UserInput.isValidName(typed)
        let name = valid ? typed.lowercased() : ""
        let from = "from \(address ?? "?")"
        // The lock and the hash, read together.
        let (until, stored) = try ledger.database.read { db -> (Date?, (id: Int64, account: UserAccount, hash: String)?) in
            let until = LoginLock.lockedUntil(try Self.recentFailures(name, now: now, in: db), now: now)
            let row = try Row.fetchOne(db, sql: """
                SELECT id, name, role, bureau, created_at, removed_at, password_hash FROM users
                WHERE name = ? AND removed_at IS NULL
                """, arguments: [name])
            return (until, row.map { (id: $0["id"], account: Self.account($0), hash: $0["password_hash"]) })
        }
        let actor = stored == nil ? "?" : name
        if let until {
            let minutes = LoginLock.minutesLeft(until: until, now: now)
            try ledger.database.write { db in
                try AuditLog.append(db, actor: actor, action: "login.locked",
                                    detail: "\(from); \(minutes) min left", at: now)
            }
            return .locked(minutes: minutes)
        }
        let fits = password.utf8.count <= UserInput.maximumPasswordBytes && !password.utf8.contains(0)
        let matches = fits && Bcrypt.verify(password, hash: stored?.hash ?? absentUserHash)
        if let stored, matches {
            try ledger.database.write { db in
                try db.execute(sql: "DELETE FROM login_failures WHERE name = ?", arguments: [name])
                try AuditLog.append(db, actor: name, action: "login", detail: from, at: now)
            }
            return .success(stored.account.officeUser)
        }
        return try ledger.database.write { db in
            try db.execute(sql: "INSERT INTO login_failures (name, at, address) VALUES (?, ?, ?)",
                           arguments: [name, Ledger.timestamp(now), address])
            try AuditLog.append(db, actor: actor, action: "login.failed",
                                detail: "\(from); " + (stored == nil ? (valid ? "unknown name" : "not a name") : "wrong password"),
                                at: now)
            guard let until = LoginLock.lockedUntil(try Self.recentFailures(name, now: now, in: db), now: now) else {
                return .failed
            }
            let minutes = LoginLock.minutesLeft(until: until, now: now)
            try AuditLog.append(db, actor: actor, action: "login.locked",
                                detail: "\(from); \(LoginLock.failures) failures, locked for \(minutes) min", at: now)
            return .locked(minutes: minutes)
        }
    }

    /// The name's failures that can still bear on a lock (the last window and lock time),
    /// oldest first. Names that are not names share the key "": they are all wrong.
    static func recentFailures(_ name: String, now: Date, in db: Database) throws -> [Date] {
        let since = Ledger.timestamp(now.addingTimeInterval(-(LoginLock.window + LoginLock.lockTime)))
        return try String.fetchAll(db, sql: "SELECT at FROM login_failures WHERE name = ? AND at > ? ORDER BY at",
                                   arguments: [name, since]).compactMap(Ledger.date)
    }

    /// What an unknown name's password is compared against, at this store's cost, so that
    /// the answer takes as long as for a known name.
    var absentUserHash: String {
        cost == 12 ? Self.absentUserHash12 : Bcrypt.hash(SessionToken.random(), cost: cost)
    }

    /// Made once per process, from a random text nobody knows.
    private static let absentUserHash12 = Bcrypt.hash(SessionToken.random(), cost: 12)
}
