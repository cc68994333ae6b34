import Ingest

/// One fiscal year's rules for the indicator, as read from a file under `schemas/rules/`
/// (format: `docs/rule-sets.md`, JSON Schema: `schemas/ruleset.schema.json`).
///
/// Decoding checks the shape of each value (a month is `YYYY-MM`, a date `YYYY-MM-DD`, both
/// Common Era); `RuleBook.load` then checks that the parts agree with each other. Everything
/// the validator knows about a year — windows, rounds, targets, units, aliases — is here, so
/// that a new fiscal year is a new file, not a release.
public struct RuleSet: Sendable, Decodable {
    /// The only file format this build reads.
    public static let supportedFormatVersion = 1

    public let formatVersion: Int
    /// Buddhist Era (`2564`).
    public let fiscalYear: Int
    /// First day of the fiscal year (1 ต.ค. of the year before).
    public let fiscalYearStart: CalendarDate
    /// Last day of the fiscal year (30 ก.ย.).
    public let fiscalYearEnd: CalendarDate
    public let indicator: Indicator
    /// The reporting rounds, by their length in months.
    public let rounds: [Round]
    /// How many whole months after a round's period ends its report may still be dated.
    public let reportGraceMonths: Int
    /// Steps 1…N, in order.
    public let steps: [Step]
    /// `scoreByLevel[level]` is the score for `level` consecutive done steps (0…N).
    public let scoreByLevel: [Int]
    public let targets: [TargetLevel]
    public let bureaus: [Bureau]
    public let aliases: Aliases
    /// Severities this rule set gives rules instead of their defaults (`"severities":
    /// {"window": "error"}`); within `Rule.mayBe(_:)`, checked at load.
    public let severities: [Rule: Severity]
    /// `severities` as the file writes it, rule id → severity, for the load check to name
    /// what it refuses.
    let severityEntries: [String: String]

    /// The indicator the forms report on.
    public struct Indicator: Sendable, Decodable {
        /// The sheet's full name (`ระดับความสำเร็จของการดำเนินการตามโครงการ กต.ตร. พบประชาชน`).
        public let name: String
        /// The project name stored on every record (`กต.ตร. พบประชาชน`).
        public let project: String
        /// Further names a form may give; like `name` and `project`, compared after
        /// `ThaiText.matchKey` (normalized, spaces removed). No `alias` warning: they are
        /// the same indicator's names, not misspellings.
        public let acceptedNames: [String]
        /// The office that owns the indicator (informative).
        public let owner: String?

        enum CodingKeys: String, CodingKey {
            case name, project, owner
            case acceptedNames = "accepted_names"
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            name = try container.decode(String.self, forKey: .name)
            project = try container.decode(String.self, forKey: .project)
            acceptedNames = try container.decodeIfPresent([String].self, forKey: .acceptedNames) ?? []
            owner = try container.decodeIfPresent(String.self, forKey: .owner)
        }
    }

    /// A reporting round (รอบ ๖ เดือน, รอบ ๑๒ เดือน).
    public struct Round: Sendable, Decodable {
        /// The round's number as forms write it: its length in months.
        public let months: Int
        public let name: String?
        /// The months the round reports on.
        public let period: MonthWindow
        /// Whether the report must carry the indicator result (the score).
        public let requiresScore: Bool

        enum CodingKeys: String, CodingKey {
            case months, name, period
            case requiresScore = "requires_score"
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            months = try container.decode(Int.self, forKey: .months)
            name = try container.decodeIfPresent(String.self, forKey: .name)
            period = try container.decode(MonthWindowValue.self, forKey: .period).window
            requiresScore = try container.decode(Bool.self, forKey: .requiresScore)
        }
    }

    /// One step (ขั้นตอน) of the indicator and the months it is planned in.
    public struct Step: Sendable, Decodable {
        public let number: Int
        /// Thai, from the sheet.
        public let name: String
        public let window: MonthWindow

        enum CodingKeys: String, CodingKey { case number, name, window }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            number = try container.decode(Int.self, forKey: .number)
            name = try container.decode(String.self, forKey: .name)
            window = try container.decode(MonthWindowValue.self, forKey: .window).window
        }
    }

    /// A target of the sheet (เป้าหมายขั้นต่ำ / มาตรฐาน / ขั้นสูง) and the level that reaches it.
    public struct TargetLevel: Sendable, Decodable {
        public let target: Target
        public let name: String?
        public let level: Int
        /// Must equal `scoreByLevel[level]`; written out so a reader of the file sees it.
        public let score: Int
    }

    /// A bureau (บช.น., ภ.1 … ภ.9): its stations' prefix and its provinces.
    public struct Bureau: Sendable, Decodable {
        /// Canonical, Arabic digits: `บช.น.`, `ภ.5`.
        public let name: String
        /// `สน.` or `สภ.`.
        public let stationPrefix: String
        public let provinces: [String]

        enum CodingKeys: String, CodingKey {
            case name, provinces
            case stationPrefix = "station_prefix"
        }
    }

    /// Known variants, each normalized with an `alias` warning (docs/forms.md#the-indicator-in-one-table).
    public struct Aliases: Sendable, Decodable {
        /// Variant → canonical bureau name.
        public let bureau: [String: String]
        /// `ภ 5`, `ภาค ๕`, `ตำรวจภูธรภาค ๕` → `ภ.5`.
        public let numberedBureau: NumberedBureau?
        /// Long station prefix → short (`สถานีตำรวจภูธร` → `สภ.`).
        public let stationPrefix: [String: String]
        /// Variant → canonical province name.
        public let province: [String: String]

        enum CodingKeys: String, CodingKey {
            case bureau, province
            case numberedBureau = "numbered_bureau"
            case stationPrefix = "station_prefix"
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            bureau = try container.decodeIfPresent([String: String].self, forKey: .bureau) ?? [:]
            numberedBureau = try container.decodeIfPresent(NumberedBureau.self, forKey: .numberedBureau)
            stationPrefix = try container.decodeIfPresent([String: String].self, forKey: .stationPrefix) ?? [:]
            province = try container.decodeIfPresent([String: String].self, forKey: .province) ?? [:]
        }
    }

    /// Numbered bureaus written with another prefix: a variant prefix, optional spaces, then
    /// digits (Thai or Arabic) becomes `canonicalPrefix` + the number.
    public struct NumberedBureau: Sendable, Decodable {
        public let canonicalPrefix: String
        public let variantPrefixes: [String]

        enum CodingKeys: String, CodingKey {
            case canonicalPrefix = "canonical_prefix"
            case variantPrefixes = "variant_prefixes"
        }
    }

    enum CodingKeys: String, CodingKey {
        case formatVersion = "format_version"
        case fiscalYear = "fiscal_year"
        case fiscalYearStart = "fiscal_year_start"
        case fiscalYearEnd = "fiscal_year_end"
        case indicator, rounds, steps, targets, bureaus, aliases, severities
        case reportGraceMonths = "report_grace_months"
        case scoreByLevel = "score_by_level"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        formatVersion = try container.decode(Int.self, forKey: .formatVersion)
        guard formatVersion == RuleSet.supportedFormatVersion else {
            throw DecodingError.dataCorruptedError(
                forKey: .formatVersion, in: container,
                debugDescription: "format version \(formatVersion) is not supported (this build reads \(RuleSet.supportedFormatVersion))")
        }
        fiscalYear = try container.decode(Int.self, forKey: .fiscalYear)
        fiscalYearStart = try container.decode(ISODate.self, forKey: .fiscalYearStart).date
        fiscalYearEnd = try container.decode(ISODate.self, forKey: .fiscalYearEnd).date
        indicator = try container.decode(Indicator.self, forKey: .indicator)
        rounds = try container.decode([Round].self, forKey: .rounds)
        reportGraceMonths = try container.decode(Int.self, forKey: .reportGraceMonths)
        steps = try container.decode([Step].self, forKey: .steps)
        scoreByLevel = try container.decode([Int].self, forKey: .scoreByLevel)
        targets = try container.decode([TargetLevel].self, forKey: .targets)
        bureaus = try container.decode([Bureau].self, forKey: .bureaus)
        aliases = try container.decodeIfPresent(Aliases.self, forKey: .aliases)
            ?? Aliases(bureau: [:], numberedBureau: nil, stationPrefix: [:], province: [:])
        severityEntries = try container.decodeIfPresent([String: String].self, forKey: .severities) ?? [:]
        var severities: [Rule: Severity] = [:]
        for (id, name) in severityEntries {
            if let rule = Rule(rawValue: id), let severity = Severity(rawValue: name) { severities[rule] = severity }
        }
        self.severities = severities
        provinceIndex = ProvinceIndex(provinces: bureaus.flatMap(\.provinces), aliases: aliases.province)
    }

    /// The provinces by name and by match key, built once with the rule set (each form used
    /// to scan every province and compute its match key again).
    let provinceIndex: ProvinceIndex

    /// Province lookups for `UnitReader.province`, the same answers as scanning in order.
    struct ProvinceIndex: Sendable {
        /// Every canonical province name.
        let names: Set<String>
        /// `ThaiText.matchKey` of a canonical name → the first province (in rule-set order)
        /// with that key.
        let byMatchKey: [String: String]
        /// `ThaiText.matchKey` of an alias → its canonical name (the first alias met with
        /// that key, as the scan of the aliases did).
        let aliasByMatchKey: [String: String]

        init(provinces: [String], aliases: [String: String]) {
            names = Set(provinces)
            var byMatchKey: [String: String] = [:]
            for province in provinces where byMatchKey[ThaiText.matchKey(province)] == nil {
                byMatchKey[ThaiText.matchKey(province)] = province
            }
            self.byMatchKey = byMatchKey
            var aliasByMatchKey: [String: String] = [:]
            for (variant, name) in aliases where aliasByMatchKey[ThaiText.matchKey(variant)] == nil {
                aliasByMatchKey[ThaiText.matchKey(variant)] = name
            }
            self.aliasByMatchKey = aliasByMatchKey
        }
    }

    // MARK: Derived values

    /// The severity of `rule` under this rule set.
    public func severity(of rule: Rule) -> Severity { severities[rule] ?? rule.severity }

    /// The step numbers this rule set knows (1…N).
    public var stepRange: ClosedRange<Int> { 1...max(1, steps.count) }

    /// The round of `months` months, if the rule set has one.
    public func round(months: Int) -> Round? { rounds.first { $0.months == months } }

    /// The last day a report for `round` may be dated: the end of the month
    /// `reportGraceMonths` after the round's period ends (30 มิ.ย. for a period ending in มี.ค.).
    public func reportDeadline(for round: Round) -> CalendarDate {
        let last = round.period.last
        let index = last.year * 12 + (last.month - 1) + reportGraceMonths
        return YearMonth(year: index / 12, month: index % 12 + 1).lastDay
    }

    /// The score for `level` consecutive done steps; 0 outside the table.
    public func score(forLevel level: Int) -> Int {
        scoreByLevel.indices.contains(level) ? scoreByLevel[level] : 0
    }

    /// The highest target the level reaches, or `.below`.
    public func target(forLevel level: Int) -> Target {
        targets.filter { $0.level <= level }.max { $0.level < $1.level }?.target ?? .below
    }

    /// The bureau called exactly `name` (canonical spelling).
    public func bureau(named name: String) -> Bureau? { bureaus.first { $0.name == name } }

    /// Every province of every bureau.
    public var provinces: [String] { bureaus.flatMap(\.provinces) }
}

extension RuleSet.Aliases {
    init(bureau: [String: String], numberedBureau: RuleSet.NumberedBureau?,
         stationPrefix: [String: String], province: [String: String]) {
        self.bureau = bureau
        self.numberedBureau = numberedBureau
        self.stationPrefix = stationPrefix
        self.province = province
    }
}

// MARK: Month and date values in rule-set files

/// A `YYYY-MM` month (Common Era) in a rule-set file.
struct MonthValue: Decodable {
    let month: YearMonth

    init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let month = MonthValue.parse(text) else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath,
                debugDescription: "\"\(text)\" is not a month (write YYYY-MM, Common Era, e.g. 2020-10)"))
        }
        self.month = month
    }

    static func parse(_ text: String) -> YearMonth? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), (1...12).contains(month)
        else { return nil }
        return YearMonth(year: year, month: month)
    }
}

/// A `{"first": "YYYY-MM", "last": "YYYY-MM"}` run of months in a rule-set file.
struct MonthWindowValue: Decodable {
    let window: MonthWindow

    enum CodingKeys: String, CodingKey { case first, last }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let first = try container.decode(MonthValue.self, forKey: .first).month
        let last = try container.decode(MonthValue.self, forKey: .last).month
        guard first <= last else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath,
                debugDescription: "first month \(first.isoMonth) is after last month \(last.isoMonth)"))
        }
        window = MonthWindow(first: first, last: last)
    }
}

extension YearMonth {
    /// `2020-10`.
    var isoMonth: String {
        let iso = firstDay.iso
        return String(iso.prefix(iso.count - 3))
    }
}
