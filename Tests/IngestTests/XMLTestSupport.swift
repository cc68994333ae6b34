import Foundation
import TestSupport
import Testing
@testable import Ingest

/// Files the XML tests read: the repository's `schemas/report.xsd` and the fixtures of this
/// target (`Tests/IngestTests/Fixtures/xml`), found by TestSupport's `RepositoryPaths`.
enum XMLFixtures {
    static let testsDirectory = RepositoryPaths.testTarget("IngestTests")
    static let directory = testsDirectory.appendingPathComponent("Fixtures/xml")
    static let schemaURL = RepositoryPaths.formSchema

    /// The project's schema, compiled once for all XML tests (as the pipeline does).
    static let schema: XMLSchema = {
        do {
            return try XMLSchema(contentsOf: schemaURL)
        } catch {
            fatalError("schemas/report.xsd does not compile: \(error)")
        }
    }()

    static let reader = XMLFormReader(schema: schema)

    static func data(_ name: String) throws -> Data {
        try Data(contentsOf: directory.appendingPathComponent(name))
    }

    static func text(_ name: String) throws -> String {
        let bytes = try data(name)
        return try #require(String(data: bytes, encoding: .utf8), "\(name) is not UTF-8")
    }

    /// Reads UTF-8 text as an XML form.
    static func read(_ xml: String) -> FormReading {
        reader.read(Data(xml.utf8), encoding: .utf8)
    }

    /// The docs/forms.md example with line `number` (1-based) replaced by `replacement` lines
    /// (none removes it).
    static func example(replacingLine number: Int, with replacement: [String]) throws -> String {
        var lines = try text("example.xml").components(separatedBy: "\n")
        lines.replaceSubrange(number - 1 ..< number, with: replacement)
        return lines.joined(separator: "\n")
    }
}

extension FormReading {
    /// The rules of the findings, in order.
    var rules: [Rule] { findings.map(\.rule) }
}
