import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import Web

/// What only a real socket shows: a 50 MB body refused before it is read, a body that
/// stops or trickles cut off, and the server serving others all the while.
@Suite("through a real socket") struct LiveSocketTests {
    static func get(_ port: Int, _ path: String = "/") throws -> String {
        try RawConnection.request(port: port, "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n")
    }

    @Test func fiftyMegabytesAreRefusedBeforeTheyAreRead() async throws {
        let intake = try TestIntake()
        try await testApplication(intake.engine).test(.live) { client in
            let port = try #require(client.port)
            try await offThePool {
                let size = 50 << 20
                let connection = try RawConnection(port: port, receiveTimeout: 5)
                #expect(connection.send("POST /api/submissions?name=big.xml HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nContent-Length: \(size)\r\n\r\n"))
                connection.send([UInt8](repeating: UInt8(ascii: "<"), count: 64 << 10))
                let start = Date()
                let answer = connection.receive { $0.contains("\r\n\r\n") && $0.contains("}\n") }
                #expect(answer.text.hasPrefix("HTTP/1.1 413 "))
                #expect(answer.text.contains("{\"error\":{\"code\":\"too-large\""))
                #expect(answer.text.lowercased().contains("connection: close"))
                #expect(Date().timeIntervalSince(start) < 5)
                // The server does not read the rest: it closes the connection.
                var sent = 64 << 10
                let chunk = [UInt8](repeating: UInt8(ascii: "<"), count: 1 << 20)
                while sent < size, connection.send(chunk) { sent += chunk.count }
                #expect(sent < size, "the connection was closed before 50 MB went through")
                // And keeps serving.
                #expect(try Self.get(port).hasPrefix("HTTP/1.1 200 OK"))
            }
        }
        #expect(try intake.inboxEntries().isEmpty)
    }

    @Test func aBodyThatStopsIsCutByTheIdleTimeout() async throws {
        let intake = try TestIntake()
        var settings = WebSettings()
        settings.idleTimeout = 1
        settings.bodyDeadline = 30
        try await testApplication(intake.engine, settings: settings).test(.live) { client in
            let port = try #require(client.port)
            try await offThePool {
                let stalled = try RawConnection(port: port, receiveTimeout: 8)
                stalled.send("POST /api/submissions?name=slow.xml HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nContent-Length: 1000\r\n\r\n<report")
                // Others are served while it hangs.
                #expect(try Self.get(port).hasPrefix("HTTP/1.1 200 OK"))
                let start = Date()
                let answer = stalled.receive()
                #expect(answer.closed, "the server closed the stalled connection")
                let waited = Date().timeIntervalSince(start)
                #expect(waited < 6, "closed after the 1 s idle timeout, not never (\(waited) s)")
                #expect(try Self.get(port).hasPrefix("HTTP/1.1 200 OK"))
            }
        }
        #expect(try intake.inboxEntries().isEmpty)
    }

    @Test func aTricklingBodyGets408AtTheDeadline() async throws {
        let intake = try TestIntake()
        var settings = WebSettings()
        settings.idleTimeout = 5
        settings.bodyDeadline = 1
        try await testApplication(intake.engine, settings: settings).test(.live) { client in
            let port = try #require(client.port)
            try await offThePool {
                let slow = try RawConnection(port: port, receiveTimeout: 10)
                slow.send("POST /api/submissions?name=slow.xml HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nContent-Length: 100\r\n\r\n")
                // One byte every 0.2 s: never idle, never done (100 bytes would take 20 s), until
                // the server answers — however late under load its 1 s deadline is checked.
                for _ in 0..<90 {
                    guard slow.send("x") else { break }
                    if slow.hasSomethingToRead(within: 0.2) { break }
                }
                let answered = slow.receive { $0.contains("}\n") }.text
                #expect(answered.hasPrefix("HTTP/1.1 408 "))
                #expect(answered.contains("\"code\":\"too-slow\""))
                #expect(answered.contains("ส่งข้อมูลช้าเกินไป"))
                #expect(try Self.get(port).hasPrefix("HTTP/1.1 200 OK"))
            }
        }
        #expect(try intake.inboxEntries().isEmpty)
    }

    @Test func behindATrustedProxyEachClientHasItsOwnLimit() async throws {
        let intake = try TestIntake()
        var settings = WebSettings()
        settings.submissionsPerWindow = 1
        settings.trustedProxies = ["127.0.0.1"]
        try await testApplication(intake.engine, settings: settings).test(.live) { client in
            let forwarded = HTTPField.Name("X-Forwarded-For")!
            func send(_ chain: String) async throws -> HTTPResponse.Status {
                try await client.execute(uri: "/api/submissions?name=a.txt", method: .post, headers: [forwarded: chain],
                                         body: ByteBuffer(string: chain)) { $0.status }
            }
            let first = try await send("10.0.0.1")
            let second = try await send("10.0.0.2")
            let firstAgain = try await send("10.0.0.1")
            // Only the address the proxy appended counts; what the client wrote before it does not.
            let spoofed = try await send("10.9.9.9, 10.0.0.2")
            #expect(first == .accepted)
            #expect(second == .accepted)
            #expect(firstAgain == .tooManyRequests)
            #expect(spoofed == .tooManyRequests)
        }
        #expect(try intake.inboxEntries().count == 2)
    }
}
