import Hummingbird

/// Refuses a write (`POST`, `PUT`, `PATCH`, `DELETE`) that a browser says came from another
/// site (`403 cross-origin`). A browser's own word comes first: `Sec-Fetch-Site` other
/// than `same-origin` or `none` is another site (a sibling subdomain too). Without it, an
/// `Origin` must name the request's own host; `Origin: null` (a sandboxed frame, a file://
/// page) is never this site. (Chromium sends `Origin: null` on this site's own form posts,
/// because every page says `Referrer-Policy: no-referrer`; it sends
/// `Sec-Fetch-Site: same-origin` with them.) A program without either header (curl, a
/// script at the office) is let through to the API; the pages' forms are also guarded by
/// CSRF tokens.
struct OriginCheckMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if Self.isWrite(request.method) && !Self.isSameSite(request) {
            throw WebError.crossOrigin
        }
        return try await next(request, context)
    }

    static func isWrite(_ method: HTTPRequest.Method) -> Bool {
        method == .post || method == .put || method == .patch || method == .delete
    }

    static func isSameSite(_ request: Request) -> Bool {
        if let site = request.headers[.secFetchSite]?.lowercased() {
            return site == "same-origin" || site == "none"
        }
        guard let origin = request.headers[.origin] else { return true }
        guard let host = request.head.authority, let scheme = origin.range(of: "://") else { return false }
        return origin[scheme.upperBound...].lowercased() == host.lowercased()
    }
}
