import Foundation
import Ingest
import Testing
@testable import Validate

@Suite("Reading a stored record back")
struct RecordReadingTests {
    @Test("what jsonLine() writes reads back to the same record and the same line")
    func roundTrip() throws {
        let record = VerdictJSONTests.record
        let line = record.jsonLine()
        let read = try Record(jsonLine: line)
        #expect(read == record)
        #expect(read.jsonLine() == line)
    }

    @Test("the records of the bundled samples' verdicts read back byte for byte")
    func sampleRecords() throws {
        let checker = try FormChecker(resources: Resources(schemasDirectory: Repo.root.appendingPathComponent("schemas")))
        let samples = try FileManager.default.contentsOfDirectory(atPath: Repo.root.appendingPathComponent("inbox").path).sorted()
        var records = 0
        for name in samples {
            let data = try Data(contentsOf: Repo.root.appendingPathComponent("inbox").appendingPathComponent(name))
            guard let record = checker.check(data, file: name).record else { continue }
            records += 1
            #expect(try Record(jsonLine: record.jsonLine()).jsonLine() == record.jsonLine(), "\(name)")
        }
        #expect(records >= 4)
    }

    /// A step's `on_time`, which newer writers add, is read whether present or missing.
    @Test("a step's on_time may be present (true, false, null) or missing", arguments: [
        #""on_time":true,"#, #""on_time":false,"#, #""on_time":null,"#, "",
    ])
    func onTime(_ member: String) throws {
        let line = #"{"indicator":"กต.ตร. พบประชาชน","fiscal_year":2564,"round":6,"station":"สภ.เมืองเชียงใหม่","bureau":"ภ.5","province":null,"reported_on":"2021-04-20","steps":[{"number":1,"done":true,"#
            + member + #""date":"2020-11-15","evidence":null}],"level":1,"score":0,"target":"below","reporter":null,"phone":null}"#
        let record = try Record(jsonLine: line)
        let onTime: Bool? = member.contains("true") ? true : member.contains("false") ? false : nil
        #expect(record.steps == [StepRecord(number: 1, done: true, date: CalendarDate(year: 2020, month: 11, day: 15), onTime: onTime)])
        #expect(record.province == nil && record.reporter == nil)
    }

    struct Damage: Sendable, CustomTestStringConvertible {
        var from: String
        var to: String
        var problem: String
        var testDescription: String { problem }
    }

    @Test("a damaged record is an error naming the key", arguments: [
        Damage(from: #""fiscal_year":2564,"#, to: "", problem: "fiscal_year: missing"),
        Damage(from: #""done":true"#, to: #""done":"yes""#, problem: "steps[0].done: expected"),
        Damage(from: #""reported_on":"2021-04-20""#, to: #""reported_on":"2021-13-20""#, problem: "reported_on: \"2021-13-20\" is not a date"),
        Damage(from: #""date":"2020-11-15""#, to: #""date":"๒๐๒๐-11-15""#, problem: "steps[0].date: \"๒๐๒๐-11-15\" is not a date"),
        Damage(from: #""target":"below""#, to: #""target":"top""#, problem: "target: "),
        Damage(from: #""level":1"#, to: #""level":null"#, problem: "level: null where"),
        Damage(from: "}", to: "", problem: "the record: "),
    ])
    func damaged(_ damage: Damage) throws {
        let line = VerdictJSONTests.record.jsonLine()
        let range = try #require(line.range(of: damage.from, options: .backwards))
        let damaged = line.replacingCharacters(in: range, with: damage.to)
        #expect {
            _ = try Record(jsonLine: damaged)
        } throws: { error in
            let problem = (error as? RecordReadingError)?.problem ?? ""
            return problem.hasPrefix(damage.problem) && "\(error)".hasPrefix("อ่านข้อมูลรายงานที่เก็บไว้ไม่ได้ / a stored record cannot be read: ")
        }
    }
}
