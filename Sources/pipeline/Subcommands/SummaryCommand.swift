import ArgumentParser
import Foundation
import Inbox
import Office
import Validate

/// `pipeline summary`: the table the indicator owner sends upward.
struct SummaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "Per bureau and round: roster stations, accepted, rejected and still open, missing, reporting rate, levels, targets, mean score, steps on time.")

    @Option(name: .long, help: "The state folder that `pipeline run` or `watch` filled.")
    var state: String = "state"

    @Option(help: "table, csv (UTF-8 with BOM) or json (one object per line).")
    var format: TableFormat = .table

    func run() throws {
        let rows = try openDesk(state).summary(scope: .all)
        switch format {
        case .table: printRaw(OfficeReports.summary(rows).aligned)
        case .csv: printRaw(OfficeReports.summary(rows).csv)
        case .json: printRaw(rows.map { OfficeReports.json($0) + "\n" }.joined())
        }
    }
}

/// The office tables' formats, as `--format` takes them.
extension TableFormat: ExpressibleByArgument {}
