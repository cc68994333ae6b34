import Foundation
import Ingest

/// The whole check of one file: bytes → decoded text → form (XML or plain text) → verdict.
///
/// Built once from the schemas folder (the XSD is compiled once, the rule sets and the text
/// vocabulary loaded and checked once) and shared read-only by every task that checks forms.
public struct FormChecker: FormChecking {
    public let resources: Resources
    let xmlReader: XMLFormReader
    let textReader: TextFormReader
    let validator: Validator
    let contactReader: ContactReader
    let sizeLimit: Int

    public init(resources: Resources, sizeLimit: Int = FormDecoder.defaultSizeLimit) throws(ResourceError) {
        self.resources = resources
        self.sizeLimit = sizeLimit
        xmlReader = XMLFormReader(schema: try resources.compileFormSchema())
        let vocabulary = try resources.loadTextVocabulary()
        textReader = TextFormReader(vocabulary: vocabulary)
        validator = Validator(ruleBook: try resources.loadRuleBook())
        contactReader = ContactReader(ruleBook: validator.ruleBook, vocabulary: vocabulary)
    }

    /// The rule sets the checker judges by (for step names and windows on the web pages).
    public var ruleBook: RuleBook { validator.ruleBook }

    /// Checks the file at `path`, reading no more of it than the size limit allows: a file
    /// over the limit is judged by its size alone, however large it is.
    /// - Throws: when the file cannot be opened or read (a missing file: the program cannot
    ///   check it, which is not a finding about a form).
    public func check(fileAt path: String, file: String) throws -> Verdict {
        let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        let data = try handle.read(upToCount: sizeLimit + 1) ?? Data()
        if data.count > sizeLimit {
            let size = (try? handle.seekToEnd()).map(Int.init) ?? data.count
            var verdict = Verdict(file: file, format: nil, encoding: nil,
                                  findings: [Finding(.tooLarge(size: size, limit: sizeLimit))], record: nil)
            verdict.contact = contact(ofUnreadable: data)
            return verdict
        }
        return check(data, file: file)
    }

    public func check(_ data: Data, file: String) -> Verdict {
        let decoded: DecodedText
        switch FormDecoder.decode(data, sizeLimit: sizeLimit) {
        case .unreadable(let problem):
            var verdict = Verdict(file: file, format: nil, encoding: nil, findings: [Finding(problem)], record: nil)
            verdict.contact = contact(ofUnreadable: data)
            return verdict
        case .decoded(let text):
            decoded = text
        }

        let reading = Self.looksLikeXML(decoded.text)
            ? xmlReader.read(data, encoding: decoded.encoding)
            : textReader.read(decoded)
        var verdict = validator.verdict(on: reading, file: file)
        verdict.contact = contactReader.contact(record: verdict.record, form: reading.form, data: data)
        verdict.stationLine = reading.form?[.station]?.line
        return verdict
    }

    /// Whom to call about a file that was not read as a form (over the size limit, not
    /// text): from its first bytes' plain text, unverified.
    public func contact(ofUnreadable data: Data) -> Contact {
        contactReader.contact(record: nil, form: nil, data: data)
    }

    /// An XML form starts, after any white space, with `<` (a declaration, a comment or the
    /// root element); a plain-text form starts with a title or a label.
    static func looksLikeXML(_ text: String) -> Bool {
        text.unicodeScalars.first { !$0.properties.isWhitespace } == "<"
    }
}
