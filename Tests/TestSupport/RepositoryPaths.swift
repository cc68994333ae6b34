import Foundation

/// Paths inside the repository, found from this file's place (`Tests/TestSupport/`), so tests
/// read the real schemas, samples and fixtures wherever the checkout is.
public enum RepositoryPaths {
    /// The repository's root: the folder holding Package.swift.
    public static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// `schemas/`: report.xsd, text-form.json, rules/ and the rule-set JSON Schema.
    public static let schemas = root.appendingPathComponent("schemas")
    /// `schemas/rules/`, the rule sets.
    public static let rules = schemas.appendingPathComponent("rules")
    /// `schemas/report.xsd`, the XML form's schema.
    public static let formSchema = schemas.appendingPathComponent("report.xsd")
    /// `schemas/text-form.json`, the plain-text form's vocabulary.
    public static let textVocabulary = schemas.appendingPathComponent("text-form.json")
    /// `inbox/`, the sample forms.
    public static let samples = root.appendingPathComponent("inbox")
    /// `Tests/Fixtures/`, test data shared by several test targets.
    public static let fixtures = root.appendingPathComponent("Tests/Fixtures")
    /// `Tests/<target>/`, the folder of one test target (for the fixtures beside its tests).
    public static func testTarget(_ name: String) -> URL {
        root.appendingPathComponent("Tests").appendingPathComponent(name)
    }

    /// The `pipeline` binary built beside the running test bundle (a test target that
    /// depends on the executable has it there; on Linux the tests run from
    /// `<bin>/<package>PackageTests.xctest`), else `.build/debug/pipeline`.
    public static let pipelineBinary: URL = {
        let testBinary = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        var folder = testBinary.resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<3 {
            let candidate = folder.appendingPathComponent("pipeline")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return root.appendingPathComponent(".build/debug/pipeline")
    }()
}
