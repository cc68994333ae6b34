import Hummingbird

/// The clerk's pages that store nothing: `/` (check a form, uploaded or pasted) and `/new`
/// (make a form from fields, check it, download its XML). Their POSTs pass the CSRF check
/// and the cap on checks in flight.
struct CheckController {
    let engine: WebEngine

    func addRoutes(pages: RouterGroup<WebContext>, checks: RouterGroup<WebContext>, table: RouteTable) {
        table.add(pages, "/", .get) { _, context in
            .html(CheckPage(csrfToken: context.csrfToken).render())
        }
        table.add(checks, "/", .post) { _, context in try check(context) }
        table.add(pages, "/new", .get) { _, context in
            .html(NewFormPage(csrfToken: context.csrfToken, draft: FormDraft.blank(engine.ruleBook), ruleBook: engine.ruleBook,
                              rosterStations: engine.rosterStations).render())
        }
        table.add(checks, "/new", .post) { _, context in
            let draft = FormDraft(context.form ?? PostedForm(), ruleBook: engine.ruleBook)
            let built = draft.xml()
            let view = engine.checkForPage(Array(built.text.utf8), name: FormDraft.fileName)
            return .html(NewFormPage(csrfToken: context.csrfToken, draft: draft, ruleBook: engine.ruleBook,
                                     checked: (view, built), rosterStations: engine.rosterStations).render())
        }
        table.add(checks, "/new/xml", .post) { _, context in
            let draft = FormDraft(context.form ?? PostedForm(), ruleBook: engine.ruleBook)
            return Response(status: .ok, headers: [
                .contentType: "application/xml; charset=utf-8",
                .contentDisposition: "attachment; filename=\"\(FormDraft.fileName)\"",
                .cacheControl: "no-store",
            ], body: ResponseBody(byteBuffer: ByteBuffer(string: draft.xml().text)))
        }
    }

    /// `POST /`: the uploaded file if one was chosen, else the pasted text.
    func check(_ context: WebContext) throws -> Response {
        let form = context.form ?? PostedForm()
        let pasted = form["text"] ?? ""
        if let file = form.files["form"], !file.bytes.isEmpty {
            let view = engine.checkForPage(file.bytes, name: SubmissionName.display(uploaded: file.filename))
            return .html(CheckPage(csrfToken: context.csrfToken, pasted: pasted, result: view).render())
        }
        if !pasted.allSatisfy(\.isWhitespace) {
            let view = engine.checkForPage(Array(pasted.utf8), name: SubmissionName.fallback)
            return .html(CheckPage(csrfToken: context.csrfToken, pasted: pasted, result: view).render())
        }
        return .html(CheckPage(csrfToken: context.csrfToken, problem: .emptyBody).render(), status: .badRequest)
    }
}
