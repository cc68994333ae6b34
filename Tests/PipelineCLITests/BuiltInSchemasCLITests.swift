import Foundation
import Testing
import TestSupport

/// A lone copy of the binary carries its defaults: it checks forms from an empty folder, with
/// no setting, exactly as with `--schemas`; `--schemas`, `--rules` and `$PIPELINE_SCHEMAS`
/// still come first.
@Suite struct BuiltInSchemasCLITests {
    /// Every sample form, by absolute path (so the lone binary's folder holds nothing else).
    static let samples: [String] = (try? FileManager.default.contentsOfDirectory(atPath: RepositoryPaths.samples.path))
        .map { $0.sorted().map { RepositoryPaths.samples.appendingPathComponent($0).path } } ?? []

    /// The binary copied alone into an empty folder.
    final class LoneBinary {
        let folder: TemporaryFolder
        let executable: URL

        init() throws {
            folder = try TemporaryFolder(prefix: "lone-pipeline")
            executable = folder.url.appendingPathComponent("pipeline")
            try FileManager.default.copyItem(at: PipelineProcess.binary, to: executable)
        }

        /// Runs it in its folder with only `environment` (no `PIPELINE_SCHEMAS`, no `HOME`).
        func run(_ arguments: [String], environment: [String: String] = [:]) throws -> PipelineProcess.Result {
            try PipelineProcess.run(arguments, in: folder.url, environment: ["PATH": "/usr/bin:/bin"].merging(environment) { $1 },
                                    inheritEnvironment: false, executable: executable)
        }
    }

    @Test func aLoneBinaryChecksTheSamplesAsWithTheSchemasFolder() throws {
        try #require(Self.samples.count >= 8, "the sample inbox")
        let lone = try LoneBinary()
        let builtIn = try lone.run(["validate", "--format", "json"] + Self.samples)
        let given = try PipelineProcess.run(["validate", "--format", "json", "--schemas", RepositoryPaths.schemas.path]
                                            + Self.samples)
        #expect(builtIn.stderr == "")
        #expect(given.status == 1, "the samples hold rejected forms")
        #expect(builtIn.status == given.status)
        #expect(builtIn.stdout.split(separator: "\n").count == Self.samples.count)
        #expect(builtIn.stdout == given.stdout, "byte for byte the same verdicts")
        let remaining = try FileManager.default.contentsOfDirectory(atPath: lone.folder.path)
        #expect(remaining == ["pipeline"], "it needed nothing beside it and wrote nothing")
    }

    @Test func theEnvironmentVariableStillComesFirst() throws {
        let lone = try LoneBinary()
        let empty = try lone.folder.makeFolder("empty")
        let result = try lone.run(["validate", Self.samples[0]], environment: ["PIPELINE_SCHEMAS": empty.path])
        #expect(result.status == 2)
        #expect(result.stderr == "pipeline: $PIPELINE_SCHEMAS: \(empty.path) ไม่ใช่โฟลเดอร์ schemas (ไม่มี report.xsd) "
            + "/ is not a schemas folder: it has no report.xsd\n")
        #expect(result.stdout == "")
    }

    @Test func theSchemasOptionComesBeforeTheEnvironment() throws {
        let lone = try LoneBinary()
        let empty = try lone.folder.makeFolder("empty")
        let result = try lone.run(["validate", "--schemas", "empty", Self.samples[0]],
                                  environment: ["PIPELINE_SCHEMAS": RepositoryPaths.schemas.path])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("pipeline: --schemas: \(empty.path) ไม่ใช่โฟลเดอร์ schemas"), "\(result.stderr)")
    }

    /// `--rules` replaces the built-in rule sets: a rule set for another fiscal year leaves
    /// a ๒๕๖๔ form without one.
    @Test func theRulesOptionReplacesTheBuiltInRuleSets() throws {
        let lone = try LoneBinary()
        var ruleSet = try #require(try JSONSerialization.jsonObject(
            with: Data(contentsOf: RepositoryPaths.rules.appendingPathComponent("fy2564.json"))) as? [String: Any])
        let form = RepositoryPaths.samples.appendingPathComponent("muang-chiangmai-r6.xml").path
        let fy2564 = try lone.run(["validate", "--format", "json", form])
        #expect(fy2564.status == 0, "accepted by the built-in FY2564 rule set: \(fy2564.stdout)")
        ruleSet["fiscal_year"] = 2565
        for key in ["fiscal_year_start", "fiscal_year_end"] {
            let date = try #require(ruleSet[key] as? String)
            ruleSet[key] = String(Int(date.prefix(4))! + 1) + date.dropFirst(4)
        }
        try shiftYears(&ruleSet)
        try lone.folder.write("fy2565.json", try JSONSerialization.data(withJSONObject: ruleSet))
        let fy2565 = try lone.run(["validate", "--format", "json", "--rules", "fy2565.json", form])
        #expect(fy2565.stderr == "", "the shifted rule set loads")
        #expect(fy2565.status == 1)
        #expect(fy2565.stdout.contains("\"accepted\":false"), "no rule set for the form's fiscal year: \(fy2565.stdout)")
    }

    /// Moves every `YYYY-MM` month of the rule set's rounds and steps a year on.
    func shiftYears(_ object: inout [String: Any]) throws {
        func shift(_ value: Any) -> Any {
            switch value {
            case let text as String where text.count >= 7 && text.prefix(4).allSatisfy(\.isNumber) && text.dropFirst(4).first == "-":
                return String(Int(text.prefix(4))! + 1) + text.dropFirst(4)
            case let array as [Any]: return array.map(shift)
            case let dictionary as [String: Any]: return dictionary.mapValues(shift)
            default: return value
            }
        }
        for key in ["rounds", "steps"] { object[key] = object[key].map(shift) }
    }
}
