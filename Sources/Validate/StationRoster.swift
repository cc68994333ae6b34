import Ingest

/// The stations a receiving office expects forms from (`pipeline roster import`): with one
/// loaded, a form naming a station it does not list gets the warning `unknown-station`,
/// with the closest names of the form's bureau (docs/office.md#the-roster).
public struct StationRoster: Sendable {
    /// One roster row, its names canonical.
    public struct Entry: Sendable, Equatable, Codable {
        public var station: String
        public var bureau: String
        public var province: String
        /// Digits only.
        public var phone: String?
        /// The line of the imported file it came from.
        public var line: Int

        public init(station: String, bureau: String, province: String, phone: String?, line: Int) {
            self.station = station
            self.bureau = bureau
            self.province = province
            self.phone = phone
            self.line = line
        }
    }

    public let entries: [Entry]
    private let stations: Set<String>

    public init(_ entries: [Entry]) {
        self.entries = entries
        stations = Set(entries.map(\.station))
    }

    public var isEmpty: Bool { entries.isEmpty }

    public func contains(station: String) -> Bool { stations.contains(station) }

    /// At most `limit` roster names of `bureau` nearest to `station`, nearest first: by edit
    /// distance between `comparisonKey`s, so the prefix, spaces and tone marks weigh nothing
    /// (`สภ.ห้างดง` is at distance 0 from `สภ.หางดง`). Names further than half the key's
    /// length are no suggestion.
    public func closest(to station: String, in bureau: String, limit: Int = 3) -> [String] {
        let key = StationRoster.comparisonKey(station)
        let scored = entries.filter { $0.bureau == bureau }.map { entry -> (String, Int) in
            (entry.station, StationRoster.distance(key, StationRoster.comparisonKey(entry.station)))
        }
        let bound = max(2, key.count / 2)
        return scored.filter { $0.1 <= bound }
            .sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }
            .prefix(limit).map(\.0)
    }

    /// The verdict with the `unknown-station` warning added when it has a record whose
    /// station the roster does not list. An empty roster checks nothing.
    public func check(_ verdict: Verdict) -> Verdict {
        guard !isEmpty, let record = verdict.record, !contains(station: record.station) else { return verdict }
        var checked = verdict
        let suggestions = closest(to: record.station, in: record.bureau)
        checked.findings.append(StationRoster.unknownStation(record.station, bureau: record.bureau,
                                                             suggestions: suggestions, line: verdict.stationLine))
        checked.findings = Validator.inLineOrder(checked.findings)
        return checked
    }

    static func unknownStation(_ station: String, bureau: String, suggestions: [String], line: Int?) -> Finding {
        let thaiHint = suggestions.isEmpty
            ? "กรุณาตรวจชื่อหน่วยปฏิบัติ หรือแจ้งสำนักงานให้เพิ่มในบัญชีรายชื่อ"
            : "ชื่อที่ใกล้เคียงในบัญชีของ \(ThaiDigits.thai(bureau)): \(suggestions.joined(separator: ", ")) — กรุณาตรวจชื่อหน่วยปฏิบัติ"
        let englishHint = suggestions.isEmpty
            ? "check the station's name, or ask the office to add it to the roster."
            : "the closest names on \(bureau)'s roster: \(suggestions.joined(separator: ", ")) — check the station's name."
        return Finding(rule: .unknownStation, severity: .warning, line: line, step: nil,
                       messageTH: "ไม่พบ \(station) ในบัญชีรายชื่อหน่วยของ \(ThaiDigits.thai(bureau)) — \(thaiHint)",
                       messageEN: "\(station) is not on the roster of \(bureau) — \(englishHint)")
    }

    /// A station name as compared for suggestions: Thai digits as Arabic, the short or long
    /// prefix (`สภ.`, `สน.`, `สถานีตำรวจภูธร`, `สถานีตำรวจนครบาล`) dropped, spaces and dots
    /// dropped, and the tone marks and other signs written above a consonant (่ ้ ๊ ๋ ็ ์)
    /// dropped: a clerk's keyboard slips there most.
    public static func comparisonKey(_ name: String) -> [Unicode.Scalar] {
        var text = ThaiDigits.arabic(ThaiText.normalize(name))
        for prefix in ["สถานีตำรวจนครบาล", "สถานีตำรวจภูธร", "สน.", "สภ.", "สน", "สภ"] where text.hasPrefix(prefix) {
            text = String(text.dropFirst(prefix.count))
            break
        }
        let marks: ClosedRange<UInt32> = 0x0E47...0x0E4C
        return text.unicodeScalars.filter { scalar in
            !scalar.properties.isWhitespace && scalar != "." && !marks.contains(scalar.value)
        }
    }

    /// Levenshtein distance over scalars.
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
