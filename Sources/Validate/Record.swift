import Ingest

/// How far a station got against the indicator's targets.
public enum Target: String, Sendable, Codable, CaseIterable {
    /// Level 5: ขั้นสูง (๑๐๐).
    case advanced
    /// Level 4: มาตรฐาน (๗๕).
    case standard
    /// Level 3: ขั้นต่ำ (๕๐).
    case minimum
    /// Levels 0–2.
    case below

    /// What the sheet calls it: ขั้นสูง, มาตรฐาน, ขั้นต่ำ, or ต่ำกว่าเป้าหมาย (below every target).
    public var thai: String {
        switch self {
        case .advanced: "ขั้นสูง"
        case .standard: "มาตรฐาน"
        case .minimum: "ขั้นต่ำ"
        case .below: "ต่ำกว่าเป้าหมาย"
        }
    }
}

/// One step of an accepted report, normalized. A record lists every step of the rule set;
/// a step the form did not give is not done.
public struct StepRecord: Sendable, Equatable {
    public var number: Int
    public var done: Bool
    public var date: CalendarDate?
    public var evidence: String?
    /// For a done step with a date: whether the date lies in the step's window (a late or
    /// early step counts, with a `window` warning). `nil` for a step not done, or done
    /// without a readable date.
    public var onTime: Bool?

    public init(number: Int, done: Bool, date: CalendarDate? = nil, evidence: String? = nil, onTime: Bool? = nil) {
        self.number = number
        self.done = done
        self.date = date
        self.evidence = evidence
        self.onTime = onTime
    }
}

/// A normalized report: what is stored when a form is accepted, and the `record` of the
/// JSON verdict (docs/forms.md#the-verdict-as-json).
public struct Record: Sendable, Equatable {
    /// The rule set's project name (`กต.ตร. พบประชาชน`), whatever spelling the form used.
    public var indicator: String
    /// Buddhist Era.
    public var fiscalYear: Int
    /// 6 or 12 (months).
    public var round: Int
    /// Canonical: `สภ.เมืองเชียงใหม่`, `สน.ลุมพินี`.
    public var station: String
    /// Canonical: `บช.น.`, `ภ.1` … `ภ.9`.
    public var bureau: String
    public var province: String?
    public var reportedOn: CalendarDate
    /// Every step of the rule set, in order.
    public var steps: [StepRecord]
    /// Consecutive done steps from step 1.
    public var level: Int
    /// Computed from the level, not copied from the form.
    public var score: Int
    public var target: Target
    public var reporter: String?
    /// Digits only.
    public var phone: String?

    public init(indicator: String, fiscalYear: Int, round: Int, station: String, bureau: String,
                province: String?, reportedOn: CalendarDate, steps: [StepRecord], level: Int,
                score: Int, target: Target, reporter: String?, phone: String?) {
        self.indicator = indicator
        self.fiscalYear = fiscalYear
        self.round = round
        self.station = station
        self.bureau = bureau
        self.province = province
        self.reportedOn = reportedOn
        self.steps = steps
        self.level = level
        self.score = score
        self.target = target
        self.reporter = reporter
        self.phone = phone
    }
}

/// The decision on one file.
public struct Verdict: Sendable {
    /// The file as the caller named it.
    public var file: String
    /// `nil` when the file could not be read far enough to tell.
    public var format: FormFormat?
    public var encoding: TextEncoding?
    public var findings: [Finding]
    /// Present when the form could be read far enough to build one; stored only when accepted.
    public var record: Record?
    /// Whom to call about the form, as far as the file says (`ContactReader`); `nil` when
    /// the checker did not look (a file that could not be read at all).
    public var contact: Contact?
    /// The line of the form's station field, for findings judged after the check (the
    /// roster's `unknown-station`).
    public var stationLine: Int?

    public var accepted: Bool { !findings.hasErrors }

    public init(file: String, format: FormFormat?, encoding: TextEncoding?, findings: [Finding], record: Record?) {
        self.file = file
        self.format = format
        self.encoding = encoding
        self.findings = findings
        self.record = record
    }
}
