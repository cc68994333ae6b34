/// A date text cut in three, as people write dates in letters and minutes (docs/forms.md,
/// "Dates as letters and minutes write them"): what stands before the day, the date
/// itself, and a time of day after it.
///
///     วันพฤหัสบดีที่ | 31 ธ.ค. 2563 | เวลา 13.05 น.
///     พฤ.           | 31 ธ.ค. 63   |
///                   | 15 ก.ค. 2564 | 09:00:01
///
/// Works on normalized text with Arabic digits (`ThaiDateParser` prepares it). The date
/// starts at the first digit: every accepted date form starts with its day (or, in ISO, its
/// year), so whatever stands before the first digit is the prefix, and it must be one of
/// the accepted ones or the text is not a date.
struct DateTextParts {
    /// The weekday written before the day, if any; not yet checked against the date.
    let weekday: Weekday?
    /// The date, from its first digit to the end of its year.
    let date: String
    /// The time of day after the date as written (`25:00`) when it does not exist; nil when
    /// there is no time or the time exists (it is read and dropped).
    let impossibleTime: String?

    /// nil when the text has no digit or starts with words that are not a date prefix.
    init?(_ text: String) {
        let scalars = Array(text.unicodeScalars)
        guard let dateStart = scalars.firstIndex(where: Self.isDigit),
              case .accepted(let weekday) = Self.prefix(scalars[..<dateStart])
        else { return nil }
        var dateEnd = scalars.count
        var impossibleTime: String?
        if let time = Self.trailingTime(in: scalars, dateStart: dateStart) {
            dateEnd = time.dateEnd
            impossibleTime = time.exists ? nil : time.text
        }
        self.weekday = weekday
        self.date = String(String.UnicodeScalarView(scalars[dateStart..<dateEnd]))
        self.impossibleTime = impossibleTime
    }

    // MARK: - Before the day

    private enum Prefix {
        case accepted(Weekday?)
        case rejected
    }

    /// `วันที่`, `ณ วันที่`, or a weekday: `วันพฤหัสบดีที่`, `วันพฤหัส ที่`, `พฤหัสบดี`,
    /// `พฤ.`, `จ`, `วันอา.ที่`, `Thu,`, optionally followed by `วันที่` (`วันจันทร์ วันที่`).
    ///
    /// Matched as a whole after removing dots, spaces and commas, so that an abbreviation
    /// reads the same with or without its dots and no word can be half-matched.
    private static func prefix(_ scalars: ArraySlice<Unicode.Scalar>) -> Prefix {
        guard !scalars.isEmpty else { return .accepted(nil) }
        let kept = scalars.filter { $0 != "." && $0 != " " && $0 != "," }
        var key = String(String.UnicodeScalarView(kept)).lowercased()
        if key.hasPrefix(at) { key.removeFirst(at.count) }
        if key.isEmpty || key == dateWord { return .accepted(nil) }
        for lead in [dayWord, ""] where key.hasPrefix(lead) {
            let rest = key.dropFirst(lead.count)
            for tail in [dateWord, ordinalWord, ""] where rest.hasSuffix(tail) {
                if let weekday = Weekday.byName[String(rest.dropLast(tail.count))] {
                    return .accepted(weekday)
                }
            }
        }
        return .rejected
    }

    private static let at = "ณ"
    private static let dayWord = "วัน"
    private static let ordinalWord = "ที่"
    private static let dateWord = "วันที่"

    // MARK: - After the year

    /// A time of day at the end of the text: where the date before it ends, the time's
    /// digits as written, and whether that time exists.
    private struct TrailingTime {
        let dateEnd: Int
        let text: String
        let exists: Bool
    }

    /// The time of day ending the text, if it ends in one.
    ///
    /// Shape, from the end: an optional unit (`นาฬิกา`, `น.`, `น`), the hour of one or two
    /// digits, then optionally `:` or `.` and two digits of minutes, then optionally two of
    /// seconds; before it `เวลา` (or `ณ เวลา`), or else at least a space, a comma or ISO's
    /// `T` between the year and the time. An hour alone counts only with `เวลา` or a unit
    /// (`เวลา ๑๓ น.`): `๑๕ พ.ย. ๖๓` ends in a two-digit year, not a time. Nothing is a
    /// time that leaves no date before it (`15.11.63` is a date).
    private static func trailingTime(in s: [Unicode.Scalar], dateStart: Int) -> TrailingTime? {
        func ends(with word: [Unicode.Scalar], at end: Int) -> Bool {
            end - word.count >= dateStart && s[(end - word.count)..<end].elementsEqual(word)
        }
        func skipSpaces(before end: Int) -> Int {
            var index = end
            while index > dateStart, s[index - 1] == " " { index -= 1 }
            return index
        }

        var timeEnd = s.count
        var hasUnit = false
        if let unit = timeUnits.first(where: { ends(with: $0, at: timeEnd) }) {
            timeEnd = skipSpaces(before: timeEnd - unit.count)
            hasUnit = true
        }

        // Digit groups, last first: seconds, minutes, hour (at most three).
        var groups: [Range<Int>] = []
        var position = timeEnd
        while true {
            var start = position
            while start > dateStart, isDigit(s[start - 1]) { start -= 1 }
            guard start < position else { return nil }
            groups.insert(start..<position, at: 0)
            if groups.count < 3, start - 1 > dateStart, s[start - 1] == ":" || s[start - 1] == "." {
                position = start - 1
            } else {
                position = start
                break
            }
        }
        guard (1...2).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 2 }) else { return nil }

        var dateEnd = skipSpaces(before: position)
        var introduced = false
        if ends(with: timeWord, at: dateEnd) {
            dateEnd = skipSpaces(before: dateEnd - timeWord.count)
            if ends(with: atWord, at: dateEnd) { dateEnd = skipSpaces(before: dateEnd - atWord.count) }
            introduced = true
        } else if dateEnd < position {
            // A space already separates the year from the time.
        } else if dateEnd > dateStart, s[dateEnd - 1] == "T" || s[dateEnd - 1] == "," {
            dateEnd -= 1
        } else {
            return nil
        }
        guard introduced || hasUnit || groups.count >= 2 else { return nil }
        while dateEnd > dateStart, s[dateEnd - 1] == " " || s[dateEnd - 1] == "," { dateEnd -= 1 }
        guard dateEnd > dateStart else { return nil }

        let values = groups.map { range in s[range].reduce(0) { $0 * 10 + Int($1.value - 0x30) } }
        let limits = [23, 59, 59]
        let exists = zip(values, limits).allSatisfy { $0 <= $1 }
        let text = String(String.UnicodeScalarView(s[groups[0].lowerBound..<groups[groups.count - 1].upperBound]))
        return TrailingTime(dateEnd: dateEnd, text: text, exists: exists)
    }

    /// Longest first: `นาฬิกา` before `น.` before `น`.
    private static let timeUnits: [[Unicode.Scalar]] = ["นาฬิกา", "น.", "น"].map { Array($0.unicodeScalars) }
    private static let timeWord = Array("เวลา".unicodeScalars)
    private static let atWord = Array("ณ".unicodeScalars)

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(scalar)
    }
}
