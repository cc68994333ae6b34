import ArgumentParser

@main
struct PipelineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pipeline",
        abstract: "Intake of station report forms for the กต.ตร. พบประชาชน indicator.",
        subcommands: [Rejections.self, Records.self, Summary.self]
    )
}
