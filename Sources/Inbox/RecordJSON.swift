import Foundation
import Ingest
import Validate

/// The findings as the ledger stores them, in the verdict's JSON shape. A record's own line
/// comes from `Record.jsonLine()` (Validate), the same writer as the verdict's.
enum RecordJSON {
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
