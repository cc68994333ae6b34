import Hummingbird

/// Sending a form and following it: `POST /new/send` (from `/new`; rate-limited, CSRF
/// checked) stores the built XML and redirects to `/submissions/RECEIPT`, the page that
/// tells the form's fate.
struct SubmissionController {
    let engine: WebEngine

    func addRoutes(pages: RouterGroup<WebContext>, sends: RouterGroup<WebContext>, table: RouteTable) {
        table.add(sends, "/new/send", .post) { _, context in
            guard let desk = engine.desk else { throw WebError.submissionsClosed }
            let draft = FormDraft(context.form ?? PostedForm(), ruleBook: engine.ruleBook)
            let receipt = try desk.submit(Array(draft.xml().text.utf8), name: FormDraft.fileName)
            return .seeOther(receipt.url)
        }
        table.add(pages, "/submissions/{receipt}", .get) { _, context in
            let status = try engine.lookUp(context.parameters.get("receipt") ?? "")
            return .html(SubmissionPage(status: status, ruleBook: engine.ruleBook).render())
        }
    }
}

extension WebEngine {
    /// The status for a receipt as a client wrote it: `400 bad-receipt` for the wrong
    /// shape, `404 unknown-receipt` when none was sent with it.
    func lookUp(_ text: String) throws -> SubmissionStatus {
        guard let receipt = Receipt(text) else { throw WebError.badReceipt(String(text.prefix(80))) }
        guard let desk else { throw WebError.unknownReceipt }
        guard let status = try desk.status(of: receipt) else { throw WebError.unknownReceipt }
        return status
    }
}
