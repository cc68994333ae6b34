import ArgumentParser
import DefaultSchemas
import Foundation
import Validate

/// The options every command that checks forms shares: where the schemas and rule sets are
/// when not the ones built into the program.
struct ResourceOptions: ParsableArguments {
    @Option(name: .customLong("rules"), help: ArgumentHelp(
        "A rule-set file, or a folder of them, instead of the schemas folder's rules/ (default: the rule sets built into the program).",
        valueName: "path"))
    var rulesPath: String?

    @Option(name: .customLong("schemas"), help: ArgumentHelp(
        "A folder holding report.xsd, text-form.json and rules/, instead of the copy of schemas/ built into the program (default: $PIPELINE_SCHEMAS when set).",
        valueName: "dir"))
    var schemasPath: String?

    @Option(name: .customLong("max-size"), help: ArgumentHelp(
        "The largest file read, in bytes; larger ones are rejected as unreadable.", valueName: "bytes"))
    var maxSize: Int = 1 << 20

    /// Loads everything the checker needs, or explains on stderr what is missing and exits 2.
    func makeChecker() throws -> FormChecker {
        do {
            let resources = try Resources.resolve(schemas: schemasPath, rules: rulesPath, builtIn: DefaultSchemas.files)
            return try FormChecker(resources: resources, sizeLimit: maxSize)
        } catch {
            StandardError.print("pipeline: \(error)")
            throw ExitCode(2)
        }
    }
}
