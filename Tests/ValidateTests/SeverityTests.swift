import Foundation
import Ingest
import Testing
@testable import Validate

/// A rule set's `severities`: checked at load, and the verdict reports the set's severity.
@Suite("Rule sets: severities")
struct SeverityTests {
    /// The FY2564 rule set with `severities` set to `entries`, in a temporary folder.
    static func ruleSet(_ entries: [String: Any], in folder: TemporaryFolder) throws -> URL {
        var object = try fy2564Object()
        object["severities"] = entries
        return try folder.write("fy2564.json", try jsonText(object))
    }

    /// The plain-text example of `docs/forms.md` with step 1 dated in January: late.
    static let lateStep = (try? String(contentsOf: Repo.root.appendingPathComponent("Tests/Fixtures/forms-text-example.txt"),
                                       encoding: .utf8))?.replacingOccurrences(of: "๑๕ พ.ย. ๒๕๖๓", with: "๕ ม.ค. ๒๕๖๔") ?? ""

    static func checker(rules: URL) throws -> FormChecker {
        try FormChecker(resources: Resources(schemasDirectory: Repo.root.appendingPathComponent("schemas"), rules: rules))
    }

    @Test("By default a late step is a warning: the form is accepted")
    func defaultWindowIsAWarning() throws {
        let verdict = try Self.checker(rules: Repo.rules).check(Data(Self.lateStep.utf8), file: "late.txt")
        #expect(verdict.findings.map(\.rule) == [.window])
        #expect(verdict.findings.map(\.severity) == [.warning])
        #expect(verdict.accepted)
    }

    @Test("\"window\": \"error\" rejects the late step, with a message that does not say it counts")
    func windowRaisedToError() throws {
        let folder = try TemporaryFolder()
        let checker = try Self.checker(rules: try Self.ruleSet(["window": "error"], in: folder))
        let verdict = checker.check(Data(Self.lateStep.utf8), file: "late.txt")
        let finding = try #require(verdict.findings.first { $0.rule == .window })
        #expect(finding.severity == .error)
        #expect(!verdict.accepted)
        #expect(finding.messageTH.contains("ไม่รับ"))
        #expect(!finding.messageEN.contains("counts as done"))
        #expect(verdict.jsonLine().contains(#""rule":"window","severity":"error""#))
    }

    @Test("A reader's warning raised to an error, and an error lowered to a warning")
    func raiseAndLower() throws {
        let folder = try TemporaryFolder()
        let checker = try Self.checker(rules: try Self.ruleSet(["unknown-field": "error", "score-mismatch": "warning"], in: folder))
        let base = Self.lateStep.replacingOccurrences(of: "๕ ม.ค. ๒๕๖๔", with: "๑๕ พ.ย. ๒๕๖๓")
        let unknown = checker.check(Data(base.replacingOccurrences(of: "ผู้รายงาน", with: "หมายเหตุ : -\nผู้รายงาน").utf8), file: "a.txt")
        #expect(unknown.findings.map(\.severity) == [.error])
        #expect(!unknown.accepted)
        let mismatch = checker.check(Data(base.replacingOccurrences(of: "คะแนน : ๒๕", with: "คะแนน : ๕๐").utf8), file: "b.txt")
        #expect(mismatch.findings.map(\.rule) == [.scoreMismatch])
        #expect(mismatch.findings.map(\.severity) == [.warning])
        #expect(mismatch.accepted)
    }

    @Test("Refused at load, naming the file and the key path", arguments: [
        (["windw": "error"], "fy2564.json: severities.windw: \"windw\" is not a rule id"),
        (["window": "fatal"], "fy2564.json: severities.window: \"fatal\" is not a severity"),
        (["schema": "warning"], "fy2564.json: severities.schema: schema cannot be lowered to a warning"),
        (["unreadable": "warning"], "fy2564.json: severities.unreadable: unreadable cannot be lowered"),
        (["window": 1], "fy2564.json: severities.window: expected a string"),
    ] as [([String: any Sendable], String)])
    func refused(entries: [String: any Sendable], message: String) throws {
        let folder = try TemporaryFolder()
        let file = try Self.ruleSet(entries, in: folder)
        let error = loadError { () throws(RuleSetError) in try RuleBook.load(from: file) }
        #expect(error?.description.hasPrefix(message) == true, "\(error?.description ?? "none")")
    }

    @Test("Which severities a rule may have", arguments: Rule.allCases)
    func mayBe(rule: Rule) {
        #expect(rule.mayBe(.error))
        #expect(rule.mayBe(rule.severity))
        let lowerable = rule.severity == .warning || ![.unreadable, .malformed, .unsafeXML, .schema].contains(rule)
        #expect(rule.mayBe(.warning) == lowerable)
    }
}
