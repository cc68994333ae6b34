import Foundation
import Hummingbird
import HummingbirdTesting
import Inbox
import Testing
@testable import Web

/// Sending forms: `POST /api/submissions` and `/new/send` land the bytes in the inbox whole
/// under the receipt; the processor takes them like any dropped file; `GET
/// /api/submissions/R` and `/submissions/R` tell the fate.
@Suite("submissions") struct SubmissionTests {
    static func sample(_ name: String) throws -> Data { try Data(contentsOf: Repo.inbox.appendingPathComponent(name)) }

    /// The receipt from a 202 answer.
    static func receipt(_ response: TestResponse) throws -> String {
        let text = response.text
        let start = try #require(text.range(of: "{\"receipt\":\""))
        return String(text[start.upperBound...].prefix(32))
    }

    @Test func submissionLandsInTheInboxUnderItsReceipt() async throws {
        let intake = try TestIntake()
        let bytes = try Self.sample("muang-chiangmai-r6.xml")
        try await testApplication(intake.engine).test(.router) { client in
            let receipt = try await client.execute(uri: "/api/submissions?name=chiangmai.xml", method: .post,
                                                   body: ByteBuffer(bytes: bytes)) { response in
                #expect(response.status == .accepted)
                let receipt = try Self.receipt(response)
                #expect(Receipt(receipt) != nil)
                #expect(response.text == "{\"receipt\":\"\(receipt)\",\"status\":\"waiting\",\"url\":\"/submissions/\(receipt)\"}\n")
                #expect(response.headers[.location] == "/api/submissions/\(receipt)")
                return receipt
            }
            // Whole, under RECEIPT--NAME, nothing else (no hidden half-file).
            #expect(try intake.inboxEntries() == ["\(receipt)--chiangmai.xml"])
            #expect(try Data(contentsOf: URL(fileURLWithPath: intake.inbox).appendingPathComponent("\(receipt)--chiangmai.xml")) == bytes)

            try await client.execute(uri: "/api/submissions/\(receipt)", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.hasPrefix("{\"receipt\":\"\(receipt)\",\"status\":\"waiting\",\"received_at\":\"20"))
                #expect(response.text.hasSuffix(",\"verdict\":null,\"notice\":null}\n"))
            }
            try await client.execute(uri: "/submissions/\(receipt)", method: .get) { response in
                #expect(response.text.contains("id=\"status-waiting\""))
                #expect(response.text.contains("⏳ รอตรวจ"))
                #expect(response.text.contains("<meta http-equiv=\"refresh\" content=\"5\">"), "reloads itself, no script")
            }

            // The watcher's part: the processor takes it like any dropped file.
            let tally = try intake.processor.runOnce()
            #expect(tally.accepted == 1)

            try await client.execute(uri: "/api/submissions/\(receipt)", method: .get) { response in
                let expected = Repo.checker.check(bytes, file: "chiangmai.xml").jsonLine()
                #expect(response.text.contains("\"status\":\"accepted\""))
                #expect(response.text.hasSuffix(",\"verdict\":\(expected),\"notice\":null}\n"), "the verdict is the CLI's")
            }
            try await client.execute(uri: "/submissions/\(receipt)", method: .get) { response in
                #expect(response.text.contains("id=\"status-accepted\""))
                #expect(!response.text.contains("http-equiv=\"refresh\""), "a settled fate does not reload")
                #expect(response.text.contains("สภ.เมืองเชียงใหม่"))
                #expect(response.text.contains(receipt))
            }

            // The same bytes again: a duplicate, whose verdict carries the original's record.
            let again = try await client.execute(uri: "/api/submissions?name=again.xml", method: .post,
                                                 body: ByteBuffer(bytes: bytes)) { try Self.receipt($0) }
            _ = try intake.processor.runOnce()
            try await client.execute(uri: "/api/submissions/\(again)", method: .get) { response in
                let expected = Repo.checker.check(bytes, file: "again.xml").jsonLine()
                #expect(response.text.contains("\"status\":\"duplicate\""))
                #expect(response.text.hasSuffix(",\"verdict\":\(expected),\"notice\":null}\n"))
            }
            try await client.execute(uri: "/submissions/\(again)", method: .get) { response in
                #expect(response.text.contains("id=\"status-duplicate\""))
                #expect(response.text.contains("ผลที่บันทึก"), "the original's record is shown")
            }
        }
    }

    @Test func rejectedFormShowsTheNotice() async throws {
        let intake = try TestIntake()
        let bytes = try Self.sample("yala-r6.txt")
        try await testApplication(intake.engine).test(.router) { client in
            let first = try await client.execute(uri: "/api/submissions?name=yala.txt", method: .post, body: ByteBuffer(bytes: bytes)) {
                try Self.receipt($0)
            }
            _ = try intake.processor.runOnce()
            try await client.execute(uri: "/api/submissions/\(first)", method: .get) { response in
                #expect(response.text.contains("\"status\":\"rejected\""))
                #expect(response.text.contains("\"verdict\":{\"file\":\"yala.txt\",\"format\":\"text\",\"accepted\":false"))
                #expect(response.text.contains("\"rule\":\"bad-unit\""))
                #expect(response.text.contains("\"notice\":\""))
                #expect(!response.text.contains("\"notice\":null"))
            }
            // The notice on the page is the one filed beside the form in rejected/.
            let rejected = intake.processor.state.rejected
            let noticeName = try #require(try FileManager.default.contentsOfDirectory(atPath: rejected).first { $0.hasSuffix(".notice.txt") })
            let filed = try String(contentsOfFile: (rejected as NSString).appendingPathComponent(noticeName), encoding: .utf8)
            try await client.execute(uri: "/submissions/\(first)", method: .get) { response in
                #expect(response.text.contains("id=\"status-rejected\""))
                #expect(response.text.contains("<pre class=\"notice\">\(Markup.escape(filed))</pre>"))
            }
            // The same bytes again: a duplicate, with the notice of the first copy.
            let second = try await client.execute(uri: "/api/submissions?name=yala.txt", method: .post, body: ByteBuffer(bytes: bytes)) {
                try Self.receipt($0)
            }
            #expect(second != first)
            _ = try intake.processor.runOnce()
            try await client.execute(uri: "/api/submissions/\(second)", method: .get) { response in
                #expect(response.text.contains("\"status\":\"duplicate\""))
            }
            try await client.execute(uri: "/submissions/\(second)", method: .get) { response in
                #expect(response.text.contains("id=\"status-duplicate\""))
            }
        }
    }

    @Test func sendFromTheNewPageRedirectsToItsStatus() async throws {
        let intake = try TestIntake()
        try await testApplication(intake.engine).test(.router) { client in
            var xml = ""
            try await PageTests.post(client, "/new/xml", PageTests.goodFields) { xml = $0.text }
            var location = ""
            try await PageTests.post(client, "/new/send", PageTests.goodFields) { response in
                #expect(response.status == .seeOther)
                location = response.headers[.location] ?? ""
            }
            let receipt = try #require(Receipt(String(location.dropFirst("/submissions/".count))))
            #expect(location == receipt.url)
            let entries = try intake.inboxEntries()
            #expect(entries == ["\(receipt.value)--report.xml"])
            #expect(try String(contentsOfFile: (intake.inbox as NSString).appendingPathComponent(entries[0]), encoding: .utf8) == xml)
            _ = try intake.processor.runOnce()
            try await client.execute(uri: location, method: .get) { response in
                #expect(response.text.contains("id=\"status-accepted\""))
            }
        }
    }

    @Test func statusWhileClaimedIsWaiting() async throws {
        let intake = try TestIntake()
        try await testApplication(intake.engine).test(.router) { client in
            let receipt = try await client.execute(uri: "/api/submissions?name=a.txt", method: .post, body: ByteBuffer(string: "x")) {
                try Self.receipt($0)
            }
            // As the processor leaves it between claim and commit: work/CLAIM--RECEIPT--NAME.
            let name = "\(receipt)--a.txt"
            try FileManager.default.moveItem(atPath: (intake.inbox as NSString).appendingPathComponent(name),
                                             toPath: (intake.processor.state.work as NSString).appendingPathComponent("1700000000000-0000000112345678--\(name)"))
            try await client.execute(uri: "/api/submissions/\(receipt)", method: .get) { response in
                #expect(response.text.contains("\"status\":\"waiting\""))
            }
        }
    }

    @Test func receiptsAreRandom128Bits() {
        var seen = Set<String>()
        for _ in 0..<1000 {
            let receipt = Receipt.make().value
            #expect(receipt.count == 32)
            #expect(Receipt(receipt) != nil)
            seen.insert(receipt)
        }
        #expect(seen.count == 1000)
    }

    @Test func anUnwritableInboxStoresNothingAndSaysSo() async throws {
        let intake = try TestIntake()
        // An inbox folder that is not there (a removed share): the drop fails at its first step.
        let elsewhere = try TemporaryFolder()
        let desk = SubmissionDesk(inbox: elsewhere.url.appendingPathComponent("gone").path,
                                  state: intake.processor.state, ledger: intake.processor.ledger)
        let engine = WebEngine(checker: Repo.checker, desk: desk)
        try await testApplication(engine).test(.router) { client in
            try await client.execute(uri: "/api/submissions", method: .post, body: ByteBuffer(string: "x")) { response in
                BadInputTests.expectJSONError(response, .internalServerError, "cannot-store")
            }
            try await client.execute(uri: "/", method: .get) { #expect($0.status == .ok) }
        }
    }
}
