import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `pipeline serve` as the office runs it: the real binary, a free port, a form sent and
/// taken by the watcher in the same process, SIGTERM → exit 0 with the tally.
@Suite("pipeline serve", .serialized) struct ServeCommandTests {
    /// A running `pipeline serve` and the address it printed.
    final class Server {
        let process = Process()
        let output = Pipe()
        var port = 0
        private var printed = Data()

        init(inbox: URL, state: URL, extra: [String] = []) throws {
            process.executableURL = PipelineBinary.url
            process.arguments = ["serve", inbox.path, "--state", state.path, "--listen", "127.0.0.1:0",
                                 "--schemas", Repo.schemas.path, "--quiet-period", "0.1"] + extra
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            process.standardInput = FileHandle.nullDevice
            try process.run()
            let line = try #require(readLine(within: 30))
            let prefix = "pipeline serve: listening on http://127.0.0.1:"
            #expect(line.hasPrefix(prefix))
            port = Int(line.dropFirst(prefix.count).dropLast()) ?? 0
            #expect(port > 0)
        }

        /// The next line of standard output, waiting at most `seconds`.
        func readLine(within seconds: Double) -> String? {
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline {
                if let newline = printed.firstIndex(of: 0x0A) {
                    let line = String(decoding: printed[..<newline], as: UTF8.self)
                    printed.removeSubrange(...newline)
                    return line
                }
                let chunk = output.fileHandleForReading.availableData
                if chunk.isEmpty { return nil } // closed
                printed.append(chunk)
            }
            return nil
        }

        func stop() -> (status: Int32, rest: String) {
            kill(process.processIdentifier, SIGTERM)
            let rest = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return (process.terminationStatus, String(decoding: printed + rest, as: UTF8.self))
        }

        deinit { if process.isRunning { process.terminate() } }
    }

    static func request(_ port: Int, _ method: String, _ path: String, body: Data = Data()) throws -> (head: String, body: String) {
        let connection = try RawConnection(port: port)
        connection.send("\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nContent-Length: \(body.count)\r\nConnection: close\r\n\r\n")
        connection.send(Array(body))
        let text = connection.receive().text
        let parts = text.components(separatedBy: "\r\n\r\n")
        return (parts.first ?? "", parts.dropFirst().joined(separator: "\r\n\r\n"))
    }

    @Test func servesTakesTheFormAndStopsCleanly() throws {
        let folder = try TemporaryFolder()
        let inbox = folder.url.appendingPathComponent("inbox")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        // A sample already waiting, taken at the start like `watch` does.
        try FileManager.default.copyItem(at: Repo.inbox.appendingPathComponent("lumphini-r12.txt"),
                                         to: inbox.appendingPathComponent("lumphini-r12.txt"))
        let server = try Server(inbox: inbox, state: folder.url.appendingPathComponent("state"))

        let page = try Self.request(server.port, "GET", "/")
        #expect(page.head.hasPrefix("HTTP/1.1 200 OK"))
        #expect(page.body.contains("<html lang=\"th\">"))

        let form = try Data(contentsOf: Repo.inbox.appendingPathComponent("muang-chiangmai-r6.xml"))
        let sent = try Self.request(server.port, "POST", "/api/submissions?name=chiangmai.xml", body: form)
        #expect(sent.head.hasPrefix("HTTP/1.1 202 Accepted"))
        let receipt = String(sent.body.dropFirst("{\"receipt\":\"".count).prefix(32))

        // The watcher in the same process takes it: poll the status until it is accepted.
        let deadline = Date().addingTimeInterval(30)
        var status = ""
        while Date() < deadline {
            status = try Self.request(server.port, "GET", "/api/submissions/\(receipt)").body
            if !status.contains("\"status\":\"waiting\"") { break }
            Thread.sleep(forTimeInterval: 0.1)
        }
        #expect(status.contains("\"status\":\"accepted\""))
        // And the form that was waiting at the start, after its quiet period.
        let waiting = folder.url.appendingPathComponent("state/accepted/lumphini-r12.txt").path
        while Date() < deadline && !FileManager.default.fileExists(atPath: waiting) { Thread.sleep(forTimeInterval: 0.05) }
        #expect(FileManager.default.fileExists(atPath: waiting))

        // A second serve on the same state is refused: the state is owned.
        let second = Process()
        second.executableURL = PipelineBinary.url
        second.arguments = ["serve", inbox.path, "--state", folder.url.appendingPathComponent("state").path,
                            "--listen", "127.0.0.1:0", "--schemas", Repo.schemas.path]
        second.standardOutput = FileHandle.nullDevice
        second.standardError = FileHandle.nullDevice
        try second.run()
        second.waitUntilExit()
        #expect(second.terminationStatus == 2)

        let (exit, rest) = server.stop()
        #expect(exit == 0)
        #expect(rest.contains("(accepted 2 · rejected 0 · duplicates 0)"))
        #expect(FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("state/accepted/\(receipt)--chiangmai.xml").path))
    }

    @Test func aRequestUnderWayIsFinishedOnSIGTERM() throws {
        let folder = try TemporaryFolder()
        let inbox = folder.url.appendingPathComponent("inbox")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        let server = try Server(inbox: inbox, state: folder.url.appendingPathComponent("state"))
        let form = Array(try Data(contentsOf: Repo.inbox.appendingPathComponent("lumphini-r12.txt")))
        let connection = try RawConnection(port: server.port)
        connection.send("POST /api/validate?name=lumphini.txt HTTP/1.1\r\nHost: 127.0.0.1:\(server.port)\r\nContent-Length: \(form.count)\r\n\r\n")
        connection.send(Array(form.prefix(100)))
        // The server has the request (its head and part of its body) when the signal comes.
        Thread.sleep(forTimeInterval: 0.3)
        kill(server.process.processIdentifier, SIGTERM)
        Thread.sleep(forTimeInterval: 0.3)
        #expect(server.process.isRunning, "it waits for the request under way")
        connection.send(Array(form.dropFirst(100)))
        let answer = connection.receive { $0.contains("}\n") }.text
        #expect(answer.hasPrefix("HTTP/1.1 200 OK"))
        #expect(answer.contains("{\"file\":\"lumphini.txt\",\"format\":\"text\",\"accepted\":true"))
        server.process.waitUntilExit()
        #expect(server.process.terminationStatus == 0)
    }

    @Test func aSecondSignalExitsAtOnce() throws {
        let folder = try TemporaryFolder()
        let inbox = folder.url.appendingPathComponent("inbox")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        let server = try Server(inbox: inbox, state: folder.url.appendingPathComponent("state"))
        // A request that never finishes holds the graceful stop (until the idle timeout).
        let connection = try RawConnection(port: server.port)
        connection.send("POST /api/validate HTTP/1.1\r\nHost: 127.0.0.1:\(server.port)\r\nContent-Length: 100\r\n\r\nx")
        Thread.sleep(forTimeInterval: 0.3)
        kill(server.process.processIdentifier, SIGTERM)
        Thread.sleep(forTimeInterval: 0.3)
        #expect(server.process.isRunning)
        let start = Date()
        kill(server.process.processIdentifier, SIGTERM)
        server.process.waitUntilExit()
        #expect(Date().timeIntervalSince(start) < 5)
        #expect(server.process.terminationStatus == 128 + SIGTERM)
    }

    @Test func badListenAddressIsAUsageError() throws {
        let folder = try TemporaryFolder()
        let process = Process()
        process.executableURL = PipelineBinary.url
        process.arguments = ["serve", folder.path, "--listen", "localhost"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 64)
    }
}
