import Foundation
import Hummingbird

/// The JSON API of WEB.md: `POST /api/validate`, `POST /api/submissions`,
/// `GET /api/submissions/R`. Bodies are the form's bytes as the file holds them.
struct APIController {
    let engine: WebEngine

    func addRoutes(checks: RouterGroup<WebContext>, sends: RouterGroup<WebContext>,
                   reads: RouterGroup<WebContext>, table: RouteTable) {
        // The verdict JSON the CLI prints, from the same code (`Verdict.jsonLine()`). An
        // empty body is checked like an empty file (an `unreadable` finding), as the CLI does.
        table.add(checks, "/api/validate", .post) { request, context in
            let name = try SubmissionName.clean(request.uri.queryParameters["name"].map(String.init))
            let bytes = context.body.map { Array($0.readableBytesView) } ?? []
            return .json(engine.check(bytes, name: name).jsonLine())
        }
        table.add(sends, "/api/submissions", .post) { request, context in
            guard let desk = engine.desk else { throw WebError.submissionsClosed }
            let name = try SubmissionName.clean(request.uri.queryParameters["name"].map(String.init))
            let bytes = context.body.map { Array($0.readableBytesView) } ?? []
            let receipt = try desk.submit(bytes, name: name)
            var response = Response.json(WebJSON.object([
                ("receipt", .string(receipt.value)), ("status", .string("waiting")), ("url", .string(receipt.url)),
            ]), status: .accepted)
            response.headers[.location] = "/api/submissions/\(receipt.value)"
            return response
        }
        table.add(reads, "/api/submissions/{receipt}", .get) { _, context in
            let status = try engine.lookUp(context.parameters.get("receipt") ?? "")
            return .json(Self.json(status))
        }
    }

    /// `{"receipt","status","received_at","verdict","notice"}`.
    static func json(_ status: SubmissionStatus) -> String {
        WebJSON.object([
            ("receipt", .string(status.receipt.value)),
            ("status", .string(status.state.rawValue)),
            ("received_at", .string(SubmissionPage.iso(status.receivedAt))),
            ("verdict", status.verdict.map { .raw($0.jsonLine()) } ?? .null),
            ("notice", status.notice.map { .string($0) } ?? .null),
        ])
    }
}
