import DefaultSchemas
import Foundation
import Ingest
import Testing
import TestSupport
@testable import Validate

/// The schemas built into the program are the files under `schemas/`, byte for byte, and
/// they are what a command uses when no folder is given.
@Suite struct BuiltInSchemasTests {
    /// The paths under schemas/ that must be built in: the XSD, the vocabulary and every rule
    /// set a folder load would read.
    static func expectedPaths() throws -> [String] {
        let rules = try FileManager.default.contentsOfDirectory(atPath: RepositoryPaths.rules.path)
            .filter { $0.hasSuffix(".json") && !$0.hasSuffix(".schema.json") && !$0.hasPrefix(".") }
        return (["report.xsd", "text-form.json"] + rules.map { "rules/" + $0 }).sorted()
    }

    @Test func everyFileIsBuiltIn() throws {
        #expect(DefaultSchemas.files.map(\.path).sorted() == (try Self.expectedPaths()))
    }

    @Test(arguments: try expectedPaths())
    func theBuiltInCopyIsTheFileByteForByte(_ path: String) throws {
        let onDisk = try Data(contentsOf: RepositoryPaths.schemas.appendingPathComponent(path))
        let builtIn = try #require(DefaultSchemas.files.first { $0.path == path })
        #expect(builtIn.data == onDisk)
    }

    @Test func noFolderGivenMeansBuiltIn() throws {
        let resources = try Resources.resolve(schemas: nil, rules: nil, builtIn: DefaultSchemas.files, environment: [:],
                                              workingDirectory: RepositoryPaths.root)
        #expect(resources.formSchema == .builtIn(path: "report.xsd"))
        #expect(resources.textVocabulary == .builtIn(path: "text-form.json"))
        #expect(resources.rules == .builtIn(path: "rules"))
    }

    @Test func theOptionComesBeforeTheEnvironment() throws {
        let resources = try Resources.resolve(schemas: "schemas", rules: "other/fy.json", builtIn: DefaultSchemas.files,
                                              environment: ["PIPELINE_SCHEMAS": "/nowhere"],
                                              workingDirectory: RepositoryPaths.root)
        #expect(resources.formSchema == .file(RepositoryPaths.formSchema.standardizedFileURL))
        #expect(resources.rules == .file(RepositoryPaths.root.appendingPathComponent("other/fy.json").standardizedFileURL))
    }

    @Test func theEnvironmentComesBeforeTheBuiltIn() throws {
        let resources = try Resources.resolve(schemas: nil, rules: nil, builtIn: DefaultSchemas.files,
                                              environment: ["PIPELINE_SCHEMAS": RepositoryPaths.schemas.path])
        #expect(resources.textVocabulary == .file(RepositoryPaths.textVocabulary.standardizedFileURL))
        #expect(resources.rules == .file(RepositoryPaths.rules.standardizedFileURL))
    }

    /// Without the built-in files, loading says what is missing instead of crashing.
    @Test func anEmptyBuiltInSetIsAClearError() throws {
        let error = #expect(throws: ResourceError.self) { try FormChecker(resources: .builtIn([])) }
        #expect(error?.description == "โหลด schemas/report.xsd (built in) ไม่ได้ / cannot load schemas/report.xsd (built in): the build did not include it")
    }

    @Test func rulesAloneReplaceOnlyTheBuiltInRuleSets() throws {
        let resources = try Resources.resolve(schemas: nil, rules: "/r", builtIn: DefaultSchemas.files, environment: [:])
        #expect(resources.formSchema == .builtIn(path: "report.xsd"))
        #expect(resources.rules == .file(URL(fileURLWithPath: "/r")))
    }

    @Test func aFolderWithoutTheXSDIsRefusedNamingTheSetting() throws {
        let folder = try TemporaryFolder()
        let error = #expect(throws: ResourceError.self) {
            try Resources.resolve(schemas: nil, rules: nil, builtIn: DefaultSchemas.files,
                                  environment: ["PIPELINE_SCHEMAS": folder.path])
        }
        #expect(error?.description == "$PIPELINE_SCHEMAS: \(folder.url.standardizedFileURL.path) ไม่ใช่โฟลเดอร์ schemas (ไม่มี report.xsd) "
            + "/ is not a schemas folder: it has no report.xsd")
    }

    /// The built-in files load, and check the sample forms as the folder does.
    @Test func theBuiltInCheckerGivesTheFolderVerdicts() throws {
        let builtIn = try FormChecker(resources: .builtIn(DefaultSchemas.files))
        let folder = try FormChecker(resources: Resources(schemasDirectory: RepositoryPaths.schemas))
        let samples = try FileManager.default.contentsOfDirectory(atPath: RepositoryPaths.samples.path).sorted()
        try #require(!samples.isEmpty)
        for name in samples {
            let path = RepositoryPaths.samples.appendingPathComponent(name).path
            #expect(try builtIn.check(fileAt: path, file: name).jsonLine() == (try folder.check(fileAt: path, file: name).jsonLine()))
        }
    }
}
