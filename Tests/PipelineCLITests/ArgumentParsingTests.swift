import ArgumentParser
import Testing
@testable import pipeline

/// The command line parsed in process (no binary started): what a wrong argument is told,
/// and the defaults of a right one.
@Suite struct ArgumentParsingTests {
    /// A wrong command line and the message swift-argument-parser prints for it (after
    /// `Error: `), or the command's own check.
    struct BadArguments: CustomTestStringConvertible, Sendable {
        let arguments: [String]
        let message: String
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let badArguments: [BadArguments] = [
        .init(arguments: ["validate", "--bogus", "a.xml"], message: "Unknown option '--bogus'"),
        .init(arguments: ["validate", "--format", "yaml", "a.xml"],
              message: "The value 'yaml' is invalid for '--format <format>'. Please provide one of 'human' and 'json'."),
        .init(arguments: ["validate"],
              message: "ไม่ได้ระบุไฟล์แบบรายงาน ให้ระบุไฟล์ หรือ --files-from LIST / Missing expected argument '<file> ...': give the form files, or --files-from LIST"),
        .init(arguments: ["validate", "--max-size", "big", "a.xml"],
              message: "The value 'big' is invalid for '--max-size <bytes>'"),
        .init(arguments: ["run"], message: "Missing expected argument '<inbox>'"),
        .init(arguments: ["watch"], message: "Missing expected argument '<inbox>'"),
        .init(arguments: ["run", "inbox", "--batch-size", "0"],
              message: "--batch-size ต้องเป็น 1 ขึ้นไป / --batch-size must be at least 1"),
        .init(arguments: ["run", "inbox", "--batch-size", "many"],
              message: "The value 'many' is invalid for '--batch-size <n>'"),
        .init(arguments: ["run", "inbox", "--state"], message: "Missing value for '--state <state>'"),
        .init(arguments: ["watch", "inbox", "--quiet-period=-1"],
              message: "--quiet-period ต้องเป็น 0 วินาทีขึ้นไป / --quiet-period must be 0 or more seconds"),
        .init(arguments: ["watch", "inbox", "--rescan-interval", "0"],
              message: "--rescan-interval ต้องมากกว่า 0 วินาที / --rescan-interval must be more than 0 seconds"),
        .init(arguments: ["serve", "inbox", "--login-limit", "0"],
              message: "--submission-limit, --submission-window, --login-limit and --checks-in-flight must be more than 0"),
        .init(arguments: ["rejections", "--format", "xml"],
              message: "The value 'xml' is invalid for '--format <format>'. Please provide one of 'table', 'csv' or 'json'."),
        .init(arguments: ["rejections", "--open", "--all"],
              message: "Value to be set with flag '--all' had already been set with flag '--open'"),
        .init(arguments: ["records", "--format", "xml"], message: "The value 'xml' is invalid for '--format <format>'"),
        .init(arguments: ["summary", "--bureau", "ภ.1"], message: "Unknown option '--bureau'"),
        .init(arguments: ["check"], message: "Unexpected argument 'check'"),
        .init(arguments: ["check", "a.xml"], message: "2 unexpected arguments: 'check', 'a.xml'"),
    ]

    @Test(arguments: badArguments)
    func badArgumentsAreRefusedWithTheirMessage(_ bad: BadArguments) {
        let error = #expect(throws: (any Error).self) { try PipelineCommand.parseAsRoot(bad.arguments) }
        guard let error else { return }
        #expect(PipelineCommand.message(for: error) == bad.message)
        #expect(PipelineCommand.exitCode(for: error) == .validationFailure, "exit status 64, a usage error")
    }

    @Test func serveTakesALoginLimit() throws {
        let defaults = try #require(try PipelineCommand.parseAsRoot(["serve", "in"]) as? ServeCommand)
        #expect(defaults.loginLimit == 10)
        let raised = try #require(try PipelineCommand.parseAsRoot(["serve", "in", "--login-limit", "60"]) as? ServeCommand)
        #expect(raised.loginLimit == 60)
    }

    @Test func runTakesItsDefaults() throws {
        let command = try #require(try PipelineCommand.parseAsRoot(["run", "in"]) as? RunCommand)
        #expect(command.arguments.inbox == "in")
        #expect(command.arguments.state == nil, "the state folder beside the inbox")
        #expect(command.batchSize == 256)
        #expect(command.resources.schemasPath == nil && command.resources.rulesPath == nil, "the built-in schemas")
        #expect(command.resources.maxSize == 1 << 20)
    }

    @Test func validateTakesFilesAndOptions() throws {
        let command = try #require(try PipelineCommand.parseAsRoot(
            ["validate", "--format", "json", "--schemas", "s", "--rules", "r.json", "a.xml", "b.txt"]) as? ValidateCommand)
        #expect(command.format == .json)
        #expect(command.files == ["a.xml", "b.txt"])
        #expect(command.resources.schemasPath == "s" && command.resources.rulesPath == "r.json")
    }

    @Test func followUpCommandsDefaultToTheStateFolder() throws {
        let records = try #require(try PipelineCommand.parseAsRoot(["records"]) as? RecordsCommand)
        #expect(records.state == "state" && records.format == .jsonl && !records.all)
        let rejections = try #require(try PipelineCommand.parseAsRoot(["rejections"]) as? RejectionsCommand)
        #expect(rejections.state == "state" && rejections.which == .open && rejections.format == .table)
    }

    /// The help shows each default once: swift-argument-parser adds `(default: …)` itself.
    @Test(arguments: ["records", "rejections", "summary", "run", "watch", "validate"])
    func helpShowsEachDefaultOnce(_ subcommand: String) {
        let text = helpText(subcommand)
        let optionLines = text.split(separator: "\n").filter { $0.contains("--state") || $0.contains("--format") }
        #expect(!optionLines.isEmpty)
        for line in optionLines {
            let defaults = line.lowercased().components(separatedBy: "default").count - 1
            #expect(defaults <= 1, "\(subcommand): \(line)")
        }
        #expect(text.contains("--state") == (subcommand != "validate"))
    }

    /// The full help of one subcommand, on one line per option.
    func helpText(_ subcommand: String) -> String {
        let type: any ParsableCommand.Type = switch subcommand {
        case "records": RecordsCommand.self
        case "rejections": RejectionsCommand.self
        case "summary": SummaryCommand.self
        case "run": RunCommand.self
        case "watch": WatchCommand.self
        default: ValidateCommand.self
        }
        return PipelineCommand.helpMessage(for: type, columns: 2000)
    }
}
