import Foundation

/// Labels, synonyms and step status words, loaded from schemas/text-form.json (data, not code).
///
/// Every word is kept as its `ThaiText.matchKey`, so a label matches however the station
/// spaced or cased it. Lists that are searched by prefix are kept longest first, so that
/// `ยังไม่ดำเนินการ` is tried before any shorter word it contains.
public struct TextFormVocabulary: Sendable {
    /// Label key → field.
    let fields: [String: FormField]
    /// Step label keys (`ขั้นตอนที่`, `step`), longest first.
    let stepLabels: [String]
    /// Status word key → done, longest first.
    let statusWords: [(key: String, done: Bool)]
    /// Date introducer keys (`เมื่อวันที่`, `เมื่อ`, `วันที่`), longest first.
    let dateIntroducers: [String]
    /// Evidence introducers as written (`หลักฐาน`), searched in the step value.
    let evidenceIntroducers: [String]

    /// The field a label names (`มือถือ` → phone), however it is spaced or cased.
    public func field(labeled label: String) -> FormField? { fields[ThaiText.matchKey(label)] }

    /// Reads and checks the vocabulary file. Errors name the file and the problem.
    public static func load(from url: URL) throws -> TextFormVocabulary {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw TextFormVocabularyError(file: url.path, problem: "cannot be read: \(error.localizedDescription)")
        }
        return try decode(data, file: url.path)
    }

    /// Checks a vocabulary given as its file's contents (the built-in one); `file` names it in errors.
    public static func load(contents data: Data, file: String) throws -> TextFormVocabulary {
        try decode(data, file: file)
    }

    /// The file's layout; see schemas/text-form.json for what each entry means.
    private struct File: Decodable {
        struct FieldEntry: Decodable {
            let description: String?
            let labels: [String]
        }
        struct WordList: Decodable {
            let description: String?
            let words: [String]
        }
        let fields: [String: FieldEntry]
        let stepLabels: WordList
        let doneWords: WordList
        let notDoneWords: WordList
        let dateIntroducers: WordList
        let evidenceIntroducers: WordList
    }

    /// Decodes and checks a vocabulary; `file` names it in errors.
    static func decode(_ data: Data, file: String) throws -> TextFormVocabulary {
        func fail(_ problem: String) -> TextFormVocabularyError {
            TextFormVocabularyError(file: file, problem: problem)
        }
        let content: File
        do {
            content = try JSONDecoder().decode(File.self, from: data)
        } catch let error as DecodingError {
            throw fail("is not a valid vocabulary: \(describe(error))")
        } catch {
            throw fail("is not valid JSON: \(error.localizedDescription)")
        }

        var fields: [String: FormField] = [:]
        for (name, entry) in content.fields.sorted(by: { $0.key < $1.key }) {
            guard let field = FormField(rawValue: name) else {
                let known = FormField.allCases.map(\.rawValue).joined(separator: ", ")
                throw fail("names an unknown field \"\(name)\" (known: \(known))")
            }
            guard !entry.labels.isEmpty else { throw fail("gives field \"\(name)\" no label") }
            for label in entry.labels {
                let key = ThaiText.matchKey(label)
                guard !key.isEmpty else { throw fail("gives field \"\(name)\" an empty label") }
                if let other = fields[key], other != field {
                    throw fail("gives the label \"\(label)\" to two fields: \(other.rawValue) and \(name)")
                }
                fields[key] = field
            }
        }
        let missing = FormField.allCases.filter { !fields.values.contains($0) }
        guard missing.isEmpty else {
            throw fail("has no labels for \(missing.map(\.rawValue).joined(separator: ", "))")
        }

        func keys(_ list: File.WordList, _ name: String) throws -> [String] {
            let keys = list.words.map(ThaiText.matchKey)
            guard !keys.isEmpty else { throw fail("has an empty \(name) list") }
            guard !keys.contains("") else { throw fail("has an empty word in \(name)") }
            return keys.sorted { $0.count > $1.count }
        }
        let stepLabels = try keys(content.stepLabels, "stepLabels")
        let done = try keys(content.doneWords, "doneWords")
        let notDone = try keys(content.notDoneWords, "notDoneWords")
        if let both = done.first(where: notDone.contains) {
            throw fail("lists \"\(both)\" as both a done and a not-done word")
        }
        let statusWords = (done.map { (key: $0, done: true) } + notDone.map { (key: $0, done: false) })
            .sorted { $0.key.count > $1.key.count }
        let dateIntroducers = try keys(content.dateIntroducers, "dateIntroducers")
        _ = try keys(content.evidenceIntroducers, "evidenceIntroducers")
        let evidenceIntroducers = content.evidenceIntroducers.words.map(ThaiText.normalize)

        return TextFormVocabulary(
            fields: fields, stepLabels: stepLabels, statusWords: statusWords,
            dateIntroducers: dateIntroducers, evidenceIntroducers: evidenceIntroducers)
    }

    /// `missing key "doneWords"`, `fields.round.labels: expected an array`.
    private static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return path.isEmpty ? "" : "\(path): "
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "\(path(context))missing key \"\(key.stringValue)\""
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "\(path(context))\(context.debugDescription)"
        case .dataCorrupted(let context):
            return "\(path(context))\(context.debugDescription)"
        @unknown default:
            return String(describing: error)
        }
    }
}

/// A vocabulary file that cannot be used: a program error (the pipeline cannot start), not
/// a finding about a form.
public struct TextFormVocabularyError: Error, CustomStringConvertible, Equatable {
    /// The file's path.
    public let file: String
    /// What is wrong, as the end of a sentence that starts with the file.
    public let problem: String

    public var description: String { "Text-form vocabulary \(file) \(problem)" }
}
