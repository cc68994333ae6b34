import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import Web

/// Every bad request of the list gets a clear Thai + English answer, changes
/// nothing (the inbox stays empty), and the server goes on serving.
@Suite("bad input") struct BadInputTests {
    /// `{"error":{"code":CODE,…}}` with both messages, Thai first.
    static func expectJSONError(_ response: TestResponse, _ status: HTTPResponse.Status, _ code: String,
                                sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(response.status == status, sourceLocation: sourceLocation)
        #expect(response.headers[.contentType] == "application/json; charset=utf-8", sourceLocation: sourceLocation)
        #expect(response.text.hasPrefix("{\"error\":{\"code\":\"\(code)\",\"message_th\":\""), sourceLocation: sourceLocation)
        #expect(response.text.contains("\"message_en\":\""), sourceLocation: sourceLocation)
        let thai = response.text.unicodeScalars.contains { (0x0E00...0x0E7F).contains($0.value) }
        #expect(thai, "the Thai message is Thai", sourceLocation: sourceLocation)
    }

    @Test func emptyUploadOnTheCheckPage() async throws {
        try await testApplication(checkOnlyEngine()).test(.router) { client in
            let (token, cookie) = try await csrf(client)
            var body = MultipartBody()
            body.add("csrf", token)
            body.addFile("form", filename: "", [])
            body.add("text", "  \r\n ")
            try await client.execute(uri: "/", method: .post, headers: [.contentType: body.contentType, .cookie: cookie],
                                     body: body.buffer) { response in
                #expect(response.status == .badRequest)
                #expect(response.text.contains("ไม่มีแบบรายงาน: ให้เลือกไฟล์"))
                #expect(response.text.contains("No form was sent: choose a file or paste the form&#39;s text."))
                #expect(response.text.contains("name=\"form\""), "the form is shown again")
            }
        }
    }

    @Test func emptySubmissionStoresNothing() async throws {
        let intake = try TestIntake()
        try await testApplication(intake.engine).test(.router) { client in
            try await client.execute(uri: "/api/submissions?name=x.xml", method: .post, body: ByteBuffer()) { response in
                Self.expectJSONError(response, .badRequest, "empty")
            }
        }
        #expect(try intake.inboxEntries().isEmpty)
    }

    static let badNames = ["../evil.xml", "..", ".", "a/b.xml", "/etc/passwd", "C:\\forms\\x.xml", "x.part", "x.tmp",
                           "a\u{1}b.xml", String(repeating: "ก", count: 41)]

    @Test(arguments: badNames)
    func folderLikeNamesAreRefused(_ name: String) async throws {
        let intake = try TestIntake()
        let query = name.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        try await testApplication(intake.engine).test(.router) { client in
            for path in ["/api/submissions", "/api/validate"] {
                try await client.execute(uri: "\(path)?name=\(query)", method: .post, body: ByteBuffer(string: "x")) { response in
                    Self.expectJSONError(response, .badRequest, "bad-name")
                }
            }
        }
        #expect(try intake.inboxEntries().isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: intake.folder.path).sorted() == ["inbox", "state"])
    }

    @Test func bodyOverOneMiBIsRefused() async throws {
        let intake = try TestIntake()
        try await testApplication(intake.engine).test(.router) { client in
            let tooLarge = ByteBuffer(repeating: UInt8(ascii: "x"), count: WebSettings.bodyLimit + 1)
            for path in ["/api/submissions", "/api/validate"] {
                try await client.execute(uri: path, method: .post, body: tooLarge) { response in
                    Self.expectJSONError(response, .contentTooLarge, "too-large")
                    #expect(response.headers[.connection] == "close")
                }
            }
            // Exactly the limit is a form like any other (the checker judges it).
            let atLimit = ByteBuffer(repeating: UInt8(ascii: "x"), count: WebSettings.bodyLimit)
            try await client.execute(uri: "/api/validate", method: .post, body: atLimit) { response in
                #expect(response.status == .ok)
            }
        }
        #expect(try intake.inboxEntries().isEmpty)
    }

    @Test func tooLargeByContentLengthIsRefusedBeforeReading() async throws {
        try await testApplication(checkOnlyEngine()).test(.router) { client in
            // The declared length alone decides: the one byte sent is never waited for.
            try await client.execute(uri: "/api/validate", method: .post,
                                     headers: [.contentLength: String(50 << 20)], body: nil) { response in
                Self.expectJSONError(response, .contentTooLarge, "too-large")
            }
        }
    }

    @Test(arguments: [
        "multipart/form-data; boundary=XyZ",       // the boundary never appears
        "multipart/form-data",                      // no boundary
        "multipart/form-data; boundary=other",
    ])
    func malformedMultipart(_ contentType: String) async throws {
        try await testApplication(checkOnlyEngine()).test(.router) { client in
            let (_, cookie) = try await csrf(client)
            try await client.execute(uri: "/", method: .post, headers: [.contentType: contentType, .cookie: cookie],
                                     body: ByteBuffer(string: "--XyZ\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\nunfinished")) { response in
                #expect(response.status == .badRequest)
                #expect(response.text.contains("multipart/form-data ที่ถูกต้อง"))
                #expect(response.text.contains("is not valid multipart/form-data"))
                #expect(response.text.contains("malformed-multipart"))
            }
            try await client.execute(uri: "/", method: .get) { #expect($0.status == .ok) }
        }
    }

    @Test func aTypeNoPageSendsIsRefused() async throws {
        try await testApplication(checkOnlyEngine()).test(.router) { client in
            let (_, cookie) = try await csrf(client)
            try await client.execute(uri: "/", method: .post, headers: [.contentType: "application/json", .cookie: cookie],
                                     body: ByteBuffer(string: "{}")) { response in
                #expect(response.status == .unsupportedMediaType)
                #expect(response.text.contains("unsupported-media-type"))
            }
        }
    }

    @Test(arguments: ["abc", "0123456789ABCDEF0123456789ABCDEF", "0123456789abcdef0123456789abcdef0",
                      "0123456789abcdef0123456789abcdeg", "%2e%2e%2fetc"])
    func receiptOfTheWrongShape(_ receipt: String) async throws {
        let intake = try TestIntake()
        try await testApplication(intake.engine).test(.router) { client in
            try await client.execute(uri: "/api/submissions/\(receipt)", method: .get) { response in
                Self.expectJSONError(response, .badRequest, "bad-receipt")
            }
            try await client.execute(uri: "/submissions/\(receipt)", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                #expect(response.text.contains("ผิดรูปแบบ"))
                #expect(response.text.contains("has the wrong shape"))
            }
        }
    }

    @Test func unknownReceipt() async throws {
        let intake = try TestIntake()
        try await testApplication(intake.engine).test(.router) { client in
            try await client.execute(uri: "/api/submissions/\(Receipt.make().value)", method: .get) { response in
                Self.expectJSONError(response, .notFound, "unknown-receipt")
            }
            try await client.execute(uri: "/submissions/\(Receipt.make().value)", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.text.contains("ไม่พบแบบรายงานที่มีเลขรับนี้"))
            }
        }
    }

    @Test(arguments: [
        ("/api/validate", HTTPRequest.Method.get, "POST"),
        ("/api/validate", .delete, "POST"),
        ("/api/submissions", .put, "POST"),
        ("/api/submissions/0123456789abcdef0123456789abcdef", .post, "GET, HEAD"),
        ("/", .put, "GET, POST, HEAD"),
        ("/new", .delete, "GET, POST, HEAD"),
        ("/new/send", .get, "POST"),
        ("/submissions/0123456789abcdef0123456789abcdef", .patch, "GET, HEAD"),
        ("/static/style.css", .post, "GET, HEAD"),
    ])
    func methodThatDoesNotExist(_ path: String, _ method: HTTPRequest.Method, _ allow: String) async throws {
        let intake = try TestIntake()
        try await testApplication(intake.engine).test(.router) { client in
            try await client.execute(uri: path, method: method, body: ByteBuffer(string: "x")) { response in
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers[.allow] == allow)
                if path.hasPrefix("/api/") {
                    Self.expectJSONError(response, .methodNotAllowed, "method-not-allowed")
                } else {
                    #expect(response.text.contains("หน้านี้ไม่รับคำขอแบบ \(method.rawValue)"))
                }
            }
        }
        #expect(try intake.inboxEntries().isEmpty)
    }

    @Test func unknownPath() async throws {
        try await testApplication(checkOnlyEngine()).test(.router) { client in
            try await client.execute(uri: "/api/nothing", method: .get) { Self.expectJSONError($0, .notFound, "not-found") }
            try await client.execute(uri: "/nothing", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.text.contains("ไม่พบหน้านี้"))
                #expect(response.text.contains("<html lang=\"th\">"))
            }
        }
    }

    @Test func submissionsWithoutAnInboxAreRefused() async throws {
        try await testApplication(checkOnlyEngine()).test(.router) { client in
            try await client.execute(uri: "/api/submissions", method: .post, body: ByteBuffer(string: "x")) { response in
                Self.expectJSONError(response, .serviceUnavailable, "no-inbox")
            }
        }
    }
}
