import Foundation
import Glibc
import Testing
@testable import Inbox

/// `FileSystem.makeDirectory`, which now makes each folder itself (and syncs its parent).
@Suite("state folders created one by one")
struct FolderCreationTests {
    @Test("missing parents are created, an existing folder is fine, a file in the way is an error")
    func createsParents() throws {
        let box = try Sandbox()
        let deep = box.root + "/a/b/c"
        try FileSystem.makeDirectory(deep)
        #expect(try FileSystem.snapshot(deep)?.kind == .directory)
        try FileSystem.makeDirectory(deep)
        try Data("x".utf8).write(to: URL(fileURLWithPath: box.root + "/file"))
        #expect(throws: FileSystemError.self) { try FileSystem.makeDirectory(box.root + "/file") }
        #expect(throws: FileSystemError.self) { try FileSystem.makeDirectory(box.root + "/file/below") }
    }

    @Test("a state folder that is a symlink to a folder elsewhere is used as it is")
    func symlinkedState() throws {
        let box = try Sandbox()
        try FileManager.default.createDirectory(atPath: box.root + "/elsewhere", withIntermediateDirectories: false)
        #expect(symlink(box.root + "/elsewhere", box.root + "/state") == 0)
        try box.drop("a.txt", form())
        let tally = try box.processor().runOnce()
        #expect(tally.accepted == 1)
        #expect(box.names(box.root + "/elsewhere/accepted") == ["a.txt"])
    }
}
