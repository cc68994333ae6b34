/// The two kinds of form a station sends.
public enum FormFormat: String, Sendable, Codable {
    case xml
    case text
}

/// How the bytes of a form were read.
public enum TextEncoding: String, Sendable, Codable {
    case utf8 = "UTF-8"
    case utf8WithBOM = "UTF-8 with BOM"
    case utf16LittleEndian = "UTF-16LE"
    case utf16BigEndian = "UTF-16BE"
    case windows874 = "Windows-874"
}

/// One value as the form wrote it, with the line it stands on (1-based).
public struct FieldValue: Sendable, Equatable {
    /// The value after text normalization (`ThaiText.normalize`), not yet interpreted.
    public var text: String
    public var line: Int?

    public init(_ text: String, line: Int?) {
        self.text = text
        self.line = line
    }
}

/// One step as the form wrote it.
public struct StepEntry: Sendable, Equatable {
    /// The step number as written (`๓`, `3`); the validator interprets it.
    public var number: FieldValue
    public var done: Bool
    /// The date as written, if any.
    public var date: FieldValue?
    public var evidence: String?
    public var line: Int?

    public init(number: FieldValue, done: Bool, date: FieldValue? = nil, evidence: String? = nil, line: Int?) {
        self.number = number
        self.done = done
        self.date = date
        self.evidence = evidence
        self.line = line
    }
}

/// A report form read from either format: raw values with their lines, before any rule.
///
/// Readers fill in what the form says and nothing more; interpreting values (numbers,
/// dates, units) and judging them is the validator's work.
public struct ReportForm: Sendable, Equatable {
    public var format: FormFormat
    public var encoding: TextEncoding
    public var fields: [FormField: FieldValue]
    /// In the order the form gives them.
    public var steps: [StepEntry]

    public init(format: FormFormat, encoding: TextEncoding, fields: [FormField: FieldValue] = [:], steps: [StepEntry] = []) {
        self.format = format
        self.encoding = encoding
        self.fields = fields
        self.steps = steps
    }

    public subscript(field: FormField) -> FieldValue? {
        get { fields[field] }
        set { fields[field] = newValue }
    }
}

/// What a reader made of a form: the form when it could be read far enough, and the
/// findings met on the way.
public struct FormReading: Sendable {
    public var format: FormFormat?
    public var encoding: TextEncoding?
    public var form: ReportForm?
    public var findings: [Finding]

    public init(format: FormFormat?, encoding: TextEncoding?, form: ReportForm?, findings: [Finding]) {
        self.format = format
        self.encoding = encoding
        self.form = form
        self.findings = findings
    }
}
