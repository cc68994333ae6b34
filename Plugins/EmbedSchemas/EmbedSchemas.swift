import Foundation
import PackagePlugin

/// Builds the schemas under `schemas/` into the target it is applied to: the form XSD
/// (`report.xsd`), the text-form vocabulary (`text-form.json`) and every rule set
/// (`rules/*.json`, the JSON Schema `*.schema.json` and hidden files excepted, as
/// `RuleBook.load(from:)` reads a folder).
///
/// `schemas/` stays the one source of truth: nothing generated is committed. The plugin
/// runs at every build and lists the rule sets afresh, so a new `rules/fy2565.json` is built
/// in by the next build; the tool runs again only when one of the files changed.
@main
struct EmbedSchemas: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        let schemas = context.package.directoryURL.appending(path: "schemas")
        let rules = schemas.appending(path: "rules")
        let ruleNames = try FileManager.default.contentsOfDirectory(atPath: rules.path)
            .filter { $0.hasSuffix(".json") && !$0.hasSuffix(".schema.json") && !$0.hasPrefix(".") }
            .sorted()
        // The tool's arguments: the output, then each input as `name=path`, where the name is
        // the file's path under schemas/.
        let inputs: [(name: String, url: URL)] =
            [("report.xsd", schemas.appending(path: "report.xsd")),
             ("text-form.json", schemas.appending(path: "text-form.json"))]
            + ruleNames.map { ("rules/" + $0, rules.appending(path: $0)) }
        let output = context.pluginWorkDirectoryURL.appending(path: "DefaultSchemasFiles.swift")
        return [
            .buildCommand(
                displayName: "Embedding the files of the schemas folder into \(target.name)",
                executable: try context.tool(named: "embed-schemas").url,
                arguments: [output.path] + inputs.map { "\($0.name)=\($0.url.path)" },
                inputFiles: inputs.map(\.url),
                outputFiles: [output])
        ]
    }
}
