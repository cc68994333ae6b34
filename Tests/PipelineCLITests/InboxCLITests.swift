import Foundation
import Inbox
import Ingest
import Logging
import Testing
import Validate

/// Runs the built `pipeline` binary and captures what it prints.
struct PipelineRun {
    var status: Int32
    var stdout: String
    var stderr: String
    var stdoutData: Data

    /// The binary beside the test bundle (`.build/debug/pipeline`), else found from #filePath.
    static var binary: URL {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("pipeline")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/debug/pipeline")
    }

    static func run(_ arguments: [String]) throws -> PipelineRun {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return PipelineRun(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                           stderr: String(decoding: errData, as: UTF8.self), stdoutData: outData)
    }
}

/// A checker for building a ledger through the real engine: `key: value` lines, an error
/// per `missing: FIELD` line. (The real `FormChecker` replaces it once it is on main.)
struct KeyValueChecker: FormChecking {
    func check(_ data: Data, file: String) -> Verdict {
        var values: [String: String] = [:]
        var findings: [Finding] = []
        for (index, line) in String(decoding: data, as: UTF8.self).split(separator: "\n").enumerated() {
            let parts = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2 else { continue }
            if parts[0] == "missing" {
                findings.append(Finding(.missingField(FormField(rawValue: parts[1]) ?? .reportedOn), line: index + 1))
            } else {
                values[parts[0]] = parts[1]
            }
        }
        guard let station = values["station"], let bureau = values["bureau"], let level = Int(values["level"] ?? "") else {
            return Verdict(file: file, format: .text, encoding: .utf8, findings: findings + [Finding(.noFields)], record: nil)
        }
        let steps = (1...5).map { StepRecord(number: $0, done: $0 <= level, date: $0 <= level ? CalendarDate(year: 2020, month: 10, day: $0) : nil) }
        let record = Record(indicator: "กต.ตร. พบประชาชน", fiscalYear: 2564, round: Int(values["round"] ?? "6") ?? 6,
                            station: station, bureau: bureau, province: nil,
                            reportedOn: CalendarDate(year: 2021, month: 4, day: 20)!, steps: steps, level: level,
                            score: level == 0 ? 0 : 25 * (level - 1),
                            target: level == 5 ? .advanced : level == 4 ? .standard : level == 3 ? .minimum : .below,
                            reporter: "ร.ต.อ.สมชาย ใจดี", phone: values["phone"])
        return Verdict(file: file, format: .text, encoding: .utf8, findings: findings, record: record)
    }
}

/// A state folder filled by a real pass of the engine over a small inbox.
final class FilledState {
    let root: String
    var state: String { root + "/state" }

    init() throws {
        root = FileManager.default.temporaryDirectory.path + "/inbox-cli-" + UUID().uuidString
        let inbox = root + "/inbox"
        try FileManager.default.createDirectory(atPath: inbox, withIntermediateDirectories: true)
        let forms = [
            "a.txt": "station: สภ.เมืองเชียงใหม่\nbureau: ภ.5\nlevel: 2\nphone: 0812345678\n",
            "b.txt": "station: สภ.แม่ริม\nbureau: ภ.5\nlevel: 4\nphone: 0899999999\nmissing: reported_on\n",
            "c.txt": "station: สน.ลุมพินี\nbureau: บช.น.\nlevel: 5\n",
            "d.txt": "station: สน.บางรัก\nbureau: บช.น.\nlevel: 3\nmissing: bureau\n",
            "e.txt": "station: สน.ลุมพินี, \"ฝั่งใต้\"\nbureau: บช.น.\nlevel: 3\n",
        ]
        for (name, text) in forms { try Data(text.utf8).write(to: URL(fileURLWithPath: inbox + "/" + name)) }
        let quiet = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
        let processor = try InboxProcessor(inbox: inbox, state: StateDirectory(state), checker: KeyValueChecker(), logger: quiet)
        _ = try processor.runOnce()
        // The station sends b again, corrected: it is accepted and resolves b's rejection.
        try Data("station: สภ.แม่ริม\nbureau: ภ.5\nlevel: 4\nphone: 0899999999\n".utf8)
            .write(to: URL(fileURLWithPath: inbox + "/b-fixed.txt"))
        _ = try processor.runOnce()
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }
}

@Suite("pipeline rejections, records and summary on a ledger built by a real run")
struct InboxCLITests {
    @Test("rejections: open by default, --all, filters, table, csv with BOM, json")
    func rejections() throws {
        let filled = try FilledState()
        let open = try PipelineRun.run(["rejections", "--state", filled.state])
        #expect(open.status == 0)
        #expect(open.stdout.contains("สน.บางรัก") && open.stdout.contains("rejected/d.txt") && open.stdout.contains("missing-field"))
        #expect(!open.stdout.contains("สภ.แม่ริม"), "b's rejection was resolved by b-fixed.txt")

        let all = try PipelineRun.run(["rejections", "--all", "--state", filled.state, "--format", "json"])
        let objects = all.stdout.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        #expect(objects.count == 2)
        let b = objects.first { $0["file"] as? String == "b.txt" }
        #expect(b?["status"] as? String == "resolved")
        #expect(b?["phone"] as? String == "0899999999")
        #expect(b?["rules"] as? [String] == ["missing-field"])
        #expect(b?["notice"] as? String == "rejected/b.txt.notice.txt")

        let region = try PipelineRun.run(["rejections", "--all", "--bureau", "ภ.๕", "--state", filled.state])
        #expect(region.stdout.contains("สภ.แม่ริม") && !region.stdout.contains("สน.บางรัก"))
        let byRule = try PipelineRun.run(["rejections", "--all", "--rule", "window", "--state", filled.state])
        #expect(!byRule.stdout.contains("rejected/"))

        let csv = try PipelineRun.run(["rejections", "--state", filled.state, "--format", "csv"])
        #expect(csv.stdoutData.prefix(3) == Data([0xEF, 0xBB, 0xBF]))
        #expect(csv.stdout.contains("received,station,bureau,phone,rules,file,status\r\n"))
    }

    @Test("records: jsonl as records.jsonl holds them, csv with BOM and quoting")
    func records() throws {
        let filled = try FilledState()
        let all = try PipelineRun.run(["records", "--all", "--state", filled.state])
        let fileLines = try String(contentsOfFile: filled.state + "/records.jsonl", encoding: .utf8)
        #expect(all.status == 0)
        #expect(all.stdout == fileLines)
        let current = try PipelineRun.run(["records", "--state", filled.state])
        #expect(current.stdout.split(separator: "\n").count == 4)
        #expect(current.stdout.contains(#""station":"สภ.แม่ริม""#))

        let csv = try PipelineRun.run(["records", "--format", "csv", "--state", filled.state])
        #expect(csv.stdoutData.prefix(3) == Data([0xEF, 0xBB, 0xBF]))
        #expect(csv.stdout.contains(#"2564,6,บช.น.,"สน.ลุมพินี, ""ฝั่งใต้""",,2021-04-20,3,50,minimum,2020-10-01"#))
    }

    @Test("summary: stations, levels, targets and mean score per bureau and round")
    func summary() throws {
        let filled = try FilledState()
        let csv = try PipelineRun.run(["summary", "--format", "csv", "--state", filled.state])
        #expect(csv.status == 0)
        let lines = String(csv.stdout.dropFirst()).components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines == [
            "fiscal_year,round,bureau,stations,level0,level1,level2,level3,level4,level5,advanced,standard,minimum,below,mean_score",
            "2564,6,บช.น.,2,0,0,0,1,0,1,1,0,1,0,75.00",
            "2564,6,ภ.5,2,0,0,1,0,1,0,0,1,0,1,50.00",
            "2564,6,รวม/all,4,0,0,1,1,1,1,1,1,1,1,62.50",
        ])
        let table = try PipelineRun.run(["summary", "--state", filled.state])
        #expect(table.stdout.contains("ภ.5") && table.stdout.contains("62.50"))
    }

    @Test("a state folder without a ledger is a clear error, not an empty table")
    func missingLedger() throws {
        let result = try PipelineRun.run(["rejections", "--state", "/nonexistent/state"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("no ledger at /nonexistent/state/ledger.sqlite"))
    }
}
