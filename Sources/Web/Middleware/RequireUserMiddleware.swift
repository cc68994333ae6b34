import Hummingbird

/// The door of the office's pages and API: with nobody logged in (`SessionMiddleware` found
/// no session), a page answers `303` to `/login?next=PATH`, so the login returns to it, and
/// the API answers `401 login-required` as JSON. Put on the groups, so no office route can
/// forget it.
struct RequireUserMiddleware: RouterMiddleware {
    typealias Context = WebContext

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        guard context.user == nil else { return try await next(request, context) }
        if request.uri.path.hasPrefix("/api/") { throw WebError.loginRequired }
        let query = request.uri.query.map { "?" + $0 } ?? ""
        return .seeOther("/login?next=" + LoginPath.queryEncoded(request.uri.path + query))
    }
}

/// Where a login goes afterwards: a path of this site only, so that a link to
/// `/login?next=https://evil.example` cannot send a user elsewhere once logged in.
enum LoginPath {
    static let office = "/office"

    /// `next` if it is a local path (`/…`, not `//…` or `/\…`, printable ASCII with no
    /// backslash, at most 2000 bytes), else `/office`.
    static func safe(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), next.utf8.count <= 2000,
              next.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F && $0 != "\\" }) else {
            return office
        }
        return next
    }

    /// Percent-encodes all but unreserved characters and `/`, for a query value.
    static func queryEncoded(_ text: String) -> String {
        var output = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                 UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                output.append(Character(Unicode.Scalar(byte)))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                output += "%" + (byte < 16 ? "0" : "") + hex
            }
        }
        return output
    }
}
