import Crypto
import Foundation
import Glibc
import Inbox
import Testing

/// True when the long fault loops should run (`PIPELINE_LONG_TESTS=1`); the short versions
/// always run.
let longFaultTests = ProcessInfo.processInfo.environment["PIPELINE_LONG_TESTS"] == "1"

/// Runs blocking work (waiting for a child process) on a thread of its own. Swift Testing
/// runs tests on the cooperative pool, which has one thread per core (two here): a test that
/// blocks one for seconds starves the timing-sensitive watcher tests running beside it.
func offPool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try body() }) }.start()
    }
}

/// `pipeline ARGUMENTS…`, waited for off the cooperative pool.
func pipeline(_ arguments: [String], environment: [String: String] = [:]) async throws -> PipelineProcess.Result {
    try await offPool { try PipelineProcess.run(arguments, environment: environment) }
}

/// `pipeline run INBOX --state STATE` with the repository's schemas, off the cooperative pool.
func pipelineRun(_ inbox: String, _ state: String, batchSize: Int? = nil,
                 environment: [String: String] = [:]) async throws -> PipelineProcess.Result {
    let batch = batchSize.map { ["--batch-size", String($0)] } ?? []
    return try await pipeline(["run", inbox, "--state", state] + batch + schemaArguments, environment: environment)
}

/// SHA-256 of bytes, as lowercase hex (the ledger's form).
func sha256Hex(_ data: Data) -> String {
    SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
}

/// The `index`th form of a fault batch: a text form for one of five stations; every third
/// one carries a score that does not match its steps, so it is rejected (`score-mismatch`).
func faultForm(_ index: Int) -> String {
    textForm(station: InboxCLIProcessTests.stations[index % InboxCLIProcessTests.stations.count],
             score: index % 3 == 0 ? "๕๐" : "๒๕", title: "ฉบับที่ \(index)")
}

/// A small, seedable random generator (SplitMix64), so a failing random-kill run can be
/// repeated with `PIPELINE_FAULT_SEED`.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// An inbox and a state folder at given paths: an `InboxFolder`'s, or on a mounted file system.
struct FaultPaths {
    let inbox: String
    let state: String

    init(_ box: InboxFolder) {
        inbox = box.inbox
        state = box.state
    }

    init(inbox: String, state: String) {
        self.inbox = inbox
        self.state = state
    }

    func drop(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: inbox + "/" + name))
    }

    /// `pipeline run` over the inbox.
    @discardableResult
    func run() async throws -> PipelineProcess.Result {
        try await pipelineRun(inbox, state)
    }
}

/// The invariants of an inbox and its state after any fault: every input is in exactly one
/// place (counted by content), and — once a clean run has settled it — the ledger, the
/// stored files, the notices and `records.jsonl` agree.
struct StateAudit {
    let inbox: String
    let state: String

    init(_ box: InboxFolder) {
        inbox = box.inbox
        state = box.state
    }

    init(_ paths: FaultPaths) {
        inbox = paths.inbox
        state = paths.state
    }

    /// Regular files' names in a folder (lstat: links are not followed), sorted.
    static func entries(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    }

    /// How many copies of each content are in the inbox (waiting names only), `work/`,
    /// `accepted/` and `rejected/` (without notices). Unfinished copies (`.partial`) and
    /// temporaries (`.writing`) are not forms and are not counted.
    func contentCounts() -> [String: Int] {
        var counts: [String: Int] = [:]
        let folders = [(inbox, true), (state + "/work", false), (state + "/accepted", false), (state + "/rejected", false)]
        for (folder, isInbox) in folders {
            for name in Self.entries(folder) {
                if isInbox && InboxProcessor.isIgnored(name) { continue }
                if name.hasSuffix(".notice.txt") || name.hasSuffix(".partial") || name.hasSuffix(".writing") { continue }
                let path = folder + "/" + name
                var info = stat()
                guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG,
                      let data = FileManager.default.contents(atPath: path) else { continue }
                counts[sha256Hex(data), default: 0] += 1
            }
        }
        return counts
    }

    /// Nothing lost and nothing doubled: the contents on disk are exactly those sent.
    func expectNothingLostOrDoubled(sent: [String: Int], _ context: String,
                                    sourceLocation: SourceLocation = #_sourceLocation) {
        let found = contentCounts()
        #expect(found == sent, "every input exactly once across inbox, work, accepted, rejected (\(context)); missing \(sent.filter { found[$0.key] != $0.value }.count) contents",
                sourceLocation: sourceLocation)
    }

    /// A notice exists only for a submission the ledger committed to `rejected/`: no notice
    /// is ever written for a form that was not processed. No half-written temporary
    /// (`.writing`) is left — except right after a SIGKILL in the middle of writing one
    /// (`afterKill`): the next recovery writes that notice again under the same temporary
    /// name and renames it into place.
    func expectNoticesOnlyForCommitted(_ context: String, afterKill: Bool = false,
                                       sourceLocation: SourceLocation = #_sourceLocation) throws {
        guard FileManager.default.fileExists(atPath: state + "/ledger.sqlite") else {
            #expect(Self.entries(state + "/rejected").filter { $0.hasSuffix(".notice.txt") }.isEmpty, sourceLocation: sourceLocation)
            return
        }
        let ledger = try Ledger(path: state + "/ledger.sqlite")
        let committed = Set(try ledger.submissions().filter { $0.folder == .rejected }.map { $0.storedName + ".notice.txt" })
        let notices = Self.entries(state + "/rejected").filter { $0.hasSuffix(".notice.txt") }
        #expect(Set(notices).isSubset(of: committed), "a notice without a committed rejection (\(context)): \(Set(notices).subtracting(committed))",
                sourceLocation: sourceLocation)
        let leftovers = (Self.entries(state + "/rejected") + Self.entries(state)).filter { $0.hasSuffix(".writing") }
        #expect(afterKill || leftovers.isEmpty, "half-written temporaries left behind (\(context)): \(leftovers)", sourceLocation: sourceLocation)
    }

    /// After a clean run: the inbox and `work/` are empty, and every ledger table, stored
    /// file, notice and `records.jsonl` line agrees; `PRAGMA integrity_check` is ok.
    func expectSettled(sent: [String: Int], _ context: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        expectNothingLostOrDoubled(sent: sent, context, sourceLocation: sourceLocation)
        #expect(Self.entries(inbox).filter { !InboxProcessor.isIgnored($0) }.isEmpty, "inbox empty (\(context))", sourceLocation: sourceLocation)
        #expect(Self.entries(state + "/work").isEmpty, "work/ empty (\(context))", sourceLocation: sourceLocation)
        try expectNoticesOnlyForCommitted(context, sourceLocation: sourceLocation)

        let ledger = try Ledger(path: state + "/ledger.sqlite")
        let submissions = try ledger.submissions()
        #expect(submissions.count == sent.values.reduce(0, +), "one submission per input (\(context))", sourceLocation: sourceLocation)
        #expect(Set(submissions.map(\.claimID)).count == submissions.count, sourceLocation: sourceLocation)
        #expect(Set(submissions.map { "\($0.folder.rawValue)/\($0.storedName)" }).count == submissions.count,
                "no two submissions stored under one name (\(context))", sourceLocation: sourceLocation)
        for submission in submissions {
            let path = "\(state)/\(submission.folder.rawValue)/\(submission.storedName)"
            let data = FileManager.default.contents(atPath: path)
            #expect(data.map(sha256Hex) == submission.sha256, "\(path) holds what the ledger says (\(context))",
                    sourceLocation: sourceLocation)
            if submission.folder == .rejected {
                #expect(FileManager.default.fileExists(atPath: path + ".notice.txt"), "\(path) has its notice (\(context))",
                        sourceLocation: sourceLocation)
            }
        }
        let stored = (Self.entries(state + "/accepted") + Self.entries(state + "/rejected")).filter { !$0.hasSuffix(".notice.txt") }
        #expect(stored.count == submissions.count, "no stored file without a submission (\(context))", sourceLocation: sourceLocation)

        let duplicates = sent.values.reduce(0) { $0 + $1 - 1 }
        #expect(submissions.filter { $0.outcome == .duplicate }.count == duplicates, "duplicates (\(context))",
                sourceLocation: sourceLocation)
        let history = try ledger.records(history: true)
        #expect(history.count == submissions.filter { $0.outcome == .accepted }.count, "one record per accepted (\(context))",
                sourceLocation: sourceLocation)
        #expect(Set(history.map(\.submissionID)).count == history.count, "no record twice (\(context))", sourceLocation: sourceLocation)
        let current = try ledger.records()
        #expect(Set(current.map(\.key)).count == current.count, "one current record per key (\(context))", sourceLocation: sourceLocation)
        #expect(try ledger.rejections(.init(status: nil)).count == submissions.filter { $0.outcome == .rejected }.count,
                "one rejection row per rejected (\(context))", sourceLocation: sourceLocation)
        let lines = ((try? String(contentsOfFile: state + "/records.jsonl", encoding: .utf8)) ?? "")
            .split(separator: "\n").map(String.init)
        #expect(lines == history.map(\.json), "records.jsonl is the ledger's records, in order (\(context))", sourceLocation: sourceLocation)
        #expect(try ledger.integrityCheck() == "ok", sourceLocation: sourceLocation)
    }
}

/// True when this test process (and so the `pipeline` built beside it) runs under
/// ThreadSanitizer, whose runtime dies with a BUS error at start-up under a file-size limit.
let underThreadSanitizer = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "__tsan_init") != nil

/// Runs `pipeline ARGUMENTS…` under `prlimit --fsize=BYTES` with SIGXFSZ ignored, so that a
/// write past BYTES fails with `EFBIG` as a full disk fails with `ENOSPC` (an ignored
/// signal stays ignored across `exec`). Standard output and error come back together.
func runWithFileSizeLimit(_ bytes: Int, _ arguments: [String]) async throws -> PipelineProcess.Result {
    try await offPool { try runWithFileSizeLimitBlocking(bytes, arguments) }
}

private func runWithFileSizeLimitBlocking(_ bytes: Int, _ arguments: [String]) throws -> PipelineProcess.Result {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", "trap '' XFSZ; exec prlimit --fsize=\(bytes):\(bytes) \"$@\"", "sh", PipelineProcess.binary.path] + arguments
    // One pipe for both (a file would itself be held to the size limit), read to the end.
    let out = Pipe()
    process.standardOutput = out
    process.standardError = out
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return PipelineProcess.Result(status: process.terminationStatus, stdout: output, stderr: output)
}

/// Mounts and unmounts a small tmpfs (root only), for the full-disk tests.
enum SmallFileSystem {
    /// True when this process may mount a tmpfs (root, and `mount` works here).
    static let available: Bool = {
        guard geteuid() == 0, let folder = try? TemporaryFolder() else { return false }
        guard (try? mount(folder.url.path, bytes: 1 << 20)) == true else { return false }
        return (try? unmount(folder.url.path)) == true
    }()

    static func mount(_ path: String, bytes: Int) throws -> Bool {
        try tool("/usr/bin/mount", ["-t", "tmpfs", "-o", "size=\(bytes)", "tmpfs", path]) == 0
    }

    static func unmount(_ path: String) throws -> Bool {
        try tool("/usr/bin/umount", [path]) == 0
    }

    private static func tool(_ path: String, _ arguments: [String]) throws -> Int32 {
        guard FileManager.default.isExecutableFile(atPath: path) else { return -1 }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Free bytes on the file system holding `path`.
    static func freeBytes(_ path: String) -> Int {
        var info = statvfs()
        guard statvfs(path, &info) == 0 else { return 0 }
        return Int(info.f_bavail) * Int(info.f_frsize)
    }

    /// Fills the file system holding `folder` until at most `leave` bytes are free, with one
    /// file `folder/filler`; returns its path.
    static func fill(_ folder: String, leaving leave: Int) -> String {
        let path = folder + "/filler"
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        defer { close(fd) }
        let chunk = [UInt8](repeating: 0x55, count: 4096)
        while freeBytes(folder) > leave {
            let written = chunk.withUnsafeBytes { write(fd, $0.baseAddress, min(4096, max(1, freeBytes(folder) - leave))) }
            if written <= 0 { break }
        }
        return path
    }
}
