import Foundation
import Inbox
import Ingest
import Logging
import Validate

/// Where a submission stands, as `GET /api/submissions/R` and the status page tell it.
public struct SubmissionStatus: Sendable {
    public enum State: String, Sendable {
        /// In the inbox or being checked: the watcher has not committed it yet.
        case waiting, accepted, rejected, duplicate
    }

    public var receipt: Receipt
    public var state: State
    public var receivedAt: Date
    /// The verdict, once processed: the findings the ledger keeps and, for an accepted form
    /// (or a resend of one), the stored record. `file` is the name the sender gave.
    public var verdict: Verdict?
    /// The notice, for a form filed under `rejected/` (a rejection, or a resend of one).
    public var notice: String?
}

/// The web face's side of the inbox: drops sent forms into it under their receipt, and
/// answers where each one stands from the inbox, `work/` and the ledger. It never moves or
/// judges a file itself: the watcher in the same process does, like any dropped file.
public final class SubmissionDesk: Sendable {
    public let inbox: String
    public let state: StateDirectory
    let ledger: Ledger
    let logger: Logger

    public init(inbox: String, state: StateDirectory, ledger: Ledger, logger: Logger = Logger(label: "pipeline.web")) {
        self.inbox = (inbox as NSString).standardizingPath
        self.state = state
        self.ledger = ledger
        self.logger = logger
    }

    /// Stores `bytes` in the inbox as `RECEIPT--NAME` (see `InboxDrop`) and returns the
    /// receipt. An empty body is refused; nothing is half-written on any failure.
    func submit(_ bytes: [UInt8], name: String) throws(WebError) -> Receipt {
        guard !bytes.isEmpty else { throw .emptyBody }
        let receipt = Receipt.make()
        do {
            try InboxDrop.drop(bytes, named: receipt.namePrefix + name, into: inbox)
        } catch {
            logger.error("could not store a submission: \(error)", metadata: ["receipt": "\(receipt)"])
            throw .cannotStore
        }
        logger.info("submission received", metadata: ["receipt": "\(receipt)", "name": "\(name)", "bytes": "\(bytes.count)"])
        return receipt
    }

    /// Where the form sent with `receipt` stands; `nil` when no form was sent with it.
    func status(of receipt: Receipt) throws -> SubmissionStatus? {
        let prefix = receipt.namePrefix
        if let submission = try ledger.submission(fileNamePrefix: prefix) {
            return try status(receipt: receipt, submission: submission)
        }
        // Not processed yet: in the inbox as RECEIPT--NAME, or claimed as work/CLAIM--RECEIPT--NAME.
        for (folder, marker) in [(inbox, prefix), (state.work, "--" + prefix)] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            if let name = names.first(where: { marker == prefix ? $0.hasPrefix(prefix) : $0.contains(marker) }) {
                let path = (folder as NSString).appendingPathComponent(name)
                let modified = (try? FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date) ?? Date()
                return SubmissionStatus(receipt: receipt, state: .waiting, receivedAt: modified, verdict: nil, notice: nil)
            }
        }
        // Committed between the two looks: ask the ledger once more.
        if let submission = try ledger.submission(fileNamePrefix: prefix) {
            return try status(receipt: receipt, submission: submission)
        }
        return nil
    }

    private func status(receipt: Receipt, submission: Submission) throws -> SubmissionStatus {
        let state: SubmissionStatus.State
        switch submission.outcome {
        case .accepted: state = .accepted
        case .rejected: state = .rejected
        case .duplicate: state = .duplicate
        }
        // An accepted form's record; for a resend of an accepted form, the original's.
        var record: Record?
        let recordOwner = submission.outcome == .duplicate ? submission.duplicateOf : submission.id
        if submission.folder == .accepted, let recordOwner, let stored = try ledger.storedRecord(submissionID: recordOwner) {
            record = try JSONDecoder().decode(Record.self, from: Data(stored.json.utf8))
        }
        let sentName = String(submission.fileName.dropFirst(receipt.namePrefix.count))
        let verdict = Verdict(file: sentName, format: submission.format, encoding: submission.encoding,
                              findings: submission.findings, record: record)
        let notice = submission.folder == .rejected ? try ledger.notice(for: submission).text : nil
        return SubmissionStatus(receipt: receipt, state: state, receivedAt: submission.receivedAt,
                                verdict: verdict, notice: notice)
    }
}
