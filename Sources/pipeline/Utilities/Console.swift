import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

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
