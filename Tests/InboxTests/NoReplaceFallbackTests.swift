import Foundation
import Glibc
import Testing
@testable import Inbox

/// The `link` + `unlink` path taken where `renameat2(RENAME_NOREPLACE)` is refused (FUSE
/// file systems such as LazyFS return EINVAL), forced here on any disk.
///
/// Serialized, and each test switches the fallback off when done; other suites running at
/// the same time then take the fallback for a moment, which is harmless: it keeps the same
/// promise.
@Suite("RENAME_NOREPLACE refused: link + unlink", .serialized)
struct NoReplaceFallbackTests {
    /// Runs `body` with the fallback forced.
    func forced<T>(_ body: () throws -> T) rethrows -> T {
        NoReplaceFallback.force(true)
        defer { NoReplaceFallback.force(false) }
        return try body()
    }

    @Test("a file is moved to a free name: one name afterwards, bytes intact, the fallback noted")
    func movesToAFreeName() throws {
        let box = try Sandbox()
        let bytes = try box.drop("a.txt", "form")
        try forced { try FileSystem.renameWithoutReplacing(box.inbox + "/a.txt", to: box.inbox + "/b.txt") }
        #expect(!FileSystem.exists(box.inbox + "/a.txt"))
        #expect(box.contents(box.inbox + "/b.txt") == bytes)
        #expect(FileSystem.linkCount(box.inbox + "/b.txt") == 1)
        #expect(NoReplaceFallback.wasTaken)
    }

    @Test("an existing destination is never replaced: EEXIST, both files as they were",
          arguments: ["file", "symlink", "directory"])
    func neverReplaces(kind: String) throws {
        let box = try Sandbox()
        let source = box.inbox + "/source"
        switch kind {
        case "file": try Data("new".utf8).write(to: URL(fileURLWithPath: source))
        case "symlink": #expect(symlink("/etc/passwd", source) == 0)
        default: try FileManager.default.createDirectory(atPath: source, withIntermediateDirectories: false)
        }
        let kept = try box.drop("stored.txt", "the stored original")
        #expect(throws: FileSystemError.self) {
            try forced { try FileSystem.renameWithoutReplacing(source, to: box.inbox + "/stored.txt") }
        }
        #expect(forced { FileSystem.renameWithoutReplacingCode(source, box.inbox + "/stored.txt") } == EEXIST)
        #expect(box.contents(box.inbox + "/stored.txt") == kept)
        #expect(FileSystem.linkCount(box.inbox + "/stored.txt") == 1)
        #expect(FileSystem.exists(source))
    }

    @Test("a symlink and a directory are moved as themselves", arguments: ["symlink", "directory"])
    func movesOddEntries(kind: String) throws {
        let box = try Sandbox()
        let source = box.inbox + "/odd"
        if kind == "symlink" {
            #expect(symlink("/etc/hostname", source) == 0)
        } else {
            try FileManager.default.createDirectory(atPath: source + "/inner", withIntermediateDirectories: true)
        }
        try forced { try FileSystem.renameWithoutReplacing(source, to: box.inbox + "/moved") }
        #expect(!FileSystem.exists(source))
        let entry = try FileSystem.snapshot(box.inbox + "/moved")
        #expect(entry?.kind == (kind == "symlink" ? .symlink : .directory))
    }

    @Test("a whole run on the fallback: every file filed once, nothing left under two names")
    func runOnTheFallback() throws {
        let box = try Sandbox()
        try box.drop("a.txt", form())
        try box.drop("bad.txt", form(station: "สภ.ฝาง", extra: ["missing: round"]))
        try box.drop("again.txt", form())
        let tally = try forced { try box.processor().runOnce() }
        #expect(tally.accepted == 1 && tally.rejected == 1 && tally.duplicates == 1)
        #expect(box.names(box.state.work).isEmpty)
        #expect(box.names(box.inbox) == [InboxProcessor.lockName])
        for name in box.names(box.state.accepted) + box.names(box.state.rejected) {
            let folder = FileSystem.exists(box.state.accepted + "/" + name) ? box.state.accepted : box.state.rejected
            #expect(FileSystem.linkCount(folder + "/" + name) == 1, "\(name)")
        }
    }
}
