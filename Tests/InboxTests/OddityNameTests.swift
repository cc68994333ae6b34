import Foundation
import Testing
@testable import Inbox

/// The engine's handling of names the file system allows but the engine cannot use as they
/// are: names over 255 bytes once a claim or `.notice.txt` is added, and names that are not
/// UTF-8.
@Suite("odd file names")
struct OddityNameTests {
    struct Fit: Sendable, CustomTestStringConvertible {
        var name: String
        var limit: Int
        var expected: String
        var testDescription: String { "\(name.prefix(12))… within \(limit)" }
    }

    static let thai80 = String(String(repeating: "กขคงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรลวศษสหฬอฮ", count: 3).prefix(80))

    @Test("fitting: unchanged when short, else the stem is cut at a character, the extension kept", arguments: [
        Fit(name: "report.txt", limit: 255, expected: "report.txt"),
        Fit(name: "abcdef.txt", limit: 8, expected: "abcd.txt"),
        Fit(name: thai80 + ".txt", limit: 229, expected: String(thai80.prefix(75)) + ".txt"),
        // A character is never split: 3 bytes each, so 7 bytes hold 2 Thai letters + nothing.
        Fit(name: "กขคง", limit: 7, expected: "กข"),
        // An extension longer than half the room is not kept.
        Fit(name: "a.verylongextension", limit: 10, expected: "a.verylong"),
        // ตำ is one character (ต + sara am): kept or cut whole.
        Fit(name: "ตำรวจ.xml", limit: 10, expected: "ตำ.xml"),
        Fit(name: "ตำรวจ.xml", limit: 12, expected: "ตำ.xml"),
    ])
    func fitting(_ fit: Fit) {
        let result = NameLength.fitting(fit.name, withinBytes: fit.limit)
        #expect(result == fit.expected)
        #expect(result.utf8.count <= fit.limit)
    }

    @Test("escapedName: non-ASCII bytes and % as %XX, ASCII kept; reversible")
    func escaped() {
        #expect(UndecodableNames.escapedName([0xC3, 0xD2, 0xC2, 0xA7, 0xD2, 0xB9] + Array(".txt".utf8)) == "%C3%D2%C2%A7%D2%B9.txt")
        #expect(UndecodableNames.escapedName(Array("50%".utf8) + [0xFF]) == "50%25%FF")
        #expect(UndecodableNames.escapedName(Array("-rf.txt".utf8)) == "-rf.txt")
        let bytes: [UInt8] = [0x25, 0x41, 0xE0, 0xB8, 0x80, 0xFF]
        #expect(Self.unescape(UndecodableNames.escapedName(bytes)) == bytes)
    }

    /// `%XX` back to bytes.
    static func unescape(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        var utf8 = Array(text.utf8)[...]
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: "%"), utf8.count >= 2, let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16) {
                out.append(value)
                utf8 = utf8.dropFirst(2)
            } else {
                out.append(byte)
            }
        }
        return out
    }

    @Test("renameAll: an entry named with Windows-874 bytes gets its escaped name; a clash gets -2")
    func renameAll() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("oddity-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data("taken".utf8).write(to: URL(fileURLWithPath: folder + "/%C3%D2.txt"))
        let raw = Array(folder.utf8) + [UInt8(ascii: "/"), 0xC3, 0xD2] + Array(".txt".utf8) + [0]
        let fd = raw.withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT, 0o644) } }
        #expect(fd >= 0)
        close(fd)
        let renamed = UndecodableNames.renameAll(in: folder, logger: .init(label: "test"))
        #expect(renamed == ["%C3%D2-2.txt"])
        #expect(try FileSystem.list(folder) == ["%C3%D2-2.txt", "%C3%D2.txt"])
        #expect(FileManager.default.contents(atPath: folder + "/%C3%D2.txt") == Data("taken".utf8), "nothing replaced")
    }
}
