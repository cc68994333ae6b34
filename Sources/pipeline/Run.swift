import ArgumentParser
import Foundation
import Inbox

/// `pipeline run INBOX`: one pass over what is in the inbox, then a summary.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Take every form waiting in the inbox once, then print how many were accepted, rejected and duplicates.")

    @OptionGroup var arguments: InboxArguments
    @OptionGroup var resources: ResourceOptions

    func run() throws {
        ConsoleLogHandler.bootstrap()
        let checker = try resources.makeChecker()
        let processor = try arguments.openProcessor(checker: checker)
        let stop = StopSignal.install()
        let tally = try runPass(processor, stop: stop)
        printRaw(summaryLine(tally) + "\n")
    }
}
