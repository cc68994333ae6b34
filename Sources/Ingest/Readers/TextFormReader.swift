import Foundation

/// Reads the plain-text form (docs/forms.md#the-plain-text-form) into a `ReportForm`: lines of
/// `LABEL : VALUE`, labels from the vocabulary, values kept as written (normalized), with
/// their lines. Interpreting values (numbers, dates, units) is the validator's work.
///
/// * A line is split at its first `:` or `：`; a line without one (a title) is ignored.
/// * Lines are numbered from 1, counting LF, CRLF and CR as one line end each.
/// * An empty value (`จังหวัด :`) leaves the field absent.
/// * An unknown label is an `unknown-field` warning, for the first
///   `listedUnknownFields` of them; one more warning counts the rest. The same field given
///   twice with different values is a `malformed` error and the first value is kept.
/// * A step value is a status word, then optionally a date introducer and a date, then
///   optionally the evidence introducer and free text. An unknown status is a `malformed`
///   error and the step is not recorded.
/// * A text without a single recognized label is not a report form: one `malformed`
///   finding (`noFields`), no warning per line, and no form.
public struct TextFormReader: Sendable {
    public let vocabulary: TextFormVocabulary

    /// Unknown labels listed one by one; past these, one finding counts the rest. A file
    /// with a few stray lines gets each named; a long letter with one label in it does not
    /// bury the findings that matter under a warning per line.
    public static let listedUnknownFields = 10

    public init(vocabulary: TextFormVocabulary) {
        self.vocabulary = vocabulary
    }

    /// The form and the findings met while reading it; format `.text`.
    public func read(_ decoded: DecodedText) -> FormReading {
        var form = ReportForm(format: .text, encoding: decoded.encoding)
        var findings: [Finding] = []
        var recognizedLabels = 0
        var unknownFields = 0

        for (index, line) in Self.lines(of: decoded.text).enumerated() {
            let lineNumber = index + 1
            guard let parts = Self.split(line) else { continue }
            let label = ThaiText.normalize(String(parts.label))
            let value = ThaiText.normalize(String(parts.value))

            if let field = vocabulary.fields[ThaiText.matchKey(label)] {
                recognizedLabels += 1
                guard !value.isEmpty else { continue }
                if let first = form[field] {
                    if first.text != value {
                        findings.append(Finding(.duplicateField(field, firstLine: first.line), line: lineNumber))
                    }
                } else {
                    form[field] = FieldValue(value, line: lineNumber)
                }
            } else if let number = stepNumber(inLabel: label) {
                recognizedLabels += 1
                guard !value.isEmpty else { continue }
                let numberValue = FieldValue(number, line: lineNumber)
                if let step = readStep(value, number: numberValue, line: lineNumber) {
                    form.steps.append(step)
                } else {
                    findings.append(Finding(
                        .unreadableStep(value: value), line: lineNumber,
                        step: ThaiNumber.parseInteger(number)))
                }
            } else {
                unknownFields += 1
                if unknownFields <= Self.listedUnknownFields {
                    findings.append(Finding(.unknownField(label: label), line: lineNumber))
                }
            }
        }

        guard recognizedLabels > 0 else {
            // Every line with a separator was an unknown label: not a form at all.
            return FormReading(format: .text, encoding: decoded.encoding, form: nil, findings: [Finding(.noFields)])
        }
        if unknownFields > Self.listedUnknownFields {
            findings.append(Finding(.moreUnknownFields(count: unknownFields - Self.listedUnknownFields)))
        }
        return FormReading(format: .text, encoding: decoded.encoding, form: form, findings: findings)
    }

    // MARK: - Lines

    /// The text's lines, split at LF, CRLF and CR (Swift reads CRLF as one character).
    ///
    /// Split on the UTF-8 bytes: CR and LF are always characters of their own (Unicode never
    /// joins a mark to them), so the byte positions are the character boundaries a split on
    /// characters would find, at a fraction of the cost.
    static func lines(of text: String) -> [Substring] {
        var lines: [Substring] = []
        let utf8 = text.utf8
        var lineStart = utf8.startIndex
        var index = utf8.startIndex
        while index != utf8.endIndex {
            let byte = utf8[index]
            guard byte == 0x0A || byte == 0x0D else {
                utf8.formIndex(after: &index)
                continue
            }
            lines.append(text[lineStart..<index])
            utf8.formIndex(after: &index)
            if byte == 0x0D, index != utf8.endIndex, utf8[index] == 0x0A {
                utf8.formIndex(after: &index)
            }
            lineStart = index
        }
        lines.append(text[lineStart..<utf8.endIndex])
        return lines
    }

    /// Label and value, split at the first `:` or full-width `：`.
    static func split(_ line: Substring) -> (label: Substring, value: Substring)? {
        guard let separator = line.firstIndex(where: { $0 == ":" || $0 == "：" }) else { return nil }
        return (line[..<separator], line[line.index(after: separator)...])
    }

    // MARK: - Steps

    /// The step number as written when the label is a step label (`ขั้นตอนที่ ๑` → `๑`);
    /// nil for any other label. A step label with no number gives `""`, for the validator
    /// to report as a bad step number.
    func stepNumber(inLabel label: String) -> String? {
        for prefix in vocabulary.stepLabels {
            if let rest = Self.dropPrefix(prefix, from: Substring(label)) {
                return String(rest).trimmingSpaces
            }
        }
        return nil
    }

    /// Status, optional date, optional evidence; nil when the status is not a known word.
    func readStep(_ value: String, number: FieldValue, line: Int) -> StepEntry? {
        var rest = Substring(value)
        var done: Bool?
        for word in vocabulary.statusWords {
            if let after = Self.dropPrefix(word.key, from: rest) {
                done = word.done
                rest = after
                break
            }
        }
        guard let done else { return nil }

        var evidence: String?
        if let parts = splitEvidence(rest) {
            let text = Self.trimmed(parts.after.drop { $0 == ":" || $0 == "：" || $0 == " " })
            evidence = text.isEmpty ? nil : text
            rest = parts.before
        }

        var dateText = Self.trimmed(rest)
        for introducer in vocabulary.dateIntroducers {
            if let after = Self.dropPrefix(introducer, from: Substring(dateText)) {
                dateText = Self.trimmed(after)
                break
            }
        }
        let date = dateText.isEmpty ? nil : FieldValue(dateText, line: line)
        return StepEntry(number: number, done: done, date: date, evidence: evidence, line: line)
    }

    /// The text before and after the first evidence introducer (`หลักฐาน`), if any.
    private func splitEvidence(_ text: Substring) -> (before: Substring, after: Substring)? {
        let found = vocabulary.evidenceIntroducers
            .compactMap { text.range(of: $0, options: .caseInsensitive) }
            .min { $0.lowerBound < $1.lowerBound }
        guard let found else { return nil }
        return (text[..<found.lowerBound], text[found.upperBound...])
    }

    // MARK: - Matching

    /// The rest of `text` after `key` (a `matchKey`), matched ignoring spaces and case;
    /// nil when `text` does not start with it. `text` is already normalized.
    static func dropPrefix(_ key: String, from text: Substring) -> Substring? {
        var remaining = text
        for expected in key {
            while remaining.first == " " { remaining = remaining.dropFirst() }
            guard let next = remaining.first, next.lowercased() == String(expected) else { return nil }
            remaining = remaining.dropFirst()
        }
        return remaining
    }

    /// Without surrounding spaces and the `,` or `;` people put between the parts.
    static func trimmed(_ text: Substring) -> String {
        let filler: Set<Character> = [" ", ",", ";"]
        var slice = text
        while let first = slice.first, filler.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, filler.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}
