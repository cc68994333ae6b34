/// How much a finding weighs: any error rejects the form; warnings stay on the record.
public enum Severity: String, Sendable, Codable {
    case error
    case warning
}

/// A rule of docs/forms.md#every-rule. The raw values are stable: the rejection log is filtered
/// by them, so a rule is never renamed.
public enum Rule: String, CaseIterable, Sendable, Codable {
    /// Empty, binary, undecodable, over the size limit, or not a regular file.
    case unreadable
    /// XML not well-formed; a text form whose lines cannot be read as fields.
    case malformed
    /// A DOCTYPE, entity declaration or XInclude.
    case unsafeXML = "unsafe-xml"
    /// XML that violates the XSD.
    case schema
    /// A required field absent, a done step without a date, a 12-month report without a score.
    case missingField = "missing-field"
    /// A number field that is not a number.
    case badNumber = "bad-number"
    /// A date that cannot be read or does not exist.
    case badDate = "bad-date"
    /// No rule set for the fiscal year.
    case unknownYear = "unknown-year"
    /// The indicator is not the rule set's.
    case unknownIndicator = "unknown-indicator"
    /// A round other than 6 or 12.
    case badRound = "bad-round"
    /// An unknown bureau, a station under the wrong kind of bureau, a province outside it.
    case badUnit = "bad-unit"
    /// A step number given twice, or outside the rule set's steps.
    case badStep = "bad-step"
    /// A step done while an earlier one is not, or dated before the step before it.
    case stepOrder = "step-order"
    /// A done step dated outside the fiscal year: it cannot count for this year.
    case outOfYear = "out-of-year"
    /// A step dated after the report date.
    case futureDate = "future-date"
    /// A report date before the fiscal year, or too long after the round's period.
    case reportDate = "report-date"
    /// A score that differs from the one computed from the steps.
    case scoreMismatch = "score-mismatch"
    /// A known variant was normalized.
    case alias
    /// A Common Era year was converted to the Buddhist Era.
    case ceYear = "ce-year"
    /// A text label that is not in the label table.
    case unknownField = "unknown-field"
    /// A phone number that is not a Thai number.
    case badPhone = "bad-phone"
    /// A step whose window closed before the report date is not done.
    case behindPlan = "behind-plan"
    /// A done step dated inside the fiscal year but outside its month window: it counts,
    /// and the record says it was not on time.
    case window
    /// With a roster loaded: a station the roster does not list (docs/office.md#the-roster).
    /// Judged by the inbox against the state's roster, not by the form alone.
    case unknownStation = "unknown-station"

    /// The default severity; a rule set may change it (`severities` in its file, within
    /// the limits of `mayBe(_:)`).
    public var severity: Severity {
        switch self {
        case .alias, .ceYear, .unknownField, .badPhone, .behindPlan, .window, .unknownStation: return .warning
        default: return .error
        }
    }

    /// Whether a rule set may give this rule `severity`: any warning may be raised to an
    /// error; an error may be lowered to a warning unless it is about reading the file
    /// (`unreadable`, `malformed`, `unsafe-xml`, `schema`: a form that cannot be read has
    /// nothing to accept).
    public func mayBe(_ severity: Severity) -> Bool {
        switch (self.severity, severity) {
        case (.warning, _), (.error, .error): return true
        case (.error, .warning): return !Rule.readingRules.contains(self)
        }
    }

    /// The rules judged against the state (the roster), not the form alone: a check
    /// without a state never finds them.
    public static let rosterRules: Set<Rule> = [.unknownStation]

    /// The rules about reading the file, which always stay errors.
    public static let readingRules: Set<Rule> = [.unreadable, .malformed, .unsafeXML, .schema]
}
