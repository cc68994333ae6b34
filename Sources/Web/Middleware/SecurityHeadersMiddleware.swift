import Hummingbird

/// The headers every response carries, errors and 404s included (WEB.md, security): a
/// policy that allows nothing from another origin and no inline script or style, no MIME
/// sniffing, no referrer. The outermost middleware, so no route can answer without them.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    static var contentSecurityPolicy: String {
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'"
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch {
            // ErrorResponseMiddleware answers every error inside; this is the last guard.
            response = ErrorResponseMiddleware<Context>.response(for: .internalError, request: request)
        }
        response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.referrerPolicy] = "no-referrer"
        response.headers[.xFrameOptions] = "DENY"
        return response
    }
}
