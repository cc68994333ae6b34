import ArgumentParser
import Foundation
import Validate

/// The options every command that checks forms shares: where the schemas and rule sets are.
struct ResourceOptions: ParsableArguments {
    @Option(name: .customLong("rules"), help: ArgumentHelp(
        "A rule-set file, or a folder of them (default: schemas/rules).", valueName: "path"))
    var rulesPath: String?

    @Option(name: .customLong("schemas"), help: ArgumentHelp(
        "The folder holding report.xsd, text-form.json and rules/ (default: $PIPELINE_SCHEMAS, else found beside the program).",
        valueName: "dir"))
    var schemasPath: String?

    @Option(name: .customLong("max-size"), help: ArgumentHelp(
        "The largest file read, in bytes; larger ones are rejected as unreadable.", valueName: "bytes"))
    var maxSize: Int = 1 << 20

    /// Loads everything the checker needs, or explains on stderr what is missing and exits 2.
    func makeChecker() throws -> FormChecker {
        do {
            let schemas = try Resources.locateSchemas(explicit: schemasPath)
            let rules = rulesPath.map { URL(fileURLWithPath: $0).standardizedFileURL }
            return try FormChecker(resources: Resources(schemasDirectory: schemas, rules: rules), sizeLimit: maxSize)
        } catch {
            StandardError.print("pipeline: \(error)")
            throw ExitCode(2)
        }
    }
}
