import Foundation
import Glibc
import Inbox
import Testing

/// The file-system part of the attack corpus, through `pipeline run` and a running
/// `pipeline watch`: odd names, links, a FIFO, a directory, a 2 GB sparse file. Each ends in
/// `accepted/` or `rejected/` within a time bound, nothing of a secret file outside the
/// inbox reaches any output, and the watcher keeps running.
@Suite("faults: file-system oddities in the inbox", .serialized)
struct FaultOddityTests {
    /// A string that is only in the secret files; it must appear in no output.
    static let marker = "SECRET-MARKER-5d1f0c"
    /// 80 Thai consonants and `.txt`: 84 characters, 244 bytes of UTF-8 (the limit is 255).
    static let thaiName = String(String(repeating: "กขคงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรลวศษสหฬอฮ", count: 3).prefix(80)) + ".txt"
    /// `รายงาน-` in Windows-874 (TIS-620) bytes, then `.txt`: not valid UTF-8.
    static let windows874Name: [UInt8] = [0xC3, 0xD2, 0xC2, 0xA7, 0xD2, 0xB9, 0x2D] + Array("r6.txt".utf8)

    /// A valid form whose reporter is the marker: if anything read it, the marker would be
    /// in the record, the ledger and `records.jsonl`.
    static func secretForm() -> String {
        textForm(station: "สภ.แม่ริม").replacingOccurrences(of: "ร.ต.อ.สมชาย ใจดี", with: marker)
    }

    struct Oddity {
        var name: String
        /// The folder it must end in.
        var folder: String
        /// The rule of the rejection, when rejected.
        var rule: String?
    }

    /// Creates every oddity in `inbox` (secrets in `outside`); returns what is expected of each.
    static func plant(in inbox: String, outside: String, only: String? = nil) throws -> [Oddity] {
        var planted: [Oddity] = []
        func want(_ key: String) -> Bool { only == nil || only == key }
        let secret = outside + "/secret.txt"
        if !FileManager.default.fileExists(atPath: secret) {
            try Data(secretForm().utf8).write(to: URL(fileURLWithPath: secret))
            try Data(secretForm().utf8).write(to: URL(fileURLWithPath: outside + "/secret-hard.txt"))
        }
        if want("bytes") {
            let path = Array(inbox.utf8) + [UInt8(ascii: "/")] + windows874Name + [0]
            let fd = path.withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT | O_EXCL, 0o644) } }
            #expect(fd >= 0)
            let text = Data(textForm(station: "สภ.หางดง").utf8)
            _ = text.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            close(fd)
            planted.append(Oddity(name: "%C3%D2%C2%A7%D2%B9-r6.txt", folder: "accepted"))
        }
        if want("thai") {
            try Data(textForm(station: "สภ.สันทราย").utf8).write(to: URL(fileURLWithPath: inbox + "/" + thaiName))
            planted.append(Oddity(name: thaiName, folder: "accepted"))
        }
        if want("dash") {
            try Data(textForm(station: "สภ.ดอยสะเก็ด").utf8).write(to: URL(fileURLWithPath: inbox + "/-rf.txt"))
            try Data(textForm(station: "สภ.ดอยสะเก็ด", score: "๕๐").utf8).write(to: URL(fileURLWithPath: inbox + "/--help"))
            planted.append(Oddity(name: "-rf.txt", folder: "accepted"))
            planted.append(Oddity(name: "--help", folder: "rejected", rule: "score-mismatch"))
        }
        if want("symlink") {
            #expect(symlink(secret, inbox + "/link.txt") == 0)
            planted.append(Oddity(name: "link.txt", folder: "rejected", rule: "unreadable"))
        }
        if want("hardlink") {
            #expect(link(outside + "/secret-hard.txt", inbox + "/hard.txt") == 0)
            planted.append(Oddity(name: "hard.txt", folder: "rejected", rule: "unreadable"))
        }
        if want("fifo") {
            #expect(mkfifo(inbox + "/pipe.txt", 0o644) == 0)
            planted.append(Oddity(name: "pipe.txt", folder: "rejected", rule: "unreadable"))
        }
        if want("directory") {
            try FileManager.default.createDirectory(atPath: inbox + "/folder.txt", withIntermediateDirectories: false)
            try Data(textForm().utf8).write(to: URL(fileURLWithPath: inbox + "/folder.txt/inner.txt"))
            planted.append(Oddity(name: "folder.txt", folder: "rejected", rule: "unreadable"))
        }
        if want("sparse") {
            let fd = open(inbox + "/big.txt", O_WRONLY | O_CREAT | O_EXCL, 0o644)
            #expect(fd >= 0 && ftruncate(fd, 2 << 30) == 0)
            close(fd)
            planted.append(Oddity(name: "big.txt", folder: "rejected", rule: "unreadable"))
        }
        return planted
    }

    /// The marker in no regular file under `state` (links are not followed) and in no text.
    ///
    /// A hard link filed under `rejected/` is the secret's own inode (that is what arrived,
    /// and it was never read): it is skipped here, after checking that it is that inode and
    /// nothing else. It grants a reader nothing: the inode keeps its owner and mode.
    static func expectNoSecret(state: String, texts: [String], outside: String? = nil,
                               sourceLocation: SourceLocation = #_sourceLocation) {
        let marker = Data(marker.utf8)
        var checked = 0
        var secretInode = stat()
        let hasHardSecret = outside.map { lstat($0 + "/secret-hard.txt", &secretInode) == 0 } ?? false
        if let walker = FileManager.default.enumerator(atPath: state) {
            for case let relative as String in walker {
                let path = state + "/" + relative
                var info = stat()
                guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_size < 64 << 20,
                      let data = FileManager.default.contents(atPath: path) else { continue }
                if hasHardSecret && info.st_ino == secretInode.st_ino && info.st_dev == secretInode.st_dev {
                    #expect(relative.hasPrefix("rejected/"), "the hard link is filed as rejected", sourceLocation: sourceLocation)
                    continue
                }
                checked += 1
                #expect(data.range(of: marker) == nil, "the secret leaked into \(relative)", sourceLocation: sourceLocation)
            }
        }
        #expect(checked >= 3, "the ledger, records.jsonl and notices were searched", sourceLocation: sourceLocation)
        for text in texts {
            #expect(!text.contains(Self.marker), "the secret leaked into an output", sourceLocation: sourceLocation)
        }
    }

    /// True when every planted entry is what `expectFiled` expects: committed to its
    /// folder, there under its stored name, with its notice and rule when rejected (the
    /// notice is written before the move, so the stored entry is waited for too).
    static func isFiled(_ planted: [Oddity], state: String) -> Bool {
        guard let submissions = try? Ledger(path: state + "/ledger.sqlite").submissions() else { return false }
        return planted.allSatisfy { oddity in
            guard let submission = submissions.first(where: { $0.fileName == oddity.name }),
                  submission.folder.rawValue == oddity.folder else { return false }
            let stored = "\(state)/\(submission.folder.rawValue)/\(submission.storedName)"
            guard FileSystemCheck.exists(stored) else { return false }
            guard let rule = oddity.rule else { return true }
            return submission.findings.contains { $0.rule.rawValue == rule } && FileSystemCheck.exists(stored + ".notice.txt")
        }
    }

    /// Each planted entry is in its folder, with its notice and rule when rejected.
    static func expectFiled(_ planted: [Oddity], state: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let ledger = try Ledger(path: state + "/ledger.sqlite")
        let submissions = try ledger.submissions()
        for oddity in planted {
            guard let submission = submissions.first(where: { $0.fileName == oddity.name }) else {
                Issue.record("\(oddity.name): no submission", sourceLocation: sourceLocation)
                continue
            }
            #expect(submission.folder.rawValue == oddity.folder, "\(oddity.name)", sourceLocation: sourceLocation)
            let stored = "\(state)/\(submission.folder.rawValue)/\(submission.storedName)"
            #expect(FileSystemCheck.exists(stored), "\(stored) is there", sourceLocation: sourceLocation)
            #expect(submission.storedName.utf8.count + ".notice.txt".utf8.count <= 255, sourceLocation: sourceLocation)
            if let rule = oddity.rule {
                #expect(submission.findings.contains { $0.rule.rawValue == rule }, "\(oddity.name): \(rule)", sourceLocation: sourceLocation)
                #expect(FileSystemCheck.exists(stored + ".notice.txt"), sourceLocation: sourceLocation)
            }
        }
        #expect(submissions.first { $0.fileName == "big.txt" }.map { $0.sha256 == nil && $0.size == 2 << 30 } ?? true,
                "the 2 GB file is judged by its size, not read", sourceLocation: sourceLocation)
    }

    @Test("pipeline run: every oddity accepted or rejected within the time bound, the secret nowhere")
    func oddities() async throws {
        let box = try InboxFolder()
        let outside = try TemporaryFolder()
        let planted = try Self.plant(in: box.inbox, outside: outside.url.path)
        let started = Date()
        let result = try await pipelineRun(box.inbox, box.state)
        let seconds = Date().timeIntervalSince(started)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(seconds < 60, "\(seconds) s for \(planted.count) entries")
        #expect(result.stdout.contains("accepted 3 · rejected 6 · duplicates 0"), "\(result.stdout)\(result.stderr)")
        #expect(StateAudit.entries(box.inbox) == [InboxProcessor.lockName])
        try Self.expectFiled(planted, state: box.state)

        let rejections = try await pipeline(["rejections", "--all", "--format", "json", "--state", box.state])
        let records = try await pipeline(["records", "--all", "--state", box.state])
        #expect(rejections.status == 0 && records.status == 0)
        Self.expectNoSecret(state: box.state, texts: [result.stdout, result.stderr, rejections.stdout, records.stdout],
                            outside: outside.url.path)
        #expect(FileManager.default.contents(atPath: outside.url.path + "/secret.txt") == Data(Self.secretForm().utf8),
                "the link's target is untouched")
        #expect(FileManager.default.contents(atPath: outside.url.path + "/secret-hard.txt") == Data(Self.secretForm().utf8))

        let again = try await pipelineRun(box.inbox, box.state)
        #expect(again.stdout.contains("accepted 0 · rejected 0 · duplicates 0"), "nothing waits, nothing is taken twice")
    }

    @Test("pipeline watch: each oddity dropped into a running watcher is filed, and the watcher keeps running",
          arguments: ["bytes", "thai", "dash", "symlink", "hardlink", "fifo", "directory", "sparse"])
    func watched(_ oddity: String) async throws {
        let box = try InboxFolder()
        let outside = try TemporaryFolder()
        let watcher = try RunningPipeline(["watch", box.inbox, "--state", box.state, "--quiet-period", "0.3",
                                           "--rescan-interval", "1"] + schemaArguments)
        #expect(await waitUntil(30) { watcher.stderr.contains("watching") })
        let planted = try Self.plant(in: box.inbox, outside: outside.url.path, only: oddity)
        let filed = await waitUntil(30, every: .milliseconds(100)) { Self.isFiled(planted, state: box.state) }
        #expect(filed, "\(oddity) filed within 30 s: \(watcher.stderr.suffix(1500))")
        #expect(watcher.process.isRunning, "the watcher survives \(oddity)")
        try Self.expectFiled(planted, state: box.state)

        // Still working: an ordinary form after the oddity is taken.
        try box.drop("after.txt", textForm(title: "after the oddity"))
        #expect(await waitUntil(30) { FileSystemCheck.exists(box.state + "/accepted/after.txt") }, "\(watcher.stderr.suffix(1500))")
        watcher.signal(SIGTERM)
        #expect(await watcher.waitForExit(30))
        #expect(watcher.process.terminationStatus == 0)
        #expect(StateAudit.entries(box.inbox) == [InboxProcessor.lockName])
        Self.expectNoSecret(state: box.state, texts: [watcher.stdout, watcher.stderr], outside: outside.url.path)
    }
}

/// `lstat`-based existence (a FIFO or a dangling symlink exists too).
enum FileSystemCheck {
    static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }
}
