import ArgumentParser
import Foundation
import Inbox
import Office
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

    /// The targets, highest first, as the columns show them.
    static let targets: [Target] = [.advanced, .standard, .minimum, .below]

    func run() throws {
        let rows = try openLedger(state).summary()
        switch format {
        case .table: printRaw(SummaryCommand.table(rows).aligned)
        case .csv: printRaw(SummaryCommand.table(rows).csv)
        case .json: printRaw(rows.map { SummaryCommand.json($0) + "\n" }.joined())
        }
    }

    /// The level columns are `level0` … `levelN`, N the most steps of any fiscal year shown
    /// (a row's levels run 0 … its year's number of steps); a row of a year with fewer
    /// steps leaves the higher level cells empty.
    static func table(_ rows: [SummaryRow]) -> OfficeTable {
        let levelColumns = rows.map(\.levels.count).max() ?? 0
        let header = [Column("fiscal_year", thai: "ปีงบประมาณ"), Column("round", thai: "รอบ"),
                      Column("bureau", thai: "กองบัญชาการ"), Column("stations", thai: "สถานีที่มีผล")]
            + (0..<levelColumns).map { Column("level\($0)", thai: "ระดับ \($0)") }
            + targets.map { Column($0.rawValue, thai: $0.thai) } + [Column("mean_score", thai: "คะแนนเฉลี่ย")]
        let cells = rows.map { row in
            [String(row.fiscalYear), String(row.round), row.bureau ?? "รวม/all", String(row.stations)]
                + (0..<levelColumns).map { $0 < row.levels.count ? String(row.levels[$0]) : "" }
                + targets.map { String(row.targets[$0] ?? 0) }
                + [String(format: "%.2f", row.meanScore)]
        }
        return OfficeTable(columns: header, rows: cells)
    }

    /// One row as a JSON object with sorted keys: `level0` … for its own year's levels,
    /// `bureau` null for the total over every bureau.
    static func json(_ row: SummaryRow) -> String {
        var object: [String: Any] = [
            "fiscal_year": row.fiscalYear, "round": row.round, "bureau": row.bureau ?? NSNull(),
            "stations": row.stations, "mean_score": row.meanScore,
        ]
        for (level, count) in row.levels.enumerated() { object["level\(level)"] = count }
        for target in targets { object[target.rawValue] = row.targets[target] ?? 0 }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}

extension TableFormat: ExpressibleByArgument {}
