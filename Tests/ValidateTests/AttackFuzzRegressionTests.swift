import Foundation
import Ingest
import Testing
import Validate

/// The saved fuzz cases of the `checker` target (Tests/IngestTests/Fixtures/fuzz-regressions/
/// checker/*), through the whole checker with the properties the fuzz target checks: a JSON
/// line that is valid JSON and agrees with the verdict, an error behind every rejection, no
/// control character in a message, a record behind every acceptance that survives the
/// ledger's JSON round trip.
@Suite("Fuzz regressions: checker")
struct AttackFuzzRegressionTests {
    static var cases: [URL] {
        let directory = Attack.root.appendingPathComponent("Tests/IngestTests/Fixtures/fuzz-regressions/checker")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { !$0.hasPrefix(".") && !$0.hasSuffix(".md") }.sorted()
            .map { directory.appendingPathComponent($0) }
    }

    @Test(arguments: cases)
    func checker(file: URL) async throws {
        let result = await Attack.check(try Data(contentsOf: file), file: file.lastPathComponent)
        let verdict = result.verdict
        #expect(result.elapsed < Attack.timeBound)
        let line = verdict.jsonLine()
        #expect(!line.contains("\n"))
        let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        #expect(object?["accepted"] as? Bool == verdict.accepted)
        #expect(verdict.accepted || verdict.findings.hasErrors)
        #expect(verdict.findings.allSatisfy { !$0.messageTH.isEmpty && !$0.messageEN.isEmpty })
        // As the fuzz target: no raw control character (a line break included) in a message,
        // which the human output and the notices print as they are.
        for finding in verdict.findings {
            let controls = (finding.messageTH + finding.messageEN).unicodeScalars.filter { CharacterSet.controlCharacters.contains($0) }
            #expect(controls.isEmpty, "\(finding.rule.rawValue): \(controls.map { String($0.value, radix: 16) })")
        }
        if verdict.accepted { #expect(verdict.record != nil) }
        Attack.expectRoundTrip(verdict)
    }
}
