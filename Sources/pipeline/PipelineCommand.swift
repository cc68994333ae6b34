import ArgumentParser

/// The `pipeline` command: thin over the libraries, it parses arguments and prints.
@main
struct PipelineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pipeline",
        abstract: "รับและตรวจแบบรายงานโครงการ กต.ตร. พบประชาชน / Intake of station report forms for the กต.ตร. พบประชาชน indicator.",
        subcommands: [
            ValidateCommand.self, RunCommand.self, WatchCommand.self,
            RejectionsCommand.self, RecordsCommand.self, SummaryCommand.self,
            ServeCommand.self,
        ]
    )
}
