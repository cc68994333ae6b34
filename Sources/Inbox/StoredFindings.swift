import Foundation
import Ingest

/// The findings of a submission as the ledger stores them (`submissions.findings_json`): a
/// JSON array of the verdict's finding objects (`rule`, `severity`, `line`, `step`,
/// `message_th`, `message_en`), read back for notices and the rejection log.
enum StoredFindings {
    static func json(_ findings: [Finding]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        let data = (try? encoder.encode(findings)) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    static func decode(_ json: String) -> [Finding] {
        (try? JSONDecoder().decode([Finding].self, from: Data(json.utf8))) ?? []
    }
}
