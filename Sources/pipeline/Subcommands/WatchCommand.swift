import ArgumentParser
import Foundation
import Inbox

/// `pipeline watch INBOX`: takes forms as they arrive, until SIGINT or SIGTERM.
struct WatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Watch the inbox (inotify plus periodic rescans) and take each form once it is complete.")

    @OptionGroup var arguments: InboxArguments
    @OptionGroup var resources: ResourceOptions

    @Option(help: "Seconds a file written in place must stay unchanged before it is taken.")
    var quietPeriod: Double = 2

    @Option(help: "Seconds between full rescans of the inbox (network shares send no events).")
    var rescanInterval: Double = 30

    func validate() throws {
        guard quietPeriod >= 0 else { throw ValidationError("--quiet-period ต้องเป็น 0 วินาทีขึ้นไป / --quiet-period must be 0 or more seconds") }
        guard rescanInterval > 0 else { throw ValidationError("--rescan-interval ต้องมากกว่า 0 วินาที / --rescan-interval must be more than 0 seconds") }
    }

    func run() throws {
        ConsoleLogHandler.bootstrap()
        let checker = try resources.makeChecker()
        let processor = try arguments.openProcessor(checker: checker)
        let stop = StopSignal.install()
        let watcher = InboxWatcher(processor: processor,
                                   options: WatchOptions(quietPeriod: quietPeriod, rescanInterval: rescanInterval))
        let tally = try watcher.run(shouldStop: { stop.isRaised })
        printRaw(summaryLine(tally) + "\n")
    }
}
