import Foundation
import Ingest
import Validate

/// The record object of FORMS.md section 5 (`fiscal_year`, `reported_on` as ISO 8601 …),
/// as one line of JSON: what `records.jsonl` and `pipeline records` hold.
enum RecordJSON {
    /// One line, no trailing newline, keys in the contract's order (Foundation's encoder
    /// does not keep key order on Linux); Thai written as UTF-8, `null` for an absent value.
    static func line(_ record: Record) -> String {
        object([
            ("indicator", string(record.indicator)),
            ("fiscal_year", String(record.fiscalYear)),
            ("round", String(record.round)),
            ("station", string(record.station)),
            ("bureau", string(record.bureau)),
            ("province", record.province.map(string) ?? "null"),
            ("reported_on", string(record.reportedOn.iso)),
            ("steps", "[" + record.steps.map { step in
                object([
                    ("number", String(step.number)),
                    ("done", step.done ? "true" : "false"),
                    ("date", step.date.map { string($0.iso) } ?? "null"),
                    ("evidence", step.evidence.map(string) ?? "null"),
                ])
            }.joined(separator: ",") + "]"),
            ("level", String(record.level)),
            ("score", String(record.score)),
            ("target", string(record.target.rawValue)),
            ("reporter", record.reporter.map(string) ?? "null"),
            ("phone", record.phone.map(string) ?? "null"),
        ])
    }

    static func object(_ members: [(String, String)]) -> String {
        "{" + members.map { string($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped, the rest
    /// (Thai included) as it is.
    static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
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
