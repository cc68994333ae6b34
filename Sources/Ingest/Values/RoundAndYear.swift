/// What a fiscal-year text turned out to be.
public enum FiscalYearReading: Sendable, Equatable {
    /// A Buddhist-Era year, as written (`๒๕๖๔`, `พ.ศ. 2564`) or from two digits (`๖๔`).
    case buddhistEra(Int)
    /// A Common Era year below 2400, converted (`2021` → 2564): a `ce-year` warning.
    case convertedFromCommonEra(Int)
    /// Not a year in any accepted form.
    case unreadable
}

/// Reads the fiscal year as forms write it (`docs/forms.md`, "Values").
///
/// `๒๕๖๔`, `2564`, `พ.ศ. ๒๕๖๔`, `พ.ศ.2564`; two digits are 25xx, as in dates (`๖๔` = ๒๕๖๔);
/// a four-digit year below 2400 is Common Era (`2021` → ๒๕๖๔: FY2564 ends in September 2021).
public enum FiscalYearText {
    public static func parse(_ text: String) -> FiscalYearReading {
        var key = ThaiText.matchKey(text)
        for prefix in ["พ.ศ.", "พ.ศ", "พศ."] where key.hasPrefix(prefix) {
            key = String(key.dropFirst(prefix.count))
            break
        }
        guard let number = ThaiNumber.parseInteger(key), number >= 0 else { return .unreadable }
        switch number {
        case 0..<100:
            return .buddhistEra(2500 + number)
        case 1000..<2400:
            return .convertedFromCommonEra(number + CalendarDate.buddhistEraOffset)
        default:
            return .buddhistEra(number)
        }
    }
}

/// Reads a reporting round as forms write it: its length in months.
///
/// `๖`, `6 เดือน`, `รอบ ๑๒ เดือน`, `12 months`, `round 6`, `6-month`. Whether the rule set
/// has a round of that length is the validator's question (`bad-round`), not this one's.
public enum RoundText {
    public static func parse(_ text: String) -> Int? {
        var key = ThaiText.matchKey(text).lowercased()
        for prefix in ["รอบ", "round"] where key.hasPrefix(prefix) {
            key = String(key.dropFirst(prefix.count))
            break
        }
        for suffix in ["-months", "-month", "เดือน", "months", "month"] where key.hasSuffix(suffix) {
            key = String(key.dropLast(suffix.count))
            break
        }
        return ThaiNumber.parseInteger(key)
    }
}
