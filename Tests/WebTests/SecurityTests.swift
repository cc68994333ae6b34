import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import Web

/// WEB.md's security promises, each tested: the headers on every answer, CSRF tokens on
/// the pages' forms, writes from another site refused, form text never markup, the limits.
@Suite("security") struct SecurityTests {
    static func expectSecurityHeaders(_ response: TestResponse, sourceLocation: SourceLocation = #_sourceLocation) {
        let policy = response.headers[.contentSecurityPolicy] ?? ""
        for directive in ["default-src 'self'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'",
                          "form-action 'self'", "base-uri 'none'"] {
            #expect(policy.contains(directive), "CSP has \(directive)", sourceLocation: sourceLocation)
        }
        #expect(!policy.contains("unsafe-inline"), sourceLocation: sourceLocation)
        #expect(response.headers[.xContentTypeOptions] == "nosniff", sourceLocation: sourceLocation)
        #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "no-referrer", sourceLocation: sourceLocation)
    }

    @Test func everyAnswerCarriesTheHeaders() async throws {
        let intake = try TestIntake()
        try await testApplication(intake.engine).test(.router) { client in
            let requests: [(String, HTTPRequest.Method, HTTPFields, ByteBuffer?)] = [
                ("/", .get, [:], nil), ("/new", .get, [:], nil), (Stylesheet.path, .get, [:], nil),
                (Stylesheet.iconPath, .get, [:], nil),
                ("/api/validate", .post, [:], ByteBuffer(string: "x")),
                ("/api/validate", .post, [.origin: "http://evil.example"], ByteBuffer(string: "x")),
                ("/api/validate", .post, [:], ByteBuffer(repeating: 0x41, count: WebSettings.bodyLimit + 1)),
                ("/api/validate", .get, [:], nil), ("/nowhere", .get, [:], nil), ("/api/nowhere", .get, [:], nil),
                ("/api/submissions/bad", .get, [:], nil), ("/submissions/\(Receipt.make().value)", .get, [:], nil),
                ("/", .post, [.contentType: "application/x-www-form-urlencoded"], ByteBuffer(string: "text=x")),
                ("/", .head, [:], nil),
            ]
            for (path, method, headers, body) in requests {
                try await client.execute(uri: path, method: method, headers: headers, body: body) { response in
                    Self.expectSecurityHeaders(response)
                }
            }
        }
    }

    @Test func pagesNeedNothingFromAnotherOriginAndNoScript() async throws {
        try await testApplication(checkOnlyEngine()).test(.router) { client in
            for path in ["/", "/new"] {
                try await client.execute(uri: path, method: .get) { response in
                    #expect(response.text.hasPrefix("<!DOCTYPE html><html lang=\"th\">"))
                    #expect(!response.text.contains("<script"))
                    #expect(!response.text.contains("style="))
                    #expect(!response.text.contains("<style"))
                    #expect(!response.text.contains("http://") && !response.text.contains("https://"))
                }
            }
            try await client.execute(uri: Stylesheet.path, method: .get) { response in
                #expect(response.headers[.contentType] == "text/css; charset=utf-8")
                #expect(response.text.contains("\"Loma\", \"Garuda\", \"Tlwg Typo\", \"Noto Sans Thai\", \"Leelawadee UI\", \"Tahoma\", sans-serif"))
                #expect(response.text.contains("@media print"))
                #expect(response.text.contains("@media (max-width"))
                #expect(!response.text.contains("url("), "no font or image fetched from anywhere")
            }
        }
    }

    @Test func csrfTokenIsRequiredOnPageForms() async throws {
        try await testApplication(checkOnlyEngine()).test(.router) { client in
            let form = urlEncoded([("text", "ตัวชี้วัด : กต.ตร. พบประชาชน")])
            let type: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
            // No cookie, no token.
            try await client.execute(uri: "/", method: .post, headers: type, body: form) { response in
                #expect(response.status == .forbidden)
                #expect(response.text.contains("csrf"))
            }
            let (token, cookie) = try await csrf(client)
            var headers = type
            headers[.cookie] = cookie
            // A cookie, but the form carries no token, or another one.
            try await client.execute(uri: "/", method: .post, headers: headers, body: form) { #expect($0.status == .forbidden) }
            let other = urlEncoded([("csrf", Receipt.make().value), ("text", "x")])
            try await client.execute(uri: "/", method: .post, headers: headers, body: other) { #expect($0.status == .forbidden) }
            // The token without its cookie.
            let right = urlEncoded([("csrf", token), ("text", "x")])
            try await client.execute(uri: "/", method: .post, headers: type, body: right) { #expect($0.status == .forbidden) }
            // Both: taken.
            try await client.execute(uri: "/", method: .post, headers: headers, body: right) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.setCookie] == nil, "a known token is kept")
            }
            for path in ["/new", "/new/xml", "/new/send"] {
                try await client.execute(uri: path, method: .post, headers: type, body: urlEncoded([("station", "x")])) {
                    #expect($0.status == .forbidden)
                }
            }
        }
    }

    @Test func csrfCookieIsStrict() async throws {
        try await testApplication(checkOnlyEngine()).test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                let cookie = response.headers[.setCookie] ?? ""
                #expect(cookie.contains("SameSite=Strict"))
                #expect(cookie.contains("HttpOnly"))
                #expect(cookie.contains("Path=/"))
            }
        }
    }

    @Test(arguments: [
        ([HTTPField.Name.origin: "http://evil.example"], false),
        ([.origin: "null"], false),
        ([HTTPField.Name("Sec-Fetch-Site")!: "cross-site"], false),
        ([HTTPField.Name("Sec-Fetch-Site")!: "same-site"], false),
        ([.origin: "http://localhost:8080", HTTPField.Name("Sec-Fetch-Site")!: "cross-site"], false),
        ([:], true),
        ([HTTPField.Name("Sec-Fetch-Site")!: "same-origin", .origin: "null"], true),
        ([HTTPField.Name("Sec-Fetch-Site")!: "none"], true),
    ] as [([HTTPField.Name: String], Bool)])
    func writesFromAnotherSiteAreRefused(_ fields: [HTTPField.Name: String], _ allowed: Bool) async throws {
        let intake = try TestIntake()
        let headers = HTTPFields(fields.map { HTTPField(name: $0.key, value: $0.value) })
        try await testApplication(intake.engine).test(.router) { client in
            try await client.execute(uri: "/api/submissions?name=a.txt", method: .post, headers: headers,
                                     body: ByteBuffer(string: "x")) { response in
                if allowed {
                    #expect(response.status == .accepted)
                } else {
                    BadInputTests.expectJSONError(response, .forbidden, "cross-origin")
                }
            }
        }
        #expect(try intake.inboxEntries().count == (allowed ? 1 : 0))
    }

    @Test func sameOriginIsAllowed() async throws {
        // The live server: the request's Host and the browser's Origin agree.
        try await testApplication(checkOnlyEngine()).test(.live) { client in
            let port = try #require(client.port)
            let headers: HTTPFields = [.origin: "http://localhost"]
            try await client.execute(uri: "/api/validate", method: .post, headers: headers, body: ByteBuffer(string: "x")) {
                #expect($0.status == .ok)
            }
            try await client.execute(uri: "/api/validate", method: .post, headers: [.origin: "http://localhost.evil.example"],
                                     body: ByteBuffer(string: "x")) {
                #expect($0.status == .forbidden)
            }
            #expect(port > 0)
        }
    }

    @Test func formTextNeverBecomesMarkup() async throws {
        let hostile = "<script>alert(\"x\")</script><img src=x onerror=alert(1)>"
        let form = """
            ตัวชี้วัด : กต.ตร. พบประชาชน
            ปีงบประมาณ : ๒๕๖๔
            รอบการรายงาน : ๖
            หน่วยปฏิบัติ : สภ.\(hostile)
            สังกัด : ภ.๕
            วันที่รายงาน : ๒๐ เม.ย. ๒๕๖๔
            \(hostile) : \(hostile)
            """
        try await testApplication(checkOnlyEngine()).test(.router) { client in
            let (token, cookie) = try await csrf(client)
            var body = MultipartBody()
            body.add("csrf", token)
            body.addFile("form", filename: "\(hostile).txt", Array(form.utf8))
            try await client.execute(uri: "/", method: .post, headers: [.contentType: body.contentType, .cookie: cookie],
                                     body: body.buffer) { response in
                #expect(response.status == .ok)
                #expect(!response.text.contains("<script"))
                #expect(!response.text.contains("<img"))
                #expect(response.text.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"))
            }
        }
    }

    @Test func rateLimitPerAddressOnSubmissions() async throws {
        let intake = try TestIntake()
        var settings = WebSettings()
        settings.submissionsPerWindow = 2
        settings.submissionWindow = 60
        try await testApplication(intake.engine, settings: settings).test(.router) { client in
            for index in 0..<2 {
                try await client.execute(uri: "/api/submissions?name=f\(index).txt", method: .post, body: ByteBuffer(string: "x\(index)")) {
                    #expect($0.status == .accepted)
                }
            }
            try await client.execute(uri: "/api/submissions?name=f2.txt", method: .post, body: ByteBuffer(string: "x2")) { response in
                BadInputTests.expectJSONError(response, .tooManyRequests, "rate-limited")
                let wait = Int(response.headers[.retryAfter] ?? "") ?? 0
                #expect((1...60).contains(wait))
            }
            // The page's send button counts against the same limit.
            let (token, cookie) = try await csrf(client, path: "/new")
            try await client.execute(uri: "/new/send", method: .post,
                                     headers: [.contentType: "application/x-www-form-urlencoded", .cookie: cookie],
                                     body: urlEncoded([("csrf", token), ("station", "สภ.เมืองเชียงใหม่")])) { response in
                #expect(response.status == .tooManyRequests)
                #expect(response.headers[.retryAfter] != nil)
            }
            // Checks are not limited per address.
            for _ in 0..<5 {
                try await client.execute(uri: "/api/validate", method: .post, body: ByteBuffer(string: "x")) { #expect($0.status == .ok) }
            }
        }
        #expect(try intake.inboxEntries().count == 2)
    }

    @Test func rateLimiterWindowSlides() {
        let limiter = RateLimiter(limit: 2, window: 0.2)
        #expect(limiter.admit("a") == nil)
        #expect(limiter.admit("a") == nil)
        #expect(limiter.admit("a") == 1)
        #expect(limiter.admit("b") == nil, "each address has its own count")
        let deadline = Date().addingTimeInterval(5)
        while limiter.admit("a") != nil && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        #expect(Date() < deadline, "admitted again once the window passed")
    }

    @Test func forwardedForIsTrustedOnlyFromAProxy() async throws {
        // Without a trusted proxy, X-Forwarded-For cannot dodge the limit.
        let intake = try TestIntake()
        var settings = WebSettings()
        settings.submissionsPerWindow = 1
        try await testApplication(intake.engine, settings: settings).test(.router) { client in
            try await client.execute(uri: "/api/submissions", method: .post, headers: [HTTPField.Name("X-Forwarded-For")!: "10.0.0.1"],
                                     body: ByteBuffer(string: "a")) { #expect($0.status == .accepted) }
            try await client.execute(uri: "/api/submissions", method: .post, headers: [HTTPField.Name("X-Forwarded-For")!: "10.0.0.2"],
                                     body: ByteBuffer(string: "b")) { #expect($0.status == .tooManyRequests) }
        }
    }

    @Test func inFlightCapAnswers503() async throws {
        let limiter = InFlightLimiter(capacity: 2)
        #expect(limiter.enter())
        #expect(limiter.enter())
        #expect(!limiter.enter())
        #expect(limiter.current == 2)
        limiter.leave()
        #expect(limiter.enter())

        // Through the middleware: a request held inside the route keeps the only slot.
        let gate = Gate()
        let router = Router(context: WebContext.self)
        router.add(middleware: ErrorResponseMiddleware<WebContext>())
        router.add(middleware: InFlightLimitMiddleware<WebContext>(limiter: InFlightLimiter(capacity: 1)))
        router.post("/api/validate") { _, _ -> Response in
            await gate.arrive()
            await gate.waitForRelease()
            return Response(status: .ok)
        }
        try await Application(router: router).test(.router) { client in
            async let held = client.execute(uri: "/api/validate", method: .post, body: ByteBuffer(string: "x")) { $0.status }
            await gate.waitForArrival()
            try await client.execute(uri: "/api/validate", method: .post, body: ByteBuffer(string: "y")) { response in
                BadInputTests.expectJSONError(response, .serviceUnavailable, "busy")
                #expect(response.headers[.retryAfter] == "1")
            }
            await gate.release()
            #expect(try await held == .ok)
        }
    }
}

/// Lets a test hold a request inside a route until it says so.
actor Gate {
    private var arrived = false
    private var released = false
    private var arrivalWaiters: [CheckedContinuation<Void, Never>] = []
    private var releaseWaiters: [CheckedContinuation<Void, Never>] = []

    func arrive() {
        arrived = true
        arrivalWaiters.forEach { $0.resume() }
        arrivalWaiters = []
    }

    func waitForArrival() async {
        if arrived { return }
        await withCheckedContinuation { arrivalWaiters.append($0) }
    }

    func release() {
        released = true
        releaseWaiters.forEach { $0.resume() }
        releaseWaiters = []
    }

    func waitForRelease() async {
        if released { return }
        await withCheckedContinuation { releaseWaiters.append($0) }
    }
}
