import Foundation
import Glibc
import Testing
@testable import Inbox

/// `InboxDrop`, the way the web puts a submission into the inbox.
@Suite("InboxDrop: a submission written aside, synced and renamed in")
struct InboxDropTests {
    @Test("the bytes arrive whole under the cleaned name; no temporary is left")
    func delivers() throws {
        let box = try Sandbox()
        let bytes = Data(form().utf8)
        let name = try InboxDrop.deliver(bytes, named: "รายงาน รอบ ๖.txt", into: box.inbox)
        #expect(name == "รายงาน รอบ ๖.txt")
        #expect(box.contents(box.inbox + "/" + name) == bytes)
        #expect(box.names(box.inbox) == [name])
    }

    @Test("an existing name is never replaced: the new file gets -2, then -3", arguments: [false, true])
    func neverReplaces(fallback: Bool) throws {
        let box = try Sandbox()
        let first = try box.drop("form.txt", "first")
        NoReplaceFallback.force(fallback)
        defer { NoReplaceFallback.force(false) }
        #expect(try InboxDrop.deliver(Data("second".utf8), named: "form.txt", into: box.inbox) == "form-2.txt")
        #expect(try InboxDrop.deliver(Data("third".utf8), named: "form.txt", into: box.inbox) == "form-3.txt")
        #expect(box.contents(box.inbox + "/form.txt") == first)
        #expect(box.contents(box.inbox + "/form-2.txt") == Data("second".utf8))
        #expect(box.names(box.inbox) == ["form-2.txt", "form-3.txt", "form.txt"])
    }

    @Test("names are cleaned to what the inbox takes", arguments: [
        ("form.xml", "form.xml"),
        ("../../etc/passwd", "passwd"),
        ("C:\\Users\\clerk\\Desktop\\form.txt", "C:\\Users\\clerk\\Desktop\\form.txt".split(separator: "\\").last.map(String.init)!),
        (".hidden.txt", "hidden.txt"),
        ("...", "submission"),
        ("..", "submission"),
        ("", "submission"),
        ("/", "submission"),
        ("~$form.txt", "$form.txt"),
        ("report.part", "report.part.txt"),
        ("report.tmp", "report.tmp.txt"),
        ("a\nb\u{0}c.txt", "abc.txt"),
        ("  spaced.txt  ", "spaced.txt"),
        (".pipeline.lock", "pipeline.lock"),
    ])
    func cleans(name: String, expected: String) {
        let cleaned = InboxDrop.cleanName(name)
        #expect(cleaned == expected)
        #expect(!InboxProcessor.isIgnored(cleaned) && !cleaned.contains("/"))
    }

    @Test("a Thai name too long for a file name is shortened at a whole character, keeping .txt")
    func longName() throws {
        let name = String(repeating: "ก", count: 100) + ".txt"
        let cleaned = InboxDrop.cleanName(name)
        #expect(cleaned.utf8.count <= NameLength.nameMax - InboxDrop.clashReserve)
        #expect(cleaned.hasSuffix(".txt") && cleaned.hasPrefix("ก"))
        let box = try Sandbox()
        #expect(try InboxDrop.deliver(Data("x".utf8), named: name, into: box.inbox) == cleaned)
    }

    @Test("a delivered file is taken by the processor like any other")
    func isTaken() throws {
        let box = try Sandbox()
        _ = try InboxDrop.deliver(Data(form().utf8), named: "../web.txt", into: box.inbox)
        let tally = try box.processor().runOnce()
        #expect(tally.accepted == 1)
        #expect(box.names(box.state.accepted) == ["web.txt"])
    }

    @Test("an inbox that is not a folder is an error, and nothing is written")
    func notAFolder() throws {
        let box = try Sandbox()
        #expect(throws: FileSystemError.self) { try InboxDrop.deliver(Data(), named: "a.txt", into: box.inbox + "/missing") }
        #expect(box.names(box.inbox).isEmpty)
    }
}
