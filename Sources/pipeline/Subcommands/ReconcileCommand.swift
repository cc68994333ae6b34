import ArgumentParser
import Foundation
import Inbox
import Logging

/// `pipeline reconcile --state S [--inbox I]`: puts right what a power cut left in a state
/// folder (files without ledger rows, missing records.jsonl lines, notices beside nothing).
/// The same pass runs whenever `run` or `watch` opens a state; this command runs it alone.
struct ReconcileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reconcile",
        abstract: "Find and put right what a power cut left in the state folder; each repair is logged. A second pass repairs nothing.")

    @Option(name: .long, help: "The state folder (accepted/, rejected/, ledger.sqlite, records.jsonl).")
    var state: String

    @Option(name: .long, help: "The inbox, to finish a claim cut between link and unlink (file systems without RENAME_NOREPLACE).")
    var inbox: String?

    @OptionGroup var resources: ResourceOptions

    func run() throws {
        ConsoleLogHandler.bootstrap()
        let directory = StateDirectory(state)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.root, isDirectory: &isDirectory), isDirectory.boolValue else {
            StandardError.print("pipeline: ไม่พบโฟลเดอร์สถานะ \(directory.root) / no state folder at \(directory.root)")
            throw ExitCode(2)
        }
        let checker = try resources.makeChecker()
        let locks: [ProcessLock]
        do {
            locks = try [ProcessLock(path: directory.lock)]
                + (inbox.map { [try ProcessLock(path: ($0 as NSString).appendingPathComponent(InboxProcessor.lockName))] } ?? [])
        } catch let held as ProcessLock.Held {
            Console.shared.log("pipeline: \(held.description)")
            throw ExitCode(2)
        }
        let report = try withExtendedLifetime(locks) {
            try Reconciler(state: directory, inbox: inbox, ledger: try Ledger(path: directory.ledger), checker: checker,
                           logger: Logger(label: "pipeline.inbox")).reconcile()
        }
        printRaw(ReconcileCommand.summary(report) + "\n")
        if report.failed > 0 { throw ExitCode(1) }
    }

    /// `ซ่อม 3 รายการ (3 repairs: 2 entered, …)`, or that nothing needed repair.
    static func summary(_ report: Reconciler.Report) -> String {
        guard report.repairs > 0 || report.failed > 0 else {
            return "ไม่มีสิ่งที่ต้องซ่อม (nothing to repair)"
        }
        let parts: [(Int, String)] = [
            (report.finishedMoves, "interrupted moves finished"),
            (report.orphanedNotices, "notices without a submission moved to orphaned-notices/"),
            (report.noticeTemporaries, "half-written notices removed"),
            (report.entered, "files without a ledger row entered"),
            (report.noticesWritten, "missing notices written"),
            (report.recordLinesAdded, "records.jsonl lines added"),
            (report.recordLinesDropped, "records.jsonl lines without a record dropped"),
            (report.failed, "could not be repaired (see the log)"),
        ]
        let detail = parts.filter { $0.0 > 0 }.map { "\($0.0) \($0.1)" }.joined(separator: ", ")
        return "ซ่อม \(report.repairs) รายการ (\(report.repairs) repairs: \(detail))"
    }
}
