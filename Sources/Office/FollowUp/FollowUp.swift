import Foundation
import GRDB
import Inbox
import Ingest

/// One step of a rejection's follow-up, as the ledger keeps it.
public struct FollowUpEvent: Sendable, Equatable {
    public var id: Int64
    public var rejectionID: Int64
    public var at: Date
    /// The user (`cli:NAME` for the CLI, `pipeline` for an accepted resubmission).
    public var actor: String
    public var status: RejectionStatus
    public var note: String
    /// For a resolution by an accepted resubmission: that submission.
    public var resolvedBy: Int64?
}

/// Why a follow-up step was not taken. Thai first, then English.
public enum FollowUpError: Error, CustomStringConvertible, Equatable, Sendable {
    /// No rejection with this id.
    case notFound(Int64)
    /// The rejection belongs to another bureau: not changed, and nothing of it is told.
    case otherBureau(Int64)
    /// Already resolved: a closed rejection is not reopened or noted again.
    case alreadyResolved(Int64)
    /// Only `contacted` and `resolved` are steps; `open` is where a rejection starts.
    case notAStep(String)
    case emptyNote
    case noteTooLong(Int)

    /// Notes longer than this are refused, not cut: the officer keeps the text and shortens it.
    public static let noteLimit = 2000

    public var description: String {
        switch self {
        case .notFound(let id):
            return "ไม่พบรายการที่ไม่รับหมายเลข \(ThaiDigits.thai(String(id))) / no rejection \(id)"
        case .otherBureau(let id):
            return "รายการหมายเลข \(ThaiDigits.thai(String(id))) เป็นของกองบัญชาการอื่น จึงบันทึกไม่ได้ / rejection \(id) belongs to another bureau: not changed"
        case .alreadyResolved(let id):
            return "รายการหมายเลข \(ThaiDigits.thai(String(id))) ปิดแล้ว / rejection \(id) is already resolved"
        case .notAStep(let status):
            return "สถานะ \"\(status)\" บันทึกไม่ได้ ใช้ contacted (ติดต่อแล้ว) หรือ resolved (ปิดเรื่อง) / \"\(status)\" is not a follow-up step: use contacted or resolved"
        case .emptyNote:
            return "กรุณาเขียนบันทึกว่าทำอะไรไปแล้ว / write a note of what was done"
        case .noteTooLong(let count):
            return "บันทึกยาว \(ThaiDigits.thai(count)) ตัวอักษร เกิน \(ThaiDigits.thai(FollowUpError.noteLimit)) — กรุณาย่อ / the note is \(count) characters, over \(FollowUpError.noteLimit): shorten it"
        }
    }
}

extension OfficeDesk {
    /// The rejection log within `scope`, filtered, oldest first. A bureau filter outside the
    /// scope gives nothing, never another bureau's rows.
    public func rejections(_ filter: Ledger.RejectionFilter, scope: BureauScope) throws -> [Rejection] {
        var filter = filter
        if let own = scope.bureau {
            if let asked = filter.bureau, asked != own { return [] }
            filter.bureau = own
        }
        return try ledger.rejections(filter)
    }

    /// One rejection, if it exists within `scope`.
    public func rejection(_ id: Int64, scope: BureauScope) throws -> Rejection? {
        try rejections(Ledger.RejectionFilter(status: nil, id: id), scope: scope).first
    }

    /// Every follow-up step of a rejection within `scope`, oldest first.
    public func events(of id: Int64, scope: BureauScope) throws -> [FollowUpEvent] {
        guard try rejection(id, scope: scope) != nil else { throw FollowUpError.notFound(id) }
        return try ledger.database.read { db in
            try Row.fetchAll(db, sql: """
                SELECT id, rejection_id, at, actor, status, note, resolved_by FROM rejection_events
                WHERE rejection_id = ? ORDER BY id
                """, arguments: [id]).map { row in
                FollowUpEvent(id: row["id"], rejectionID: row["rejection_id"],
                              at: Ledger.date(row["at"]) ?? Date(timeIntervalSince1970: 0), actor: row["actor"],
                              status: RejectionStatus(rawValue: row["status"]) ?? .contacted, note: row["note"],
                              resolvedBy: row["resolved_by"])
            }
        }
    }

    /// Records a follow-up step by `user`: `contacted` with a note, or `resolved` by hand
    /// with a note. The event, the rejection's new status and the audit line are stored in
    /// one transaction. Returns the rejection as it now stands.
    @discardableResult
    public func follow(_ id: Int64, status: RejectionStatus, note: String, by user: OfficeUser,
                       at now: Date = Date()) throws -> Rejection {
        guard status != .open else { throw FollowUpError.notAStep(status.rawValue) }
        let note = ThaiText.normalize(note).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !note.isEmpty else { throw FollowUpError.emptyNote }
        guard note.count <= FollowUpError.noteLimit else { throw FollowUpError.noteTooLong(note.count) }
        guard let existing = try rejection(id, scope: .all) else { throw FollowUpError.notFound(id) }
        // 403, as the API promises (docs/web.md): the answer names no station or file.
        guard user.scope.contains(existing.bureau) else { throw FollowUpError.otherBureau(id) }
        guard existing.status != .resolved else { throw FollowUpError.alreadyResolved(id) }
        let at = Ledger.timestamp(now)
        try ledger.database.write { db in
            // Checked again inside the transaction: an accepted resubmission may have
            // resolved it in the meantime.
            let current = try String.fetchOne(db, sql: "SELECT status FROM rejections WHERE id = ?", arguments: [id])
            guard current != RejectionStatus.resolved.rawValue else { throw FollowUpError.alreadyResolved(id) }
            try db.execute(sql: """
                INSERT INTO rejection_events (rejection_id, at, actor, status, note) VALUES (?, ?, ?, ?, ?)
                """, arguments: [id, at, user.name, status.rawValue, note])
            if status == .resolved {
                try db.execute(sql: "UPDATE rejections SET status = 'resolved', resolved_at = ? WHERE id = ?",
                               arguments: [at, id])
            } else {
                try db.execute(sql: "UPDATE rejections SET status = ? WHERE id = ?", arguments: [status.rawValue, id])
            }
            try AuditLog.append(db, actor: user.name, action: "rejection.\(status.rawValue)",
                                detail: "rejection \(id) (\(existing.station ?? "?"), \(existing.fileName))", at: now)
        }
        guard let updated = try rejection(id, scope: .all) else { throw FollowUpError.notFound(id) }
        return updated
    }
}
