/// A day in the proleptic Gregorian calendar, stored in the Common Era.
///
/// Forms write dates in the Buddhist Era (พ.ศ. = ค.ศ. + 543); the model keeps the Common
/// Era so that dates compare and print as ISO 8601 without conversion at every use.
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Common Era year.
    public let year: Int
    /// 1 … 12.
    public let month: Int
    /// 1 … 31, always a day that exists in `month` of `year`.
    public let day: Int

    /// The offset from the Common Era to the Buddhist Era.
    public static let buddhistEraOffset = 543

    /// Returns `nil` for a day that does not exist (31 Feb, 29 Feb in a common year):
    /// an impossible date is an error, never rolled over.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1,
              day <= CalendarDate.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The same, from a Buddhist-Era year.
    public init?(buddhistYear: Int, month: Int, day: Int) {
        self.init(year: buddhistYear - CalendarDate.buddhistEraOffset, month: month, day: day)
    }

    public var buddhistYear: Int { year + CalendarDate.buddhistEraOffset }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// ISO 8601, Common Era: `2020-11-15`.
    public var iso: String {
        func pad(_ n: Int, _ width: Int) -> String {
            let digits = String(n)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// Thai style with Thai digits and the Buddhist Era: `๑๕ พ.ย. ๒๕๖๓`.
    public var thai: String {
        "\(ThaiDigits.thai(day)) \(ThaiMonth.abbreviations[month - 1]) \(ThaiDigits.thai(buddhistYear))"
    }

    /// English for messages: `15 Nov 2020`.
    public var english: String {
        "\(day) \(ThaiMonth.englishAbbreviations[month - 1]) \(year)"
    }

    public var description: String { iso }

    /// The last day of this date's month.
    public var endOfMonth: CalendarDate {
        CalendarDate(year: year, month: month, day: CalendarDate.daysIn(month: month, year: year))!
    }

    /// The same day `months` later, clamped to the end of a shorter month
    /// (31 Mar + 3 months = 30 Jun).
    public func adding(months: Int) -> CalendarDate {
        let index = year * 12 + (month - 1) + months
        let newYear = index / 12
        let newMonth = index % 12 + 1
        let newDay = min(day, CalendarDate.daysIn(month: newMonth, year: newYear))
        return CalendarDate(year: newYear, month: newMonth, day: newDay)!
    }
}

/// A calendar month, Common Era.
public struct YearMonth: Sendable, Hashable, Comparable {
    public let year: Int
    public let month: Int

    public init(year: Int, month: Int) {
        self.year = year
        self.month = month
    }

    public static func < (lhs: YearMonth, rhs: YearMonth) -> Bool {
        (lhs.year, lhs.month) < (rhs.year, rhs.month)
    }

    public var firstDay: CalendarDate { CalendarDate(year: year, month: month, day: 1)! }
    public var lastDay: CalendarDate { firstDay.endOfMonth }
}

/// A run of whole months, first and last included: a step's window (ต.ค. – ธ.ค. ๒๕๖๓).
public struct MonthWindow: Sendable, Hashable {
    public let first: YearMonth
    public let last: YearMonth

    public init(first: YearMonth, last: YearMonth) {
        self.first = first
        self.last = last
    }

    public var start: CalendarDate { first.firstDay }
    public var end: CalendarDate { last.lastDay }

    public func contains(_ date: CalendarDate) -> Bool { start <= date && date <= end }

    /// `ต.ค. ๒๕๖๓ – ธ.ค. ๒๕๖๓`, or `ต.ค. – ธ.ค. ๒๕๖๓` within one year.
    public var thai: String {
        let from = ThaiMonth.abbreviations[first.month - 1]
        let to = "\(ThaiMonth.abbreviations[last.month - 1]) \(ThaiDigits.thai(last.year + CalendarDate.buddhistEraOffset))"
        if first.year == last.year { return "\(from) – \(to)" }
        return "\(from) \(ThaiDigits.thai(first.year + CalendarDate.buddhistEraOffset)) – \(to)"
    }

    /// `Oct – Dec 2020`.
    public var english: String {
        let from = ThaiMonth.englishAbbreviations[first.month - 1]
        let to = "\(ThaiMonth.englishAbbreviations[last.month - 1]) \(last.year)"
        if first.year == last.year { return "\(from) – \(to)" }
        return "\(from) \(first.year) – \(to)"
    }
}

/// Month names as the sheet and the forms write them.
public enum ThaiMonth {
    public static let abbreviations = [
        "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
        "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",
    ]
    public static let fullNames = [
        "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
        "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
    ]
    public static let englishAbbreviations = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ]
}
