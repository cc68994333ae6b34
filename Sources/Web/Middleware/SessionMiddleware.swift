import HTTPTypes
import Hummingbird
import Office

/// Learns who is logged in: the `session` cookie's token looked up in the ledger's sessions
/// (`UserStore.session`), which sets `context.user` and `context.sessionCSRF`. A cookie that
/// names no live session (forged, expired, its user removed) is as no cookie; so is any
/// cookie when the server runs without a state. Only looks: `RequireUserMiddleware` refuses.
struct SessionMiddleware: RouterMiddleware {
    typealias Context = WebContext
    /// `nil` when the engine has no ledger: nobody is ever logged in.
    let users: UserStore?

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        var context = context
        if let users, let token = request.cookies[SessionCookie.name]?.value,
           let session = try users.session(token: token) {
            context.user = session.user
            context.sessionCSRF = session.csrf
            context.sessionToken = token
        }
        return try await next(request, context)
    }
}

/// The `session` cookie: `HttpOnly` (no script reads it), `SameSite=Strict` (no other site's
/// page sends it), `Path=/`, `Max-Age` the idle limit, and `Secure` when the request came
/// over HTTPS through the proxy (`X-Forwarded-Proto: https`), as the CSRF cookie is.
enum SessionCookie {
    static let name = "session"

    static func set(_ token: String, for request: Request) -> HTTPField {
        HTTPField(name: .setCookie, value: "\(name)=\(token)\(attributes(request)); Max-Age=\(Int(SessionPolicy.idleLimit))")
    }

    /// Tells the browser to forget the cookie.
    static func cleared(for request: Request) -> HTTPField {
        HTTPField(name: .setCookie, value: "\(name)=\(attributes(request)); Max-Age=0")
    }

    private static func attributes(_ request: Request) -> String {
        "; Path=/; HttpOnly; SameSite=Strict" + (request.headers[.xForwardedProto] == "https" ? "; Secure" : "")
    }
}
