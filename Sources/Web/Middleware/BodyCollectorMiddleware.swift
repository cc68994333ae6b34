import Hummingbird
import NIOCore

/// Reads the body of every request that has one into `context.body`, within the limits:
///
/// * a `Content-Length` over the limit is refused (`413 too-large`) before one byte of the
///   body is read; a body without a length (chunked) is counted as it streams and refused
///   as soon as it passes the limit — never read whole;
/// * a body still arriving after `deadline` seconds is refused (`408 too-slow`); one that
///   stops altogether is cut by the server's idle timeout (`WebSettings.idleTimeout`).
///
/// Routes read `context.body` and never the request's stream, so none can forget a limit.
struct BodyCollectorMiddleware: RouterMiddleware {
    typealias Context = WebContext
    let limit: Int
    let deadline: Duration

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        guard request.method == .post || request.method == .put || request.method == .patch else {
            return try await next(request, context)
        }
        var context = context
        context.body = try await collect(request)
        return try await next(request, context)
    }

    func collect(_ request: Request) async throws -> ByteBuffer {
        if let length = request.headers[.contentLength] {
            guard let declared = Int(length), declared >= 0 else { throw WebError.malformedForm }
            if declared > limit { throw WebError.tooLarge(limit: limit) }
        }
        let clock = ContinuousClock()
        let start = clock.now
        var collected = ByteBuffer()
        for try await chunk in request.body {
            if collected.readableBytes + chunk.readableBytes > limit { throw WebError.tooLarge(limit: limit) }
            var chunk = chunk
            collected.writeBuffer(&chunk)
            if clock.now - start > deadline { throw WebError.slowBody }
        }
        return collected
    }
}
