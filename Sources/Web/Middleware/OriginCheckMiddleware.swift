import Hummingbird

/// Refuses a write (`POST`, `PUT`, `PATCH`, `DELETE`) that a browser says came from another
/// site (`403 cross-origin`): its `Origin` names another host than the request's `Host`, or
/// its `Sec-Fetch-Site` is `cross-site`. A program without `Origin` (curl, a script at the
/// office) is let through to the API; the pages' forms are guarded by CSRF tokens as well.
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
        if let site = request.headers[.secFetchSite]?.lowercased(), site == "cross-site" { return false }
        guard let origin = request.headers[.origin] else { return true }
        // `Origin: null` (a sandboxed frame, a file:// page) is never this site.
        guard let host = request.head.authority,
              let scheme = origin.range(of: "://") else { return false }
        let originHost = origin[scheme.upperBound...]
        return originHost.lowercased() == host.lowercased()
    }
}
