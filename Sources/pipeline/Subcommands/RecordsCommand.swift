import ArgumentParser
import Foundation
import Inbox
import Office
import Validate

/// `pipeline records`: the accepted records.
struct RecordsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "records",
        abstract: "Print the accepted records: the current one per station and round, or every one with --all.")

    @Option(name: .long, help: "The state folder that `pipeline run` or `watch` filled.")
    var state: String = "state"

    enum Format: String, ExpressibleByArgument { case jsonl, csv }

    @Option(help: "jsonl (the record objects of docs/forms.md, one per line, as records.jsonl holds them) or csv (UTF-8 with BOM).")
    var format: Format = .jsonl

    @Flag(help: "Include superseded records (the history), oldest first.")
    var all = false

    func run() throws {
        let records = try openLedger(state).records(history: all)
        switch format {
        case .jsonl:
            printRaw(records.map { $0.record.jsonLine() + "\n" }.joined())
        case .csv:
            printRaw(OfficeReports.records(records).csv)
        }
    }
}
