import Foundation
import Ingest

/// A stored record object that cannot be read back: not JSON, or a key missing or of the
/// wrong kind. The ledger and `records.jsonl` hold what `Record.jsonLine()` wrote, so this
/// means a damaged or hand-edited store.
public struct RecordReadingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong, with the key path where there is one: `steps[1].done: …`.
    public let problem: String

    public init(problem: String) {
        self.problem = problem
    }

    public var description: String {
        "อ่านข้อมูลรายงานที่เก็บไว้ไม่ได้ / a stored record cannot be read: \(problem)"
    }
}

extension Record {
    /// Reads back one record object as `jsonLine()` writes it (the `record` of the verdict,
    /// a line of `records.jsonl`, what the ledger stores).
    ///
    /// The keys the writer always writes are required; those it writes as `null` when absent
    /// (`province`, `reporter`, `phone`, a step's `date` and `evidence`) may also be missing.
    /// Keys it does not know are ignored. A step's `on_time` (`true`, `false`, or `null` for a
    /// step not done), which newer writers add, is read when present and may be missing.
    public init(jsonLine: String) throws(RecordReadingError) {
        let object: StoredRecordObject
        do {
            object = try JSONDecoder().decode(StoredRecordObject.self, from: Data(jsonLine.utf8))
        } catch let error as DecodingError {
            throw RecordReadingError(problem: RecordReadingError.describe(error))
        } catch {
            throw RecordReadingError(problem: "\(error)")
        }
        self.init(
            indicator: object.indicator, fiscalYear: object.fiscalYear, round: object.round,
            station: object.station, bureau: object.bureau, province: object.province,
            reportedOn: object.reportedOn.date,
            steps: object.steps.map { step in
                StepRecord(number: step.number, done: step.done, date: step.date?.date, evidence: step.evidence,
                           onTime: step.onTime)
            },
            level: object.level, score: object.score, target: object.target,
            reporter: object.reporter, phone: object.phone)
    }
}

extension RecordReadingError {
    /// `steps[1].done: expected a Bool` from a decoding error's path and reason.
    fileprivate static func describe(_ error: DecodingError) -> String {
        func path(_ codingPath: [any CodingKey]) -> String {
            var text = ""
            for key in codingPath {
                if let index = key.intValue { text += "[\(index)]" } else { text += (text.isEmpty ? "" : ".") + key.stringValue }
            }
            return text.isEmpty ? "the record" : text
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "\(path(context.codingPath + [key])): missing"
        case .typeMismatch(let type, let context):
            return "\(path(context.codingPath)): expected \(type)"
        case .valueNotFound(let type, let context):
            return "\(path(context.codingPath)): null where \(type) is required"
        case .dataCorrupted(let context):
            return "\(path(context.codingPath)): \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }
}

/// The record object's shape, as `jsonLine()` writes it, for reading it back.
private struct StoredRecordObject: Decodable {
    let indicator: String
    let fiscalYear: Int
    let round: Int
    let station: String
    let bureau: String
    let province: String?
    let reportedOn: StoredDate
    let steps: [StoredStep]
    let level: Int
    let score: Int
    let target: Target
    let reporter: String?
    let phone: String?

    enum CodingKeys: String, CodingKey {
        case indicator, round, station, bureau, province, steps, level, score, target, reporter, phone
        case fiscalYear = "fiscal_year"
        case reportedOn = "reported_on"
    }
}

/// One step of a stored record.
private struct StoredStep: Decodable {
    let number: Int
    let done: Bool
    let date: StoredDate?
    let evidence: String?
    /// Whether a done step's date is inside its window; `nil` for a step not done, and for
    /// records written before the key existed. Read so that a value of the wrong kind is an
    /// error.
    let onTime: Bool?

    enum CodingKeys: String, CodingKey {
        case number, done, date, evidence
        case onTime = "on_time"
    }
}

/// A stored calendar date, `YYYY-MM-DD` (Common Era), as `CalendarDate.iso` writes it.
private struct StoredDate: Decodable {
    let date: CalendarDate

    init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              let date = CalendarDate(year: year, month: month, day: day)
        else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "\"\(text)\" is not a date (YYYY-MM-DD)"))
        }
        self.date = date
    }
}
