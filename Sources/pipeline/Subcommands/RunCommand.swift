import ArgumentParser
import Foundation
import Inbox

/// `pipeline run INBOX`: one pass over what is in the inbox, then a summary.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Take every form waiting in the inbox once, then print how many were accepted, rejected and duplicates.")

    @OptionGroup var arguments: InboxArguments
    @OptionGroup var resources: ResourceOptions

    @Option(help: ArgumentHelp(
        "Files claimed, checked and committed together (1 = one file at a time, each synced on its own).",
        valueName: "n"))
    var batchSize: Int = 256

    func validate() throws {
        guard batchSize >= 1 else { throw ValidationError("--batch-size ต้องเป็น 1 ขึ้นไป / --batch-size must be at least 1") }
    }

    func run() throws {
        ConsoleLogHandler.bootstrap()
        let checker = try resources.makeChecker()
        let processor = try arguments.openProcessor(checker: checker)
        processor.batchSize = batchSize
        let stop = StopSignal.install()
        let tally = try runPass(processor, stop: stop)
        printRaw(summaryLine(tally) + "\n")
    }
}
