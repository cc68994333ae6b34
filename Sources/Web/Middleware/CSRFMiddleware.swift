import HTTPTypes
import Hummingbird

/// CSRF protection for the pages' forms, by double submission: every page a browser gets
/// sets a random token in a `SameSite=Strict`, `HttpOnly` cookie and puts the same token in
/// a hidden `csrf` field of its forms. A form POST is taken only when the field and the
/// cookie agree (`403 csrf` otherwise): another site can make a browser post, but it can
/// neither read the cookie nor send it (SameSite). The body is parsed here into
/// `context.form`, so a page route cannot take a form without the check.
struct CSRFMiddleware: RouterMiddleware {
    typealias Context = WebContext
    static let cookieName = "csrf"
    static let fieldName = "csrf"

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        var context = context
        let cookie = request.cookies[Self.cookieName]?.value.filter(\.isHexDigit)
        let known = cookie.flatMap { $0.count == 32 ? $0 : nil }
        if request.method == .post {
            let form = try PostedForm.parse(context.body ?? ByteBuffer(), contentType: request.headers[.contentType])
            guard let known, let sent = form[Self.fieldName], RandomToken.equal(sent, known) else {
                throw WebError.csrf
            }
            context.form = form
        }
        context.csrfToken = known ?? RandomToken.hex128()
        var response = try await next(request, context)
        if known == nil {
            let secure = request.headers[.xForwardedProto] == "https" ? "; Secure" : ""
            response.headers.append(HTTPField(name: .setCookie,
                value: "\(Self.cookieName)=\(context.csrfToken); Path=/; HttpOnly; SameSite=Strict\(secure)"))
        }
        return response
    }
}
