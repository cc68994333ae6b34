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

    @Option(help: ArgumentHelp("Also write the table as an Excel workbook (text cells) to this file.", valueName: "file.xlsx"))
    var xlsx: String?

    func run() throws {
        let rows = try openDesk(state).summary(scope: .all)
        if let xlsx { try writeWorkbook(OfficeReports.summary(rows), sheet: "summary", to: xlsx) }
        switch format {
        case .table: printRaw(OfficeReports.summary(rows).aligned)
        case .csv: printRaw(OfficeReports.summary(rows).csv)
        case .json: printRaw(rows.map { OfficeReports.json($0) + "\n" }.joined())
        }
    }
}

/// The office tables' formats, as `--format` takes them.
extension TableFormat: ExpressibleByArgument {}

/// Writes `table` as an `.xlsx` workbook, whole or not at all (a temporary beside it, renamed).
func writeWorkbook(_ table: OfficeTable, sheet: String, to path: String) throws {
    let data = try table.xlsx(sheetName: sheet)
    let url = URL(fileURLWithPath: path)
    do {
        try data.write(to: url, options: .atomic)
    } catch {
        throw ValidationError("เขียนไฟล์ \(path) ไม่ได้ / cannot write \(path): \(error.localizedDescription)")
    }
}
