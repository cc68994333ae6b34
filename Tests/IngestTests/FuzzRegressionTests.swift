import Foundation
import Ingest
import Testing

/// The saved fuzz cases (Fixtures/fuzz-regressions/TARGET/*), run through the same code and
/// the same properties as the libFuzzer targets in Fuzz/, in the normal test build. A crash
/// found by a fuzz run is fixed and its input kept here, so it can never come back unseen.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/fuzz-regressions", isDirectory: true)
    static let schemas = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("schemas", isDirectory: true)

    /// The case files of one target, by name; `README.md` and dot files are not cases.
    static func cases(_ target: String) -> [URL] {
        let directory = folder.appendingPathComponent(target, isDirectory: true)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { !$0.hasPrefix(".") && !$0.hasSuffix(".md") }.sorted()
            .map { directory.appendingPathComponent($0) }
    }

    @Test(arguments: ["decode", "text", "values", "xml", "checker"])
    func everyTargetHasCases(target: String) {
        #expect(!Self.cases(target).isEmpty, "no saved cases for \(target)")
    }

    @Test(arguments: cases("decode"))
    func decode(file: URL) throws {
        let data = try Data(contentsOf: file)
        if case .decoded(let decoded) = FormDecoder.decode(data) {
            let control = decoded.text.unicodeScalars.first {
                ($0.value < 0x20 && ![0x09, 0x0A, 0x0D].contains($0.value)) || (0x7F...0x9F).contains($0.value)
            }
            #expect(control == nil, "\(file.lastPathComponent): decoded text holds a control character")
            #expect(!ThaiText.normalize(decoded.text).isEmpty, "\(file.lastPathComponent): blank text decoded")
        }
        if !data.isEmpty {
            guard case .unreadable(.tooLarge(let size, _)) = FormDecoder.decode(data, sizeLimit: data.count - 1) else {
                Issue.record("\(file.lastPathComponent): not refused by a limit one byte short")
                return
            }
            #expect(size == data.count)
        }
    }

    @Test(arguments: cases("text"))
    func textReader(file: URL) throws {
        let reader = TextFormReader(vocabulary: try TextFormVocabulary.load(
            from: Self.schemas.appendingPathComponent("text-form.json")))
        guard case .decoded(let decoded) = FormDecoder.decode(try Data(contentsOf: file)) else { return }
        let reading = reader.read(decoded)
        #expect(reading.format == .text && reading.encoding == decoded.encoding)
        #expect(reading.form != nil || reading.findings.hasErrors, "\(file.lastPathComponent): no form, no error")
        let lineCount = decoded.text.split(omittingEmptySubsequences: false) {
            $0 == "\n" || $0 == "\r" || $0 == "\r\n"
        }.count
        let lines = reading.findings.compactMap(\.line)
            + (reading.form?.fields.values.compactMap(\.line) ?? [])
            + (reading.form?.steps.compactMap(\.line) ?? [])
        #expect(lines.allSatisfy { (1...lineCount).contains($0) }, "\(file.lastPathComponent): a line out of range")
        #expect(reader.read(decoded).form == reading.form)
    }

    @Test(arguments: cases("values"))
    func values(file: URL) throws {
        let text = String(decoding: try Data(contentsOf: file), as: UTF8.self)
        let normalized = ThaiText.normalize(text)
        #expect(ThaiText.normalize(normalized) == normalized)
        #expect(!normalized.hasPrefix(" ") && !normalized.hasSuffix(" ") && !normalized.contains("  "))
        if case .date(let date, _) = ThaiDateParser.parse(text) {
            #expect(CalendarDate(year: date.year, month: date.month, day: date.day) == date)
            if (1000..<2400).contains(date.year) {
                #expect(ThaiDateParser.parse(date.iso) == .date(date, convertedFromCommonEra: false))
            }
        }
        if let number = ThaiNumber.parseInteger(text) {
            #expect(number >= 0)
            #expect(ThaiNumber.parseInteger(ThaiDigits.thai(number)) == number)
        }
        if let phone = PhoneNumber(text) {
            #expect(!phone.digits.isEmpty && phone.digits.allSatisfy { $0.isASCII && $0.isNumber })
        }
    }

    @Test(arguments: cases("xml"))
    func xmlReader(file: URL) throws {
        let reader = XMLFormReader(schema: try XMLSchema(contentsOf: Self.schemas.appendingPathComponent("report.xsd")))
        let data = try Data(contentsOf: file)
        guard case .decoded(let decoded) = FormDecoder.decode(data) else { return }
        let reading = reader.read(data, encoding: decoded.encoding)
        #expect(reading.format == .xml && reading.encoding == decoded.encoding)
        #expect(reading.form != nil || reading.findings.hasErrors, "\(file.lastPathComponent): no form, no error")
        if reading.form != nil {
            #expect(!reading.findings.contains { [.unsafeXML, .malformed, .schema].contains($0.rule) })
        }
        #expect(reader.read(data, encoding: decoded.encoding).form == reading.form)
    }
}
