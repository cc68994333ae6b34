import Ingest
import Validate

/// The fields of `/new` (FORMS.md section 3), as the clerk typed them, and the XML form they
/// make. Values go into the XML as typed (dates in any style FORMS.md reads, Thai or Arabic
/// digits): the checker reads them as it reads any form. The indicator is the rule set's,
/// and the score is computed from the steps, so neither needs typing.
struct FormDraft {
    static let fileName = "report.xml"
    static let stepNumbers = 1...5

    struct Step {
        var done = false
        var date = ""
        var evidence = ""
    }

    var station = ""
    var bureau = ""
    var province = ""
    var round = "6"
    var fiscalYear = ""
    var reportedOn = ""
    var steps = Array(repeating: Step(), count: stepNumbers.count)
    var reporter = ""
    var phone = ""
    /// For the score: the rule sets by fiscal year.
    let ruleBook: RuleBook

    /// Empty fields, the latest fiscal year and the 6-month round filled in.
    static func blank(_ ruleBook: RuleBook) -> FormDraft {
        var draft = FormDraft(PostedForm(), ruleBook: ruleBook)
        draft.fiscalYear = ruleBook.fiscalYears.last.map(String.init) ?? ""
        return draft
    }

    init(_ form: PostedForm, ruleBook: RuleBook) {
        self.ruleBook = ruleBook
        func field(_ name: String) -> String { FormDraft.singleLine(form[name] ?? "") }
        station = field("station")
        bureau = field("bureau")
        province = field("province")
        round = form["round"].map(FormDraft.singleLine) ?? "6"
        fiscalYear = field("fiscal_year")
        reportedOn = field("reported_on")
        for number in FormDraft.stepNumbers {
            steps[number - 1] = Step(done: form["step\(number)_done"] != nil,
                                     date: field("step\(number)_date"), evidence: field("step\(number)_evidence"))
        }
        reporter = field("reporter")
        phone = field("phone")
    }

    /// The rule set's project name, for `<indicator>`.
    var indicator: String { ruleSet?.indicator.project ?? "กต.ตร. พบประชาชน" }

    /// The rule set of the typed fiscal year, else the latest one.
    var ruleSet: RuleSet? {
        let year = Int(ThaiDigits.arabic(fiscalYear).trimmedOfBlanks)
        return year.flatMap(ruleBook.ruleSet(forFiscalYear:)) ?? ruleBook.fiscalYears.last.flatMap(ruleBook.ruleSet(forFiscalYear:))
    }

    /// One line: line breaks become spaces, other control characters (which XML cannot
    /// carry) are dropped, blanks at the ends trimmed.
    static func singleLine(_ value: String) -> String {
        let scalars = value.unicodeScalars.compactMap { scalar -> Unicode.Scalar? in
            if scalar == "\n" || scalar == "\r" || scalar == "\t" { return " " }
            if scalar.value < 0x20 || scalar.value == 0x7F || (0xFFFE...0xFFFF).contains(scalar.value) { return nil }
            return scalar
        }
        var text = ""
        text.unicodeScalars.append(contentsOf: scalars)
        return text.trimmedOfBlanks
    }

    /// Consecutive done steps from step 1.
    var level: Int { steps.prefix { $0.done }.count }

    /// The score the steps give, by `ruleSet`.
    var score: Int {
        ruleSet?.score(forLevel: level) ?? max(0, 25 * (level - 1))
    }

    /// The XML form, and which field each of its lines holds (for findings beside fields).
    struct BuiltXML {
        var text: String
        /// Line number (1-based) → the field's id on the page (`station`, `step3` …).
        var fieldByLine: [Int: String]
    }

    func xml() -> BuiltXML {
        var lines: [String] = []
        var fieldByLine: [Int: String] = [:]
        func add(_ line: String, field: String? = nil) {
            lines.append(line)
            if let field { fieldByLine[lines.count] = field }
        }
        func element(_ name: String, _ value: String) -> String { "<\(name)>\(XMLText.escape(value))</\(name)>" }
        add(#"<?xml version="1.0" encoding="UTF-8"?>"#)
        add(#"<report xmlns="urn:rtp:kpi-report:1">"#)
        add("  " + element("indicator", indicator), field: "indicator")
        add("  " + element("fiscalYear", fiscalYear), field: "fiscal_year")
        add("  " + element("round", round), field: "round")
        add("  <unit>", field: "station")
        add("    " + element("station", station), field: "station")
        add("    " + element("bureau", bureau), field: "bureau")
        if !province.isEmpty { add("    " + element("province", province), field: "province") }
        add("  </unit>")
        add("  " + element("reportedOn", reportedOn), field: "reported_on")
        add("  <steps>")
        for (index, step) in steps.enumerated() {
            var line = #"    <step number="\#(index + 1)" done="\#(step.done)""#
            if step.date.isEmpty && step.evidence.isEmpty {
                line += "/>"
            } else {
                line += ">"
                if !step.date.isEmpty { line += element("date", step.date) }
                if !step.evidence.isEmpty { line += element("evidence", step.evidence) }
                line += "</step>"
            }
            add(line, field: "step\(index + 1)")
        }
        add("  </steps>")
        add("  " + element("score", String(score)), field: "score")
        if !reporter.isEmpty || !phone.isEmpty {
            add("  <contact>")
            if !reporter.isEmpty { add("    " + element("name", reporter), field: "reporter") }
            if !phone.isEmpty { add("    " + element("phone", phone), field: "phone") }
            add("  </contact>")
        }
        add("</report>")
        return BuiltXML(text: lines.joined(separator: "\n") + "\n", fieldByLine: fieldByLine)
    }
}

/// Escaping for XML character data and attribute values.
enum XMLText {
    static func escape(_ value: String) -> String {
        var output = ""
        for character in value {
            switch character {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&apos;"
            default: output.append(character)
            }
        }
        return output
    }
}
