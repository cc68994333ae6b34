/// What a date text turned out to be.
public enum DateReading: Sendable, Equatable {
    /// A day that exists. `convertedFromCommonEra` is true when the form wrote a Common Era
    /// year where a Buddhist-Era one was expected (a `ce-year` warning).
    case date(CalendarDate, convertedFromCommonEra: Bool)
    /// Not a date in any accepted form.
    case unreadable
    /// Read as a day, month and year, but what it describes cannot be: a day that does not
    /// exist, a weekday that is not the date's, or a time of day that does not exist. Never
    /// rolled over to the next month.
    case impossible(ImpossibleDate)
}

/// Why a date text read as day, month and year is still not a date.
public enum ImpossibleDate: Sendable, Equatable {
    /// `๓๑ ก.พ. ๒๕๖๔`, `๒๙ ก.พ. ๒๕๖๔`, month ๑๓.
    case noSuchDay
    /// `วันพุธที่ ๓๑ ธ.ค. ๒๕๖๓`: 31 December 2020 is a Thursday. The clerk typed the weekday
    /// or the date wrong; which one cannot be told, so the date is not used.
    case wrongWeekday(date: CalendarDate, written: Weekday)
    /// `๓๑ ธ.ค. ๒๕๖๓ ๒๕:๐๐`: a time of day with an hour above 23 or minutes or seconds above
    /// 59, as written (Arabic digits). A garbled time suggests a garbled line, so the date
    /// is not used either.
    case noSuchTime(String)
}

/// Reads the dates of docs/forms.md#values: day, month, year, the year in the Buddhist Era.
///
/// Accepted forms (Thai or Arabic digits throughout, text normalized first):
///
/// * Thai style: `๑๕ พ.ย. ๒๕๖๓`, `๑๕ พฤศจิกายน ๒๕๖๓`, `๑๕ พ.ย. พ.ศ. ๒๕๖๓`, the
///   abbreviation without dots or with stray spaces (`15 พย 2563`, `15 พ. ย. 2563`), the
///   colloquial short names (`มีนา`, `เมษา`, `พฤศจิกา` …), `เดือน` before the month, and
///   the common misspelling `กรกฏาคม`. Spaces between the parts may be missing
///   (`15พ.ย.2563`).
/// * English month names and abbreviations, day first: `15 Nov 2020`, `15 November 2020`,
///   `15-Nov-2020`. A two-digit year with an English month is unreadable (`15 Nov 20` is
///   neither clearly 2020 nor 2520).
/// * Slashed numeric, day/month/year: `๑๕/๑๑/๒๕๖๓`; `-` or `.` instead of `/` when the same
///   separator is used twice (`15-11-2563`, `15.11.2563`). Never month/day/year: a month
///   above 12 makes the date `.impossible`.
/// * ISO 8601, year first: `2020-11-15`, Common Era and no conversion warning. A year of
///   2400 or more in this form can only be a Buddhist-Era year and is read as one.
///
/// Years: two digits are the Buddhist Era (`๖๓` = ๒๕๖๓); four digits of 2400 or more are the
/// Buddhist Era; four digits below 2400 in a Thai-style, English or slashed date are the
/// Common Era, converted and flagged (`convertedFromCommonEra: true`). The era markers
/// `พ.ศ.`/`ค.ศ.` are skipped: the year's size decides. Other year lengths are unreadable.
///
/// Before the day (`DateTextParts`): `วันที่`, `ณ วันที่`, or a weekday, full or abbreviated,
/// with or without `วัน…ที่`, dots and spaces (`วันพฤหัสบดีที่`, `วันพฤหัส ที่`, `พฤ.`, `จ`,
/// `อา.`, `Thu,`). A weekday that is not the date's makes the date `.impossible`.
///
/// After the year: a time of day in 24-hour form, read and dropped: `เวลา ๑๓.๐๕ น.`,
/// `09:00:01`, `๑๔:๓๐ น.`, `13.05 นาฬิกา`, `เวลา ๑๓ น.`, ISO's `T09:00`. A time that does
/// not exist (`25:00`, `13.75`) makes the date `.impossible`. Anything else after the year
/// (`๑๕ พ.ย. ๒๕๖๓ หลักฐาน`, a time range) leaves the text unreadable: a date field holds a
/// date, and the text reader has already taken the step's words and evidence off.
public enum ThaiDateParser {
    public static func parse(_ text: String) -> DateReading {
        let cleaned = ThaiDigits.arabic(ThaiText.normalize(text))
        guard let parts = DateTextParts(cleaned) else { return .unreadable }
        let reading = parseDate(parts.date)
        guard case .date(let date, _) = reading else { return reading }
        if let written = parts.weekday, written != date.weekday {
            return .impossible(.wrongWeekday(date: date, written: written))
        }
        if let time = parts.impossibleTime { return .impossible(.noSuchTime(time)) }
        return reading
    }

    /// The date alone (no weekday before it, no time after it), starting with a digit.
    private static func parseDate(_ cleaned: String) -> DateReading {
        guard !cleaned.isEmpty else { return .unreadable }
        if let reading = parseISO(cleaned) { return reading }
        if let reading = parseNumeric(cleaned) { return reading }
        return parseWithMonthName(cleaned)
    }

    // MARK: - Forms

    /// `2020-11-15`: four-digit year first, `-` separated.
    private static func parseISO(_ text: String) -> DateReading? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, isDigits(parts[0]),
              (1...2).contains(parts[1].count), isDigits(parts[1]),
              (1...2).contains(parts[2].count), isDigits(parts[2]),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        guard year > 0 else { return .unreadable }
        let commonEraYear = year >= firstBuddhistYear ? year - CalendarDate.buddhistEraOffset : year
        return reading(year: commonEraYear, month: month, day: day, converted: false)
    }

    /// `15/11/2563`, `15-11-63`, `15.11.2563`: day, month, year with one separator kind.
    private static func parseNumeric(_ text: String) -> DateReading? {
        // Only digits, spaces and separators can make three all-digit parts; anything else
        // (a month name, most dates on forms) is not this form, decided without a copy.
        guard text.utf8.allSatisfy({ (0x30...0x39).contains($0) || $0 == 0x20 || $0 == 0x2F || $0 == 0x2D || $0 == 0x2E })
        else { return nil }
        let compact = String(decoding: text.utf8.filter { $0 != 0x20 }, as: UTF8.self)
        guard let separator = compact.first(where: { numericSeparators.contains($0) }) else { return nil }
        let parts = compact.split(separator: separator, omittingEmptySubsequences: false)
        guard parts.count == 3, parts.allSatisfy(isDigits) else { return nil }
        guard (1...2).contains(parts[0].count), (1...2).contains(parts[1].count),
              let day = Int(parts[0]), let month = Int(parts[1]),
              case let (year, converted)? = commonEraYear(from: parts[2], allowTwoDigits: true)
        else { return .unreadable }
        return reading(year: year, month: month, day: day, converted: converted)
    }

    /// `15 พ.ย. 2563`, `15 พฤศจิกายน พ.ศ. 2563`, `15 Nov 2020`: day digits, a month word
    /// (with an optional era marker), year digits.
    private static func parseWithMonthName(_ text: String) -> DateReading {
        if let reading = parseWithMonthNameOnBytes(text) { return reading }
        let characters = Array(text)
        let dayEnd = characters.firstIndex(where: { !$0.isASCIIDigit }) ?? characters.count
        let yearStart = (characters.lastIndex(where: { !$0.isASCIIDigit }) ?? -1) + 1
        guard dayEnd > 0, yearStart < characters.count, dayEnd < yearStart else { return .unreadable }
        let dayDigits = String(characters[..<dayEnd])
        let yearDigits = String(characters[yearStart...])
        var middle = String(characters[dayEnd..<yearStart]).lowercased()
        middle.removeAll { monthPunctuation.contains($0) }
        if middle.hasPrefix(monthWord) { middle.removeFirst(monthWord.count) }
        for era in eraMarkers where middle.hasSuffix(era) {
            middle.removeLast(era.count)
            break
        }
        guard dayDigits.count <= 2, let day = Int(dayDigits),
              let month = monthNumbers[middle] else { return .unreadable }
        let english = englishMonthKeys.contains(middle)
        guard case let (year, converted)? = commonEraYear(from: Substring(yearDigits), allowTwoDigits: !english)
        else { return .unreadable }
        return reading(year: year, month: month, day: day, converted: converted)
    }

    /// `parseWithMonthName` on UTF-8 bytes, for text made only of ASCII and the Thai block in
    /// which no Thai mark follows an ASCII character; `nil` for any other text (the
    /// Character-based path then runs).
    ///
    /// It gives the same answer: in such text every ASCII character is a grapheme cluster of
    /// its own (only a mark or a spacing vowel could join it, and CR LF is not a digit, a
    /// separator or part of a month word), so the day and year digit runs, the punctuation
    /// removed, and the `เดือน` prefix and era suffixes (each ending in a base letter) fall on
    /// the same boundaries as with Characters; `lowercased()` changes only A–Z here. It
    /// avoids the grapheme breaking of `Array(text)`, which was half the cost of the checker's
    /// date reading.
    private static func parseWithMonthNameOnBytes(_ text: String) -> DateReading? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var previousWasASCII = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                guard value >= 0x20, value != 0x7F else { return nil }
                previousWasASCII = true
            } else {
                guard (0x0E00...0x0E7F).contains(value) else { return nil }
                let joinsPrevious = value == 0x0E31 || (0x0E33...0x0E3A).contains(value) || (0x0E47...0x0E4E).contains(value)
                if joinsPrevious && previousWasASCII { return nil }
                previousWasASCII = false
            }
        }
        bytes.append(contentsOf: text.utf8)
        func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }
        let dayEnd = bytes.firstIndex(where: { !isDigit($0) }) ?? bytes.count
        let yearStart = (bytes.lastIndex(where: { !isDigit($0) }) ?? -1) + 1
        guard dayEnd > 0, yearStart < bytes.count, dayEnd < yearStart else { return .unreadable }
        var middleBytes: [UInt8] = []
        middleBytes.reserveCapacity(yearStart - dayEnd)
        for byte in bytes[dayEnd..<yearStart] {
            switch byte {
            case UInt8(ascii: "."), UInt8(ascii: " "), UInt8(ascii: ","), UInt8(ascii: "-"), UInt8(ascii: "/"):
                continue
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                middleBytes.append(byte + 0x20)
            default:
                middleBytes.append(byte)
            }
        }
        var middle = middleBytes[...]
        if middle.starts(with: monthWordUTF8) { middle = middle.dropFirst(monthWordUTF8.count) }
        for era in eraMarkersUTF8 where middle.count >= era.count && middle.suffix(era.count).elementsEqual(era) {
            middle = middle.dropLast(era.count)
            break
        }
        let monthKey = String(decoding: middle, as: UTF8.self)
        guard dayEnd <= 2, let day = Int(String(decoding: bytes[..<dayEnd], as: UTF8.self)),
              let month = monthNumbers[monthKey] else { return .unreadable }
        let english = englishMonthKeys.contains(monthKey)
        let yearDigits = String(decoding: bytes[yearStart...], as: UTF8.self)
        guard case let (year, converted)? = commonEraYear(from: Substring(yearDigits), allowTwoDigits: !english)
        else { return .unreadable }
        return reading(year: year, month: month, day: day, converted: converted)
    }

    private static let monthWordUTF8 = Array(monthWord.utf8)
    private static let eraMarkersUTF8 = eraMarkers.map { Array($0.utf8) }

    // MARK: - Parts

    /// The smallest four-digit year read as the Buddhist Era (2400 BE = 1857 CE: no form
    /// date is that old, and no Common Era date on a form is that far ahead).
    private static let firstBuddhistYear = 2400

    /// Year digits → Common Era year, and whether it was written in the Common Era.
    private static func commonEraYear(from digits: Substring, allowTwoDigits: Bool) -> (Int, Bool)? {
        guard isDigits(digits), let value = Int(digits) else { return nil }
        switch digits.count {
        case 2 where allowTwoDigits:
            return (2500 + value - CalendarDate.buddhistEraOffset, false)
        case 4 where value >= firstBuddhistYear:
            return (value - CalendarDate.buddhistEraOffset, false)
        case 4 where value > 0:
            return (value, true)
        default:
            return nil
        }
    }

    private static func reading(year: Int, month: Int, day: Int, converted: Bool) -> DateReading {
        guard let date = CalendarDate(year: year, month: month, day: day) else { return .impossible(.noSuchDay) }
        return .date(date, convertedFromCommonEra: converted)
    }

    private static func isDigits(_ text: Substring) -> Bool {
        !text.isEmpty && text.allSatisfy(\.isASCIIDigit)
    }

    private static let numericSeparators: Set<Character> = ["/", "-", "."]
    /// Removed from the month part before lookup: dots, spaces and the separators people
    /// put between day, month and year.
    private static let monthPunctuation: Set<Character> = [".", " ", ",", "-", "/"]
    private static let monthWord = "เดือน"
    /// Era markers after the month, dots and spaces already removed.
    private static let eraMarkers = ["พศ", "คศ", "be", "ce", "ad"]

    /// Every accepted month word, dots and spaces removed, lower case → month number.
    private static let monthNumbers: [String: Int] = {
        var table: [String: Int] = [:]
        for (index, name) in ThaiMonth.fullNames.enumerated() { table[name] = index + 1 }
        for (index, name) in ThaiMonth.abbreviations.enumerated() {
            table[name.replacingOccurrences(of: ".", with: "")] = index + 1
        }
        for (index, name) in colloquialNames.enumerated() { table[name] = index + 1 }
        table["กรกฏาคม"] = 7   // ฏ for ฎ: a common misspelling
        table["กรกฏา"] = 7
        for (index, names) in englishNames.enumerated() {
            for name in names { table[name] = index + 1 }
        }
        return table
    }()

    /// The short names people say and write: มกรา, กุมภา …
    private static let colloquialNames = [
        "มกรา", "กุมภา", "มีนา", "เมษา", "พฤษภา", "มิถุนา",
        "กรกฎา", "สิงหา", "กันยา", "ตุลา", "พฤศจิกา", "ธันวา",
    ]

    private static let englishNames: [[String]] = [
        ["jan", "january"], ["feb", "february"], ["mar", "march"], ["apr", "april"],
        ["may"], ["jun", "june"], ["jul", "july"], ["aug", "august"],
        ["sep", "sept", "september"], ["oct", "october"], ["nov", "november"], ["dec", "december"],
    ]

    private static let englishMonthKeys: Set<String> = Set(englishNames.joined())
}
