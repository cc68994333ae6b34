import Foundation

/// Reads the XML form (docs/forms.md#the-xml-form) into a `ReportForm`: values as written, with
/// their lines, before any rule.
///
/// The bytes go through the LibXML layer: a safe parse that refuses a DOCTYPE, an entity
/// declaration or an XInclude (`unsafe-xml`), then validation against `schemas/report.xsd`
/// (`schema`, one finding per libxml2 error with its line; past the first hundred, one more
/// finding gives the count). Decision: a form that is not well-formed, unsafe or invalid
/// against the schema is not interpreted further — the reading has findings and no form.
/// Past the schema, the shape is known, so the reader only copies values out.
public struct XMLFormReader: Sendable {
    /// The form's namespace; the schema's target namespace.
    public static let namespace = "urn:rtp:kpi-report:1"

    private let schema: XMLSchema

    /// A reader validating against `schema` (compiled once, shared by every reader).
    public init(schema: XMLSchema) {
        self.schema = schema
    }

    /// Reads one XML form.
    ///
    /// `data` is the raw file bytes (libxml2 honours the BOM and the XML declaration: UTF-8,
    /// UTF-16, TIS-620); `encoding` is what the caller's decoder detected, kept on the model.
    /// UTF-16 that the decoder recognized without a byte-order mark is given one first:
    /// libxml2 guesses UTF-16 without a BOM only from a leading `<?`, and fails on
    /// `<report …` ("Char 0x0 out of allowed range").
    public func read(_ data: Data, encoding: TextEncoding) -> FormReading {
        func rejected(_ findings: [Finding]) -> FormReading {
            FormReading(format: .xml, encoding: encoding, form: nil, findings: findings)
        }
        switch schema.read(Self.withByteOrderMark(data, encoding: encoding)) {
        case .unsafe(let constructs):
            return rejected(constructs.map(Self.finding(for:)))
        case .notWellFormed(let errors):
            return rejected(errors.listed.map { Finding(.xmlNotWellFormed($0.diagnostic), line: $0.line) }
                + (errors.unlisted > 0 ? [Finding(.moreXMLErrors(count: errors.unlisted))] : []))
        case .invalid(let errors):
            return rejected(errors.listed.map { Finding(.schemaViolation($0.diagnostic), line: $0.line) }
                + (errors.unlisted > 0 ? [Finding(.moreSchemaViolations(count: errors.unlisted))] : []))
        case .valid(let root):
            switch Self.form(from: root, encoding: encoding) {
            case .success(let form):
                if let line = Self.firstControlCharacterLine(in: form) {
                    return rejected([Finding(.binaryContent(line: line), line: line)])
                }
                return FormReading(format: .xml, encoding: encoding, form: form, findings: [])
            case .failure(let problem):
                return rejected([problem.finding])
            }
        }
    }

    /// `data` with the UTF-16 byte-order mark of `encoding` in front, if it is UTF-16 and
    /// has none; otherwise `data` unchanged. Line numbers are unchanged (a BOM is no line).
    static func withByteOrderMark(_ data: Data, encoding: TextEncoding) -> Data {
        let mark: [UInt8]
        switch encoding {
        case .utf16LittleEndian: mark = [0xFF, 0xFE]
        case .utf16BigEndian: mark = [0xFE, 0xFF]
        case .utf8, .utf8WithBOM, .windows874: return data
        }
        return data.starts(with: mark) ? data : Data(mark) + data
    }

    private static func finding(for construct: UnsafeXMLConstruct) -> Finding {
        switch construct {
        case .doctype(let line, let entities): return Finding(.doctype(entities: entities), line: line)
        case .entityDeclaration(let line): return Finding(.entityDeclaration, line: line)
        case .xinclude(let line): return Finding(.xinclude, line: line)
        }
    }

    /// Copies a schema-valid form's values out of its elements.
    private static func form(from report: XMLElementNode, encoding: TextEncoding) -> Result<ReportForm, UnexpectedShape> {
        let ns = namespace
        var form = ReportForm(format: .xml, encoding: encoding)
        let unit = report.child("unit", namespace: ns)
        let contact = report.child("contact", namespace: ns)
        for field in FormField.allCases {
            let parent: XMLElementNode?
            switch field {
            case .station, .bureau, .province: parent = unit
            case .reporter, .phone: parent = contact
            case .indicator, .fiscalYear, .round, .reportedOn, .score: parent = report
            }
            if let element = parent?.child(field.xmlElement, namespace: ns) {
                // Kept when empty, with its line: the validator counts a blank value as not
                // given, and reports `missing-field` at the empty element.
                form[field] = FieldValue(ThaiText.normalize(element.text), line: element.line)
            }
        }

        for step in report.child("steps", namespace: ns)?.children("step", namespace: ns) ?? [] {
            let doneText = step.attributes["done"] ?? ""
            guard let done = xsBoolean(doneText) else {
                // The schema declares `done` an xs:boolean, so this cannot pass it; if it ever
                // did, say so rather than guess.
                return .failure(UnexpectedShape(line: step.line, detail: "Attribute 'done': '\(doneText)' is not a valid value of the atomic type 'xs:boolean'."))
            }
            form.steps.append(StepEntry(
                number: FieldValue(ThaiText.normalize(step.attributes["number"] ?? ""), line: step.line),
                done: done,
                date: step.child("date", namespace: ns).flatMap(value(of:)),
                evidence: step.child("evidence", namespace: ns).flatMap(value(of:))?.text,
                line: step.line))
        }
        return .success(form)
    }

    /// The element's normalized text with its line; nil when the text is empty (an empty
    /// element counts as not given).
    private static func value(of element: XMLElementNode) -> FieldValue? {
        let text = ThaiText.normalize(element.text)
        return text.isEmpty ? nil : FieldValue(text, line: element.line)
    }

    /// The line of the first value holding a control character (C0 but tab, CR and LF; DEL;
    /// C1), nil when there is none.
    ///
    /// The decoder refuses such characters in the file's bytes, but libxml2 decodes the XML
    /// itself and can still produce them: a character reference (`&#x9B;`, legal in XML 1.0)
    /// or a declared encoding the bytes are not in (UTF-8 read as ISO-8859-11 gives C1
    /// controls). They would end up in findings and on terminals, so the form is refused as
    /// binary content, as the decoder would (found by the attack corpus).
    private static func firstControlCharacterLine(in form: ReportForm) -> Int? {
        func hasControl(_ text: String) -> Bool { FormDecoder.firstControlLine(in: text) != nil }
        for value in form.fields.values.sorted(by: { ($0.line ?? 0) < ($1.line ?? 0) }) where hasControl(value.text) {
            return value.line ?? 1
        }
        for step in form.steps {
            let texts = [step.number.text, step.date?.text ?? "", step.evidence ?? ""]
            if texts.contains(where: hasControl) { return step.line ?? 1 }
        }
        return nil
    }

    /// An xs:boolean's lexical forms, after its white-space collapse: `true`/`1`, `false`/`0`.
    static func xsBoolean(_ text: String) -> Bool? {
        switch text.trimmingCharacters(in: .whitespacesAndNewlines) {
        case "true", "1": return true
        case "false", "0": return false
        default: return nil
        }
    }
}

/// A schema-valid form whose shape still surprised the reader (a schema that lets through
/// what the reader cannot read). Reported as a schema finding, never guessed around.
private struct UnexpectedShape: Error {
    var line: Int?
    var detail: String

    var finding: Finding { Finding(.schemaViolation(XMLDiagnostic(kind: .other, text: detail)), line: line) }
}
