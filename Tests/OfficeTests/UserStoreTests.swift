import Foundation
import GRDB
import Inbox
import Testing
import TestSupport
@testable import Office

/// A ledger in a temporary folder and a user store over it (bcrypt at cost 4, so a test does
/// not spend a quarter of a second per hash; the cost of real hashes is checked once).
struct UserStoreFixture {
    let folder: TemporaryFolder
    let ledger: Ledger
    let store: UserStore

    init() throws {
        folder = try TemporaryFolder(prefix: "pipeline-users")
        ledger = try Ledger(path: folder.path + "/ledger.sqlite")
        store = UserStore(ledger: ledger, cost: 4)
    }

    /// Every row of the audit table as one text, for looking for what must not be there.
    func auditText() throws -> String {
        try AuditLog.entries(ledger).map { "\($0.actor) \($0.action) \($0.detail)" }.joined(separator: "\n")
    }

    func sessionCount() throws -> Int {
        try ledger.database.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM sessions") ?? 0 }
    }
}

@Suite("users: add, list, passwd, remove")
struct UserStoreTests {
    let admin = "cli:root"
    let start = Date(timeIntervalSince1970: 1_700_000_000)

    @Test("add, list, passwd, remove: the row stays with removed_at, every change audited")
    func lifecycle() throws {
        let fixture = try UserStoreFixture()
        let store = fixture.store
        try store.add(name: "Somchai", role: .bureau, bureau: "ภ.๕", password: "correct horse", by: admin, now: start)
        try store.add(name: "hq1", role: .hq, bureau: nil, password: "another one", by: admin, now: start)
        let listed = try store.list()
        #expect(listed.map(\.name) == ["hq1", "somchai"])
        #expect(listed[1].role == .bureau && listed[1].bureau == "ภ.5" && listed[1].createdAt == start)
        #expect(listed.allSatisfy { $0.removedAt == nil })

        try store.setPassword(name: "somchai", password: "new password", by: admin)
        #expect(try store.login(name: "somchai", password: "correct horse", address: nil) == .failed)
        #expect(try store.login(name: "SOMCHAI", password: "new password", address: nil)
            == .success(OfficeUser(name: "somchai", role: .bureau, bureau: "ภ.5")))

        try store.remove(name: "somchai", by: admin, now: start.addingTimeInterval(60))
        let after = try store.list()
        #expect(after.count == 2)
        #expect(after[1].removedAt == start.addingTimeInterval(60))
        #expect(try store.login(name: "somchai", password: "new password", address: nil) == .failed)
        #expect(throws: UserError.unknownUser("somchai")) { try store.remove(name: "somchai", by: admin) }
        #expect(throws: UserError.nameTaken("somchai")) {
            try store.add(name: "somchai", role: .hq, bureau: nil, password: "whatever1", by: admin)
        }

        let actions = try AuditLog.entries(fixture.ledger).map(\.action)
        #expect(actions == ["user.add", "user.add", "user.passwd", "login.failed", "login", "user.remove", "login.failed"])
        let added = try AuditLog.entries(fixture.ledger)[0]
        #expect(added.actor == admin && added.detail == "somchai role=bureau bureau=ภ.5")
    }

    @Test("names that cannot be a user", arguments: ["", "สมชาย", "a b", "a/b", "<script>", "x';DROP TABLE users;--",
                                                      String(repeating: "a", count: 65), "tab\there"])
    func badNames(name: String) throws {
        let fixture = try UserStoreFixture()
        #expect(throws: UserError.badName(name)) {
            try fixture.store.add(name: name, role: .hq, bureau: nil, password: "long enough", by: admin)
        }
        #expect(try fixture.store.list().isEmpty)
        #expect(try AuditLog.entries(fixture.ledger).isEmpty)
    }

    @Test("names that can", arguments: ["a", "somchai.k", "user_1", "bureau-5", String(repeating: "z", count: 64)])
    func goodNames(name: String) throws {
        let fixture = try UserStoreFixture()
        try fixture.store.add(name: name, role: .admin, bureau: nil, password: "long enough", by: admin)
        #expect(try fixture.store.list().map(\.name) == [name.lowercased()])
    }

    @Test("passwords: 8–72 bytes, no control characters; a 50 KB one refused before hashing, with a Thai and English message")
    func passwordLimits() throws {
        let fixture = try UserStoreFixture()
        let store = fixture.store
        let huge = String(repeating: "x", count: 50 * 1024)
        let clock = ContinuousClock()
        let took = clock.measure {
            #expect(throws: UserError.passwordTooLong(bytes: 50 * 1024)) {
                try UserStore(ledger: fixture.ledger).add(name: "big", role: .hq, bureau: nil, password: huge, by: admin)
            }
        }
        #expect(took < .milliseconds(100), "refused before a cost-12 hash")
        let message = UserError.passwordTooLong(bytes: 51200).description
        #expect(message.contains("รหัสผ่านยาวเกินไป") && message.contains(" / the password is too long (51200 bytes)"))
        #expect(message.hasPrefix("รหัสผ่าน"), "Thai first")
        #expect(throws: UserError.passwordTooShort) {
            try store.add(name: "short", role: .hq, bureau: nil, password: "1234567", by: admin)
        }
        #expect(throws: UserError.passwordTooLong(bytes: 73)) {
            try store.add(name: "long", role: .hq, bureau: nil, password: String(repeating: "a", count: 73), by: admin)
        }
        // 24 Thai letters are 72 bytes: taken; 25 are 75: refused.
        try store.add(name: "thai", role: .hq, bureau: nil, password: String(repeating: "ก", count: 24), by: admin)
        #expect(throws: UserError.passwordTooLong(bytes: 75)) {
            try store.setPassword(name: "thai", password: String(repeating: "ก", count: 25), by: admin)
        }
        #expect(throws: UserError.passwordControlCharacter) {
            try store.add(name: "nul", role: .hq, bureau: nil, password: "abcd\u{0}efgh", by: admin)
        }
        #expect(try store.list().map(\.name) == ["thai"])
    }

    @Test("a login with more than bcrypt reads never matches the first 72 bytes")
    func loginBeyondSeventyTwoBytes() throws {
        let fixture = try UserStoreFixture()
        let password = String(repeating: "p", count: 72)
        try fixture.store.add(name: "u", role: .hq, bureau: nil, password: password, by: admin)
        #expect(try fixture.store.login(name: "u", password: password + "extra", address: nil) == .failed)
        #expect(try fixture.store.login(name: "u", password: password, address: nil) == .success(OfficeUser(name: "u", role: .hq)))
    }

    @Test("bureau rules", arguments: [
        (Role.bureau, "ภ.1", "ภ.1"), (.bureau, "ภ.๙", "ภ.9"), (.bureau, " บช.น. ", "บช.น."),
    ])
    func bureauAccepted(role: Role, given: String, stored: String) throws {
        let fixture = try UserStoreFixture()
        let account = try fixture.store.add(name: "b", role: role, bureau: given, password: "long enough", by: admin)
        #expect(account.bureau == stored)
        #expect(account.officeUser.scope == .bureau(stored))
    }

    @Test("bureau refused", arguments: [
        (Role.bureau, nil as String?, UserError.bureauMissing), (.bureau, "ภ.10", .unknownBureau("ภ.10")),
        (.bureau, "ภ.0", .unknownBureau("ภ.0")), (.bureau, "ภาค 5", .unknownBureau("ภาค 5")),
        (.hq, "ภ.5", .bureauNotAllowed(role: .hq)), (.admin, "บช.น.", .bureauNotAllowed(role: .admin)),
    ])
    func bureauRefused(role: Role, given: String?, error: UserError) throws {
        let fixture = try UserStoreFixture()
        #expect(throws: error) {
            try fixture.store.add(name: "b", role: role, bureau: given, password: "long enough", by: admin)
        }
        #expect(error.description.contains(" / "))
    }

    @Test("the real cost: a cost-12 bcrypt hash, never the password, in the users table")
    func realCost() throws {
        let fixture = try UserStoreFixture()
        try UserStore(ledger: fixture.ledger).add(name: "real", role: .hq, bureau: nil, password: "s3cret-pass", by: admin)
        let hash = try fixture.ledger.database.read { try String.fetchOne($0, sql: "SELECT password_hash FROM users") } ?? ""
        #expect(hash.hasPrefix("$2b$12$") || hash.hasPrefix("$2a$12$") || hash.hasPrefix("$2y$12$"), "\(hash.prefix(7))")
        #expect(!hash.contains("s3cret-pass"))
    }
}

@Suite("users: logins and the lock-out")
struct LoginLockTests {
    let start = Date(timeIntervalSince1970: 1_700_000_000)

    @Test("five failures within 15 minutes lock the name for 15 minutes, even with the right password; then it opens")
    func lockOut() throws {
        let fixture = try UserStoreFixture()
        let store = fixture.store
        try store.add(name: "somchai", role: .hq, bureau: nil, password: "right password", by: "cli:root")
        for minute in 0..<4 {
            #expect(try store.login(name: "somchai", password: "wrong \(minute)", address: "10.0.0.9",
                                    now: start.addingTimeInterval(Double(minute) * 60)) == .failed)
        }
        // The fifth, at minute 4: locked from now for 15 minutes.
        #expect(try store.login(name: "somchai", password: "wrong 5", address: "10.0.0.9",
                                now: start.addingTimeInterval(240)) == .locked(minutes: 15))
        #expect(try store.login(name: "somchai", password: "right password", address: "10.0.0.9",
                                now: start.addingTimeInterval(300)) == .locked(minutes: 14))
        #expect(try store.login(name: "Somchai", password: "right password", address: "10.0.0.8",
                                now: start.addingTimeInterval(240 + 14 * 60 + 30)) == .locked(minutes: 1))
        // 15 minutes after the fifth failure: open.
        #expect(try store.login(name: "somchai", password: "right password", address: "10.0.0.9",
                                now: start.addingTimeInterval(240 + 15 * 60 + 1)) == .success(OfficeUser(name: "somchai", role: .hq)))
        let actions = try AuditLog.entries(fixture.ledger).map(\.action)
        #expect(actions.filter { $0 == "login.failed" }.count == 5)
        #expect(actions.filter { $0 == "login.locked" }.count == 3)
        #expect(actions.last == "login")
        #expect(try fixture.auditText().contains("from 10.0.0.9"))
    }

    @Test("failures spread over more than 15 minutes do not lock; a success clears the count")
    func noLockWhenSpread() throws {
        let fixture = try UserStoreFixture()
        let store = fixture.store
        try store.add(name: "u", role: .hq, bureau: nil, password: "right password", by: "cli:root")
        for minute in stride(from: 0, to: 40, by: 5) {
            #expect(try store.login(name: "u", password: "nope", address: nil, now: start.addingTimeInterval(Double(minute) * 60)) == .failed)
        }
        let fixture2 = try UserStoreFixture()
        try fixture2.store.add(name: "u", role: .hq, bureau: nil, password: "right password", by: "cli:root")
        for minute in 0..<4 { _ = try fixture2.store.login(name: "u", password: "nope", address: nil, now: start.addingTimeInterval(Double(minute))) }
        #expect(try fixture2.store.login(name: "u", password: "right password", address: nil, now: start.addingTimeInterval(5)) == .success(OfficeUser(name: "u", role: .hq)))
        #expect(try fixture2.store.login(name: "u", password: "nope", address: nil, now: start.addingTimeInterval(6)) == .failed)
    }

    @Test("an unknown name is failed like a wrong password, and locks the same way")
    func unknownName() throws {
        let fixture = try UserStoreFixture()
        for second in 0..<4 {
            #expect(try fixture.store.login(name: "ghost", password: "whatever", address: nil, now: start.addingTimeInterval(Double(second))) == .failed)
        }
        #expect(try fixture.store.login(name: "ghost", password: "whatever", address: nil, now: start.addingTimeInterval(5)) == .locked(minutes: 15))
        let audit = try fixture.auditText()
        #expect(audit.contains("? login.failed from ?; unknown name"))
        #expect(!audit.contains("ghost"), "a name that is no user may be a password typed in the wrong field")
    }

    @Test("the lock's arithmetic", arguments: [
        ([0, 1, 2, 3, 4], 10.0, 904.0 - 10), ([0, 1, 2, 3], 10, nil), ([0, 300, 600, 900, 1200], 1200, nil),
        ([0, 100, 200, 300, 900], 1000, 1800 - 1000),
    ] as [([Double], Double, Double?)])
    func lockArithmetic(failures: [Double], now: Double, left: Double?) {
        let until = LoginLock.lockedUntil(failures.map { start.addingTimeInterval($0) }, now: start.addingTimeInterval(now))
        #expect(until.map { $0.timeIntervalSince(start.addingTimeInterval(now)) } == left)
    }
}

@Suite("users: sessions")
struct UserSessionTests {
    let start = Date(timeIntervalSince1970: 1_700_000_000)

    @Test("a session: only the token's SHA-256 kept; 8 hours idle ends it; last_seen written at most once a minute")
    func idleExpiry() throws {
        let fixture = try UserStoreFixture()
        let store = fixture.store
        try store.add(name: "u", role: .bureau, bureau: "ภ.2", password: "right password", by: "cli:root")
        let user = OfficeUser(name: "u", role: .bureau, bureau: "ภ.2")
        let (token, csrf) = try store.startSession(for: user, now: start)
        #expect(token.count == 32 && csrf.count == 32 && token != csrf)
        let stored = try fixture.ledger.database.read { try String.fetchOne($0, sql: "SELECT token_sha256 FROM sessions") }
        #expect(stored == SessionToken.digest(token) && stored != token && stored?.count == 64)

        func lastSeen() throws -> Date? {
            try fixture.ledger.database.read { Ledger.date(try String.fetchOne($0, sql: "SELECT last_seen FROM sessions")) }
        }
        #expect(try store.session(token: token, now: start.addingTimeInterval(30)) == UserSession(user: user, csrf: csrf))
        #expect(try lastSeen() == start, "not written within the minute")
        #expect(try store.session(token: token, now: start.addingTimeInterval(7 * 3600)) != nil)
        #expect(try lastSeen() == start.addingTimeInterval(7 * 3600))
        // 8 hours after the last use, still one second to go; then gone.
        #expect(try store.session(token: token, now: start.addingTimeInterval(15 * 3600)) != nil)
        #expect(try store.session(token: token, now: start.addingTimeInterval(23 * 3600 + 1)) == nil)
        #expect(try fixture.sessionCount() == 0)
    }

    @Test("forged or malformed tokens are no session", arguments: ["", "x", String(repeating: "0", count: 32),
                                                                     String(repeating: "A", count: 32), "' OR 1=1 --"])
    func forged(token: String) throws {
        let fixture = try UserStoreFixture()
        try fixture.store.add(name: "u", role: .hq, bureau: nil, password: "right password", by: "cli:root")
        _ = try fixture.store.startSession(for: OfficeUser(name: "u", role: .hq))
        #expect(try fixture.store.session(token: token) == nil)
    }

    @Test("a removed user's sessions end at once; a new password ends them too; logout ends one")
    func endings() throws {
        let fixture = try UserStoreFixture()
        let store = fixture.store
        try store.add(name: "a", role: .hq, bureau: nil, password: "right password", by: "cli:root")
        try store.add(name: "b", role: .admin, bureau: nil, password: "right password", by: "cli:root")
        let a = try store.startSession(for: OfficeUser(name: "a", role: .hq))
        let b1 = try store.startSession(for: OfficeUser(name: "b", role: .admin))
        let b2 = try store.startSession(for: OfficeUser(name: "b", role: .admin))
        try store.remove(name: "a", by: "cli:root")
        #expect(try store.session(token: a.token) == nil)
        #expect(try store.session(token: b1.token) != nil)
        try store.endSession(token: b1.token)
        #expect(try store.session(token: b1.token) == nil)
        #expect(try store.session(token: b2.token) != nil)
        try store.setPassword(name: "b", password: "newer password", by: "cli:root")
        #expect(try store.session(token: b2.token) == nil)
        #expect(try fixture.sessionCount() == 0)
        #expect(throws: UserError.unknownUser("a")) { try store.startSession(for: OfficeUser(name: "a", role: .hq)) }
        #expect(try AuditLog.entries(fixture.ledger).map(\.action).contains("logout"))
    }

    @Test("neither a password nor its hash is ever in the audit table")
    func auditHoldsNoSecret() throws {
        let fixture = try UserStoreFixture()
        let store = fixture.store
        let passwords = ["first-secret-1", "second-secret-2", "wrong-secret-3"]
        try store.add(name: "u", role: .hq, bureau: nil, password: passwords[0], by: "cli:root")
        try store.setPassword(name: "u", password: passwords[1], by: "cli:root")
        _ = try store.login(name: "u", password: passwords[2], address: "10.1.1.1")
        _ = try store.login(name: "u", password: passwords[1], address: "10.1.1.1")
        _ = try store.login(name: passwords[2], password: passwords[1], address: nil)
        try store.remove(name: "u", by: "cli:root")
        let hash = try fixture.ledger.database.read { try String.fetchOne($0, sql: "SELECT password_hash FROM users") } ?? "?"
        let audit = try fixture.auditText()
        #expect(try AuditLog.entries(fixture.ledger).count == 6)
        for secret in passwords + [hash, String(hash.dropFirst(7))] {
            #expect(!audit.contains(secret))
        }
    }
}
