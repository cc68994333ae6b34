import Foundation
import GRDB
import Ingest
import Validate
#if canImport(Glibc)
import Glibc
#endif

/// What became of one submission.
public enum Outcome: String, Sendable, Codable, CaseIterable {
    case accepted
    case rejected
    /// Byte-identical to an earlier submission: stored beside the original's outcome and not
    /// counted again.
    case duplicate
}

/// Where the follow-up of a rejection stands (docs/office.md#follow-up).
public enum RejectionStatus: String, Sendable, Codable, CaseIterable {
    /// Nobody has acted on it yet.
    case open
    /// An officer reached the station (the note says how and what was agreed).
    case contacted
    /// A form with the same key was accepted later, or an officer closed it with a note.
    case resolved
}

/// The key of a report (docs/inbox.md#outcomes-and-resubmissions): a later accepted form with the same key
/// supersedes the earlier one.
public struct ReportKey: Sendable, Hashable {
    public var fiscalYear: Int
    public var round: Int
    public var bureau: String
    public var station: String

    public init(fiscalYear: Int, round: Int, bureau: String, station: String) {
        self.fiscalYear = fiscalYear
        self.round = round
        self.bureau = bureau
        self.station = station
    }

    public init(_ record: Validate.Record) {
        self.init(fiscalYear: record.fiscalYear, round: record.round, bureau: record.bureau, station: record.station)
    }
}

/// One row of `submissions`: a file that came in, and what became of it.
public struct Submission: Sendable, Equatable {
    public var id: Int64
    /// The claim id: the prefix of the file's name in `work/` while it was processed.
    public var claimID: String
    /// The name it had in the inbox.
    public var fileName: String
    /// Its name in `accepted/` or `rejected/` (a clash got a unique suffix).
    public var storedName: String
    public var folder: StoredFolder
    /// Hex SHA-256 of the bytes; `nil` for an entry that is not a regular file (not read).
    public var sha256: String?
    public var size: Int64?
    public var receivedAt: Date
    public var outcome: Outcome
    /// For a duplicate: the submission it repeats.
    public var duplicateOf: Int64?
    public var format: FormFormat?
    public var encoding: TextEncoding?
    public var findings: [Finding]
    /// The key and contact, when the form could be read far enough.
    public var key: ReportKey?
    public var phone: String?
}

/// One row of the rejection log.
public struct Rejection: Sendable, Equatable {
    public var id: Int64
    public var submissionID: Int64
    public var receivedAt: Date
    public var fileName: String
    public var storedName: String
    public var station: String?
    public var bureau: String?
    public var province: String?
    public var fiscalYear: Int?
    public var round: Int?
    public var reporter: String?
    public var phone: String?
    /// False when the contact above was read from the file's plain text or raw fields of a
    /// form refused before it became a record (`Contact.verified`).
    public var contactVerified: Bool
    /// The error rules that rejected the form, in the order found, without repeats.
    public var rules: [String]
    public var status: RejectionStatus
    /// The submission whose acceptance resolved it (nil when resolved by hand).
    public var resolvedBy: Int64?
    public var resolvedAt: Date?
    /// The latest follow-up note, and who wrote it when.
    public var latestNote: String?
    public var latestNoteBy: String?
    public var latestNoteAt: Date?
}

/// What one commit adds to the ledger; built by the processor, applied in one transaction.
struct SubmissionDraft {
    var claimID: String
    var fileName: String
    var storedName: String
    var folder: StoredFolder
    var sha256: String?
    var size: Int64?
    var receivedAt: Date
    var outcome: Outcome
    var duplicateOf: Int64?
    var verdict: Verdict
}

/// What the commit step of one file needs from the ledger: the ledger itself (a transaction
/// of its own per file) or a `Ledger.Batch` (a savepoint in the batch's transaction).
protocol SubmissionStore {
    /// The first counted submission with these bytes, if any: the file is then a duplicate.
    func original(sha256: String) throws -> Submission?
    /// Whether a submission already keeps `name` in `folder`.
    func isNameTaken(_ name: String, in folder: StoredFolder) throws -> Bool
    /// Stores a submission and everything its outcome implies.
    @discardableResult
    func commit(_ draft: SubmissionDraft) throws -> Submission
}

/// The ledger cannot promise what the engine relies on: it is not opened at all.
public enum LedgerError: Error, CustomStringConvertible {
    /// SQLite did not take a setting a committed outcome's durability rests on.
    case notDurable(path: String, setting: String, value: String)

    public var description: String {
        switch self {
        case .notDurable(let path, let setting, let value):
            return "สมุดบันทึก \(path) ไม่ทนไฟดับ: PRAGMA \(setting) เป็น \(value) — ไม่เปิดใช้ "
                + "/ the ledger \(path) would not survive a power cut: PRAGMA \(setting) is \(value); not opened"
        }
    }
}

/// The SQLite ledger: every submission, every accepted record and its history, every
/// rejection and its follow-up. WAL journal, `synchronous=FULL`: a committed outcome
/// survives a power cut, which is what recovery relies on.
public final class Ledger: Sendable, SubmissionStore {
    package let database: DatabaseQueue

    /// Opens (creating and migrating) the ledger at `path`.
    ///
    /// The connection runs in WAL mode with `synchronous = FULL`: every commit syncs the WAL,
    /// so a committed outcome survives a power cut. WAL is switched on here, in
    /// `prepareDatabase`, and not with GRDB's `journalMode = .wal`: that set-up runs after
    /// `prepareDatabase` and sets `synchronous = NORMAL` (GRDB 7, `Database.setUpWALMode`),
    /// which in WAL mode syncs only at checkpoints. The setting is read back after opening,
    /// so a library that changes it again makes the ledger refuse to open rather than lose
    /// rows quietly.
    public init(path: String) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            let journalMode = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
            guard journalMode == "wal" else {
                throw LedgerError.notDurable(path: path, setting: "journal_mode", value: journalMode ?? "?")
            }
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        database = try DatabaseQueue(path: path, configuration: configuration)
        let synchronous = try synchronousSetting()
        guard synchronous == Ledger.synchronousFull else {
            throw LedgerError.notDurable(path: path, setting: "synchronous", value: String(synchronous))
        }
        try Ledger.migrator.migrate(database)
        // The first open creates ledger.sqlite and its -wal: their names are made durable
        // too (SQLite syncs the folder of a new WAL, not always of the database file).
        try FileSystem.syncParent(of: path)
    }

    /// `PRAGMA synchronous` as SQLite reports it: 2 is FULL.
    static let synchronousFull = 2

    /// The connection's `PRAGMA synchronous`, read back from SQLite (0 OFF, 1 NORMAL, 2 FULL,
    /// 3 EXTRA): what the ledger's durability rests on.
    public func synchronousSetting() throws -> Int {
        try database.unsafeRead { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") ?? -1 }
    }

    /// The connection's `PRAGMA journal_mode` (`wal`).
    public func journalMode() throws -> String {
        try database.unsafeRead { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "" }
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: submissions, records, rejections") { db in
            try db.execute(sql: """
                CREATE TABLE submissions (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    claim_id TEXT NOT NULL UNIQUE,
                    file_name TEXT NOT NULL,
                    stored_name TEXT NOT NULL,
                    folder TEXT NOT NULL CHECK (folder IN ('accepted', 'rejected')),
                    sha256 TEXT,
                    size INTEGER,
                    received_at TEXT NOT NULL,
                    outcome TEXT NOT NULL CHECK (outcome IN ('accepted', 'rejected', 'duplicate')),
                    duplicate_of INTEGER REFERENCES submissions(id),
                    format TEXT,
                    encoding TEXT,
                    findings_json TEXT NOT NULL,
                    fiscal_year INTEGER,
                    round INTEGER,
                    bureau TEXT,
                    station TEXT,
                    phone TEXT,
                    UNIQUE (folder, stored_name)
                );
                CREATE INDEX submissions_sha256 ON submissions(sha256);
                CREATE TABLE records (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    submission_id INTEGER NOT NULL UNIQUE REFERENCES submissions(id),
                    fiscal_year INTEGER NOT NULL,
                    round INTEGER NOT NULL,
                    bureau TEXT NOT NULL,
                    station TEXT NOT NULL,
                    level INTEGER NOT NULL,
                    score INTEGER NOT NULL,
                    target TEXT NOT NULL,
                    record_json TEXT NOT NULL,
                    superseded_by INTEGER REFERENCES records(id),
                    current BOOLEAN NOT NULL DEFAULT 1
                );
                CREATE UNIQUE INDEX records_current_key ON records(fiscal_year, round, bureau, station) WHERE current;
                CREATE TABLE rejections (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    submission_id INTEGER NOT NULL UNIQUE REFERENCES submissions(id),
                    received_at TEXT NOT NULL,
                    file_name TEXT NOT NULL,
                    stored_name TEXT NOT NULL,
                    station TEXT,
                    bureau TEXT,
                    fiscal_year INTEGER,
                    round INTEGER,
                    phone TEXT,
                    rules TEXT NOT NULL,
                    status TEXT NOT NULL CHECK (status IN ('open', 'resolved')),
                    resolved_by INTEGER REFERENCES submissions(id),
                    resolved_at TEXT
                );
                CREATE INDEX rejections_key ON rejections(fiscal_year, round, bureau, station, status);
                """)
        }
        migrator.registerMigration("v2: whom to call, follow-up, roster, users, sessions, audit") { db in
            // The rejection log is rebuilt (SQLite cannot change a CHECK): the follow-up state
            // gains `contacted`, and a row keeps the reporter and province, and whether its
            // contact was read from a checked record (verified) or from the file's plain text.
            try db.execute(sql: """
                CREATE TABLE rejections_v2 (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    submission_id INTEGER NOT NULL UNIQUE REFERENCES submissions(id),
                    received_at TEXT NOT NULL,
                    file_name TEXT NOT NULL,
                    stored_name TEXT NOT NULL,
                    station TEXT,
                    bureau TEXT,
                    province TEXT,
                    fiscal_year INTEGER,
                    round INTEGER,
                    reporter TEXT,
                    phone TEXT,
                    contact_verified BOOLEAN NOT NULL DEFAULT 0,
                    rules TEXT NOT NULL,
                    status TEXT NOT NULL CHECK (status IN ('open', 'contacted', 'resolved')),
                    resolved_by INTEGER REFERENCES submissions(id),
                    resolved_at TEXT
                );
                INSERT INTO rejections_v2 (id, submission_id, received_at, file_name, stored_name, station, bureau,
                    fiscal_year, round, phone, contact_verified, rules, status, resolved_by, resolved_at)
                SELECT id, submission_id, received_at, file_name, stored_name, station, bureau,
                    fiscal_year, round, phone, station IS NOT NULL, rules, status, resolved_by, resolved_at
                FROM rejections;
                DROP TABLE rejections;
                ALTER TABLE rejections_v2 RENAME TO rejections;
                CREATE INDEX rejections_key ON rejections(fiscal_year, round, bureau, station, status);
                CREATE INDEX rejections_bureau ON rejections(bureau, status);

                -- Every step of a rejection's follow-up: who, when, the new state, the note.
                -- Nothing here is ever updated or deleted.
                CREATE TABLE rejection_events (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    rejection_id INTEGER NOT NULL REFERENCES rejections(id),
                    at TEXT NOT NULL,
                    actor TEXT NOT NULL,
                    status TEXT NOT NULL CHECK (status IN ('contacted', 'resolved')),
                    note TEXT NOT NULL,
                    resolved_by INTEGER REFERENCES submissions(id)
                );
                CREATE INDEX rejection_events_rejection ON rejection_events(rejection_id, id);

                -- The stations each bureau must hear from; replaced whole by each import.
                CREATE TABLE roster (
                    station TEXT NOT NULL PRIMARY KEY,
                    bureau TEXT NOT NULL,
                    province TEXT NOT NULL,
                    phone TEXT,
                    line INTEGER NOT NULL
                );
                CREATE INDEX roster_bureau ON roster(bureau, station);

                -- Users of the office pages. A removed user keeps its row (removed_at).
                CREATE TABLE users (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    name TEXT NOT NULL UNIQUE,
                    role TEXT NOT NULL CHECK (role IN ('hq', 'bureau', 'admin')),
                    bureau TEXT,
                    password_hash TEXT NOT NULL,
                    created_at TEXT NOT NULL,
                    removed_at TEXT,
                    CHECK ((role = 'bureau') = (bureau IS NOT NULL))
                );
                -- A login session: only the SHA-256 of its cookie is kept.
                CREATE TABLE sessions (
                    token_sha256 TEXT NOT NULL PRIMARY KEY,
                    user_id INTEGER NOT NULL REFERENCES users(id),
                    csrf TEXT NOT NULL,
                    created_at TEXT NOT NULL,
                    last_seen TEXT NOT NULL
                );
                -- Failed logins, for the lock-out (five for one name within 15 minutes).
                CREATE TABLE login_failures (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    name TEXT NOT NULL,
                    at TEXT NOT NULL,
                    address TEXT
                );
                CREATE INDEX login_failures_name ON login_failures(name, at);

                -- Every change made by a person (CLI or web): who, when, what. Never deleted.
                CREATE TABLE audit (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    at TEXT NOT NULL,
                    actor TEXT NOT NULL,
                    action TEXT NOT NULL,
                    detail TEXT NOT NULL
                );

                -- Settings kept in the state: office_contact.
                CREATE TABLE settings (
                    key TEXT NOT NULL PRIMARY KEY,
                    value TEXT NOT NULL
                );
                """)
        }
        return migrator
    }

    // MARK: timestamps

    /// Times are stored as ISO 8601 in UTC with milliseconds, so they sort as text.
    package static func timestamp(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }

    package static func date(_ text: String?) -> Date? {
        guard let text else { return nil }
        return try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text)
    }

    // MARK: writing

    /// Stores a submission and everything its outcome implies, in one transaction:
    /// an accepted form's record (superseding the current one for its key, and resolving
    /// the key's open rejections), or a rejected form's rejection. A duplicate adds only its
    /// submission row. Returns the new submission.
    @discardableResult
    func commit(_ draft: SubmissionDraft) throws -> Submission {
        try database.write { db in try Ledger.insert(draft, in: db) }
    }

    /// One write transaction for many files (a batch of `runOnce`): the lookups and commits
    /// of `body` all run in it, and it is made durable by one `synchronous=FULL` commit at
    /// the end — no transaction, no `PRAGMA` and no WAL sync per file. Each `Batch.commit` is
    /// a savepoint, so one file's failed commit leaves nothing of it behind and the others
    /// go on. If `body` throws, nothing of the batch is stored (recovery re-checks the
    /// claimed files). Callers act on the commits (move files out of `work/`) only after
    /// this returns.
    func batch(_ body: (Batch) throws -> Void) throws {
        try database.write { db in try body(Batch(db: db)) }
    }

    /// The ledger inside one `batch` transaction: what the per-file steps need, on the
    /// transaction's connection, seeing the batch's own earlier commits.
    struct Batch: SubmissionStore {
        fileprivate let db: Database

        /// As `Ledger.original(sha256:)`.
        func original(sha256: String) throws -> Submission? { try Ledger.original(sha256: sha256, in: db) }

        /// As `Ledger.isNameTaken(_:in:)`.
        func isNameTaken(_ name: String, in folder: StoredFolder) throws -> Bool {
            try Ledger.isNameTaken(name, in: folder, db: db)
        }

        /// As `Ledger.commit(_:)`, in a savepoint of the batch's transaction.
        @discardableResult
        func commit(_ draft: SubmissionDraft) throws -> Submission {
            var stored: Submission?
            try db.inSavepoint {
                stored = try Ledger.insert(draft, in: db)
                return .commit
            }
            guard let stored else {
                throw DatabaseError(resultCode: .SQLITE_INTERNAL, message: "the savepoint of \(draft.claimID) ended without its submission")
            }
            return stored
        }
    }

    /// The statements of one commit, on `db`, inside the caller's transaction.
    private static func insert(_ draft: SubmissionDraft, in db: Database) throws -> Submission {
        let verdict = draft.verdict
        let record = verdict.record
        try db.cachedStatement(sql: """
            INSERT INTO submissions (claim_id, file_name, stored_name, folder, sha256, size, received_at,
                outcome, duplicate_of, format, encoding, findings_json, fiscal_year, round, bureau, station, phone)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [
                draft.claimID, draft.fileName, draft.storedName, draft.folder.rawValue, draft.sha256, draft.size,
                Ledger.timestamp(draft.receivedAt), draft.outcome.rawValue, draft.duplicateOf,
                verdict.format?.rawValue, verdict.encoding?.rawValue, StoredFindings.json(verdict.findings),
                record?.fiscalYear, record?.round, record?.bureau, record?.station, record?.phone,
            ])
        let submissionID = db.lastInsertedRowID
        switch draft.outcome {
        case .accepted:
            guard let record else { break }
            let key = ReportKey(record)
            let keyArguments: StatementArguments = [key.fiscalYear, key.round, key.bureau, key.station]
            let previous = try Int64.fetchOne(db.cachedStatement(sql: """
                SELECT id FROM records WHERE current AND fiscal_year = ? AND round = ? AND bureau = ? AND station = ?
                """), arguments: keyArguments)
            if let previous {
                try db.cachedStatement(sql: "UPDATE records SET current = 0 WHERE id = ?").execute(arguments: [previous])
            }
            try db.cachedStatement(sql: """
                INSERT INTO records (submission_id, fiscal_year, round, bureau, station, level, score, target, record_json)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: [submissionID, key.fiscalYear, key.round, key.bureau, key.station,
                                 record.level, record.score, record.target.rawValue, record.jsonLine()])
            let recordID = db.lastInsertedRowID
            if let previous {
                try db.cachedStatement(sql: "UPDATE records SET superseded_by = ? WHERE id = ?").execute(arguments: [recordID, previous])
            }
            // The key's rejections still followed up are closed by this form, each with an
            // event that says which file closed it.
            let at = Ledger.timestamp(draft.receivedAt)
            try db.cachedStatement(sql: """
                INSERT INTO rejection_events (rejection_id, at, actor, status, note, resolved_by)
                SELECT id, ?, 'pipeline', 'resolved', ?, ? FROM rejections
                WHERE status != 'resolved' AND fiscal_year = ? AND round = ? AND bureau = ? AND station = ?
                """).execute(arguments: [at, "รับแบบรายงานที่ส่งใหม่แล้ว / resubmission accepted: \(draft.fileName)", submissionID]
                                 + keyArguments)
            try db.cachedStatement(sql: """
                UPDATE rejections SET status = 'resolved', resolved_by = ?, resolved_at = ?
                WHERE status != 'resolved' AND fiscal_year = ? AND round = ? AND bureau = ? AND station = ?
                """).execute(arguments: [submissionID, at] + keyArguments)
        case .rejected:
            var rules: [String] = []
            for finding in verdict.findings where finding.severity == .error && !rules.contains(finding.rule.rawValue) {
                rules.append(finding.rule.rawValue)
            }
            let contact = record.map(Contact.init) ?? verdict.contact ?? Contact()
            try db.cachedStatement(sql: """
                INSERT INTO rejections (submission_id, received_at, file_name, stored_name, station, bureau, province,
                    fiscal_year, round, reporter, phone, contact_verified, rules, status)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open')
                """).execute(arguments: [submissionID, Ledger.timestamp(draft.receivedAt), draft.fileName, draft.storedName,
                                 contact.station, contact.bureau, contact.province, contact.fiscalYear, contact.round,
                                 contact.reporter, contact.phone, contact.verified, rules.joined(separator: ",")])
        case .duplicate:
            break
        }
        return Ledger.stored(draft, id: submissionID)
    }

    /// The submission `commit` stored, built from its draft rather than read back (reading it
    /// back decoded the findings' JSON and the timestamp again: a fifth of the ledger's CPU).
    /// It equals what `submission(id:)` returns: the time is kept to the millisecond, as
    /// stored, and the findings, format, encoding, key and phone are the verdict's, which the
    /// stored columns hold without loss.
    private static func stored(_ draft: SubmissionDraft, id: Int64) -> Submission {
        let verdict = draft.verdict
        let record = verdict.record
        return Submission(
            id: id, claimID: draft.claimID, fileName: draft.fileName, storedName: draft.storedName,
            folder: draft.folder, sha256: draft.sha256, size: draft.size,
            receivedAt: date(timestamp(draft.receivedAt)) ?? Date(timeIntervalSince1970: 0),
            outcome: draft.outcome, duplicateOf: draft.duplicateOf,
            format: verdict.format, encoding: verdict.encoding, findings: verdict.findings,
            key: record.map(ReportKey.init), phone: record?.phone)
    }

    /// Gives a committed submission a new stored name (recovery, when something else took
    /// the chosen name in the meantime).
    func rename(submission id: Int64, to storedName: String) throws {
        try database.write { db in
            try db.cachedStatement(sql: "UPDATE submissions SET stored_name = ? WHERE id = ?").execute(arguments: [storedName, id])
            try db.cachedStatement(sql: "UPDATE rejections SET stored_name = ? WHERE submission_id = ?").execute(arguments: [storedName, id])
        }
    }

    // MARK: reading

    /// Runs a lookup of one SQL statement on the ledger's connection, outside any explicit
    /// transaction (the statement is its own read transaction, so it sees a consistent
    /// database).
    ///
    /// Not `DatabaseQueue.read`: on a `DatabaseQueue` that one makes the connection read-only
    /// for the duration with `PRAGMA query_only = 1` and then `= 0`, and SQLite expires every
    /// prepared statement of the connection whenever a flag pragma changes (`OP_Expire`), so
    /// each of the per-file statements cached with `cachedStatement` was compiled again at its
    /// next use — 37% of the CPU of `pipeline run`, plus GRDB's authorizer callback for every
    /// column of every recompilation (22%). The lookups below only read, and the connection
    /// is this process's alone (one process per state: `state.lock`).
    func lookUp<T>(_ body: (Database) throws -> T) throws -> T {
        try database.unsafeRead(body)
    }

    private static let submissionColumns = """
        id, claim_id, file_name, stored_name, folder, sha256, size, received_at, outcome, duplicate_of,
        format, encoding, findings_json, fiscal_year, round, bureau, station, phone
        """

    private static func submission(_ row: Row) -> Submission {
        var key: ReportKey?
        if let year: Int = row["fiscal_year"], let round: Int = row["round"],
           let bureau: String = row["bureau"], let station: String = row["station"] {
            key = ReportKey(fiscalYear: year, round: round, bureau: bureau, station: station)
        }
        return Submission(
            id: row["id"], claimID: row["claim_id"], fileName: row["file_name"], storedName: row["stored_name"],
            folder: StoredFolder(rawValue: row["folder"]) ?? .rejected,
            sha256: row["sha256"], size: row["size"],
            receivedAt: date(row["received_at"]) ?? Date(timeIntervalSince1970: 0),
            outcome: Outcome(rawValue: row["outcome"]) ?? .rejected, duplicateOf: row["duplicate_of"],
            format: (row["format"] as String?).flatMap(FormFormat.init(rawValue:)),
            encoding: (row["encoding"] as String?).flatMap(TextEncoding.init(rawValue:)),
            findings: StoredFindings.decode(row["findings_json"]), key: key, phone: row["phone"])
    }

    static func fetchSubmission(_ db: Database, id: Int64) throws -> Submission? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT \(submissionColumns) FROM submissions WHERE id = ?"), arguments: [id]).map(submission)
    }

    /// The committed submission for a claim, if its outcome was committed.
    func submission(claimID: String) throws -> Submission? {
        try lookUp { db in
            try Row.fetchOne(db.cachedStatement(sql: "SELECT \(Ledger.submissionColumns) FROM submissions WHERE claim_id = ?"), arguments: [claimID]).map(Ledger.submission)
        }
    }

    /// The submission with this row id.
    public func submission(id: Int64) throws -> Submission? {
        try lookUp { db in try Ledger.fetchSubmission(db, id: id) }
    }

    /// The first submission with these bytes that was counted (not itself a duplicate).
    func original(sha256: String) throws -> Submission? {
        try lookUp { db in try Ledger.original(sha256: sha256, in: db) }
    }

    private static func original(sha256: String, in db: Database) throws -> Submission? {
        try Row.fetchOne(db.cachedStatement(sql: """
            SELECT \(Ledger.submissionColumns) FROM submissions WHERE sha256 = ? AND outcome != 'duplicate'
            ORDER BY id LIMIT 1
            """), arguments: [sha256]).map(Ledger.submission)
    }

    /// Whether a stored name is taken in a folder, counting the notices beside stored names:
    /// `x.txt` is taken by a stored `x.txt` or `x.txt.notice.txt` (whose notice would be
    /// `x.txt.notice.txt.notice.txt`), and `x.txt.notice.txt` by a stored `x.txt`.
    /// Uses the (folder, stored_name) index, so it stays fast with thousands of files.
    func isNameTaken(_ name: String, in folder: StoredFolder) throws -> Bool {
        try lookUp { db in try Ledger.isNameTaken(name, in: folder, db: db) }
    }

    private static func isNameTaken(_ name: String, in folder: StoredFolder, db: Database) throws -> Bool {
        let suffix = ".notice.txt"
        var names = [name, name + suffix]
        if name.hasSuffix(suffix) { names.append(String(name.dropLast(suffix.count))) }
        let placeholders = names.map { _ in "?" }.joined(separator: ", ")
        return try Bool.fetchOne(db.cachedStatement(sql: """
            SELECT EXISTS (SELECT 1 FROM submissions WHERE folder = ? AND stored_name IN (\(placeholders)))
            """), arguments: StatementArguments([folder.rawValue] + names)) ?? false
    }

    /// The stored names the ledger keeps in `folder` (one query, for `Reconciler`).
    func storedNames(in folder: StoredFolder) throws -> Set<String> {
        try lookUp { db in
            Set(try String.fetchAll(db.cachedStatement(sql: "SELECT stored_name FROM submissions WHERE folder = ?"),
                                    arguments: [folder.rawValue]))
        }
    }

    /// Every submission, oldest first.
    public func submissions() throws -> [Submission] {
        try database.read { db in
            try Row.fetchAll(db, sql: "SELECT \(Ledger.submissionColumns) FROM submissions ORDER BY id").map(Ledger.submission)
        }
    }

    /// A filter on the rejection log; `nil` means any.
    public struct RejectionFilter: Sendable {
        public var status: RejectionStatus?
        public var bureau: String?
        public var station: String?
        public var rule: String?
        public var id: Int64?

        public init(status: RejectionStatus? = .open, bureau: String? = nil, station: String? = nil, rule: String? = nil,
                    id: Int64? = nil) {
            self.status = status
            self.bureau = bureau
            self.station = station
            self.rule = rule
            self.id = id
        }
    }

    /// The rejection log, oldest first.
    public func rejections(_ filter: RejectionFilter = RejectionFilter()) throws -> [Rejection] {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let status = filter.status { conditions.append("r.status = ?"); arguments += [status.rawValue] }
        if let bureau = filter.bureau { conditions.append("r.bureau = ?"); arguments += [bureau] }
        if let station = filter.station { conditions.append("r.station = ?"); arguments += [station] }
        if let rule = filter.rule {
            // instr, not LIKE: a `%` or `_` in the rule given matches only itself.
            conditions.append("instr(',' || rules || ',', ?) > 0"); arguments += [",\(rule),"]
        }
        if let id = filter.id { conditions.append("r.id = ?"); arguments += [id] }
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        return try database.read { db in
            try Row.fetchAll(db, sql: """
                SELECT r.id, submission_id, received_at, file_name, stored_name, station, bureau, province, fiscal_year,
                       round, reporter, phone, contact_verified, rules, r.status, r.resolved_by, resolved_at,
                       e.note AS latest_note, e.actor AS latest_actor, e.at AS latest_at
                FROM rejections r
                LEFT JOIN rejection_events e ON e.id = (SELECT max(id) FROM rejection_events WHERE rejection_id = r.id)
                \(whereClause) ORDER BY r.id
                """, arguments: arguments).map(Ledger.rejection)
        }
    }

    private static func rejection(_ row: Row) -> Rejection {
        let rules: String = row["rules"]
        return Rejection(
            id: row["id"], submissionID: row["submission_id"],
            receivedAt: Ledger.date(row["received_at"]) ?? Date(timeIntervalSince1970: 0),
            fileName: row["file_name"], storedName: row["stored_name"], station: row["station"],
            bureau: row["bureau"], province: row["province"], fiscalYear: row["fiscal_year"], round: row["round"],
            reporter: row["reporter"], phone: row["phone"], contactVerified: row["contact_verified"],
            rules: rules.split(separator: ",").map(String.init),
            status: RejectionStatus(rawValue: row["status"]) ?? .open,
            resolvedBy: row["resolved_by"], resolvedAt: Ledger.date(row["resolved_at"]),
            latestNote: row["latest_note"], latestNoteBy: row["latest_actor"], latestNoteAt: Ledger.date(row["latest_at"]))
    }

    /// The rejection row of a submission, if it has one.
    public func rejection(submissionID: Int64) throws -> Rejection? {
        try lookUp { db in
            try Row.fetchOne(db, sql: """
                SELECT r.*, NULL AS latest_note, NULL AS latest_actor, NULL AS latest_at
                FROM rejections r WHERE submission_id = ?
                """, arguments: [submissionID]).map(Ledger.rejection)
        }
    }

    /// The receiving office's contact for notices (`pipeline serve --office-contact`), if set.
    public func officeContact() throws -> String? {
        try lookUp { db in try String.fetchOne(db, sql: "SELECT value FROM settings WHERE key = 'office_contact'") }
    }

    /// `PRAGMA integrity_check`: `ok` when the database file is sound.
    public func integrityCheck() throws -> String {
        try database.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "\n") }
    }
}
