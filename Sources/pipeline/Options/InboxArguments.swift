import ArgumentParser
import Foundation
import Inbox
import Logging
import Validate

/// The inbox and state arguments `run` and `watch` share.
struct InboxArguments: ParsableArguments {
    @Argument(help: "The inbox folder the stations' forms are dropped into.")
    var inbox: String

    @Option(name: .long, help: "The state folder (accepted/, rejected/, ledger.sqlite, records.jsonl). Default: a `state` folder beside the inbox.")
    var state: String?

    var stateDirectory: StateDirectory {
        state.map(StateDirectory.init) ?? StateDirectory.beside(inbox: inbox)
    }

    /// Opens the processor, turning a held lock into the clear message and exit code 2.
    func openProcessor(checker: any FormChecking) throws -> InboxProcessor {
        do {
            return try InboxProcessor(inbox: inbox, state: stateDirectory, checker: checker,
                                      logger: Logger(label: "pipeline.inbox"))
        } catch let held as ProcessLock.Held {
            Console.shared.log("pipeline: \(held.description)")
            throw ExitCode(2)
        }
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
