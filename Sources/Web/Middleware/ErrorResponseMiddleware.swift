import HTTPTypes
import Hummingbird
import Logging

/// Turns every error into an answer a clerk or a program can read: under `/api/` the JSON
/// of WEB.md (`{"error":{"code","message_th","message_en"}}`), elsewhere a page with the
/// Thai sentence first and the English one beside. Hummingbird's own errors (404 for an
/// unknown path) are mapped to the catalogue's `WebError`s.
struct ErrorResponseMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as WebError {
            return Self.response(for: error, request: request)
        } catch let error as HTTPError {
            return Self.response(for: Self.webError(error, request: request), request: request)
        } catch {
            context.logger.error("request failed: \(error)", metadata: ["path": "\(request.uri.path)"])
            return Self.response(for: .internalError, request: request)
        }
    }

    static func webError(_ error: HTTPError, request: Request) -> WebError {
        switch error.status {
        case .notFound: return .notFound
        case .contentTooLarge: return .tooLarge(limit: WebSettings.bodyLimit)
        case .requestTimeout: return .slowBody
        default:
            return WebError(error.status, code: "http-\(error.status.code)",
                            th: "คำขอนี้ทำไม่ได้ (\(error.status.code))",
                            en: "The request cannot be done (\(error.status.code) \(error.status.reasonPhrase)).")
        }
    }

    /// The answer for `error`: JSON for the API, a page for the rest.
    static func response(for error: WebError, request: Request) -> Response {
        var headers: HTTPFields = [:]
        if let retryAfter = error.retryAfter { headers[.retryAfter] = String(retryAfter) }
        if !error.allow.isEmpty { headers[.allow] = error.allow.map(\.rawValue).joined(separator: ", ") }
        if error.status == .contentTooLarge || error.status == .requestTimeout {
            // The rest of the body is not wanted: the connection is not kept for another request.
            headers[.connection] = "close"
        }
        if request.uri.path.hasPrefix("/api/") {
            headers[.contentType] = "application/json; charset=utf-8"
            return Response(status: error.status, headers: headers,
                            body: ResponseBody(byteBuffer: ByteBuffer(string: WebJSON.error(error) + "\n")))
        }
        headers[.contentType] = "text/html; charset=utf-8"
        return Response(status: error.status, headers: headers,
                        body: ResponseBody(byteBuffer: ByteBuffer(string: ErrorPage(error: error).render())))
    }
}
