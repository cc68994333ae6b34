import Foundation
import Ingest
import Logging
import TestSupport
import Validate
@testable import Inbox

/// A small, real checker for the engine's tests: it reads `key: value` lines and builds real
/// verdicts and records from them, so the tests can say in a few lines what each form is.
///
/// ```
/// station: สภ.เมืองเชียงใหม่     the key (with bureau, round, year)
/// bureau: ภ.5
/// round: 6                      (default 6)
/// year: 2564                    (default 2564)
/// level: 2                      consecutive done steps → score and target (default 2)
/// steps: 6                      the number of steps the record lists (default 5)
/// phone: 0812345678
/// missing: reported_on          an error: missing-field for that field, on this line
/// warn-phone: 12                a warning: bad-phone
/// ```
/// A file without `station` and `bureau` is `malformed` (no fields); an empty one `unreadable`.
struct LineChecker: FormChecking {
    func check(_ data: Data, file: String) -> Verdict {
        if data.isEmpty {
            return Verdict(file: file, format: nil, encoding: nil, findings: [Finding(.emptyFile)], record: nil)
        }
        let text = String(decoding: data, as: UTF8.self)
        var values: [String: String] = [:]
        var findings: [Finding] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            switch key {
            case "missing":
                findings.append(Finding(.missingField(FormField(rawValue: value) ?? .reportedOn), line: index + 1))
            case "warn-phone":
                findings.append(Finding(.badPhone(value), line: index + 1))
            default:
                values[key] = value
            }
        }
        guard let station = values["station"], let bureau = values["bureau"] else {
            return Verdict(file: file, format: .text, encoding: .utf8, findings: findings + [Finding(.noFields)], record: nil)
        }
        let level = Int(values["level"] ?? "2") ?? 2
        let reportedOn = CalendarDate(year: 2021, month: 4, day: 20)!
        let stepCount = max(Int(values["steps"] ?? "5") ?? 5, 1)
        let steps = (1...stepCount).map { number in
            StepRecord(number: number, done: number <= level,
                       date: number <= level ? CalendarDate(year: 2020, month: 10 + number, day: 1) ?? reportedOn : nil)
        }
        let target: Target = level >= 5 ? .advanced : level == 4 ? .standard : level == 3 ? .minimum : .below
        let record = Record(
            indicator: "กต.ตร. พบประชาชน", fiscalYear: Int(values["year"] ?? "2564") ?? 2564,
            round: Int(values["round"] ?? "6") ?? 6, station: station, bureau: bureau, province: values["province"],
            reportedOn: reportedOn, steps: steps, level: level, score: level == 0 ? 0 : 25 * (level - 1),
            target: target, reporter: values["reporter"], phone: values["phone"])
        return Verdict(file: file, format: .text, encoding: .utf8, findings: findings, record: record)
    }
}

/// A temporary inbox and state for one test, removed at the end.
final class Sandbox {
    /// The temporary folder holding the inbox and the state; removed with the sandbox.
    let folder: TemporaryFolder
    var root: String { folder.path }
    var inbox: String { root + "/inbox" }
    var state: StateDirectory { StateDirectory(root + "/state") }

    init() throws {
        folder = try TemporaryFolder(prefix: "inbox-tests")
        try folder.makeFolder("inbox")
    }

    static let quiet = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }

    func processor(checker: any FormChecking = LineChecker()) throws -> InboxProcessor {
        try InboxProcessor(inbox: inbox, state: state, checker: checker, logger: Sandbox.quiet)
    }

    /// Drops a form into the inbox.
    @discardableResult
    func drop(_ name: String, _ text: String) throws -> Data {
        let data = Data(text.utf8)
        try data.write(to: URL(fileURLWithPath: inbox + "/" + name))
        return data
    }

    func names(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    }

    func contents(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

    /// `records.jsonl` as lines.
    func recordLines() -> [String] {
        let text = String(decoding: contents(state.records) ?? Data(), as: UTF8.self)
        return text.split(separator: "\n").map(String.init)
    }
}

/// A form for the line checker.
func form(station: String = "สภ.เมืองเชียงใหม่", bureau: String = "ภ.5", round: Int = 6, level: Int = 2,
          extra: [String] = []) -> String {
    (["แบบทดสอบ", "station: \(station)", "bureau: \(bureau)", "round: \(round)", "level: \(level)",
      "phone: 0812345678"] + extra).joined(separator: "\n") + "\n"
}
