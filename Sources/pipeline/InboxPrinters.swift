import Foundation
import Inbox
import Logging
import Synchronization
import Validate
#if canImport(Glibc)
import Glibc
#endif

/// Output formats of the follow-up commands.
enum TableFormat: String, CaseIterable {
    case table, csv, json
}

/// A table of text cells, printed aligned for a terminal or as CSV for a spreadsheet.
struct TextTable {
    var header: [String]
    var rows: [[String]]

    /// Columns padded to the widest cell, measured in terminal columns: Thai vowel and tone
    /// marks above and below the line take none.
    var aligned: String {
        var widths = header.map(TextTable.displayWidth)
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], TextTable.displayWidth(cell))
            }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                index == cells.count - 1 ? cell
                    : cell + String(repeating: " ", count: widths[index] - TextTable.displayWidth(cell))
            }.joined(separator: "  ")
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        return ([line(header), rule] + rows.map(line)).joined(separator: "\n") + "\n"
    }

    /// CSV (RFC 4180, CRLF line ends), UTF-8 with a BOM so that a spreadsheet reads the Thai.
    var csv: String {
        func field(_ cell: String) -> String {
            guard cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return cell }
            return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return "\u{FEFF}" + ([header] + rows).map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { width, scalar in
            switch scalar.value {
            case 0x0E31, 0x0E34...0x0E3A, 0x0E47...0x0E4E, 0x0300...0x036F, 0x200B, 0xFEFF: return width
            default: return width + 1
            }
        }
    }
}

/// Writes text to standard output as it is.
func printRaw(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
}

/// Standard error, shared by the log lines and the live progress line: a log line first
/// clears the progress line, which is drawn again at the next update. The progress line
/// is drawn only when standard error is a terminal.
final class Console: Sendable {
    static let shared = Console()

    let isTerminal = isatty(STDERR_FILENO) == 1
    private struct State {
        var progress: String?
        var lastDrawn = Date.distantPast
    }
    private let state = Mutex(State())

    func log(_ line: String) {
        state.withLock { state in
            var text = line + "\n"
            if isTerminal && state.progress != nil { text = "\r\u{1B}[K" + text + (state.progress ?? "") }
            FileHandle.standardError.write(Data(text.utf8))
        }
    }

    /// Redraws the progress line (at most ten times a second unless `force`).
    func progress(_ line: String, force: Bool = false) {
        guard isTerminal else { return }
        state.withLock { state in
            state.progress = line
            let now = Date()
            guard force || now.timeIntervalSince(state.lastDrawn) >= 0.1 else { return }
            state.lastDrawn = now
            FileHandle.standardError.write(Data(("\r\u{1B}[K" + line).utf8))
        }
    }

    /// Clears the progress line for good.
    func endProgress() {
        guard isTerminal else { return }
        state.withLock { state in
            if state.progress != nil { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
            state.progress = nil
        }
    }
}

/// A swift-log handler that writes one line per message to the console:
/// `2021-04-20T10:05:00Z info accepted a.txt stored=accepted/a.txt station=…`.
struct ConsoleLogHandler: LogHandler {
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]
    let label: String

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { _, new in new }
        let fields = merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        let time = Date().formatted(Date.ISO8601FormatStyle())
        Console.shared.log("\(time) \(event.level) \(event.message)\(fields.isEmpty ? "" : " " + fields)")
    }

    /// Installs the handler once for the process.
    static func bootstrap(level: Logger.Level = .info) {
        LoggingSystem.bootstrap { label in
            var handler = ConsoleLogHandler(label: label)
            handler.logLevel = level
            return handler
        }
    }
}

/// The live count and rate of a backlog: `412/3000 files · 38.2/s · ETA 1m08s`.
struct ProgressMeter {
    let start = Date()

    func line(done: Int, total: Int) -> String {
        let elapsed = max(Date().timeIntervalSince(start), 0.001)
        let rate = Double(done) / elapsed
        var text = "\(done)/\(total) files · " + String(format: "%.1f/s", rate)
        if rate > 0 && done < total {
            let remaining = Int(Double(total - done) / rate)
            text += " · ETA \(remaining / 60)m" + String(format: "%02ds", remaining % 60)
        }
        return text
    }
}

/// The summary line of `run`: `accepted 7 · rejected 3 · duplicates 1 (รับ ๗ · ไม่รับ ๓ · ซ้ำ ๑)`.
func summaryLine(_ tally: Tally) -> String {
    var line = "รับ \(tally.accepted) · ไม่รับ \(tally.rejected) · ซ้ำ \(tally.duplicates)"
    line += "  (accepted \(tally.accepted) · rejected \(tally.rejected) · duplicates \(tally.duplicates))"
    if tally.recovered > 0 { line += "; \(tally.recovered) recovered after an interruption" }
    if tally.failed > 0 { line += "; \(tally.failed) could not be processed (see the log; they are retried at the next run)" }
    return line
}
