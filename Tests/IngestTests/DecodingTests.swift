import Foundation
import Testing
@testable import Ingest

/// `FormDecoder.decode`: every encoding of docs/forms.md#the-plain-text-form, and every way a file is
/// unreadable (section 5, rule `unreadable`), on real bytes.
struct DecodingTests {
    static let sample = "ตัวชี้วัด : กต.ตร. พบประชาชน\nสังกัด : ภ.๕\n"

    /// `text` in Windows-874, as the system's iconv writes it (an independent encoder).
    static func windows874(_ text: String) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
        process.arguments = ["-f", "UTF-8", "-t", "CP874"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(text.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return data
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
