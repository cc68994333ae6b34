import Ingest

// The machine-readable verdict of docs/forms.md#the-verdict-as-json: keys in the order the contract shows,
// Thai written as is, `/` never escaped, `null` for an absent optional.

extension Verdict {
    /// One line of JSON, no trailing newline:
    /// `{"file":…,"format":…,"accepted":…,"findings":[…],"record":…}`.
    public func jsonLine() -> String {
        JSONValue.object([
            ("file", .string(file)),
            ("format", format.map { .string($0.rawValue) } ?? .null),
            ("accepted", .bool(accepted)),
            ("findings", .array(findings.map(\.jsonValue))),
            ("record", record?.jsonValue ?? .null),
        ]).text
    }
}

extension Record {
    /// The record object alone, as one line of JSON: what `records.jsonl` holds.
    public func jsonLine() -> String { jsonValue.text }
}

extension Finding {
    /// `{"rule","severity","line","step","message_th","message_en"}`.
    var jsonValue: JSONValue {
        .object([
            ("rule", .string(rule.rawValue)),
            ("severity", .string(severity.rawValue)),
            ("line", line.map(JSONValue.int) ?? .null),
            ("step", step.map(JSONValue.int) ?? .null),
            ("message_th", .string(messageTH)),
            ("message_en", .string(messageEN)),
        ])
    }
}

extension Record {
    /// The record with the keys of `Record.CodingKeys`, in that order.
    var jsonValue: JSONValue {
        .object([
            (CodingKeys.indicator.rawValue, .string(indicator)),
            (CodingKeys.fiscalYear.rawValue, .int(fiscalYear)),
            (CodingKeys.round.rawValue, .int(round)),
            (CodingKeys.station.rawValue, .string(station)),
            (CodingKeys.bureau.rawValue, .string(bureau)),
            (CodingKeys.province.rawValue, province.map(JSONValue.string) ?? .null),
            (CodingKeys.reportedOn.rawValue, .string(reportedOn.iso)),
            (CodingKeys.steps.rawValue, .array(steps.map(\.jsonValue))),
            (CodingKeys.level.rawValue, .int(level)),
            (CodingKeys.score.rawValue, .int(score)),
            (CodingKeys.target.rawValue, .string(target.rawValue)),
            (CodingKeys.reporter.rawValue, reporter.map(JSONValue.string) ?? .null),
            (CodingKeys.phone.rawValue, phone.map(JSONValue.string) ?? .null),
        ])
    }
}

extension StepRecord {
    var jsonValue: JSONValue {
        .object([
            (CodingKeys.number.rawValue, .int(number)),
            (CodingKeys.done.rawValue, .bool(done)),
            (CodingKeys.date.rawValue, date.map { .string($0.iso) } ?? .null),
            (CodingKeys.evidence.rawValue, evidence.map(JSONValue.string) ?? .null),
            (CodingKeys.onTime.rawValue, onTime.map(JSONValue.bool) ?? .null),
        ])
    }
}

// MARK: Codable (the ledger stores records; the keys are the verdict's)

extension Record: Codable {
    enum CodingKeys: String, CodingKey {
        case indicator
        case fiscalYear = "fiscal_year"
        case round, station, bureau, province
        case reportedOn = "reported_on"
        case steps, level, score, target, reporter, phone
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            indicator: try container.decode(String.self, forKey: .indicator),
            fiscalYear: try container.decode(Int.self, forKey: .fiscalYear),
            round: try container.decode(Int.self, forKey: .round),
            station: try container.decode(String.self, forKey: .station),
            bureau: try container.decode(String.self, forKey: .bureau),
            province: try container.decodeIfPresent(String.self, forKey: .province),
            reportedOn: try container.decode(ISODate.self, forKey: .reportedOn).date,
            steps: try container.decode([StepRecord].self, forKey: .steps),
            level: try container.decode(Int.self, forKey: .level),
            score: try container.decode(Int.self, forKey: .score),
            target: try container.decode(Target.self, forKey: .target),
            reporter: try container.decodeIfPresent(String.self, forKey: .reporter),
            phone: try container.decodeIfPresent(String.self, forKey: .phone))
    }

    /// Writes every key, `null` for an absent optional, in the order of `CodingKeys`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(indicator, forKey: .indicator)
        try container.encode(fiscalYear, forKey: .fiscalYear)
        try container.encode(round, forKey: .round)
        try container.encode(station, forKey: .station)
        try container.encode(bureau, forKey: .bureau)
        try container.encode(province, forKey: .province)
        try container.encode(reportedOn.iso, forKey: .reportedOn)
        try container.encode(steps, forKey: .steps)
        try container.encode(level, forKey: .level)
        try container.encode(score, forKey: .score)
        try container.encode(target, forKey: .target)
        try container.encode(reporter, forKey: .reporter)
        try container.encode(phone, forKey: .phone)
    }
}

extension StepRecord: Codable {
    enum CodingKeys: String, CodingKey {
        case number, done, date, evidence
        case onTime = "on_time"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            number: try container.decode(Int.self, forKey: .number),
            done: try container.decode(Bool.self, forKey: .done),
            date: try container.decodeIfPresent(ISODate.self, forKey: .date)?.date,
            evidence: try container.decodeIfPresent(String.self, forKey: .evidence),
            // Absent in records stored before `on_time` existed: not known.
            onTime: try container.decodeIfPresent(Bool.self, forKey: .onTime))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(number, forKey: .number)
        try container.encode(done, forKey: .done)
        try container.encode(date?.iso, forKey: .date)
        try container.encode(evidence, forKey: .evidence)
        try container.encode(onTime, forKey: .onTime)
    }
}

/// An ISO 8601 calendar date (`2020-11-15`, Common Era) in stored records and rule-set files.
struct ISODate: Decodable {
    let date: CalendarDate

    init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              let date = CalendarDate(year: year, month: month, day: day)
        else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath, debugDescription: "\"\(text)\" is not a date (write YYYY-MM-DD, Common Era, e.g. 2020-10-01)"))
        }
        self.date = date
    }
}

// MARK: Writing JSON

/// A JSON string literal written as the verdict writes its strings (`"`, `\\`, control
/// characters and U+2028/U+2029 escaped, the rest as UTF-8): for the few JSON objects other
/// modules write around a verdict.
public enum JSONString {
    public static func literal(_ value: String) -> String { JSONValue.string(value).text }
}

/// A JSON value whose objects keep their keys in order, written compactly on one line.
///
/// Foundation's `JSONEncoder` promises no key order (and escapes `/`), and the verdict's
/// order is part of the contract, so the verdict is written with this.
enum JSONValue: Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.text == rhs.text }

    /// Compact JSON: `,` and `:` without spaces; non-ASCII written as is.
    ///
    /// Written as UTF-8 bytes into one buffer, made a `String` once at the end: appending to
    /// a `String` piece by piece validated and copied every piece again (a tenth of the
    /// checker's time).
    var text: String {
        var output: [UInt8] = []
        output.reserveCapacity(1024)
        write(to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    private func write(to output: inout [UInt8]) {
        switch self {
        case .null: output.append(contentsOf: "null".utf8)
        case .bool(let value): output.append(contentsOf: (value ? "true" : "false").utf8)
        case .int(let value): output.append(contentsOf: String(value).utf8)
        case .string(let value): JSONValue.writeString(value, to: &output)
        case .array(let values):
            output.append(UInt8(ascii: "["))
            for (index, value) in values.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                value.write(to: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            output.append(UInt8(ascii: "{"))
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                JSONValue.writeString(key, to: &output)
                output.append(UInt8(ascii: ":"))
                value.write(to: &output)
            }
            output.append(UInt8(ascii: "}"))
        }
    }

    /// Escapes `"`, `\`, control characters, and U+2028/U+2029 (line breaks to JavaScript).
    /// The runs between escapes are appended whole (most strings have no escape at all).
    private static func writeString(_ value: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { bytes in
            var runStart = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                let escape: String
                var length = 1
                switch byte {
                case 0x22: escape = "\\\""
                case 0x5C: escape = "\\\\"
                case 0x0A: escape = "\\n"
                case 0x0D: escape = "\\r"
                case 0x09: escape = "\\t"
                case 0x00..<0x20: escape = unicodeEscape(UInt32(byte))
                case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80
                    && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    // U+2028, U+2029
                    escape = unicodeEscape(bytes[index + 2] == 0xA8 ? 0x2028 : 0x2029)
                    length = 3
                default:
                    index += 1
                    continue
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                output.append(contentsOf: escape.utf8)
                index += length
                runStart = index
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
        }
        output.append(UInt8(ascii: "\""))
    }

    /// `\u001f`: four lower-case hex digits.
    private static func unicodeEscape(_ value: UInt32) -> String {
        let hex = String(value, radix: 16)
        return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    }
}
