import ArgumentParser
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Inbox
import Logging
import Validate

/// The inbox and state arguments `run` and `watch` share.
struct InboxArguments: ParsableArguments {
    @Argument(help: "The inbox folder the stations' forms are dropped into.")
    var inbox: String

    @Option(name: .long, help: ArgumentHelp(
        "The state folder (accepted/, rejected/, ledger.sqlite, records.jsonl) (default: a `state` folder beside the inbox).",
        valueName: "state"))
    var state: String?

    var stateDirectory: StateDirectory {
        state.map(StateDirectory.init) ?? StateDirectory.beside(inbox: inbox)
    }

    /// Opens the processor, turning a missing inbox and a held lock into a clear message and
    /// exit code 2.
    func openProcessor(checker: any FormChecking) throws -> InboxProcessor {
        if let problem = InboxArguments.folderProblem(inbox) {
            Console.shared.log("pipeline: \(problem)")
            throw ExitCode(2)
        }
        do {
            return try InboxProcessor(inbox: inbox, state: stateDirectory, checker: checker,
                                      logger: Logger(label: "pipeline.inbox"))
        } catch let held as ProcessLock.Held {
            Console.shared.log("pipeline: \(held.description)")
            throw ExitCode(2)
        }
    }
}

extension InboxArguments {
    /// Why `path` cannot be the inbox, or `nil` when it is a folder. Read with `lstat`, as the
    /// engine reads it: a link to a folder is not taken for one.
    static func folderProblem(_ path: String) -> String? {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            if errno == ENOENT { return "ไม่พบโฟลเดอร์ \(path) / no such folder: \(path)" }
            return "เปิดโฟลเดอร์ \(path) ไม่ได้ / cannot open the folder \(path): \(String(cString: strerror(errno)))"
        }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            return "\(path) ไม่ใช่โฟลเดอร์ (ต้องเป็นโฟลเดอร์จริง ไม่ใช่ไฟล์หรือลิงก์) "
                + "/ not a folder: \(path) (the inbox must be a folder itself, not a file or a link)"
        }
        return nil
    }
}

/// `run`: one pass, with a live count on a terminal; returns the tally.
func runPass(_ processor: InboxProcessor, stop: StopSignal) throws -> Tally {
    let meter = ProgressMeter()
    defer { Console.shared.endProgress() }
    return try processor.runOnce(shouldStop: { stop.isRaised }) { done, total in
        if total >= 20 { Console.shared.progress(meter.line(done: done, total: total), force: done == total) }
    }
}
