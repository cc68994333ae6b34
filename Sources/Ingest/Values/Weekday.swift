/// A day of the week, as dates in letters and minutes name it before the day
/// (`วันพฤหัสบดีที่ ๓๑ ธ.ค. ๒๕๖๓`, `พฤ. ๓๑ ธ.ค. ๖๓`, `Thu 31 Dec 2020`).
///
/// The names are constants beside the month names (`ThaiMonth`): the calendar's words are
/// not a matter of policy, unlike the form's labels in schemas/text-form.json.
public enum Weekday: Int, Sendable, CaseIterable {
    case sunday = 0, monday, tuesday, wednesday, thursday, friday, saturday

    /// `วันพฤหัสบดี`: as a message names it.
    public var thai: String { "วัน" + Weekday.thaiNames[rawValue] }

    /// `Thursday`.
    public var english: String { Weekday.englishNames[rawValue] }

    /// The full names without `วัน`, Sunday first.
    public static let thaiNames = ["อาทิตย์", "จันทร์", "อังคาร", "พุธ", "พฤหัสบดี", "ศุกร์", "เสาร์"]

    /// The standard abbreviations, Sunday first.
    public static let thaiAbbreviations = ["อา.", "จ.", "อ.", "พ.", "พฤ.", "ศ.", "ส."]

    /// Short names people write besides the abbreviations (`วันพฤหัส`).
    static let thaiShortNames: [Weekday: [String]] = [.thursday: ["พฤหัส"]]

    public static let englishNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

    /// English abbreviations, lower case, Sunday first.
    static let englishAbbreviations: [[String]] = [
        ["sun"], ["mon"], ["tue", "tues"], ["wed"], ["thu", "thur", "thurs"], ["fri"], ["sat"],
    ]

    /// Every accepted weekday word with its dots removed, lower case → weekday: `พฤหัสบดี`,
    /// `พฤหัส`, `พฤ`, `thursday`, `thu` … Abbreviations without dots (`จ ๒ พ.ย. ๒๕๖๓`) are
    /// the same key as with them.
    static let byName: [String: Weekday] = {
        var table: [String: Weekday] = [:]
        for day in Weekday.allCases {
            var names = [thaiNames[day.rawValue], thaiAbbreviations[day.rawValue], englishNames[day.rawValue]]
            names += thaiShortNames[day] ?? []
            names += englishAbbreviations[day.rawValue]
            for name in names {
                table[name.replacingOccurrences(of: ".", with: "").lowercased()] = day
            }
        }
        return table
    }()
}

extension CalendarDate {
    /// The day of the week (proleptic Gregorian calendar).
    ///
    /// Counts the days from 1 January 1970, a Thursday, with the civil-from-days arithmetic
    /// of Howard Hinnant's date algorithms (eras of 400 years, March-based years), which is
    /// exact for every year a `CalendarDate` holds, before the Common Era too.
    public var weekday: Weekday {
        let marchYear = month <= 2 ? year - 1 : year
        let era = (marchYear >= 0 ? marchYear : marchYear - 399) / 400
        let yearOfEra = marchYear - era * 400
        let dayOfYear = (153 * ((month + 9) % 12) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let daysSince1970 = era * 146_097 + dayOfEra - 719_468
        let index = ((daysSince1970 % 7) + 7 + Weekday.thursday.rawValue) % 7
        return Weekday(rawValue: index)!
    }
}
