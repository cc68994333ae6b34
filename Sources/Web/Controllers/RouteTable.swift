import Hummingbird

/// Registers routes and remembers each path's methods, so that a method a path does not
/// have is answered `405` with `Allow` (Hummingbird alone answers 404), through the same
/// middleware as every other answer.
final class RouteTable {
    typealias Handler = @Sendable (Request, WebContext) async throws -> Response
    private var methods: [(path: String, methods: [HTTPRequest.Method])] = []

    func add(_ group: RouterGroup<WebContext>, _ path: String, _ method: HTTPRequest.Method, _ handler: @escaping Handler) {
        group.on(RouterPath(path), method: method, use: handler)
        if let index = methods.firstIndex(where: { $0.path == path }) {
            methods[index].methods.append(method)
        } else {
            methods.append((path, [method]))
        }
    }

    /// The 405 answers for every other method of every path; call after the routes.
    func addMethodNotAllowed(to router: Router<WebContext>) {
        let all: [HTTPRequest.Method] = [.get, .head, .post, .put, .patch, .delete, .options]
        for (path, registered) in methods {
            let allowed = registered.contains(.get) ? registered + [.head] : registered
            for method in all where !allowed.contains(method) {
                router.on(RouterPath(path), method: method) { request, _ -> Response in
                    throw WebError.methodNotAllowed(request.method, allow: allowed)
                }
            }
        }
    }
}

extension Response {
    /// A page, UTF-8.
    static func html(_ html: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                 body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }

    /// JSON text, UTF-8, one object and a newline (as the CLI prints it).
    static func json(_ json: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
                 body: ResponseBody(byteBuffer: ByteBuffer(string: json + "\n")))
    }

    /// `303 See Other` to `location`.
    static func seeOther(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location, .contentLength: "0"])
    }
}
