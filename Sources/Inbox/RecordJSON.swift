import Foundation
import Ingest
import Validate

/// The record object of FORMS.md section 5 (`fiscal_year`, `reported_on` as ISO 8601 …),
/// as one line of JSON: what `records.jsonl` and `pipeline records` hold.
enum RecordJSON {
    private struct StepObject: Encodable {
        let number: Int
        let done: Bool
        let date: String?
        let evidence: String?

        enum CodingKeys: String, CodingKey { case number, done, date, evidence }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(number, forKey: .number)
            try container.encode(done, forKey: .done)
            try container.encode(date, forKey: .date)
            try container.encode(evidence, forKey: .evidence)
        }
    }

    private struct RecordObject: Encodable {
        let record: Record

        enum CodingKeys: String, CodingKey {
            case indicator, round, station, bureau, province, steps, level, score, target, reporter, phone
            case fiscalYear = "fiscal_year"
            case reportedOn = "reported_on"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(record.indicator, forKey: .indicator)
            try container.encode(record.fiscalYear, forKey: .fiscalYear)
            try container.encode(record.round, forKey: .round)
            try container.encode(record.station, forKey: .station)
            try container.encode(record.bureau, forKey: .bureau)
            try container.encode(record.province, forKey: .province)
            try container.encode(record.reportedOn.iso, forKey: .reportedOn)
            try container.encode(record.steps.map {
                StepObject(number: $0.number, done: $0.done, date: $0.date?.iso, evidence: $0.evidence)
            }, forKey: .steps)
            try container.encode(record.level, forKey: .level)
            try container.encode(record.score, forKey: .score)
            try container.encode(record.target.rawValue, forKey: .target)
            try container.encode(record.reporter, forKey: .reporter)
            try container.encode(record.phone, forKey: .phone)
        }
    }

    /// One line, no trailing newline; Thai text is written as UTF-8, not escaped.
    static func line(_ record: Record) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        // Encoding strings, numbers and booleans cannot fail.
        let data = (try? encoder.encode(RecordObject(record: record))) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// The findings as the JSON array of the verdict (`rule`, `severity`, `line`, `step`,
    /// `message_th`, `message_en`).
    static func findings(_ findings: [Finding]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        let data = (try? encoder.encode(findings)) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    static func decodeFindings(_ json: String) -> [Finding] {
        (try? JSONDecoder().decode([Finding].self, from: Data(json.utf8))) ?? []
    }
}
