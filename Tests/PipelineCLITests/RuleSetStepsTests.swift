import Foundation
import Testing

/// The follow-up commands show as many steps as the rule set has (steps 1…N,
/// `docs/rule-sets.md`), not a fixed five.
@Suite("records and summary with a rule set of six steps")
struct RuleSetStepsTests {
    /// FY2564's rule set with a sixth step (in step 5's window) and a score for level 6.
    static func sixStepRules(in folder: TemporaryFolder) throws -> URL {
        let source = PipelineProcess.packageRoot.appendingPathComponent("schemas/rules/fy2564.json")
        var rules = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: source)) as? [String: Any])
        var steps = try #require(rules["steps"] as? [[String: Any]])
        steps.append(["number": 6, "name": "ขั้นตอนทดสอบที่หก", "window": ["first": "2021-07", "last": "2021-09"]])
        rules["steps"] = steps
        rules["score_by_level"] = [0, 0, 25, 50, 75, 100, 100]
        return try folder.write("fy2564-six-steps.json", try JSONSerialization.data(withJSONObject: rules))
    }

    @Test("records --format csv has step1…step6; summary has level0…level6; jsonl is records.jsonl")
    func sixSteps() throws {
        let folder = try TemporaryFolder()
        let rules = try Self.sixStepRules(in: folder)
        let box = try InboxFolder()
        try box.drop("a.txt", textForm())
        let run = try PipelineProcess.run(["run", box.inbox, "--state", box.state, "--rules", rules.path] + schemaArguments)
        #expect(run.stdout.contains("accepted 1 · rejected 0"), "\(run.stdout)\(run.stderr)")

        let csv = try PipelineProcess.run(["records", "--format", "csv", "--state", box.state])
        #expect(csv.status == 0)
        let lines = String(csv.stdout.dropFirst()).components(separatedBy: "\r\n")
        #expect(lines.first.map(csvHeaderKeys) == "fiscal_year,round,bureau,station,province,reported_on,level,score,target,"
            + "step1,step2,step3,step4,step5,step6,reporter,phone,current")
        #expect(lines.dropFirst().first?.contains(",2,25,below,2020-11-15,2021-01-10,,,,,ร.ต.อ.สมชาย ใจดี,") == true,
                "\(lines)")

        let summary = try PipelineProcess.run(["summary", "--format", "csv", "--state", box.state])
        let header = String(summary.stdout.dropFirst()).components(separatedBy: "\r\n").first
        #expect(header.map(csvHeaderKeys) == "fiscal_year,round,bureau,roster_stations,stations,rejected_open,missing,reporting_rate,"
            + "level0,level1,level2,level3,level4,level5,level6,advanced,standard,minimum,below,mean_score,steps_on_time,steps_dated")
        let json = try PipelineProcess.run(["summary", "--format", "json", "--state", box.state])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.split(separator: "\n")[0].utf8)) as? [String: Any])
        #expect(object["level6"] as? Int == 0 && object["level2"] as? Int == 1)

        let jsonl = try PipelineProcess.run(["records", "--state", box.state])
        #expect(jsonl.stdout == (try String(contentsOfFile: box.state + "/records.jsonl", encoding: .utf8)))
        #expect(jsonl.stdout.contains(#"{"number":6,"done":false,"date":null,"evidence":null,"on_time":null}"#))
    }
}
