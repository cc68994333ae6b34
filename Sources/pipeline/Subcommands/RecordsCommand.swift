import ArgumentParser
import Foundation
import Inbox

/// `pipeline records`: the accepted records.
struct RecordsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "records",
        abstract: "Print the accepted records: the current one per station and round, or every one with --all.")

    @Option(name: .long, help: "The state folder that `pipeline run` or `watch` filled.")
    var state: String = "state"

    enum Format: String, ExpressibleByArgument { case jsonl, csv }

    @Option(help: "jsonl (the record objects of docs/forms.md, one per line) or csv (UTF-8 with BOM).")
    var format: Format = .jsonl

    @Flag(help: "Include superseded records (the history), oldest first.")
    var all = false

    func run() throws {
        let records = try openLedger(state).records(history: all)
        switch format {
        case .jsonl:
            printRaw(records.map { $0.json + "\n" }.joined())
        case .csv:
            let table = TextTable(
                header: ["fiscal_year", "round", "bureau", "station", "province", "reported_on", "level", "score",
                         "target", "step1", "step2", "step3", "step4", "step5", "reporter", "phone", "current"],
                rows: records.map(RecordsCommand.row))
            printRaw(table.csv)
        }
    }

    /// A CSV row from the stored record object; a step cell is its date when done, else empty.
    static func row(_ record: StoredRecord) -> [String] {
        let object = (try? JSONSerialization.jsonObject(with: Data(record.json.utf8))) as? [String: Any] ?? [:]
        func text(_ key: String) -> String {
            switch object[key] {
            case let value as String: return value
            case let value as NSNumber: return value.stringValue
            default: return ""
            }
        }
        let steps = (object["steps"] as? [[String: Any]] ?? [])
        var stepCells = [String](repeating: "", count: 5)
        for step in steps {
            guard let number = (step["number"] as? NSNumber)?.intValue, (1...5).contains(number) else { continue }
            let done = (step["done"] as? NSNumber)?.boolValue ?? false
            stepCells[number - 1] = done ? ((step["date"] as? String) ?? "done") : ""
        }
        return [String(record.key.fiscalYear), String(record.key.round), record.key.bureau, record.key.station,
                text("province"), text("reported_on"), String(record.level), String(record.score),
                record.target.rawValue] + stepCells + [text("reporter"), text("phone"), record.current ? "yes" : "no"]
    }
}
