import Dispatch
import Hummingbird
import Office

/// The office's door: `GET /login` (the form), `POST /login` (checks the name and password,
/// starts a session, sets the `session` cookie, `303` to `next` or `/office`), `POST
/// /logout` (ends the session, clears the cookie, `303` to `/login`). The forms carry the
/// CSRF token; logins are limited per address (`RateLimitMiddleware`) and per name (the
/// lock-out of `UserStore.login`).
struct LoginController {
    /// `nil` when the engine has no ledger: the page shows, a login is refused `503`.
    let users: UserStore?

    func addRoutes(pages: RouterGroup<WebContext>, logins: RouterGroup<WebContext>, table: RouteTable) {
        table.add(pages, "/login", .get) { request, context in
            let next = LoginPath.safe(request.uri.queryParameters["next"].map(String.init))
            if context.user != nil { return .seeOther(next) }
            return .html(LoginPage(csrfToken: context.csrfToken, next: next).render())
        }
        table.add(logins, "/login", .post) { request, context in try await login(request, context) }
        table.add(pages, "/logout", .post) { request, context in
            if let users, let token = context.sessionToken { try users.endSession(token: token) }
            var response = Response.seeOther("/login")
            response.headers.append(SessionCookie.cleared(for: request))
            return response
        }
    }

    func login(_ request: Request, _ context: WebContext) async throws -> Response {
        guard let users else { throw WebError.officeClosed }
        let form = context.form ?? PostedForm()
        let name = form["username"] ?? "", password = form["password"] ?? ""
        let next = LoginPath.safe(form["next"])
        let address = context.clientAddress
        // bcrypt takes a quarter of a second: not on the server's event loops.
        let result = try await Self.offloaded { try users.login(name: name, password: password, address: address) }
        switch result {
        case .success(let user):
            if let old = context.sessionToken { try users.endSession(token: old) }
            let session = try users.startSession(for: user)
            var response = Response.seeOther(next)
            response.headers.append(SessionCookie.set(session.token, for: request))
            return response
        case .failed:
            return .html(LoginPage(csrfToken: context.csrfToken, next: next, name: name, problem: .badLogin).render(),
                         status: .unauthorized)
        case .locked(let minutes):
            let problem = WebError.locked(minutes: minutes)
            var response = Response.html(LoginPage(csrfToken: context.csrfToken, next: next, name: name, problem: problem).render(),
                                         status: .tooManyRequests)
            response.headers[.retryAfter] = String(minutes * 60)
            return response
        }
    }

    /// Runs `work` on a global dispatch queue and waits for it without blocking a thread of
    /// the server's.
    static func offloaded<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try work() }) }
        }
    }
}
