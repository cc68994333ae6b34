import Foundation
import GRDB
import Inbox
import Testing

/// `pipeline users`, run as an admin would on the machine: the real binary, a real state
/// folder, the password on standard input.
@Suite("pipeline users")
struct UsersCLITests {
    /// A state folder with an empty ledger (as `pipeline run` or `serve` leaves it).
    final class State: Sendable {
        let folder: TemporaryFolder
        var path: String { folder.path + "/state" }

        init() throws {
            folder = try TemporaryFolder(prefix: "pipeline-users-cli")
            let state = StateDirectory(folder.path + "/state")
            try FileManager.default.createDirectory(atPath: state.root, withIntermediateDirectories: true)
            _ = try Ledger(path: state.ledger)
        }

        func ledger() throws -> Ledger { try Ledger(path: StateDirectory(path).ledger) }
    }

    /// Runs `pipeline ARGUMENTS…` with `input` on its standard input.
    static func run(_ arguments: [String], input: String = "") throws -> PipelineProcess.Result {
        let process = Process()
        process.executableURL = PipelineProcess.binary
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["USER"] = "tester"
        process.environment = environment
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        // Outputs are small here; stderr is read after stdout's end.
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return PipelineProcess.Result(status: process.terminationStatus,
                                      stdout: String(decoding: out, as: UTF8.self),
                                      stderr: String(decoding: err, as: UTF8.self))
    }

    @Test("add with --password-stdin, list (no hash), passwd, remove; the password never printed; audited as cli:USER")
    func lifecycle() throws {
        let state = try State()
        let password = "horse-battery-42"
        let added = try Self.run(["users", "add", "Somchai", "--role", "bureau", "--bureau", "ภ.๕", "--password-stdin",
                                  "--state", state.path], input: password + "\n")
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.contains("added user somchai (bureau ภ.5)"))
        let hq = try Self.run(["users", "add", "boss", "--role", "hq", "--password-stdin", "--state", state.path],
                              input: "another-secret\r\n")
        #expect(hq.status == 0, "\(hq.stderr)")

        let table = try Self.run(["users", "list", "--state", state.path])
        #expect(table.status == 0)
        let lines = table.stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("name") == true && lines.count == 4, "\(table.stdout)")
        #expect(lines[2].hasPrefix("boss") && lines[3].contains("bureau") && lines[3].contains("ภ.5"))
        let csv = try Self.run(["users", "list", "--state", state.path, "--format", "csv"])
        #expect(csv.stdout.hasPrefix("\u{FEFF}ชื่อผู้ใช้ / name,บทบาท / role,กองบัญชาการ / bureau"))
        let json = try Self.run(["users", "list", "--state", state.path, "--format", "json"])
        let objects = try json.stdout.split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] ?? [:]
        }
        #expect(objects.map { $0["name"] as? String } == ["boss", "somchai"])
        #expect(objects[1]["bureau"] as? String == "ภ.5" && objects[1]["removed_at"] is NSNull)
        #expect(Set(objects[0].keys) == ["name", "role", "bureau", "created_at", "removed_at"])

        let passwd = try Self.run(["users", "passwd", "somchai", "--password-stdin", "--state", state.path],
                                  input: "a-newer-secret\n")
        #expect(passwd.status == 0, "\(passwd.stderr)")
        let removed = try Self.run(["users", "remove", "boss", "--state", state.path])
        #expect(removed.status == 0 && removed.stdout.contains("removed user boss"))
        let after = try Self.run(["users", "list", "--state", state.path, "--format", "json"])
        #expect(after.stdout.split(separator: "\n").first?.contains("\"removed_at\":\"20") == true)

        let ledger = try state.ledger()
        let hash = try ledger.database.read { try String.fetchOne($0, sql: "SELECT password_hash FROM users WHERE name = 'somchai'") } ?? "?"
        #expect(hash.hasPrefix("$2"))
        let printed = [added, hq, table, csv, json, passwd, removed, after].map { $0.stdout + $0.stderr }.joined()
        for secret in [password, "another-secret", "a-newer-secret", hash, "$2"] {
            #expect(!printed.contains(secret))
        }
        let audit = try ledger.database.read { try Row.fetchAll($0, sql: "SELECT actor, action FROM audit ORDER BY id") }
        #expect(audit.map { $0["actor"] as String } == Array(repeating: "cli:tester", count: 4))
        #expect(audit.map { $0["action"] as String } == ["user.add", "user.add", "user.passwd", "user.remove"])
    }

    @Test("refusals: a message Thai first, a non-zero exit, nothing stored")
    func refusals() throws {
        let state = try State()
        let cases: [([String], String, String)] = [
            (["users", "add", "a b", "--role", "hq", "--password-stdin"], "long enough", "the user name \"a b\" cannot be used"),
            (["users", "add", "x", "--role", "bureau", "--password-stdin"], "long enough", "needs --bureau"),
            (["users", "add", "x", "--role", "bureau", "--bureau", "ภ.10", "--password-stdin"], "long enough", "unknown bureau"),
            (["users", "add", "x", "--role", "hq", "--bureau", "ภ.1", "--password-stdin"], "long enough", "takes no --bureau"),
            (["users", "add", "x", "--role", "hq", "--password-stdin"], "short", "too short"),
            (["users", "add", "x", "--role", "hq", "--password-stdin"], String(repeating: "p", count: 50 * 1024), "too long (51200 bytes)"),
            (["users", "add", "x", "--role", "hq"], "long enough", "--password-stdin"),
            (["users", "add", "x", "--role", "hq", "--password-stdin"], "", "no password"),
            (["users", "passwd", "nobody", "--password-stdin"], "long enough", "no user named nobody"),
            (["users", "remove", "nobody"], "", "no user named nobody"),
        ]
        for (arguments, input, english) in cases {
            let result = try Self.run(arguments + ["--state", state.path], input: input)
            #expect(result.status != 0, "\(arguments)")
            #expect(result.stderr.hasPrefix("pipeline: ") && result.stderr.contains(english), "\(arguments): \(result.stderr)")
            let thai = result.stderr.dropFirst("pipeline: ".count).unicodeScalars.first.map { (0x0E00...0x0E7F).contains($0.value) }
            #expect(thai == true, "Thai first: \(result.stderr)")
            if input.count > 8 { #expect(!result.stderr.contains(input) && !result.stdout.contains(input)) }
        }
        let bad = try Self.run(["users", "add", "x", "--role", "boss", "--password-stdin", "--state", state.path], input: "long enough")
        #expect(bad.status != 0)
        let listed = try Self.run(["users", "list", "--state", state.path, "--format", "json"])
        #expect(listed.stdout.isEmpty)
    }

    @Test("no ledger: a clear error")
    func noLedger() throws {
        let folder = try TemporaryFolder()
        let result = try Self.run(["users", "list", "--state", folder.path + "/none"])
        #expect(result.status != 0 && result.stderr.contains("no ledger"))
    }
}
