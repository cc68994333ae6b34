import Foundation
import TestSupport
import Testing
@testable import Ingest

/// `FormDecoder.decode`: every encoding of docs/forms.md#the-plain-text-form, and every way a file is
/// unreadable (section 5, rule `unreadable`), on real bytes.
struct DecodingTests {
    static let sample = "ตัวชี้วัด : กต.ตร. พบประชาชน\nสังกัด : ภ.๕\n"

    /// `text` in Windows-874, as the system's iconv writes it (an independent encoder).
    static func windows874(_ text: String) throws -> Data {
        Data(try DecodingNamedEncodingTests.iconv(text, to: "CP874"))
    }

    static func decoded(_ bytes: [UInt8], sizeLimit: Int = FormDecoder.defaultSizeLimit) -> DecodedText? {
        if case .decoded(let text) = FormDecoder.decode(Data(bytes), sizeLimit: sizeLimit) { return text }
        return nil
    }

    static func problem(_ bytes: [UInt8], sizeLimit: Int = FormDecoder.defaultSizeLimit) -> Problem? {
        if case .unreadable(let problem) = FormDecoder.decode(Data(bytes), sizeLimit: sizeLimit) { return problem }
        return nil
    }

    // MARK: Readable encodings

    struct Readable: CustomStringConvertible, Sendable {
        let name: String
        let bytes: [UInt8]
        let text: String
        let encoding: TextEncoding
        var description: String { name }
    }

    static let utf8 = Array(sample.utf8)
    static let utf16LE: [UInt8] = [0xFF, 0xFE] + sample.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    static let utf16BE: [UInt8] = [0xFE, 0xFF] + sample.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }

    static let readable: [Readable] = [
        Readable(name: "UTF-8", bytes: utf8, text: sample, encoding: .utf8),
        Readable(name: "UTF-8 with BOM", bytes: [0xEF, 0xBB, 0xBF] + utf8, text: sample, encoding: .utf8WithBOM),
        Readable(name: "UTF-16LE", bytes: utf16LE, text: sample, encoding: .utf16LittleEndian),
        Readable(name: "UTF-16BE", bytes: utf16BE, text: sample, encoding: .utf16BigEndian),
        Readable(name: "UTF-8 CRLF", bytes: Array("a : 1\r\nb : 2\r\n".utf8), text: "a : 1\r\nb : 2\r\n", encoding: .utf8),
        Readable(name: "UTF-8 CR", bytes: Array("a : 1\rb : 2".utf8), text: "a : 1\rb : 2", encoding: .utf8),
        Readable(name: "UTF-8 tab", bytes: Array("a\t: 1".utf8), text: "a\t: 1", encoding: .utf8),
        // Windows-874 by hand: ก = 0xA1, ข = 0xA2, ำ = 0xD3, ๕ = 0xF5, € = 0x80, … = 0x85
        Readable(name: "Windows-874 bytes", bytes: [0xA1, 0xA2, 0x20, 0x3A, 0x20, 0xD3, 0xF5, 0x0D, 0x0A, 0x80, 0x85],
                 text: "กข : ำ๕\r\n€…", encoding: .windows874),
        Readable(name: "TIS-620 ASCII and Thai", bytes: [0x41, 0x20, 0xC0, 0x2E, 0xF5], text: "A ภ.๕", encoding: .windows874),
    ]

    @Test(arguments: readable)
    func decodes(_ c: Readable) {
        let result = Self.decoded(c.bytes)
        #expect(result?.text == c.text)
        #expect(result?.encoding == c.encoding)
    }

    @Test func decodesWindows874FromIconv() throws {
        let form = "แบบรายงาน\r\nตัวชี้วัด : กต.ตร. พบประชาชน\r\nขั้นตอนที่ ๑ : ดำเนินการแล้ว เมื่อ ๑๕ พ.ย. ๒๕๖๓\r\n"
        let bytes = try Self.windows874(form)
        #expect(bytes.count == form.unicodeScalars.count)   // one byte per character
        let result = Self.decoded(Array(bytes))
        #expect(result?.text == form)
        #expect(result?.encoding == .windows874)
    }

    @Test func utf8IsPreferredWhenValid() {
        // Plain ASCII is valid UTF-8 and Windows-874 alike: UTF-8 wins.
        #expect(Self.decoded(Array("round : 6".utf8))?.encoding == .utf8)
    }

    // MARK: Unreadable files

    struct Unreadable: CustomStringConvertible, Sendable {
        let name: String
        let bytes: [UInt8]
        let sizeLimit: Int
        let expected: Problem
        var description: String { name }
        init(_ name: String, _ bytes: [UInt8], sizeLimit: Int = FormDecoder.defaultSizeLimit, _ expected: Problem) {
            self.name = name
            self.bytes = bytes
            self.sizeLimit = sizeLimit
            self.expected = expected
        }
    }

    static let unreadable: [Unreadable] = [
        Unreadable("empty", [], .emptyFile),
        Unreadable("only UTF-8 BOM", [0xEF, 0xBB, 0xBF], .emptyFile),
        Unreadable("BOM and white space", [0xEF, 0xBB, 0xBF, 0x20, 0x0D, 0x0A, 0x09, 0x0A], .emptyFile),
        Unreadable("only UTF-16LE BOM", [0xFF, 0xFE], .emptyFile),
        Unreadable("white space", Array("  \n\n \r\n".utf8), .emptyFile),
        Unreadable("NBSP and ZWSP", Array("\u{00A0}\u{200B}\n".utf8), .emptyFile),
        Unreadable("too large", Array(repeating: 0x41, count: 101), sizeLimit: 100, .tooLarge(size: 101, limit: 100)),
        Unreadable("too large before empty check", Array(repeating: 0x20, count: 11), sizeLimit: 10, .tooLarge(size: 11, limit: 10)),
        Unreadable("NUL on line 2", Array("a : 1\nb\0 : 2".utf8), .binaryContent(line: 2)),
        Unreadable("bell on line 3 after CRLF", Array("a\r\nb\r\n\u{07}".utf8), .binaryContent(line: 3)),
        Unreadable("escape after CR line ends", Array("a\rb\rc\r\u{1B}".utf8), .binaryContent(line: 4)),
        Unreadable("form feed", Array("a\n\u{0C}b".utf8), .binaryContent(line: 2)),
        Unreadable("DEL", Array("a\u{7F}".utf8), .binaryContent(line: 1)),
        Unreadable("C1 control in UTF-8", Array("a\n\u{85}".utf8), .binaryContent(line: 2)),
        Unreadable("NUL in UTF-16LE", [0xFF, 0xFE, 0x41, 0x00, 0x00, 0x00], .binaryContent(line: 1)),
        Unreadable("binary (PNG header)", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00], .binaryContent(line: 2)),
        Unreadable("Windows-874 unassigned 0xDB", [0xA1, 0x0A, 0xA2, 0xDB], .undecodable(detail: "Windows-874, line 2: byte 0xDB is not a Windows-874 character")),
        Unreadable("Windows-874 unassigned 0xFF", [0xFF], .undecodable(detail: "Windows-874, line 1: byte 0xFF is not a Windows-874 character")),
        Unreadable("Windows-874 unassigned 0xFC", [0x41, 0x0D, 0x0A, 0x42, 0x0D, 0xFC], .undecodable(detail: "Windows-874, line 3: byte 0xFC is not a Windows-874 character")),
        Unreadable("Windows-874 unassigned 0x81", [0xA1, 0x81], .undecodable(detail: "Windows-874, line 1: byte 0x81 is not a Windows-874 character")),
        Unreadable("UTF-16LE odd byte count", [0xFF, 0xFE, 0x41, 0x00, 0x42], .undecodable(detail: "UTF-16LE, odd number of bytes (5)")),
        Unreadable("UTF-16BE odd byte count", [0xFE, 0xFF, 0x00, 0x41, 0x00], .undecodable(detail: "UTF-16BE, odd number of bytes (5)")),
        Unreadable("UTF-16LE unpaired surrogate", [0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00], .undecodable(detail: "UTF-16LE, unpaired surrogate")),
        Unreadable("UTF-8 BOM then invalid", [0xEF, 0xBB, 0xBF, 0x41, 0x0A, 0xE0, 0xB8], .undecodable(detail: "UTF-8 with BOM, line 2: byte 0xE0")),
    ]

    @Test(arguments: unreadable)
    func refuses(_ c: Unreadable) {
        #expect(Self.problem(c.bytes, sizeLimit: c.sizeLimit) == c.expected)
        #expect(Finding(c.expected).rule == .unreadable)
    }

    @Test func sizeLimitIsInclusive() {
        let bytes = Array(repeating: UInt8(0x41), count: 100)
        #expect(Self.decoded(bytes, sizeLimit: 100)?.text == String(repeating: "A", count: 100))
    }

    @Test func defaultLimitIsOneMebibyte() {
        #expect(FormDecoder.defaultSizeLimit == 1_048_576)
        let over = Array(repeating: UInt8(0x41), count: FormDecoder.defaultSizeLimit + 1)
        #expect(Self.problem(over) == .tooLarge(size: 1_048_577, limit: 1_048_576))
    }
}

/// Encodings named (docs/forms.md, issue 10): UTF-16 without a byte-order mark read by
/// its zero bytes; UTF-32, UTF-7 and EBCDIC refused by name; an XML declaration that the
/// bytes contradict named as such. Real forms, encoded by the system's iconv.
struct DecodingNamedEncodingTests {
    /// `text` in `encoding`, as the system's iconv writes it (an independent encoder).
    static func iconv(_ text: String, to encoding: String) throws -> [UInt8] {
        Array(try SystemIconv.encode(text, to: encoding))
    }

    /// The text form and the XML form of docs/forms.md, verbatim.
    static let textForm = TextFormReaderTests.example
    static var xmlForm: String { (try? XMLFixtures.text("example.xml")) ?? "" }

    static func outcome(_ bytes: [UInt8]) -> DecodeOutcome { FormDecoder.decode(Data(bytes)) }

    static func problem(_ bytes: [UInt8]) -> Problem? {
        if case .unreadable(let problem) = outcome(bytes) { return problem }
        return nil
    }

    static func decoded(_ bytes: [UInt8]) -> DecodedText? {
        if case .decoded(let text) = outcome(bytes) { return text }
        return nil
    }

    // MARK: UTF-16 without a byte-order mark

    static let utf16Orders: [(String, TextEncoding)] = [("UTF-16LE", .utf16LittleEndian), ("UTF-16BE", .utf16BigEndian)]

    @Test(arguments: utf16Orders)
    func readsTheTextFormInUTF16WithoutBOM(_ order: (String, TextEncoding)) throws {
        #expect(!Self.textForm.isEmpty)
        let bytes = try Self.iconv(Self.textForm, to: order.0)
        #expect(!bytes.starts(with: [0xFF, 0xFE]) && !bytes.starts(with: [0xFE, 0xFF]))   // iconv writes no BOM
        let decoded = try #require(Self.decoded(bytes))
        #expect(decoded.text == Self.textForm)
        #expect(decoded.encoding == order.1)
        // And the reader reads the whole form from it.
        let vocabulary = try #require(TextFormReaderTests.vocabulary)
        let reading = TextFormReader(vocabulary: vocabulary).read(decoded)
        #expect(reading.findings.isEmpty)
        #expect(reading.form?[.station]?.text == "สภ.เมืองเชียงใหม่")
        #expect(reading.form?.steps.count == 3)
    }

    @Test(arguments: utf16Orders)
    func readsTheXMLFormInUTF16WithoutBOM(_ order: (String, TextEncoding)) throws {
        let withoutDeclaration = Self.xmlForm.split(separator: "\n", maxSplits: 1)[1]
        for xml in [Self.xmlForm.replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding=\"UTF-16\""),
                    String(withoutDeclaration)] {
            let bytes = try Self.iconv(xml, to: order.0)
            let decoded = try #require(Self.decoded(bytes), "\(xml.prefix(40))")
            #expect(decoded.encoding == order.1)
            // libxml2 needs the BOM the reader adds when the file starts `<report`.
            let reading = XMLFixtures.reader.read(Data(bytes), encoding: decoded.encoding)
            #expect(reading.findings.isEmpty, "\(reading.findings.map(\.messageEN))")
            #expect(reading.form?[.station]?.text == "สภ.เมืองเชียงใหม่")
        }
    }

    @Test(arguments: utf16Orders)
    func readsAnASCIIOnlyFormInUTF16WithoutBOM(_ order: (String, TextEncoding)) throws {
        let text = "station : X\r\nround : 6\r\n"
        #expect(Self.decoded(try Self.iconv(text, to: order.0))?.text == text)
    }

    @Test func readsUTF16WithoutBOMHoldingOtherPunctuation() throws {
        // Full-width colon (U+FF1A), zero-width space (U+200B), en dash (U+2013): rare high
        // bytes among the 0x00 and 0x0E of Thai and ASCII.
        let text = "ตัวชี้วัด：กต.ตร.\u{200B}พบประชาชน\nสังกัด : ภ.๕ – ภาคเหนือ\nจังหวัด : เชียงใหม่\n"
        #expect(Self.decoded(try Self.iconv(text, to: "UTF-16LE"))?.text == text)
    }

    @Test func oddUTF16WithoutBOMIsNamed() throws {
        let bytes = try Self.iconv(Self.textForm, to: "UTF-16LE").dropLast()
        #expect(Self.problem(Array(bytes)) == .unacceptedEncoding(.utf16WithoutBOM(bigEndian: false, flaw: .oddByteCount(bytes.count))))
        let big = try Self.iconv(Self.textForm, to: "UTF-16BE") + [0x0E]
        #expect(Self.problem(big) == .unacceptedEncoding(.utf16WithoutBOM(bigEndian: true, flaw: .oddByteCount(big.count))))
    }

    @Test func unpairedSurrogateInUTF16WithoutBOMIsNamed() throws {
        let bytes = try Self.iconv("สังกัด : ภ.๕\n", to: "UTF-16LE") + [0x00, 0xD8, 0x41, 0x00]
        #expect(Self.problem(bytes) == .unacceptedEncoding(.utf16WithoutBOM(bigEndian: false, flaw: .unpairedSurrogate)))
    }

    @Test func zerosInBinaryDataAreStillBinary() {
        // Every other byte zero, but the units are control characters: binary, not UTF-16.
        #expect(Self.problem([0x01, 0x00, 0x02, 0x00, 0x03, 0x00, 0x41]) == .binaryContent(line: 1))
        #expect(Self.problem([0x41, 0x00, 0x0A, 0x00, 0x07, 0x00]) == .binaryContent(line: 2))
    }

    // MARK: Encodings the forms do not use

    static func utf32(_ text: String, bigEndian: Bool, bom: Bool) -> [UInt8] {
        let scalars = (bom ? [Unicode.Scalar(0xFEFF)!] : []) + Array(text.unicodeScalars)
        return scalars.flatMap { scalar -> [UInt8] in
            let v = scalar.value
            let bytes = [UInt8(v >> 24), UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)]
            return bigEndian ? bytes : bytes.reversed()
        }
    }

    static let utf32Cases: [(Bool, Bool)] = [(false, false), (false, true), (true, false), (true, true)]

    @Test(arguments: utf32Cases)
    func utf32IsNamed(_ c: (bigEndian: Bool, bom: Bool)) throws {
        let bytes = Self.utf32(Self.textForm, bigEndian: c.bigEndian, bom: c.bom)
        #expect(Self.problem(bytes) == .unacceptedEncoding(.utf32(bigEndian: c.bigEndian)))
        // The system's encoder agrees on the bytes (UTF-32LE/BE: no BOM).
        if !c.bom { #expect(bytes == (try Self.iconv(Self.textForm, to: c.bigEndian ? "UTF-32BE" : "UTF-32LE"))) }
        let message = Problem.unacceptedEncoding(.utf32(bigEndian: c.bigEndian)).message
        #expect(message.thai.contains("UTF-32") && message.english.contains("UTF-32"))
        #expect(message.english.contains("save it again as UTF-8"))
    }

    @Test func utf7IsNamed() throws {
        let bytes = try Self.iconv(Self.textForm, to: "UTF-7")
        #expect(bytes.allSatisfy { $0 < 0x80 })   // UTF-7 is ASCII, so valid UTF-8 too
        #expect(Self.problem(bytes) == .unacceptedEncoding(.utf7))
        #expect(Self.problem(Array("+/v8-".utf8) + Array("round : 6\n".utf8)) == .unacceptedEncoding(.utf7))
        #expect(Problem.unacceptedEncoding(.utf7).message.english.contains("looks written in UTF-7"))
    }

    @Test func asciiWithPlusSignsIsNotUTF7() {
        for text in ["โทร : +66 81 234 5678\n", "phone : +66812345678\nscore : 25+5\n", "a : C++/CLI +ABC-\n"] {
            #expect(Self.decoded(Array(text.utf8))?.encoding == .utf8, "\(text)")
        }
    }

    @Test(arguments: ["IBM1160", "IBM037"])
    func ebcdicIsNamed(_ codePage: String) throws {
        // IBM-1160 is Thai EBCDIC; IBM037 is US EBCDIC (an English form).
        let text = codePage == "IBM1160" ? Self.textForm : "indicator : KPI\nstation : Lumphini\nround : 6\n"
        let bytes = try Self.iconv(text, to: codePage)
        #expect(Self.problem(bytes) == .unacceptedEncoding(.ebcdic))
        #expect(Problem.unacceptedEncoding(.ebcdic).message.thai.contains("EBCDIC"))
    }

    @Test func windows874IsNeverTakenForEBCDIC() throws {
        let bytes = try DecodingTests.windows874(Self.textForm)
        #expect(Self.decoded(Array(bytes))?.encoding == .windows874)
    }

    // MARK: A declared encoding the bytes contradict

    struct Declared: CustomStringConvertible, Sendable {
        let name: String
        let bytes: @Sendable () throws -> [UInt8]
        let expected: Problem?
        var description: String { name }
    }

    static func xml(declaring encoding: String?) -> String {
        let declaration = encoding.map { "<?xml version=\"1.0\" encoding=\"\($0)\"?>" } ?? "<?xml version=\"1.0\"?>"
        return declaration + "\n" + xmlForm.split(separator: "\n", maxSplits: 1)[1]
    }

    static let declared: [Declared] = [
        Declared(name: "ISO-8859-1 over UTF-8", bytes: { Array(xml(declaring: "ISO-8859-1").utf8) },
                 expected: .declaredEncodingMismatch(declared: "ISO-8859-1", actual: .utf8)),
        Declared(name: "UTF-16 over UTF-8", bytes: { Array(xml(declaring: "UTF-16").utf8) },
                 expected: .declaredEncodingMismatch(declared: "UTF-16", actual: .utf8)),
        Declared(name: "TIS-620 over UTF-8", bytes: { Array(xml(declaring: "TIS-620").utf8) },
                 expected: .declaredEncodingMismatch(declared: "TIS-620", actual: .utf8)),
        Declared(name: "UTF-32 over UTF-8", bytes: { Array(xml(declaring: "UTF-32").utf8) },
                 expected: .declaredEncodingMismatch(declared: "UTF-32", actual: .utf8)),
        Declared(name: "EBCDIC-US over UTF-8", bytes: { Array(xml(declaring: "EBCDIC-US").utf8) },
                 expected: .declaredEncodingMismatch(declared: "EBCDIC-US", actual: .utf8)),
        Declared(name: "unknown name over UTF-8", bytes: { Array(xml(declaring: "no-such-encoding").utf8) },
                 expected: .declaredEncodingMismatch(declared: "no-such-encoding", actual: .utf8)),
        Declared(name: "ISO-8859-1 over UTF-8 with BOM", bytes: { [0xEF, 0xBB, 0xBF] + Array(xml(declaring: "ISO-8859-1").utf8) },
                 expected: .declaredEncodingMismatch(declared: "ISO-8859-1", actual: .utf8WithBOM)),
        Declared(name: "UTF-8 over Windows-874", bytes: { Array(try DecodingTests.windows874(xml(declaring: "UTF-8"))) },
                 expected: .declaredEncodingMismatch(declared: "UTF-8", actual: .windows874)),
        Declared(name: "no encoding over Windows-874", bytes: { Array(try DecodingTests.windows874(xml(declaring: nil))) },
                 expected: .declaredEncodingMismatch(declared: nil, actual: .windows874)),
        Declared(name: "no declaration over Windows-874", bytes: { Array(try DecodingTests.windows874(String(xmlForm.split(separator: "\n", maxSplits: 1)[1]))) },
                 expected: .declaredEncodingMismatch(declared: nil, actual: .windows874)),
        Declared(name: "UTF-8 over UTF-16LE with BOM", bytes: { [0xFF, 0xFE] + (try iconv(xml(declaring: "UTF-8"), to: "UTF-16LE")) },
                 expected: .declaredEncodingMismatch(declared: "UTF-8", actual: .utf16LittleEndian)),
        Declared(name: "UTF-8 over UTF-16BE without BOM", bytes: { try iconv(xml(declaring: "UTF-8"), to: "UTF-16BE") },
                 expected: .declaredEncodingMismatch(declared: "UTF-8", actual: .utf16BigEndian)),
        Declared(name: "single quotes, spaces", bytes: { Array(xml(declaring: "x").replacingOccurrences(of: "encoding=\"x\"", with: "encoding = 'latin1'").utf8) },
                 expected: .declaredEncodingMismatch(declared: "latin1", actual: .utf8)),
        // Agreements
        Declared(name: "UTF-8 over UTF-8", bytes: { Array(xml(declaring: "UTF-8").utf8) }, expected: nil),
        Declared(name: "utf8 over UTF-8", bytes: { Array(xml(declaring: "utf8").utf8) }, expected: nil),
        Declared(name: "no encoding over UTF-8", bytes: { Array(xml(declaring: nil).utf8) }, expected: nil),
        Declared(name: "TIS-620 over Windows-874", bytes: { Array(try DecodingTests.windows874(xml(declaring: "TIS-620"))) }, expected: nil),
        Declared(name: "windows-874 over Windows-874", bytes: { Array(try DecodingTests.windows874(xml(declaring: "windows-874"))) }, expected: nil),
        Declared(name: "ISO-8859-11 over Windows-874", bytes: { Array(try DecodingTests.windows874(xml(declaring: "ISO-8859-11"))) }, expected: nil),
        Declared(name: "UTF-16 over UTF-16LE with BOM", bytes: { [0xFF, 0xFE] + (try iconv(xml(declaring: "UTF-16"), to: "UTF-16LE")) }, expected: nil),
        Declared(name: "UTF-16 over UTF-16BE without BOM", bytes: { try iconv(xml(declaring: "UTF-16"), to: "UTF-16BE") }, expected: nil),
        Declared(name: "ISO-8859-1 over ASCII", bytes: { Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<report/>\n".utf8) }, expected: nil),
        Declared(name: "a text form", bytes: { Array("หมายเหตุ : <?xml encoding=\"ISO-8859-1\"?> ตัวชี้วัด\n".utf8) }, expected: nil),
        Declared(name: "a malformed name is libxml2's to report", bytes: { Array(xml(declaring: "8859 1").utf8) }, expected: nil),
    ]

    @Test(arguments: declared)
    func declaredEncodingIsHeldAgainstTheBytes(_ c: Declared) throws {
        #expect(Self.problem(try c.bytes()) == c.expected)
    }

    @Test func declaredEncodingMessageNamesBothAndTheLineToWrite() {
        let message = Problem.declaredEncodingMismatch(declared: "ISO-8859-1", actual: .utf8).message
        #expect(message.english == "The XML declares ISO-8859-1 but is written in UTF-8 — make the first line <?xml version=\"1.0\" encoding=\"UTF-8\"?> and send it again.")
        #expect(message.thai == "ไฟล์ XML ประกาศรหัสอักขระว่า ISO-8859-1 แต่เนื้อไฟล์เขียนด้วย UTF-8 — กรุณาแก้บรรทัดแรกเป็น <?xml version=\"1.0\" encoding=\"UTF-8\"?> แล้วส่งใหม่")
        #expect(!message.english.contains("binary"))
        #expect(Finding(.declaredEncodingMismatch(declared: nil, actual: .windows874)).rule == .unreadable)
    }

    /// Doing what the message says (make the first line the declaration it gives) leads to
    /// a form that decodes and reads without a finding.
    @Test(arguments: declared.filter { $0.expected != nil && !$0.name.hasPrefix("single") })
    func followingTheDeclaredEncodingMessageGivesAReadableForm(_ c: Declared) throws {
        let bytes = try c.bytes()
        guard case .declaredEncodingMismatch(_, let actual)? = Self.problem(bytes) else {
            Issue.record("no mismatch for \(c.name)")
            return
        }
        let message = Problem.declaredEncodingMismatch(declared: nil, actual: actual).message.english
        let line = try #require(message.range(of: "<?xml").map { String(message[$0.lowerBound...].prefix { $0 != ">" }) + ">" })
        // Rewrite the file as the clerk would: same encoding, the declaration replaced.
        let decoded: String
        switch actual {
        case .windows874: decoded = try #require(Windows874.decode(bytes).get() as String?)
        case .utf16LittleEndian, .utf16BigEndian:
            let body = bytes.starts(with: [0xFF, 0xFE]) ? Array(bytes.dropFirst(2)) : bytes
            let units = stride(from: 0, to: body.count - 1, by: 2).map { i in
                actual == .utf16LittleEndian ? UInt16(body[i]) | UInt16(body[i + 1]) << 8 : UInt16(body[i]) << 8 | UInt16(body[i + 1])
            }
            decoded = String(decoding: units, as: UTF16.self)
        case .utf8, .utf8WithBOM: decoded = String(decoding: bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes, as: UTF8.self)
        }
        let body = decoded.hasPrefix("<?xml") ? String(decoded.split(separator: "\n", maxSplits: 1)[1]) : decoded
        let fixed = line + "\n" + body
        let fixedBytes: [UInt8]
        switch actual {
        case .windows874: fixedBytes = Array(try DecodingTests.windows874(fixed))
        case .utf16LittleEndian: fixedBytes = try Self.iconv(fixed, to: "UTF-16LE")
        case .utf16BigEndian: fixedBytes = try Self.iconv(fixed, to: "UTF-16BE")
        case .utf8, .utf8WithBOM: fixedBytes = Array(fixed.utf8)
        }
        let fixedText = try #require(Self.decoded(fixedBytes), "\(c.name): \(String(describing: Self.problem(fixedBytes)))")
        let reading = XMLFixtures.reader.read(Data(fixedBytes), encoding: fixedText.encoding)
        #expect(reading.findings.isEmpty, "\(c.name): \(reading.findings.map(\.messageEN))")
        #expect(reading.form?[.indicator]?.text == "กต.ตร. พบประชาชน")
    }
}
