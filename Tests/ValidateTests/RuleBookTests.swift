import Foundation
import Ingest
import Testing
@testable import Validate

/// The FY2564 file's text.
func fy2564Text() throws -> String {
    try String(contentsOf: Repo.fy2564, encoding: .utf8)
}

/// The FY2564 file as a JSON object, to change and write again.
func fy2564Object() throws -> [String: Any] {
    let object = try JSONSerialization.jsonObject(with: Data(try fy2564Text().utf8))
    return try #require(object as? [String: Any])
}

func jsonText(_ object: [String: Any]) throws -> String {
    String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted]), as: UTF8.self)
}

/// The error `body` throws, or a test failure.
func loadError(_ body: () throws(RuleSetError) -> RuleBook) -> RuleSetError? {
    do {
        _ = try body()
        Issue.record("loaded without an error")
        return nil
    } catch {
        return error
    }
}

@Suite("Rule sets: loading and checks")
struct RuleBookTests {
    @Test("The repository's rule folder loads FY2564 with its data")
    func repositoryRules() throws {
        let book = try RuleBook.load(from: Repo.rules)
        #expect(book.fiscalYears == [2564])
        let rules = try #require(book.ruleSet(forFiscalYear: 2564))
        #expect(book.ruleSet(forFiscalYear: 2565) == nil)
        #expect(rules.fiscalYearStart == CalendarDate(year: 2020, month: 10, day: 1))
        #expect(rules.fiscalYearEnd == CalendarDate(year: 2021, month: 9, day: 30))
        #expect(rules.indicator.project == "กต.ตร. พบประชาชน")
        #expect(rules.rounds.map(\.months) == [6, 12])
        #expect(rules.rounds.map(\.requiresScore) == [false, true])
        #expect(rules.steps.map(\.number) == [1, 2, 3, 4, 5])
        #expect(rules.steps[2].window.thai == "เม.ย. – มิ.ย. ๒๕๖๔")
        #expect(rules.steps[0].window.thai == "ต.ค. – ธ.ค. ๒๕๖๓")
        #expect(rules.bureaus.map(\.name) == ["บช.น."] + (1...9).map { "ภ.\($0)" })
        #expect(rules.provinces.count == 77)
        let six = try #require(rules.round(months: 6))
        let twelve = try #require(rules.round(months: 12))
        #expect(rules.reportDeadline(for: six) == CalendarDate(year: 2021, month: 6, day: 30))
        #expect(rules.reportDeadline(for: twelve) == CalendarDate(year: 2021, month: 12, day: 31))
    }

    @Test("One file loads as well as a folder")
    func singleFile() throws {
        #expect(try RuleBook.load(from: Repo.fy2564).fiscalYears == [2564])
    }

    @Test("Broken JSON names the file")
    func brokenJSON() throws {
        let folder = try TemporaryFolder()
        let file = try folder.write("fy2564.json", String(try fy2564Text().dropLast(3)))
        let error = try #require(loadError { () throws(RuleSetError) in try RuleBook.load(from: file) })
        #expect(error.file == "fy2564.json")
        #expect(error.description.hasPrefix("fy2564.json: not valid JSON"))
    }

    @Test("A month that is not a month names the file and the key path")
    func badMonth() throws {
        let folder = try TemporaryFolder()
        let text = try fy2564Text().replacingOccurrences(
            of: "\"window\": { \"first\": \"2021-04\", \"last\": \"2021-06\" }",
            with: "\"window\": { \"first\": \"2021-13\", \"last\": \"2021-06\" }")
        let file = try folder.write("fy2564.json", text)
        let error = try #require(loadError { () throws(RuleSetError) in try RuleBook.load(from: file) })
        #expect(error.description.hasPrefix("fy2564.json: steps[2].window.first: \"2021-13\" is not a month"))
    }

    /// Breaks one part of the FY2564 object the way `what` says.
    static func breakRuleSet(_ what: String, _ object: inout [String: Any]) throws {
        var steps = try #require(object["steps"] as? [[String: Any]])
        var targets = try #require(object["targets"] as? [[String: Any]])
        var bureaus = try #require(object["bureaus"] as? [[String: Any]])
        var aliases = try #require(object["aliases"] as? [String: Any])
        switch what {
        case "window outside the fiscal year": steps[4]["window"] = ["first": "2021-07", "last": "2021-10"]
        case "steps not numbered 1…N": steps[3]["number"] = 5
        case "target score not its level's": targets[1]["score"] = 70
        case "province in two bureaus":
            bureaus[2]["provinces"] = try #require(bureaus[2]["provinces"] as? [String]) + ["นนทบุรี"]
        case "alias to an unknown bureau": aliases["bureau"] = ["บชน": "บช.ม."]
        case "alias to an unknown province": aliases["province"] = ["โคราช": "โคราชบุรี"]
        case "Common Era fiscal year": object["fiscal_year"] = 2021
        case "score table of the wrong length": object["score_by_level"] = [0, 25, 50, 75, 100]
        default: Issue.record("no such change: \(what)")
        }
        object["steps"] = steps
        object["targets"] = targets
        object["bureaus"] = bureaus
        object["aliases"] = aliases
    }

    @Test("Inconsistent rule sets are refused with the key path", arguments: [
        ("window outside the fiscal year", "steps[4].window"),
        ("steps not numbered 1…N", "steps[3].number"),
        ("target score not its level's", "targets[1].score"),
        ("province in two bureaus", "bureaus[2].provinces"),
        ("alias to an unknown bureau", "aliases.bureau[\"บชน\"]"),
        ("alias to an unknown province", "aliases.province[\"โคราช\"]"),
        ("Common Era fiscal year", "fiscal_year"),
        ("score table of the wrong length", "score_by_level"),
    ])
    func inconsistent(what: String, path: String) throws {
        var object = try fy2564Object()
        try Self.breakRuleSet(what, &object)
        let folder = try TemporaryFolder()
        let file = try folder.write("broken.json", try jsonText(object))
        let error = try #require(loadError { () throws(RuleSetError) in try RuleBook.load(from: file) }, "\(what)")
        #expect(error.description.hasPrefix("broken.json: \(path)"), "\(what): \(error)")
    }

    @Test("Two files for one fiscal year are refused, naming both")
    func duplicateFiscalYear() throws {
        let folder = try TemporaryFolder()
        try folder.write("a.json", try fy2564Text())
        try folder.write("b.json", try fy2564Text())
        let error = try #require(loadError { () throws(RuleSetError) in try RuleBook.load(from: folder.url) })
        #expect(error.file == "b.json")
        #expect(error.problem.contains("a.json"))
        #expect(error.problem.contains("2564"))
    }

    @Test("A folder without rule sets, and a path that does not exist, are refused")
    func emptyOrMissing() throws {
        let folder = try TemporaryFolder()
        try folder.write("ruleset.schema.json", "{}")
        let empty = try #require(loadError { () throws(RuleSetError) in try RuleBook.load(from: folder.url) })
        #expect(empty.problem.contains("no rule set"))
        let missing = try #require(loadError { () throws(RuleSetError) in
            try RuleBook.load(from: folder.url.appendingPathComponent("nothing-here"))
        })
        #expect(missing.problem.contains("no such file"))
    }

    @Test("FY2565 is a new file, not a code change: its own windows and units apply")
    func secondFiscalYear() throws {
        // FY2565: every date a year later, step 2 planned for ก.พ. – เม.ย. ๒๕๖๕, and a
        // province alias only this year knows.
        var text = try fy2564Text()
            .replacingOccurrences(of: "\"2021-", with: "\"2022-")
            .replacingOccurrences(of: "\"2020-", with: "\"2021-")
            .replacingOccurrences(of: "\"fiscal_year\": 2564", with: "\"fiscal_year\": 2565")
        text = text.replacingOccurrences(
            of: "\"window\": { \"first\": \"2022-01\", \"last\": \"2022-03\" }",
            with: "\"window\": { \"first\": \"2022-02\", \"last\": \"2022-04\" }")
        text = text.replacingOccurrences(of: "\"โคราช\": \"นครราชสีมา\"", with: "\"โคราช\": \"นครราชสีมา\", \"เชียงใหม่ฯ\": \"เชียงใหม่\"")
        let folder = try TemporaryFolder()
        try folder.write("fy2564.json", try fy2564Text())
        try folder.write("fy2565.json", text)
        let book = try RuleBook.load(from: folder.url)
        #expect(book.fiscalYears == [2564, 2565])
        let validator = Validator(ruleBook: book)

        let form2565 = ReportForm.example
            .setting(.fiscalYear, "๒๕๖๕")
            .setting(.reportedOn, "๓๐ เม.ย. ๒๕๖๕")
            .setting(.province, "เชียงใหม่ฯ")
            .withSteps([("๑", true, "๑๕ พ.ย. ๒๕๖๔"), ("๒", true, "๑๐ เม.ย. ๒๕๖๕")])
        let (findings, record) = validator.validate(form2565)
        #expect(rules(findings) == [.alias], "\(findings.map(\.messageEN))")
        #expect(record?.fiscalYear == 2565)
        #expect(record?.province == "เชียงใหม่")

        // The same step 2 in April is outside FY2564's window (ม.ค. – มี.ค.).
        let form2564 = ReportForm.example
            .setting(.reportedOn, "๓๐ เม.ย. ๒๕๖๔")
            .withSteps([("๑", true, "๑๕ พ.ย. ๒๕๖๓"), ("๒", true, "๑๐ เม.ย. ๒๕๖๔")])
        #expect(rules(validator.validate(form2564).findings) == [.window])
    }
}

/// `python3` with `jsonschema`, when this machine has both.
enum Python {
    static let jsonSchemaAvailable: Bool = (try? run(["-c", "import jsonschema"]).status) == 0

    /// Runs python3 with `arguments`; its exit status and what it wrote.
    static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Validates `file` against the rule-set JSON Schema (draft 2020-12).
    static func validate(_ file: URL) throws -> (status: Int32, output: String) {
        let script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1], encoding="utf-8"))
            jsonschema.Draft202012Validator.check_schema(schema)
            jsonschema.Draft202012Validator(schema).validate(json.load(open(sys.argv[2], encoding="utf-8")))
            """
        return try run(["-c", script, Repo.schema.path, file.path])
    }
}

@Suite("Rule sets: JSON Schema")
struct RuleSetSchemaTests {
    @Test("fy2564.json is valid against ruleset.schema.json",
          .enabled(if: Python.jsonSchemaAvailable, "skipped: python3 with the jsonschema module is not installed"))
    func repositoryFileIsValid() throws {
        let result = try Python.validate(Repo.fy2564)
        #expect(result.status == 0, "\(result.output)")
    }

    @Test("The schema refuses a rule set without steps and one with a bad month",
          .enabled(if: Python.jsonSchemaAvailable, "skipped: python3 with the jsonschema module is not installed"))
    func schemaRefuses() throws {
        let folder = try TemporaryFolder()
        var withoutSteps = try fy2564Object()
        withoutSteps["steps"] = nil
        let noSteps = try Python.validate(try folder.write("no-steps.json", try jsonText(withoutSteps)))
        #expect(noSteps.status != 0)
        #expect(noSteps.output.contains("'steps' is a required property"))

        let badMonth = try fy2564Text().replacingOccurrences(of: "\"2021-06\"", with: "\"2021-13\"")
        let month = try Python.validate(try folder.write("bad-month.json", badMonth))
        #expect(month.status != 0)
        #expect(month.output.contains("2021-13"))
    }
}
