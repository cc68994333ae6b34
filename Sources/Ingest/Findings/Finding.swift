/// One thing found wrong (or worth a word) in a form: a rule, where it stands, and what to
/// tell the station, in Thai and in English.
public struct Finding: Sendable, Equatable, Codable {
    public let rule: Rule
    public let severity: Severity
    /// 1-based line in the file, where the finding concerns one.
    public let line: Int?
    /// The step number, where the finding concerns one.
    public let step: Int?
    public let messageTH: String
    public let messageEN: String

    public init(_ problem: Problem, line: Int? = nil, step: Int? = nil) {
        let message = problem.message
        self.rule = problem.rule
        self.severity = problem.rule.severity
        self.line = line
        self.step = step
        self.messageTH = message.thai
        self.messageEN = message.english
    }

    /// For decoding stored findings (the ledger); new findings come from a `Problem`.
    public init(rule: Rule, severity: Severity, line: Int?, step: Int?, messageTH: String, messageEN: String) {
        self.rule = rule
        self.severity = severity
        self.line = line
        self.step = step
        self.messageTH = messageTH
        self.messageEN = messageEN
    }

    enum CodingKeys: String, CodingKey {
        case rule, severity, line, step
        case messageTH = "message_th"
        case messageEN = "message_en"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(rule, forKey: .rule)
        try container.encode(severity, forKey: .severity)
        try container.encode(line, forKey: .line)
        try container.encode(step, forKey: .step)
        try container.encode(messageTH, forKey: .messageTH)
        try container.encode(messageEN, forKey: .messageEN)
    }
}

extension Array where Element == Finding {
    /// True when any finding is an error: the form is rejected.
    public var hasErrors: Bool { contains { $0.severity == .error } }
}
