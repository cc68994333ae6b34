import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Inbox
import Office
import Testing
@testable import Web

/// An engine over a ledger in a temporary folder, with users added at bcrypt cost 4.
final class OfficeFixture: @unchecked Sendable {
    let folder: TemporaryFolder
    let ledger: Ledger
    let users: UserStore
    let engine: WebEngine

    init() throws {
        folder = try TemporaryFolder()
        ledger = try Ledger(path: folder.path + "/ledger.sqlite")
        users = UserStore(ledger: ledger, cost: 4)
        engine = WebEngine(checker: Repo.checker, desk: nil, ledger: ledger)
        try users.add(name: "somchai", role: .bureau, bureau: "ภ.5", password: "right password", by: "cli:test")
    }
}

/// A browser's side of a login: the CSRF token and cookie from `/login`, then the POST.
struct LoginForm {
    static let type: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

    /// Posts the login form; `extra` cookies go beside the CSRF one.
    static func post(_ client: some TestClientProtocol, name: String, password: String, next: String? = nil,
                     headers more: HTTPFields = [:], extraCookie: String? = nil,
                     _ check: @escaping (TestResponse) throws -> Void) async throws {
        let (token, cookie) = try await csrf(client, path: "/login")
        var headers = type
        headers[.cookie] = [cookie, extraCookie].compactMap { $0 }.joined(separator: "; ")
        headers.append(contentsOf: more)
        var fields = [("csrf", token), ("username", name), ("password", password)]
        if let next { fields.append(("next", next)) }
        try await client.execute(uri: "/login", method: .post, headers: headers, body: urlEncoded(fields)) { try check($0) }
    }

    /// The `session=…` pair of a response's Set-Cookie, if one was set.
    static func sessionCookie(_ response: TestResponse) -> String? {
        response.headers[values: .setCookie].first { $0.hasPrefix("session=") }
            .flatMap { $0.split(separator: ";").first.map(String.init) }
    }

    /// Logs in and returns the `session=TOKEN` cookie.
    static func logIn(_ client: some TestClientProtocol, name: String = "somchai", password: String = "right password") async throws -> String {
        var cookie: String?
        try await post(client, name: name, password: password) { cookie = sessionCookie($0) }
        return try #require(cookie)
    }
}

@Suite("office: login, sessions, the door")
struct LoginTests {
    @Test("the login page: a form with username, password, the CSRF token; no script")
    func loginPage() async throws {
        try await testApplication(try OfficeFixture().engine).test(.router) { client in
            try await client.execute(uri: "/login", method: .get) { response in
                #expect(response.status == .ok)
                let page = response.text
                #expect(page.contains("<form class=\"card\" method=\"post\" action=\"/login\">"))
                #expect(page.contains("name=\"username\"") && page.contains("type=\"password\" id=\"password\" name=\"password\""))
                #expect(page.contains("name=\"next\" value=\"/office\""))
                #expect(page.contains("เข้าสู่ระบบ") && page.contains("Log in"))
                #expect(!page.contains("<script"))
                SecurityTests.expectSecurityHeaders(response)
            }
            _ = try await csrf(client, path: "/login")
        }
    }

    @Test("POST /login without the CSRF token: 403, no session")
    func loginNeedsCSRF() async throws {
        try await testApplication(try OfficeFixture().engine).test(.router) { client in
            let body = urlEncoded([("username", "somchai"), ("password", "right password")])
            try await client.execute(uri: "/login", method: .post, headers: LoginForm.type, body: body) { response in
                #expect(response.status == .forbidden)
                #expect(LoginForm.sessionCookie(response) == nil)
            }
            let (_, cookie) = try await csrf(client, path: "/login")
            var headers = LoginForm.type
            headers[.cookie] = cookie
            try await client.execute(uri: "/login", method: .post, headers: headers, body: body) { response in
                #expect(response.status == .forbidden)
                #expect(LoginForm.sessionCookie(response) == nil)
            }
        }
    }

    @Test("a wrong password: 401, the page again with a Thai and English message, no cookie")
    func wrongPassword() async throws {
        try await testApplication(try OfficeFixture().engine).test(.router) { client in
            try await LoginForm.post(client, name: "somchai", password: "wrong password") { response in
                #expect(response.status == .unauthorized)
                #expect(LoginForm.sessionCookie(response) == nil)
                #expect(response.text.contains("ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง") && response.text.contains("The user name or the password is wrong."))
                #expect(response.text.contains("value=\"somchai\""))
                #expect(!response.text.contains("wrong password"), "the password never comes back")
            }
            try await LoginForm.post(client, name: "nobody", password: "right password") { response in
                #expect(response.status == .unauthorized)
                #expect(LoginForm.sessionCookie(response) == nil)
            }
        }
    }

    @Test("the right password: 303 to /office with a session cookie HttpOnly, SameSite=Strict, 8 h; Secure behind HTTPS")
    func rightPassword() async throws {
        let fixture = try OfficeFixture()
        try await testApplication(fixture.engine).test(.router) { client in
            try await LoginForm.post(client, name: "Somchai", password: "right password") { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/office")
                let setCookie = try #require(response.headers[values: .setCookie].first { $0.hasPrefix("session=") })
                #expect(setCookie.contains("; Path=/") && setCookie.contains("; HttpOnly") && setCookie.contains("; SameSite=Strict"))
                #expect(setCookie.contains("; Max-Age=28800"))
                #expect(!setCookie.contains("Secure"))
                let token = try #require(LoginForm.sessionCookie(response)).dropFirst("session=".count)
                #expect(token.count == 32)
            }
            try await LoginForm.post(client, name: "somchai", password: "right password",
                                     headers: [HTTPField.Name("X-Forwarded-Proto")!: "https"]) { response in
                let setCookie = response.headers[values: .setCookie].first { $0.hasPrefix("session=") } ?? ""
                #expect(setCookie.hasSuffix("; Secure; Max-Age=28800") || setCookie.contains("; Secure"))
            }
            let cookie = try await LoginForm.logIn(client)
            try await client.execute(uri: "/office", method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("<strong>somchai</strong>"))
                #expect(response.text.contains("ภ.5"))
                #expect(response.text.contains("action=\"/logout\""))
            }
            try await client.execute(uri: "/login", method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.status == .seeOther && response.headers[.location] == "/office")
            }
        }
        let actions = try AuditLog.entries(fixture.ledger).map(\.action)
        #expect(actions.filter { $0 == "login" }.count == 3)
    }

    @Test("a safe next: back to the office page asked for; never to another site")
    func next() async throws {
        try await testApplication(try OfficeFixture().engine).test(.router) { client in
            try await client.execute(uri: "/office/rejections?bureau=%E0%B8%A0.5", method: .get) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/login?next=/office/rejections%3Fbureau%3D%25E0%25B8%25A0.5")
            }
            try await client.execute(uri: "/login?next=/office/rejections%3Fbureau%3D%25E0%25B8%25A0.5", method: .get) { response in
                #expect(response.text.contains("name=\"next\" value=\"/office/rejections?bureau=%E0%B8%A0.5\""))
            }
            let cases = [("/office/rejections?bureau=%E0%B8%A0.5", "/office/rejections?bureau=%E0%B8%A0.5"),
                         ("https://evil.example/", "/office"), ("//evil.example/", "/office"), ("/\\evil.example", "/office"),
                         ("/office\r\nSet-Cookie: x=1", "/office"), ("javascript:alert(1)", "/office")]
            for (next, location) in cases {
                try await LoginForm.post(client, name: "somchai", password: "right password", next: next) { response in
                    #expect(response.status == .seeOther)
                    #expect(response.headers[.location] == location, "\(next)")
                }
            }
        }
    }

    @Test("nobody logged in: an office page is 303 to /login, the office API 401 JSON")
    func theDoor() async throws {
        try await testApplication(try OfficeFixture().engine).test(.router) { client in
            for path in ["/office", "/office/anything"] {
                try await client.execute(uri: path, method: .get) { response in
                    #expect(response.status == .seeOther)
                    #expect(response.headers[.location] == "/login?next=" + path)
                    SecurityTests.expectSecurityHeaders(response)
                }
            }
            for (path, method) in [("/api/office/anything", HTTPRequest.Method.get), ("/api/office/x/y", .post), ("/api/office", .get)] {
                try await client.execute(uri: path, method: method) { response in
                    BadInputTests.expectJSONError(response, .unauthorized, "login-required")
                }
            }
            let cookie = try await LoginForm.logIn(client)
            try await client.execute(uri: "/api/office/anything", method: .get, headers: [.cookie: cookie]) { response in
                BadInputTests.expectJSONError(response, .notFound, "not-found")
            }
            try await client.execute(uri: "/office/anything", method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test("a forged, malformed or stale session cookie is as none", arguments: [
        "session=" + String(repeating: "0", count: 32), "session=" + String(repeating: "a", count: 31),
        "session=' OR 1=1 --", "session=", "session=\(String(repeating: "f", count: 64))",
    ])
    func forgedCookie(cookie: String) async throws {
        try await testApplication(try OfficeFixture().engine).test(.router) { client in
            _ = try await LoginForm.logIn(client) // a real session exists beside
            try await client.execute(uri: "/office", method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.status == .seeOther && response.headers[.location] == "/login?next=/office")
            }
            try await client.execute(uri: "/api/office/x", method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.status == .unauthorized)
            }
        }
    }

    @Test("logout ends the session: the cookie cleared, the old token no longer opens the office")
    func logout() async throws {
        let fixture = try OfficeFixture()
        try await testApplication(fixture.engine).test(.router) { client in
            let session = try await LoginForm.logIn(client)
            let (token, csrfCookie) = try await csrf(client, path: "/login")
            var headers = LoginForm.type
            headers[.cookie] = "\(csrfCookie); \(session)"
            // Without the CSRF token, another site's form cannot log anyone out.
            try await client.execute(uri: "/logout", method: .post, headers: headers, body: urlEncoded([])) { response in
                #expect(response.status == .forbidden)
            }
            try await client.execute(uri: "/logout", method: .post, headers: headers, body: urlEncoded([("csrf", token)])) { response in
                #expect(response.status == .seeOther && response.headers[.location] == "/login")
                let cleared = response.headers[values: .setCookie].first { $0.hasPrefix("session=") } ?? ""
                #expect(cleared.hasPrefix("session=;") && cleared.contains("Max-Age=0") && cleared.contains("HttpOnly"))
            }
            try await client.execute(uri: "/office", method: .get, headers: [.cookie: session]) { response in
                #expect(response.status == .seeOther)
            }
        }
        #expect(try AuditLog.entries(fixture.ledger).map(\.action).contains("logout"))
    }

    @Test("a removed user's session ends at once")
    func removedUser() async throws {
        let fixture = try OfficeFixture()
        try await testApplication(fixture.engine).test(.router) { client in
            let session = try await LoginForm.logIn(client)
            try await client.execute(uri: "/office", method: .get, headers: [.cookie: session]) { #expect($0.status == .ok) }
            try fixture.users.remove(name: "somchai", by: "cli:test")
            try await client.execute(uri: "/office", method: .get, headers: [.cookie: session]) { #expect($0.status == .seeOther) }
        }
    }

    @Test("five failures lock the name: 429 with the minutes, even with the right password")
    func lockOut() async throws {
        try await testApplication(try OfficeFixture().engine).test(.router) { client in
            for _ in 0..<4 {
                try await LoginForm.post(client, name: "somchai", password: "wrong password") { #expect($0.status == .unauthorized) }
            }
            for password in ["wrong password", "right password"] {
                try await LoginForm.post(client, name: "somchai", password: password) { response in
                    #expect(response.status == .tooManyRequests)
                    #expect(response.headers[.retryAfter] == "900" || response.headers[.retryAfter] == "840")
                    #expect(response.text.contains("๑๕ นาที") || response.text.contains("๑๔ นาที"))
                    #expect(response.text.contains("try again in 15 minutes") || response.text.contains("try again in 14 minutes"))
                    #expect(LoginForm.sessionCookie(response) == nil)
                }
            }
        }
    }

    @Test("logins per address are limited, in the login's own words")
    func perAddressLimit() async throws {
        var settings = WebSettings()
        settings.loginsPerWindow = 2
        try await testApplication(try OfficeFixture().engine, settings: settings).test(.router) { client in
            for name in ["a", "b"] {
                try await LoginForm.post(client, name: name, password: "whatever1") { #expect($0.status == .unauthorized) }
            }
            try await LoginForm.post(client, name: "somchai", password: "right password") { response in
                #expect(response.status == .tooManyRequests)
                #expect(response.headers[.retryAfter] != nil)
                #expect(response.text.contains("Too many logins tried from this address"))
            }
        }
    }

    @Test("SQL and markup in the user name: shown escaped, never run", arguments: [
        "<script>alert(1)</script>", "x' OR '1'='1", "somchai'; DROP TABLE users; --", "\"><img src=x onerror=alert(1)>",
    ])
    func hostileNames(name: String) async throws {
        let fixture = try OfficeFixture()
        try await testApplication(fixture.engine).test(.router) { client in
            try await LoginForm.post(client, name: name, password: "right password") { response in
                #expect(response.status == .unauthorized)
                #expect(LoginForm.sessionCookie(response) == nil)
                #expect(!response.text.contains(name))
                #expect(response.text.contains("value=\"\(Markup.escape(name))\""))
                #expect(!response.text.contains("<script>alert") && !response.text.contains("<img"))
            }
        }
        #expect(try fixture.users.list().map(\.name) == ["somchai"], "the users table is whole")
    }

    @Test("a server without a state: the login page shows, a login is refused 503, the office is closed")
    func noLedger() async throws {
        try await testApplication(try checkOnlyEngine()).test(.router) { client in
            try await client.execute(uri: "/login", method: .get) { #expect($0.status == .ok) }
            try await LoginForm.post(client, name: "somchai", password: "right password") { response in
                #expect(response.status == .serviceUnavailable)
            }
            try await client.execute(uri: "/office", method: .get, headers: [.cookie: "session=" + String(repeating: "a", count: 32)]) {
                #expect($0.status == .seeOther)
            }
        }
    }
}

extension LoginTests {
    @Test("every page's navigation leads to the office (its door is the login)")
    func navigation() async throws {
        try await testApplication(try checkOnlyEngine()).test(.router) { client in
            for path in ["/", "/new", "/login"] {
                try await client.execute(uri: path, method: .get) { #expect($0.text.contains("<a href=\"/office\">สำนักงาน")) }
            }
        }
    }
}

extension LoginTests {
    @Test("a route the office adds later wins over the catch-alls behind the door")
    func officeRoutesWinOverTheCatchAll() async throws {
        let router = buildRouter(engine: try OfficeFixture().engine)
        router.get("/api/office/probe") { _, _ in "probe" }
        router.get("/office/probe/{id}") { _, context in context.parameters.get("id") ?? "" }
        try await Application(router: router).test(.router) { client in
            try await client.execute(uri: "/api/office/probe", method: .get) { #expect($0.text == "probe") }
            try await client.execute(uri: "/office/probe/7", method: .get) { #expect($0.text == "7") }
            try await client.execute(uri: "/api/office/probe/more", method: .get) { #expect($0.status == .unauthorized) }
        }
    }
}
