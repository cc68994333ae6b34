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
            printRaw(RecordsCommand.table(records).csv)
        }
    }

    /// One row per record. The step columns are `step1` … `stepN`, N the most steps any of
    /// the records lists (a record lists every step of its fiscal year's rule set); a step
    /// cell is the step's date when done (`done` if it has none), else empty.
    static func table(_ records: [StoredRecord]) -> OfficeTable {
        let steps = records.map(\.record.steps.count).max() ?? 0
        let header = [Column("fiscal_year", thai: "ปีงบประมาณ"), Column("round", thai: "รอบ"), Column("bureau", thai: "กองบัญชาการ"),
                      Column("station", thai: "สถานี"), Column("province", thai: "จังหวัด"), Column("reported_on", thai: "วันที่รายงาน"),
                      Column("level", thai: "ระดับ"), Column("score", thai: "คะแนน"), Column("target", thai: "เป้าหมาย")]
            + (0..<steps).map { Column("step\($0 + 1)", thai: "ขั้นตอนที่ \($0 + 1)") }
            + [Column("reporter", thai: "ผู้รายงาน"), Column("phone", thai: "โทรศัพท์"), Column("current", thai: "ผลปัจจุบัน")]
        return OfficeTable(columns: header, rows: records.map { row($0, steps: steps) })
    }

    static func row(_ stored: StoredRecord, steps: Int) -> [String] {
        let record = stored.record
        var stepCells = [String](repeating: "", count: steps)
        for step in record.steps where step.done && step.number >= 1 && step.number <= steps {
            stepCells[step.number - 1] = step.date?.iso ?? "done"
        }
        return [String(record.fiscalYear), String(record.round), record.bureau, record.station,
                record.province ?? "", record.reportedOn.iso, String(record.level), String(record.score),
                record.target.rawValue] + stepCells + [record.reporter ?? "", PhoneDisplay.format(record.phone), stored.current ? "yes" : "no"]
    }
}
