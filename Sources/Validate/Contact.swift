import Foundation
import Ingest

/// Whom to call about a form: the station, its bureau, the report it is for, and the
/// reporter with a phone, as far as any part of the file says them (docs/office.md#whom-to-call).
///
/// A checked record gives them verified. A form that was refused before it became a
/// record (a missing field, a schema error, unsafe or broken XML, a file over the size
/// limit) still usually names its station: then the values are taken from the form's
/// fields, or from the file's plain text read without expanding anything, and the contact
/// is marked unverified — a lead to follow up, not a fact.
public struct Contact: Sendable, Equatable {
    public var station: String?
    public var bureau: String?
    public var province: String?
    /// Buddhist Era.
    public var fiscalYear: Int?
    public var round: Int?
    public var reporter: String?
    /// Digits only.
    public var phone: String?
    /// True when the values come from a checked record.
    public var verified: Bool

    public init(station: String? = nil, bureau: String? = nil, province: String? = nil, fiscalYear: Int? = nil,
                round: Int? = nil, reporter: String? = nil, phone: String? = nil, verified: Bool = false) {
        self.station = station
        self.bureau = bureau
        self.province = province
        self.fiscalYear = fiscalYear
        self.round = round
        self.reporter = reporter
        self.phone = phone
        self.verified = verified
    }

    /// The contact of a checked record.
    public init(_ record: Record) {
        self.init(station: record.station, bureau: record.bureau, province: record.province,
                  fiscalYear: record.fiscalYear, round: record.round, reporter: record.reporter,
                  phone: record.phone, verified: true)
    }

    /// True when the file said nothing at all of whom to call.
    public var isEmpty: Bool {
        station == nil && bureau == nil && province == nil && fiscalYear == nil && round == nil
            && reporter == nil && phone == nil
    }
}

/// Reads a `Contact` out of whatever a file yielded: its record, its form's raw fields, or
/// its plain text.
public struct ContactReader: Sendable {
    let ruleBook: RuleBook
    let vocabulary: TextFormVocabulary

    public init(ruleBook: RuleBook, vocabulary: TextFormVocabulary) {
        self.ruleBook = ruleBook
        self.vocabulary = vocabulary
    }

    /// How much of a file the plain-text reading looks at: a form's contact lines are on its
    /// first page, and an oversized file is not read further than this.
    public static let plainTextLimit = 64 * 1024

    /// The contact of a verdict on `data`: the record's when there is one, else the form's
    /// fields, else the plain text of the file.
    public func contact(record: Record?, form: ReportForm?, data: Data) -> Contact {
        if let record { return Contact(record) }
        var values: [FormField: String] = [:]
        if let form {
            for (field, value) in form.fields where !ThaiText.isBlank(value.text) { values[field] = value.text }
        }
        if values[.station] == nil && values[.bureau] == nil {
            for (field, value) in plainFields(data) where values[field] == nil { values[field] = value }
        }
        return interpreted(values)
    }

    /// The values, each read as the validator would read it but without judging: a unit
    /// name in its canonical spelling when it resolves, else as written.
    func interpreted(_ values: [FormField: String]) -> Contact {
        var contact = Contact()
        if let text = values[.fiscalYear] {
            switch FiscalYearText.parse(text) {
            case .buddhistEra(let year), .convertedFromCommonEra(let year): contact.fiscalYear = year
            case .unreadable: break
            }
        }
        if let text = values[.round] { contact.round = RoundText.parse(text) }
        let ruleSet = contact.fiscalYear.flatMap(ruleBook.ruleSet(forFiscalYear:))
            ?? ruleBook.fiscalYears.last.flatMap(ruleBook.ruleSet(forFiscalYear:))
        let units = ruleSet.map(UnitReader.init(ruleSet:))
        if let text = values[.bureau] {
            contact.bureau = units?.bureau(text)?.value.name ?? ThaiDigits.arabic(text)
        }
        if let text = values[.station] {
            if case .station(let name, _, _)? = units?.station(text) {
                contact.station = name
            } else {
                contact.station = text
            }
        }
        if let text = values[.province] { contact.province = units?.province(text)?.value ?? text }
        contact.reporter = values[.reporter]
        if let text = values[.phone] { contact.phone = PhoneNumber(text)?.digits }
        return contact
    }

    /// The contact fields of a file's text, found without parsing it: XML elements whose
    /// content is plain text, or one entity reference alone whose declaration is a plain
    /// literal (a child element, CDATA or any other reference is not read: nothing is
    /// expanded), and plain-text form lines `LABEL: VALUE` under the labels of
    /// the text form's vocabulary. The first value of each field wins.
    func plainFields(_ data: Data) -> [FormField: String] {
        let text = ContactReader.plainText(data.prefix(ContactReader.plainTextLimit))
        var fields: [FormField: String] = [:]
        for line in text.split(whereSeparator: \.isNewline) {
            guard let colon = line.firstIndex(of: ":"), let field = vocabulary.field(labeled: String(line[..<colon])),
                  fields[field] == nil else { continue }
            fields[field] = String(line[line.index(after: colon)...])
        }
        let wanted: [FormField] = [.fiscalYear, .round, .station, .bureau, .province, .reporter, .phone]
        for field in wanted {
            if let value = ContactReader.elementText(field.xmlElement, in: text) { fields[field] = value }
        }
        return fields.compactMapValues { value in
            let normalized = ThaiText.normalize(value)
            return ThaiText.isBlank(normalized) || normalized.count > 200 ? nil : normalized
        }
    }

    /// The bytes as text: decoded as a form is when they can be, else as UTF-8 with
    /// replacement characters (a lead is better than nothing; the contact is unverified).
    static func plainText(_ data: Data) -> String {
        if case .decoded(let decoded) = FormDecoder.decode(Data(data), sizeLimit: Int.max) { return decoded.text }
        return String(decoding: data, as: UTF8.self)
    }

    /// The text of the first `<name>TEXT</name>` (with or without a namespace prefix or
    /// attributes) whose content has no markup and no entity reference, or is one reference
    /// to a plain literal (`declaredLiteral`).
    static func elementText(_ name: String, in text: String) -> String? {
        var searchFrom = text.startIndex
        while let open = text.range(of: "<", range: searchFrom..<text.endIndex) {
            guard let close = text.range(of: ">", range: open.upperBound..<text.endIndex) else { return nil }
            // Each character is looked at a bounded number of times: a `<` inside a tag is
            // not another tag, so the search goes on after this one's `>`.
            searchFrom = close.upperBound
            let tag = text[open.upperBound..<close.lowerBound]
            let tagName = tag.prefix { !$0.isWhitespace && $0 != "/" }
            guard tagName == name || tagName.hasSuffix(":" + name), !tag.hasSuffix("/") else { continue }
            let contentEnd = text[close.upperBound...].firstIndex(of: "<") ?? text.endIndex
            let content = text[close.upperBound..<contentEnd]
            guard text[contentEnd...].hasPrefix("</") else { continue }
            if !content.contains("&") { return String(content) }
            if let literal = declaredLiteral(ofLoneReference: content, in: text) { return literal }
        }
        return nil
    }

    /// For content that is one entity reference alone (`&station;`), the plain literal its
    /// `<!ENTITY station "…">` declares, when that literal holds no markup and no reference:
    /// the text the file itself wrote, read as text — no entity is expanded, no parameter,
    /// external or nested one is followed (docs/office.md#whom-to-call).
    static func declaredLiteral(ofLoneReference content: Substring, in text: String) -> String? {
        let trimmed = content.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("&"), trimmed.hasSuffix(";"), trimmed.count > 2 else { return nil }
        let name = trimmed.dropFirst().dropLast()
        guard name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == "." }) else { return nil }
        guard let declaration = text.range(of: "<!ENTITY \(name) ") ?? text.range(of: "<!ENTITY \(name)\t") else { return nil }
        let rest = text[declaration.upperBound...].drop { $0.isWhitespace }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        let body = rest.dropFirst()
        guard let end = body.firstIndex(of: quote) else { return nil }
        let literal = body[..<end]
        guard !literal.contains(where: { "&%<>".contains($0) }), literal.count <= 200 else { return nil }
        return String(literal)
    }
}
