import Foundation
import Testing
@testable import Ingest

/// Reading well-formed, schema-valid forms into a `ReportForm`.
@Suite("XML form reader")
struct XMLFormReaderTests {
    /// The example of docs/forms.md#the-xml-form, field by field, with the line each stands on.
    private func expectExample(_ reading: FormReading, encoding: TextEncoding) throws {
        #expect(reading.findings.isEmpty, "\(reading.findings)")
        #expect(reading.format == .xml)
        #expect(reading.encoding == encoding)
        let form = try #require(reading.form)
        #expect(form.format == .xml)
        #expect(form.encoding == encoding)

        #expect(form[.indicator] == FieldValue("กต.ตร. พบประชาชน", line: 3))
        #expect(form[.fiscalYear] == FieldValue("๒๕๖๔", line: 4))
        #expect(form[.round] == FieldValue("๖", line: 5))
        #expect(form[.station] == FieldValue("สภ.เมืองเชียงใหม่", line: 7))
        #expect(form[.bureau] == FieldValue("ภ.๕", line: 8))
        #expect(form[.province] == FieldValue("เชียงใหม่", line: 9))
        #expect(form[.reportedOn] == FieldValue("๒๐ เม.ย. ๒๕๖๔", line: 11))
        #expect(form[.score] == FieldValue("๒๕", line: 17))
        #expect(form[.reporter] == FieldValue("ร.ต.อ.สมชาย ใจดี", line: 18))
        #expect(form[.phone] == FieldValue("๐๘๑-๒๓๔-๕๖๗๘", line: 18))
        #expect(form.fields.count == FormField.allCases.count)

        #expect(form.steps == [
            StepEntry(number: FieldValue("๑", line: 13), done: true,
                      date: FieldValue("๑๕ พ.ย. ๒๕๖๓", line: 13),
                      evidence: "บันทึกข้อตกลงกับ อบต.สุเทพ", line: 13),
            StepEntry(number: FieldValue("๒", line: 14), done: true,
                      date: FieldValue("๑๐ ม.ค. ๒๕๖๔", line: 14), evidence: nil, line: 14),
            StepEntry(number: FieldValue("๓", line: 15), done: false, date: nil, evidence: nil, line: 15),
        ])
    }

    @Test("the docs/forms.md example in UTF-8")
    func exampleUTF8() throws {
        try expectExample(XMLFixtures.reader.read(XMLFixtures.data("example.xml"), encoding: .utf8), encoding: .utf8)
    }

    @Test("the example in UTF-16 little-endian with a BOM")
    func exampleUTF16() throws {
        let bytes = try XMLFixtures.data("example-utf16le.xml")
        #expect(bytes.prefix(2) == Data([0xFF, 0xFE]))
        // The fixture is the example, re-encoded (guards against a stale fixture).
        let decoded = try #require(String(data: bytes.dropFirst(2), encoding: .utf16LittleEndian))
        #expect(decoded == (try XMLFixtures.text("example.xml")).replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding=\"UTF-16\""))
        try expectExample(XMLFixtures.reader.read(bytes, encoding: .utf16LittleEndian), encoding: .utf16LittleEndian)
    }

    @Test("the example declared and encoded as TIS-620")
    func exampleTIS620() throws {
        let bytes = try XMLFixtures.data("example-tis620.xml")
        // One byte per Thai character: not UTF-8.
        #expect(String(data: bytes, encoding: .utf8) == nil)
        #expect(bytes.contains(0xA1)) // ก in TIS-620
        try expectExample(XMLFixtures.reader.read(bytes, encoding: .windows874), encoding: .windows874)
    }

    @Test("every optional element absent")
    func optionalElementsAbsent() throws {
        let reading = XMLFixtures.reader.read(try XMLFixtures.data("minimal.xml"), encoding: .utf8)
        #expect(reading.findings.isEmpty, "\(reading.findings)")
        let form = try #require(reading.form)
        #expect(form[.indicator] == FieldValue("กต.ตร. พบประชาชน", line: 3))
        #expect(form[.fiscalYear] == FieldValue("2564", line: 4))
        #expect(form[.round] == FieldValue("6", line: 5))
        #expect(form[.station] == FieldValue("สน.ลุมพินี", line: 7))
        #expect(form[.bureau] == FieldValue("บช.น.", line: 8))
        #expect(form[.reportedOn] == FieldValue("2021-04-20", line: 10))
        #expect(form[.province] == nil)
        #expect(form[.score] == nil)
        #expect(form[.reporter] == nil)
        #expect(form[.phone] == nil)
        #expect(form.fields.count == 6)
        #expect(form.steps.isEmpty)
    }

    @Test("an empty field element is a blank value with its line (the validator counts it absent); a step keeps its number and status")
    func emptyElementsAreBlank() throws {
        let xml = try XMLFixtures.example(replacingLine: 9, with: ["    <province>  </province>"])
            .replacingOccurrences(of: "<score>๒๕</score>", with: "<score/>")
            .replacingOccurrences(of: "<name>ร.ต.อ.สมชาย ใจดี</name>", with: "<name></name>")
            .replacingOccurrences(of: "<date>๑๐ ม.ค. ๒๕๖๔</date>", with: "<date> </date><evidence/>")
        let reading = XMLFixtures.read(xml)
        #expect(reading.findings.isEmpty, "\(reading.findings)")
        let form = try #require(reading.form)
        #expect(form[.province] == FieldValue("", line: 9))
        #expect(form[.score] == FieldValue("", line: 17))
        #expect(form[.reporter] == FieldValue("", line: 18))
        #expect(form[.phone] == FieldValue("๐๘๑-๒๓๔-๕๖๗๘", line: 18))
        #expect(form.steps[1] == StepEntry(number: FieldValue("๒", line: 14), done: true, date: nil, evidence: nil, line: 14))
    }

    @Test("text is normalized: NFC, zero-width spaces and BOMs gone, sara am composed, spaces folded")
    func textIsNormalized() throws {
        let messy = "  กต.ตร.\u{200B}  พบ\n     ประชาชน\u{FEFF} "
        let xml = try XMLFixtures.example(replacingLine: 3, with: ["  <indicator>\(messy)</indicator>"])
            .replacingOccurrences(of: "<evidence>บันทึกข้อตกลงกับ อบต.สุเทพ</evidence>",
                                  with: "<evidence>ส\u{0E4D}\u{0E32}เนา  บันทึก</evidence>")
        let form = try #require(XMLFixtures.read(xml).form)
        #expect(form[.indicator] == FieldValue("กต.ตร. พบ ประชาชน", line: 3))
        #expect(form.steps[0].evidence == "สำเนา บันทึก")
    }

    @Test("CDATA sections and character references are text like any other")
    func cdataAndCharacterReferences() throws {
        let xml = try XMLFixtures.example(replacingLine: 7, with: ["    <station><![CDATA[สภ.เมือง]]>&#x0E40;ชียงใหม่</station>"])
        let form = try #require(XMLFixtures.read(xml).form)
        #expect(form[.station] == FieldValue("สภ.เมืองเชียงใหม่", line: 7))
    }

    @Test("xs:boolean forms of done", arguments: [
        ("true", true), ("1", true), ("false", false), ("0", false), (" true ", true),
    ])
    func doneForms(written: String, done: Bool) throws {
        let xml = try XMLFixtures.example(replacingLine: 15, with: ["    <step number=\"๓\" done=\"\(written)\"/>"])
        let reading = XMLFixtures.read(xml)
        #expect(reading.findings.isEmpty, "\(reading.findings)")
        let form = try #require(reading.form)
        #expect(form.steps[2].done == done)
        #expect(form.steps[2].line == 15)
    }

    @Test("steps keep the order and numbers the form gives, even out of range (the validator judges them)")
    func stepsAsWritten() throws {
        let xml = try XMLFixtures.example(replacingLine: 15, with: [
            "    <step number=\"9\" done=\"false\"/>",
            "    <step number=\"๒\" done=\"0\"/>",
        ])
        let form = try #require(XMLFixtures.read(xml).form)
        #expect(form.steps.map(\.number) == [
            FieldValue("๑", line: 13), FieldValue("๒", line: 14), FieldValue("9", line: 15), FieldValue("๒", line: 16),
        ])
    }
}
