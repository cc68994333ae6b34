import ArgumentParser

/// The `pipeline` command: thin over the libraries, it parses arguments and prints.
@main
struct PipelineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pipeline",
        abstract: "รับและตรวจแบบรายงานโครงการ กต.ตร. พบประชาชน / Intake of station report forms for the กต.ตร. พบประชาชน indicator.",
        subcommands: [
            ValidateCommand.self, RunCommand.self, WatchCommand.self,
            RejectionsCommand.self, FollowUpCommand.self, RosterCommand.self, MissingCommand.self,
            RecordsCommand.self, SummaryCommand.self,
            ReconcileCommand.self, ServeCommand.self, UsersCommand.self,
        ]
    )

    /// The Thai line printed above swift-argument-parser's own (English) message when the
    /// command line is wrong, so that every error the program prints starts in Thai.
    static let usageErrorLine = "pipeline: คำสั่งไม่ถูกต้อง ดูวิธีใช้ด้วย --help / the command line is not valid:"

    /// Parses the command line and runs the command, as `ParsableCommand.main()` does, but
    /// prints errors the program's way: `usageErrorLine` above a command-line error, and
    /// `pipeline: <message>` (the message Thai first) for an error the command threw, where
    /// swift-argument-parser would print `Error: <message>`. Exit statuses are unchanged.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let status = exitCode(for: error)
            if error is ExitCode || status == .success {
                exit(withError: error) // the command printed its message already; or --help
            } else if status == .validationFailure {
                StandardError.print(usageErrorLine)
                exit(withError: error)
            } else {
                StandardError.print("pipeline: \(message(for: error))")
                exit(withError: status)
            }
        }
    }
}
