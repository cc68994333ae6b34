import ArgumentParser
import Foundation
import Inbox
import Validate

/// `pipeline summary`: the table the indicator owner sends upward.
struct SummaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "Per bureau and round: stations reporting, how many at each level and target, mean score.")

    @Option(name: .long, help: "The state folder that `pipeline run` or `watch` filled.")
    var state: String = "state"

    @Option(help: "table, csv (UTF-8 with BOM) or json (one object per line).")
    var format: TableFormat = .table

    func run() throws {
        let rows = try openLedger(state).summary()
        let header = ["fiscal_year", "round", "bureau", "stations", "level0", "level1", "level2", "level3", "level4",
                      "level5", "advanced", "standard", "minimum", "below", "mean_score"]
        let cells = rows.map { row in
            [String(row.fiscalYear), String(row.round), row.bureau ?? "รวม/all", String(row.stations)]
                + row.levels.map(String.init)
                + [Target.advanced, .standard, .minimum, .below].map { String(row.targets[$0] ?? 0) }
                + [String(format: "%.2f", row.meanScore)]
        }
        switch format {
        case .table: printRaw(TextTable(header: header, rows: cells).aligned)
        case .csv: printRaw(TextTable(header: header, rows: cells).csv)
        case .json:
            for (row, line) in zip(rows, cells) {
                var object: [String: Any] = [:]
                for (key, value) in zip(header, line) { object[key] = Int(value) ?? value as Any }
                object["bureau"] = row.bureau ?? NSNull()
                object["mean_score"] = row.meanScore
                let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
                printRaw(String(decoding: data, as: UTF8.self) + "\n")
            }
        }
    }
}

extension TableFormat: ExpressibleByArgument {}
