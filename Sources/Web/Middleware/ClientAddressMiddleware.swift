import Hummingbird

/// Sets `context.clientAddress`, the address per-address limits count: the peer, or — only
/// when the peer is one of the proxies given to `serve` — the address that proxy appended
/// last to `X-Forwarded-For` (the earlier ones are the client's to write, so never trusted).
struct ClientAddressMiddleware: RouterMiddleware {
    typealias Context = WebContext
    let trustedProxies: Set<String>

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        var context = context
        if let peer = context.peerAddress, trustedProxies.contains(peer),
           let forwarded = request.headers[values: .xForwardedFor].last?
               .split(separator: ",").last?.trimmedOfBlanks, !forwarded.isEmpty {
            context.clientAddress = forwarded
        }
        return try await next(request, context)
    }
}
