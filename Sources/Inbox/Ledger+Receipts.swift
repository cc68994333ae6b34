import Foundation
import GRDB
import Validate

// The web face's questions to the ledger: a form sent through `pipeline serve` lands in the
// inbox as `RECEIPT--NAME`, so its submission row is the one whose file name starts with
// `RECEIPT--`.

extension Ledger {
    /// The latest submission whose inbox name starts with `prefix`, if it has been
    /// processed. A scan of `submissions` (no index on the name): a few milliseconds at a
    /// hundred thousand rows.
    public func submission(fileNamePrefix prefix: String) throws -> Submission? {
        try database.unsafeRead { db in
            let id = try Int64.fetchOne(db.cachedStatement(sql: """
                SELECT id FROM submissions WHERE substr(file_name, 1, ?) = ? ORDER BY id DESC LIMIT 1
                """), arguments: [prefix.count, prefix])
            return try id.flatMap { try Ledger.fetchSubmission(db, id: $0) }
        }
    }

    /// The notice for a submission filed under `rejected/`, built from the ledger as the
    /// processor builds the one it writes beside the file: a resend of rejected bytes
    /// repeats the first copy's findings and says when that came.
    public func notice(for submission: Submission) throws -> Notice {
        var first: Date?
        var findings = submission.findings
        if submission.outcome == .duplicate, let id = submission.duplicateOf,
           let original = try self.submission(id: id) {
            first = original.receivedAt
            findings = original.findings
        }
        let contact = try rejection(submissionID: submission.duplicateOf ?? submission.id)
        return Notice(station: contact?.station ?? submission.key?.station, bureau: contact?.bureau ?? submission.key?.bureau,
                      fiscalYear: contact?.fiscalYear ?? submission.key?.fiscalYear, round: contact?.round ?? submission.key?.round,
                      contactVerified: contact?.contactVerified ?? true, officeContact: try officeContact(),
                      fileName: submission.fileName, storedName: submission.storedName, receivedAt: submission.receivedAt,
                      sha256: submission.sha256, findings: findings, repeatsSubmissionOf: first)
    }
}
