import Foundation
import Ingest
import Testing
import Validate
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Shared pieces of the attack corpus: the checker under test, a secret file, a loopback
/// listener that counts connections, and the checks every attack ends with.
enum Attack {
    /// The repository root, from this file's path.
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let schemas = root.appendingPathComponent("schemas", isDirectory: true)

    /// The time every attack must be decided in: generous (a debug build on a shared 2-core
    /// machine), not a benchmark. What it catches is a hang or an expansion that grows.
    static let timeBound: Duration = .seconds(2)

    /// The bound for the 20 MB inputs let through by a raised size limit: a guard against a
    /// hang or a super-linear pass, not a speed target. Every pass over a form is linear, but
    /// a debug build walks 20 MB of text at about a microsecond a character per pass; the
    /// default 1 MiB limit is what keeps real checks inside `timeBound`
    /// (see `largestDefaultFormIsDecidedInTime` and docs/reliability.md).
    static let hugeInputBound: Duration = .seconds(180)

    /// A checker with the default size limit (1 MiB), built once.
    static let checker: FormChecker = makeChecker(sizeLimit: FormDecoder.defaultSizeLimit)

    /// A checker with room for the 20 MB inputs, to see them handled, not only refused.
    static let roomyChecker: FormChecker = makeChecker(sizeLimit: 32 << 20)

    private static func makeChecker(sizeLimit: Int) -> FormChecker {
        do {
            return try FormChecker(resources: Resources(schemasDirectory: schemas), sizeLimit: sizeLimit)
        } catch {
            fatalError("the checker does not load from \(schemas.path): \(error)")
        }
    }

    /// Runs `work` on a thread of its own, not on Swift's cooperative pool: the pool has one
    /// thread per core (two here), and a check of 20 MB held on it for seconds starves the
    /// async tests of other suites that poll a running process (their timing would fail).
    static func offPool<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            let thread = Thread { continuation.resume(returning: work()) }
            thread.stackSize = 16 << 20
            thread.start()
        }
    }

    /// Checks `data` off the cooperative pool, timing the whole bytes → verdict path.
    static func check(_ data: Data, file: String, with checker: FormChecker = checker) async -> (verdict: Verdict, elapsed: Duration) {
        await offPool {
            let clock = ContinuousClock()
            var verdict: Verdict?
            let elapsed = clock.measure { verdict = checker.check(data, file: file) }
            guard let verdict else { fatalError("check returned nothing") }
            return (verdict, elapsed)
        }
    }

    /// Everything a verdict puts out: the JSON line (file, findings with both messages,
    /// record) and the record as the ledger stores it.
    static func allOutput(of verdict: Verdict) -> String {
        var output = verdict.jsonLine()
        if let record = verdict.record, let stored = try? JSONEncoder().encode(record) {
            output += String(decoding: stored, as: UTF8.self)
        }
        return output
    }

    /// The checks every attack ends with: decided in time, rejected by one of `rules` (an
    /// empty set: accepted), nothing of `secret` in any output, and an accepted record
    /// that survives the ledger's JSON round trip unchanged.
    static func expect(_ result: (verdict: Verdict, elapsed: Duration), rejectedBy rules: Set<Rule>,
                       secret: String? = nil, within bound: Duration = timeBound,
                       sourceLocation: SourceLocation = #_sourceLocation) async {
        let (verdict, elapsed) = result
        #expect(elapsed < bound, "took \(elapsed)", sourceLocation: sourceLocation)
        // The looking (JSON of megabytes, scans, the round trip) happens off the pool too,
        // and yields plain values: a failed expectation prints everything it captured.
        let seen = await offPool { Observation(verdict, secret: secret) }
        if rules.isEmpty {
            #expect(seen.accepted, "expected accepted, got \(seen.summary)", sourceLocation: sourceLocation)
        } else {
            #expect(!seen.accepted, "expected rejected, got \(seen.summary)", sourceLocation: sourceLocation)
            let overlaps = !seen.errors.isDisjoint(with: rules)
            #expect(overlaps, "expected one of \(rules.map(\.rawValue).sorted()), got \(seen.summary)",
                    sourceLocation: sourceLocation)
        }
        #expect(seen.control == nil, "a control character U+\(String(seen.control ?? 0, radix: 16, uppercase: true)) in the output",
                sourceLocation: sourceLocation)
        #expect(!seen.leaked, "the secret leaked", sourceLocation: sourceLocation)
        #expect(seen.roundTrip != .changed, "the record changed in the JSON round trip", sourceLocation: sourceLocation)
        #expect(seen.roundTrip != .failed, "the record JSON round trip failed", sourceLocation: sourceLocation)
    }

    /// What `expect` looks at in a verdict, as plain values.
    struct Observation: Sendable {
        enum RoundTrip: Sendable { case notApplicable, unchanged, changed, failed }
        let accepted: Bool
        let errors: Set<Rule>
        let summary: String
        let control: UInt32?
        let leaked: Bool
        let roundTrip: RoundTrip

        init(_ verdict: Verdict, secret: String?) {
            accepted = verdict.accepted
            errors = Set(verdict.findings.filter { $0.severity == .error }.map(\.rule))
            summary = Attack.summarize(verdict)
            control = Attack.firstControlCharacter(in: verdict)
            leaked = secret.map { Attack.allOutput(of: verdict).contains($0) } ?? false
            if verdict.accepted, let record = verdict.record {
                if let decoded = try? JSONDecoder().decode(Record.self, from: JSONEncoder().encode(record)) {
                    roundTrip = decoded == record ? .unchanged : .changed
                } else {
                    roundTrip = .failed
                }
            } else {
                roundTrip = .notApplicable
            }
        }
    }

    /// The first control character (C0, DEL, C1) in the JSON line or a message: what a
    /// terminal might act on. JSON escapes C0 itself; anything raw here came from the form.
    static func firstControlCharacter(in verdict: Verdict) -> UInt32? {
        let texts = [verdict.jsonLine()] + verdict.findings.flatMap { [$0.messageTH, $0.messageEN] }
        for text in texts {
            if let scalar = text.unicodeScalars.first(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) {
                return scalar.value
            }
        }
        return nil
    }

    /// `accepted` and the rules of the findings, with the start of each English message.
    static func summarize(_ verdict: Verdict) -> String {
        let findings = verdict.findings.map { "\($0.rule.rawValue): \($0.messageEN.prefix(120))" }
        return "accepted \(verdict.accepted), findings \(findings)"
    }

    /// An accepted record, encoded and decoded as the ledger does, is the same record.
    static func expectRoundTrip(_ verdict: Verdict, sourceLocation: SourceLocation = #_sourceLocation) {
        guard verdict.accepted, let record = verdict.record else { return }
        do {
            let decoded = try JSONDecoder().decode(Record.self, from: JSONEncoder().encode(record))
            let unchanged = decoded == record
            #expect(unchanged, "the record changed in the JSON round trip", sourceLocation: sourceLocation)
        } catch {
            Issue.record("record JSON round trip failed: \(error)", sourceLocation: sourceLocation)
        }
    }
}

/// A file outside the repository holding a unique marker: what an external entity, an
/// external DTD or an XInclude would read if the parser let it.
final class SecretFile {
    let directory: URL
    let url: URL
    let marker: String

    init() throws {
        marker = "SECRET-MARKER-\(UUID().uuidString)"
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("attack-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        url = directory.appendingPathComponent("secret.txt")
        try Data(marker.utf8).write(to: url)
    }

    /// `file:///tmp/…/secret.txt`.
    var fileURL: String { url.absoluteString }

    deinit { try? FileManager.default.removeItem(at: directory) }
}

/// A TCP listener on 127.0.0.1, on a port the kernel picks, that counts the connections
/// made to it. A connection completes in the kernel's backlog without `accept`, so counting
/// after the check (non-blocking `accept` until none is left) sees every attempt.
final class LoopbackListener {
    private let descriptor: Int32
    /// The port, host byte order.
    let port: UInt16

    init() throws {
        #if canImport(Glibc)
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { throw ListenerError(step: "socket", code: errno) }
        self.descriptor = descriptor
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) }
        }
        guard bound == 0 else { close(descriptor); throw ListenerError(step: "bind", code: errno) }
        guard listen(descriptor, 64) == 0 else { close(descriptor); throw ListenerError(step: "listen", code: errno) }
        var actual = sockaddr_in()
        var actualLength = length
        let named = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &actualLength) }
        }
        guard named == 0 else { close(descriptor); throw ListenerError(step: "getsockname", code: errno) }
        port = UInt16(bigEndian: actual.sin_port)
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
    }

    /// `http://127.0.0.1:PORT/` followed by `path`.
    func url(_ path: String) -> String { "http://127.0.0.1:\(port)/\(path)" }

    /// Accepts (and closes) every connection waiting, and says how many there were.
    func takeConnections() -> Int {
        var count = 0
        while true {
            let connection = accept(descriptor, nil, nil)
            if connection < 0 { break }
            close(connection)
            count += 1
        }
        return count
    }

    deinit { close(descriptor) }
}

/// A socket call that failed while setting up the listener.
struct ListenerError: Error, CustomStringConvertible {
    let step: String
    let code: Int32
    var description: String { "\(step) failed: errno \(code)" }
}

/// Opens a TCP connection to 127.0.0.1:`port` and closes it: the listener's own test.
func connectToLoopback(port: UInt16) -> Bool {
    #if canImport(Glibc)
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    #else
    let descriptor = socket(AF_INET, SOCK_STREAM, 0)
    #endif
    guard descriptor >= 0 else { return false }
    defer { close(descriptor) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = port.bigEndian
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    return withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
            connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
        }
    }
}
