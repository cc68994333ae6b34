import Foundation
import Testing
@testable import Ingest

/// Repository files the text-form tests read, found from this file.
enum TextFormTestFiles {
    /// schemas/text-form.json.
    static let vocabulary = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("schemas").appendingPathComponent("text-form.json")
}

/// `TextFormReader` with the real vocabulary (schemas/text-form.json): docs/forms.md#the-plain-text-form.
struct TextFormReaderTests {
    static let vocabulary: TextFormVocabulary? = try? TextFormVocabulary.load(
        from: TextFormTestFiles.vocabulary)

    static func read(_ text: String, encoding: TextEncoding = .utf8) throws -> FormReading {
        let vocabulary = try #require(Self.vocabulary, "schemas/text-form.json must load")
        return TextFormReader(vocabulary: vocabulary).read(DecodedText(text: text, encoding: encoding))
    }

    /// The example of docs/forms.md#the-plain-text-form, verbatim (`Tests/Fixtures`, shared by the test targets).
    static let example = (try? String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/forms-text-example.txt"), encoding: .utf8)) ?? ""

    static let exampleFields: [(FormField, String, Int)] = [
        (.indicator, "กต.ตร. พบประชาชน", 2),
        (.fiscalYear, "พ.ศ. ๒๕๖๔", 3),
        (.round, "รอบ ๖ เดือน", 4),
        (.station, "สภ.เมืองเชียงใหม่", 5),
        (.bureau, "ภ.๕", 6),
        (.province, "เชียงใหม่", 7),
        (.reportedOn, "๒๐ เมษายน ๒๕๖๔", 8),
        (.score, "๒๕", 12),
        (.reporter, "ร.ต.อ.สมชาย ใจดี", 13),
        (.phone, "๐๘๑-๒๓๔-๕๖๗๘", 14),
    ]

    @Test func vocabularyLoads() {
        #expect(Self.vocabulary != nil)
    }

    @Test(arguments: exampleFields)
    func readsExampleField(_ expected: (FormField, String, Int)) throws {
        let reading = try Self.read(Self.example)
        let form = try #require(reading.form)
        #expect(form[expected.0] == FieldValue(expected.1, line: expected.2))
    }

    @Test func readsExampleAsAWhole() throws {
        let reading = try Self.read(Self.example, encoding: .windows874)
        #expect(reading.findings.isEmpty)
        #expect(reading.format == .text)
        #expect(reading.encoding == .windows874)
        let form = try #require(reading.form)
        #expect(form.format == .text)
        #expect(form.encoding == .windows874)
        #expect(form.fields.count == FormField.allCases.count)
        #expect(form.steps == [
            StepEntry(number: FieldValue("๑", line: 9), done: true, date: FieldValue("๑๕ พ.ย. ๒๕๖๓", line: 9),
                      evidence: "บันทึกข้อตกลงกับ อบต.สุเทพ", line: 9),
            StepEntry(number: FieldValue("๒", line: 10), done: true, date: FieldValue("๑๐ ม.ค. ๒๕๖๔", line: 10), line: 10),
            StepEntry(number: FieldValue("๓", line: 11), done: false, line: 11),
        ])
    }

    @Test func readsEnglishLabelsInAnyCase() throws {
        let text = """
            Indicator: กต.ตร. พบประชาชน
            FISCAL YEAR : 2564
            fiscalYear : 2564
            Round: 12 months
            Station : สภ.เมืองเชียงใหม่
            bureau: ภ.5
            Province : เชียงใหม่
            Reported On : 20 Apr 2021
            Step 1 : done on 15 Nov 2020
            STEP 2: In Progress
            Score : 25
            Reporter : Somchai
            Phone : 081-234-5678
            """
        let reading = try Self.read(text)
        #expect(reading.findings.isEmpty)
        let form = try #require(reading.form)
        #expect(form[.indicator] == FieldValue("กต.ตร. พบประชาชน", line: 1))
        #expect(form[.fiscalYear] == FieldValue("2564", line: 2))
        #expect(form[.round] == FieldValue("12 months", line: 4))
        #expect(form[.reportedOn] == FieldValue("20 Apr 2021", line: 8))
        #expect(form[.phone] == FieldValue("081-234-5678", line: 13))
        #expect(form.steps == [
            StepEntry(number: FieldValue("1", line: 9), done: true, date: FieldValue("15 Nov 2020", line: 9), line: 9),
            StepEntry(number: FieldValue("2", line: 10), done: false, line: 10),
        ])
    }

    static let separatorLines: [String] = [
        "สังกัด : ภ.๕",
        "สังกัด：ภ.๕",
        "สังกัด ： ภ.๕",
        "สังกัด:ภ.๕",
        "  สังกัด\t:\u{00A0} ภ.๕  ",
        "สัง กัด : ภ.๕",
        "สั\u{200B}งกัด : ภ.๕",
    ]

    @Test(arguments: separatorLines)
    func readsSeparatorsAndSpaces(_ line: String) throws {
        let form = try #require(try Self.read(line).form)
        #expect(form[.bureau] == FieldValue("ภ.๕", line: 1))
    }

    @Test func splitsAtTheFirstSeparator() throws {
        let form = try #require(try Self.read("ผู้รายงาน : ร.ต.อ.สมชาย : ใจดี").form)
        #expect(form[.reporter]?.text == "ร.ต.อ.สมชาย : ใจดี")
    }

    @Test func countsLinesForEveryLineEnd() throws {
        let text = "title\r\nสังกัด : ภ.๕\rจังหวัด : เชียงใหม่\n\nคะแนน : ๒๕\r\n\r\nผู้รายงาน : ก"
        let form = try #require(try Self.read(text).form)
        #expect(form[.bureau]?.line == 2)
        #expect(form[.province]?.line == 3)
        #expect(form[.score]?.line == 5)
        #expect(form[.reporter]?.line == 7)
    }

    @Test func unknownLabelIsAWarningWithItsLine() throws {
        let reading = try Self.read("สังกัด : ภ.๕\nหมายเหตุ : ส่งล่าช้า\n")
        #expect(reading.findings == [Finding(.unknownField(label: "หมายเหตุ"), line: 2)])
        #expect(reading.findings.first?.rule == .unknownField)
        #expect(reading.findings.first?.severity == .warning)
        #expect(reading.form?[.bureau]?.text == "ภ.๕")
    }

    @Test func duplicateFieldWithDifferentValuesKeepsTheFirst() throws {
        let reading = try Self.read("สังกัด : ภ.๕\nจังหวัด : เชียงใหม่\nbureau : ภ.๖\n")
        #expect(reading.findings == [Finding(.duplicateField(.bureau, firstLine: 1), line: 3)])
        #expect(reading.findings.first?.rule == .malformed)
        #expect(reading.form?[.bureau] == FieldValue("ภ.๕", line: 1))
    }

    @Test func duplicateFieldWithTheSameValueIsFine() throws {
        let reading = try Self.read("สังกัด : ภ.๕\nสังกัด :  ภ.๕ \n")
        #expect(reading.findings.isEmpty)
        #expect(reading.form?[.bureau] == FieldValue("ภ.๕", line: 1))
    }

    @Test func emptyValueLeavesTheFieldAbsent() throws {
        let reading = try Self.read("สังกัด : ภ.๕\nจังหวัด :\nจังหวัด : เชียงใหม่\nขั้นตอนที่ ๓ :  \n")
        #expect(reading.findings.isEmpty)
        #expect(reading.form?[.province] == FieldValue("เชียงใหม่", line: 3))
        #expect(reading.form?.steps.isEmpty == true)
    }

    @Test func noFieldsMeansNoForm() throws {
        // Not a warning per line: one finding that says this is not a report form.
        let reading = try Self.read("แบบรายงานผลการดำเนินงาน\nไม่มีอะไร\nเวลา : ๑๐ นาฬิกา\n")
        #expect(reading.form == nil)
        #expect(reading.findings == [Finding(.noFields)])
        #expect(reading.findings.hasErrors)
    }

    @Test func aFormOfOnlyEmptyLabelsStillHasAForm() throws {
        // A blank template: the validator reports each missing field by name.
        let reading = try Self.read("ตัวชี้วัด :\nสังกัด :\n")
        #expect(reading.findings.isEmpty)
        #expect(reading.form?.fields.isEmpty == true)
    }

    // MARK: Steps

    struct StepCase: CustomStringConvertible, Sendable {
        let value: String
        let done: Bool
        let date: String?
        let evidence: String?
        var description: String { value }
    }

    static let stepCases: [StepCase] = [
        // Dates as written in letters: a weekday before the day, a time after the year. The
        // reader keeps the date text whole; the date parser reads and checks it.
        StepCase(value: "ดำเนินการแล้ว เมื่อ วันพฤหัสบดีที่ ๓๑ ธ.ค. ๒๕๖๓ เวลา ๑๓.๐๕ น. หลักฐาน : บันทึกการประชุม ครั้งที่ ๑/๒๕๖๔",
                 done: true, date: "วันพฤหัสบดีที่ ๓๑ ธ.ค. ๒๕๖๓ เวลา ๑๓.๐๕ น.", evidence: "บันทึกการประชุม ครั้งที่ ๑/๒๕๖๔"),
        StepCase(value: "ดำเนินการแล้ว วันพฤหัสบดีที่ ๓๑ ธ.ค. ๒๕๖๓ เวลา ๑๓.๐๕ น.", done: true,
                 date: "วันพฤหัสบดีที่ ๓๑ ธ.ค. ๒๕๖๓ เวลา ๑๓.๐๕ น.", evidence: nil),
        StepCase(value: "ดำเนินการแล้ว เมื่อวันที่ ๓๑ ธ.ค. ๒๕๖๓ ๐๙:๐๐:๐๑ หลักฐาน: ภาพถ่าย", done: true,
                 date: "๓๑ ธ.ค. ๒๕๖๓ ๐๙:๐๐:๐๑", evidence: "ภาพถ่าย"),
        StepCase(value: "ดำเนินการแล้ว เมื่อ พฤ. ๓๑ ธ.ค. ๖๓ ๑๔:๓๐ น., หลักฐาน : ภาพถ่าย", done: true,
                 date: "พฤ. ๓๑ ธ.ค. ๖๓ ๑๔:๓๐ น.", evidence: "ภาพถ่าย"),
        StepCase(value: "done on Thu 31 Dec 2020 13:05 evidence: minutes", done: true,
                 date: "Thu 31 Dec 2020 13:05", evidence: "minutes"),
        StepCase(value: "ดำเนินการแล้ว เมื่อ จ ๒ พ.ย. ๒๕๖๓", done: true, date: "จ ๒ พ.ย. ๒๕๖๓", evidence: nil),
        StepCase(value: "ดำเนินการแล้ว", done: true, date: nil, evidence: nil),
        StepCase(value: "แล้วเสร็จ", done: true, date: nil, evidence: nil),
        StepCase(value: "เสร็จแล้ว เมื่อ ๑ ธ.ค. ๒๕๖๓", done: true, date: "๑ ธ.ค. ๒๕๖๓", evidence: nil),
        StepCase(value: "ยังไม่ดำเนินการ", done: false, date: nil, evidence: nil),
        StepCase(value: "ไม่ได้ดำเนินการ", done: false, date: nil, evidence: nil),
        StepCase(value: "อยู่ระหว่างดำเนินการ", done: false, date: nil, evidence: nil),
        StepCase(value: "Not Done", done: false, date: nil, evidence: nil),
        StepCase(value: "in progress", done: false, date: nil, evidence: nil),
        StepCase(value: "DONE", done: true, date: nil, evidence: nil),
        StepCase(value: "ดำเนินการแล้ว เมื่อวันที่ ๑๕ พ.ย. ๒๕๖๓", done: true, date: "๑๕ พ.ย. ๒๕๖๓", evidence: nil),
        StepCase(value: "ดำเนินการแล้ว วันที่ 15/11/2563", done: true, date: "15/11/2563", evidence: nil),
        StepCase(value: "ดำเนินการแล้ว ๑๕ พ.ย. ๒๕๖๓", done: true, date: "๑๕ พ.ย. ๒๕๖๓", evidence: nil),
        StepCase(value: "ดำเนินการแล้วเมื่อ๑๕ พ.ย. ๒๕๖๓", done: true, date: "๑๕ พ.ย. ๒๕๖๓", evidence: nil),
        StepCase(value: "ดำเนินการแล้ว, เมื่อ ๑๕ พ.ย. ๒๕๖๓", done: true, date: "๑๕ พ.ย. ๒๕๖๓", evidence: nil),
        StepCase(value: "ดำเนินการ แล้ว เมื่อ ๑๕ พ.ย. ๒๕๖๓", done: true, date: "๑๕ พ.ย. ๒๕๖๓", evidence: nil),
        StepCase(value: "ดำเนินการแล้ว เมื่อ ๑๕ พ.ย. ๒๕๖๓ หลักฐาน : บันทึกข้อตกลง", done: true, date: "๑๕ พ.ย. ๒๕๖๓", evidence: "บันทึกข้อตกลง"),
        StepCase(value: "ดำเนินการแล้ว เมื่อ ๑๕ พ.ย. ๒๕๖๓ หลักฐาน：บันทึก ครั้งที่ ๑", done: true, date: "๑๕ พ.ย. ๒๕๖๓", evidence: "บันทึก ครั้งที่ ๑"),
        StepCase(value: "ดำเนินการแล้ว เมื่อ ๑๕ พ.ย. ๒๕๖๓ หลักฐาน บันทึกข้อตกลง", done: true, date: "๑๕ พ.ย. ๒๕๖๓", evidence: "บันทึกข้อตกลง"),
        StepCase(value: "ดำเนินการแล้ว หลักฐาน : รูปถ่าย", done: true, date: nil, evidence: "รูปถ่าย"),
        StepCase(value: "ดำเนินการแล้ว เมื่อ ๑๕ พ.ย. ๒๕๖๓ หลักฐาน :", done: true, date: "๑๕ พ.ย. ๒๕๖๓", evidence: nil),
        StepCase(value: "done on 15 Nov 2020 evidence: MoU", done: true, date: "15 Nov 2020", evidence: "MoU"),
        StepCase(value: "ยังไม่ดำเนินการ เมื่อ ๑๕ พ.ย. ๒๕๖๓", done: false, date: "๑๕ พ.ย. ๒๕๖๓", evidence: nil),
        StepCase(value: "ดำเนินการแล้ว เมื่อ ๑๕ พ.ย.", done: true, date: "๑๕ พ.ย.", evidence: nil),
    ]

    @Test(arguments: stepCases)
    func readsStep(_ c: StepCase) throws {
        let reading = try Self.read("ขั้นตอนที่ ๔ : \(c.value)")
        #expect(reading.findings.isEmpty)
        let form = try #require(reading.form)
        #expect(form.steps == [StepEntry(
            number: FieldValue("๔", line: 1), done: c.done,
            date: c.date.map { FieldValue($0, line: 1) }, evidence: c.evidence, line: 1)])
    }

    static let stepLabels: [(String, String)] = [
        ("ขั้นตอนที่ ๑", "๑"),
        ("ขั้นตอนที่1", "1"),
        ("ขั้นตอน ที่ ๕", "๕"),
        ("Step 2", "2"),
        ("step3", "3"),
        ("ขั้นตอนที่ ๖", "๖"),          // out of range: the validator's bad-step
        ("ขั้นตอนที่", ""),             // no number: the validator's bad-number
        ("ขั้นตอนที่ หนึ่ง", "หนึ่ง"),
    ]

    @Test(arguments: stepLabels)
    func keepsTheStepNumberAsWritten(_ c: (String, String)) throws {
        let form = try #require(try Self.read("\(c.0) : ดำเนินการแล้ว").form)
        #expect(form.steps.map(\.number) == [FieldValue(c.1, line: 1)])
    }

    static let unreadableSteps: [(String, Int?)] = [
        ("ขั้นตอนที่ ๒ : ดำเนินการ", 2),
        ("ขั้นตอนที่ 3 : เรียบร้อย", 3),
        ("ขั้นตอนที่ ก : ?", nil),
        ("Step 1 : ✓ done", 1),
    ]

    @Test(arguments: unreadableSteps)
    func unknownStatusIsMalformed(_ c: (String, Int?)) throws {
        let reading = try Self.read("สังกัด : ภ.๕\n" + c.0)
        let value = ThaiText.normalize(String(c.0.split(separator: ":", maxSplits: 1)[1]))
        #expect(reading.findings == [Finding(.unreadableStep(value: value), line: 2, step: c.1)])
        #expect(reading.findings.first?.rule == .malformed)
        #expect(reading.form?.steps.isEmpty == true)
    }

    /// The step values of the text form with a weekday and a time: split into status, date and
    /// evidence, and the date part reads as the day it names.
    @Test func stepDateWithWeekdayAndTimeReadsAsItsDay() throws {
        let form = try #require(try Self.read(
            "ขั้นตอนที่ ๑ : ดำเนินการแล้ว เมื่อ วันพฤหัสบดีที่ ๓๑ ธ.ค. ๒๕๖๓ เวลา ๑๓.๐๕ น. หลักฐาน : บันทึกข้อตกลงกับ อบต.สุเทพ\n"
            + "ขั้นตอนที่ ๒ : ดำเนินการแล้ว เมื่อวันที่ 15 ก.ค. 2564 09:00:01\n"
            + "ขั้นตอนที่ ๓ : ดำเนินการแล้ว เมื่อ วันพุธที่ ๓๑ ธ.ค. ๒๕๖๓ หลักฐาน : ภาพถ่าย\n").form)
        #expect(form.steps.map(\.evidence) == ["บันทึกข้อตกลงกับ อบต.สุเทพ", nil, "ภาพถ่าย"])
        let dates = form.steps.compactMap { $0.date.map { ThaiDateParser.parse($0.text) } }
        #expect(dates == [
            ValuesDateTests.ce(2020, 12, 31),
            ValuesDateTests.ce(2021, 7, 15),
            .impossible(.wrongWeekday(date: CalendarDate(year: 2020, month: 12, day: 31)!, written: .wednesday)),
        ])
    }

    // MARK: Not a form; many unknown labels

    /// A letter, minutes, a list: lines with colons, none of them a label of the form.
    static let notForms: [String] = [
        "เรียน ผู้บังคับการ\nเรื่อง : ขออนุมัติเดินทาง\nอ้างถึง : หนังสือที่ ๑๒๓\nสิ่งที่ส่งมาด้วย : แผนที่\n",
        (1...40).map { "รายการที่ \($0) : ของ" }.joined(separator: "\n"),
        "Dear sir,\nSubject: meeting\nTime: 13:05\n",
        "<html>\n<body>\nstyle: none\n",
        "",
        "ไม่มีเครื่องหมายคั่นเลย\nสักบรรทัด\n",
    ]

    @Test(arguments: notForms)
    func aFileWithoutOneLabelIsOneNotAFormFinding(_ text: String) throws {
        let reading = try Self.read(text)
        #expect(reading.form == nil)
        #expect(reading.findings == [Finding(.noFields)])
        #expect(reading.findings.first?.rule == .malformed)
        #expect(reading.findings.first?.messageTH.hasPrefix("ไม่ใช่แบบรายงาน") == true)
        #expect(reading.findings.first?.messageEN.hasPrefix("This is not a report form") == true)
    }

    /// The hint shows lines a form has; a file made of them is a form.
    @Test func theNotAFormHintShowsLinesOfAForm() throws {
        let message = Problem.noFields.message.thai
        let quoted = message.split(separator: "\"").enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
        let examples = quoted.filter { $0.contains(" : ") && $0 != "หัวข้อ : ข้อมูล" }
        #expect(examples.count == 3)
        let reading = try Self.read(examples.joined(separator: "\n"))
        #expect(reading.findings.isEmpty)
        #expect(reading.form?[.indicator]?.text == "กต.ตร. พบประชาชน")
        #expect(reading.form?.steps.count == 1)
    }

    static let unknownCounts = [1, 9, 10, 11, 33]

    @Test(arguments: unknownCounts)
    func atMostTenUnknownLabelsAreListedAndTheRestCounted(_ count: Int) throws {
        let lines = ["สังกัด : ภ.๕"] + (1...count).map { "หมายเหตุ \($0) : -" }
        let reading = try Self.read(lines.joined(separator: "\n"))
        let listed = (1...min(count, TextFormReader.listedUnknownFields)).map {
            Finding(.unknownField(label: "หมายเหตุ \($0)"), line: $0 + 1)
        }
        let rest = count > 10 ? [Finding(.moreUnknownFields(count: count - 10))] : []
        #expect(reading.findings == listed + rest)
        #expect(reading.form?[.bureau]?.text == "ภ.๕")
        #expect(!reading.findings.hasErrors)
    }

    @Test func theRestIsCountedInThaiDigits() {
        let message = Problem.moreUnknownFields(count: 23).message
        #expect(message.thai.hasPrefix("และอีก ๒๓ บรรทัด"))
        #expect(message.english.hasPrefix("And 23 more lines"))
        #expect(Problem.moreUnknownFields(count: 23).rule == .unknownField)
    }

    @Test func keepsStepsInFormOrderEvenWhenRepeated() throws {
        let form = try #require(try Self.read("ขั้นตอนที่ ๒ : ยังไม่ดำเนินการ\nขั้นตอนที่ ๑ : done\nขั้นตอนที่ ๒ : done").form)
        #expect(form.steps.map(\.number.text) == ["๒", "๑", "๒"])
        #expect(form.steps.map(\.done) == [false, true, true])
    }

    @Test func normalizesValues() throws {
        let form = try #require(try Self.read("ตัวชี้วัด :  กต.ตร.\u{00A0}\u{00A0}พบ\u{200B}ประชาชน \nขั้นตอนที่ ๑ : ด\u{0E4D}\u{0E32}เนินการแล้ว").form)
        #expect(form[.indicator]?.text == "กต.ตร. พบประชาชน")
        #expect(form.steps.first?.done == true)
    }

    // MARK: From bytes

    @Test func readsAWindows874FileEndToEnd() throws {
        let bytes = try DecodingTests.windows874(Self.example.replacingOccurrences(of: "\n", with: "\r\n"))
        guard case .decoded(let decoded) = FormDecoder.decode(bytes) else {
            Issue.record("Windows-874 example did not decode")
            return
        }
        let reading = try Self.read(decoded.text, encoding: decoded.encoding)
        #expect(reading.findings.isEmpty)
        #expect(reading.encoding == .windows874)
        #expect(reading.form?[.station] == FieldValue("สภ.เมืองเชียงใหม่", line: 5))
        #expect(reading.form?.steps.count == 3)
    }
}

/// `TextFormVocabulary.load`: errors name the file and the problem.
struct TextFormVocabularyTests {
    static func file(_ json: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("text-form-\(UUID().uuidString).json")
        try Data(json.utf8).write(to: url)
        return url
    }

    static func validJSON(replacing old: String = "", with new: String = "") throws -> String {
        let text = try String(contentsOf: TextFormTestFiles.vocabulary, encoding: .utf8)
        if old.isEmpty { return text }
        #expect(text.contains(old), "fixture edit must apply: \(old)")
        return text.replacingOccurrences(of: old, with: new)
    }

    struct BadFile: CustomStringConvertible, Sendable {
        let name: String
        let old: String
        let new: String
        let problem: String
        var description: String { name }
    }

    static let badFiles: [BadFile] = [
        BadFile(name: "unknown field", old: "\"fiscal_year\": {", new: "\"fiscalyear\": {",
                problem: "names an unknown field \"fiscalyear\""),
        BadFile(name: "label for two fields", old: "\"labels\": [\"สังกัด\", \"bureau\"]", new: "\"labels\": [\"สังกัด\", \"bureau\", \"จังหวัด\"]",
                problem: "gives the label \"จังหวัด\" to two fields: bureau and province"),
        BadFile(name: "field without labels", old: "\"labels\": [\"ผู้รายงาน\", \"reporter\"]", new: "\"labels\": []",
                problem: "gives field \"reporter\" no label"),
        BadFile(name: "empty label", old: "\"labels\": [\"ผู้รายงาน\", \"reporter\"]", new: "\"labels\": [\" \"]",
                problem: "gives field \"reporter\" an empty label"),
        BadFile(name: "missing list", old: "\"evidenceIntroducers\"", new: "\"evidence\"",
                problem: "missing key \"evidenceIntroducers\""),
        BadFile(name: "done and not done", old: "\"not done\", \"in progress\"", new: "\"not done\", \"done\"",
                problem: "lists \"done\" as both a done and a not-done word"),
        BadFile(name: "empty step labels", old: "\"words\": [\"ขั้นตอนที่\", \"step\"]", new: "\"words\": []",
                problem: "has an empty stepLabels list"),
        BadFile(name: "not JSON", old: "\"fields\": {", new: "\"fields\" {",
                problem: "is not a valid vocabulary"),
    ]

    @Test(arguments: badFiles)
    func refusesABadFile(_ c: BadFile) throws {
        let url = try Self.file(try Self.validJSON(replacing: c.old, with: c.new))
        defer { try? FileManager.default.removeItem(at: url) }
        let error = #expect(throws: TextFormVocabularyError.self) {
            try TextFormVocabulary.load(from: url)
        }
        #expect(error?.file == url.path)
        #expect(error?.problem.contains(c.problem) == true, "\(error?.problem ?? "no error")")
        #expect(error?.description.contains(url.path) == true)
    }

    @Test func missingFieldLabelsAreNamed() throws {
        let text = try Self.validJSON()
        var json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        var fields = try #require(json["fields"] as? [String: Any])
        fields["phone"] = nil
        fields["score"] = nil
        json["fields"] = fields
        let url = try Self.file(String(decoding: try JSONSerialization.data(withJSONObject: json), as: UTF8.self))
        defer { try? FileManager.default.removeItem(at: url) }
        let error = #expect(throws: TextFormVocabularyError.self) { try TextFormVocabulary.load(from: url) }
        #expect(error?.problem == "has no labels for score, phone")
    }

    @Test func missingFileIsNamed() {
        let url = URL(fileURLWithPath: "/nonexistent/text-form.json")
        let error = #expect(throws: TextFormVocabularyError.self) { try TextFormVocabulary.load(from: url) }
        #expect(error?.description.hasPrefix("Text-form vocabulary /nonexistent/text-form.json cannot be read") == true)
    }
}
