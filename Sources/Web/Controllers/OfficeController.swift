import Foundation
import Hummingbird
import Inbox
import Ingest
import Office
import Validate

/// The receiving office's pages (`/office/…`) and API (`/api/office/…`), behind the login
/// door. Every answer is built from `OfficeDesk` with the logged-in user's `BureauScope`,
/// so a bureau's officer gets only its bureau's rows, by any route; CSV downloads are the
/// bytes of the CLI's CSV (the same `OfficeReports` builders).
struct OfficeController {
    let engine: WebEngine

    func addRoutes(pages: RouterGroup<WebContext>, api: RouterGroup<WebContext>, table: RouteTable) {
        table.add(pages, "/office/rejections", .get) { request, context in
            let (desk, user) = try session(context)
            let query = rejectionQuery(request)
            let rows = try rejections(desk, query, scope: user.scope)
            return .html(RejectionsPage(frame: frame(user, context, "รายการที่ไม่รับ", "Rejections", "/office/rejections"),
                                        query: query, rows: rows, bureaus: bureaus(user),
                                        rosterPhones: try desk.rosterPhones(scope: user.scope)).render())
        }
        table.add(pages, "/office/rejections/:id", .get) { request, context in
            let (desk, user) = try session(context)
            return try rejectionPage(desk, user, context, id: try rejectionID(context))
        }
        table.add(pages, "/office/rejections/:id/events", .post) { request, context in
            let (desk, user) = try session(context)
            let id = try rejectionID(context)
            let form = context.form ?? PostedForm()
            let status = RejectionStatus(rawValue: form["status"] ?? "") ?? .open
            do {
                try desk.follow(id, status: status, note: form["note"] ?? "", by: user)
            } catch let error as FollowUpError {
                if case .otherBureau = error { throw WebError.forbidden }
                if case .notFound = error { throw WebError.notFound }
                return try rejectionPage(desk, user, context, id: id, problem: error.description,
                                         draftNote: String((form["note"] ?? "").prefix(FollowUpError.noteLimit)),
                                         status: .badRequest)
            }
            return .seeOther("/office/rejections/\(id)")
        }
        table.add(pages, "/office/missing", .get) { request, context in
            let (desk, user) = try session(context)
            let (year, round, bureau) = try missingQuery(request)
            let rows = try desk.missing(fiscalYear: year, round: round, bureau: bureau, scope: user.scope)
            let hasRoster = !(try desk.roster(scope: user.scope).isEmpty)
            return .html(MissingPage(frame: frame(user, context, "สถานีที่ยังไม่ส่ง", "Stations not reported", "/office/missing"),
                                     fiscalYear: year, round: round, bureau: bureau, bureaus: bureaus(user), rows: rows,
                                     hasRoster: hasRoster).render())
        }
        table.add(pages, "/office/summary", .get) { _, context in
            let (desk, user) = try session(context)
            return .html(SummaryPage(frame: frame(user, context, "สรุปผล", "Summary", "/office/summary"),
                                     rows: try desk.summary(scope: user.scope)).render())
        }
        table.add(pages, "/office/records", .get) { _, context in
            let (desk, user) = try session(context)
            return .html(RecordsPage(frame: frame(user, context, "ผลที่รับแล้ว", "Accepted records", "/office/records"),
                                     records: try desk.records(scope: user.scope)).render())
        }
        table.add(pages, "/office/roster", .get) { request, context in
            let (desk, user) = try session(context)
            let imported = text(request, "imported").flatMap { Int($0) }
            return try rosterPage(desk, user, context, imported: imported)
        }
        table.add(pages, "/office/roster", .post) { _, context in
            let (desk, user) = try session(context)
            guard user.role == .admin else { throw WebError.forbidden }
            // No file chosen is an empty file: the import says so, as it does for the CLI.
            let file = context.form?.files["roster"] ?? UploadedFile(filename: nil, bytes: [])
            let name = SubmissionName.display(uploaded: file.filename)
            do {
                let entries = try desk.importRoster(Data(file.bytes), file: name, by: user)
                return .seeOther("/office/roster?imported=\(entries.count)")
            } catch let error as RosterImportError {
                return try rosterPage(desk, user, context, problems: error.problems, file: name, status: .badRequest)
            }
        }

        table.add(api, "/api/office/rejections", .get) { request, context in
            let (desk, user) = try session(context)
            let rows = try rejections(desk, rejectionQuery(request), scope: user.scope)
            return try answer(request, json: rows.map(OfficeReports.json), table: OfficeReports.rejections(rows), name: "rejections")
        }
        table.add(api, "/api/office/rejections/:id/events", .get) { _, context in
            let (desk, user) = try session(context)
            let id = try rejectionID(context)
            guard try desk.rejection(id, scope: user.scope) != nil else {
                throw try desk.rejection(id, scope: .all) == nil ? WebError.notFound : WebError.forbidden
            }
            return .json(jsonArray(try desk.events(of: id, scope: user.scope).map(OfficeReports.json)))
        }
        table.add(api, "/api/office/rejections/:id/events", .post) { _, context in
            let (desk, user) = try session(context)
            let id = try rejectionID(context)
            let event = try FollowUpRequest.parse(context.body)
            do {
                let updated = try desk.follow(id, status: event.status, note: event.note, by: user)
                return .json(OfficeReports.json(updated), status: .created)
            } catch let error as FollowUpError {
                throw WebError.followUp(error)
            }
        }
        table.add(api, "/api/office/missing", .get) { request, context in
            let (desk, user) = try session(context)
            let (year, round, bureau) = try missingQuery(request)
            let rows = try desk.missing(fiscalYear: year, round: round, bureau: bureau, scope: user.scope)
            return try answer(request, json: rows.map(OfficeReports.json), table: OfficeReports.missing(rows),
                              name: "missing-\(year)-\(round)", xlsx: true)
        }
        table.add(api, "/api/office/summary", .get) { request, context in
            let (desk, user) = try session(context)
            let rows = try desk.summary(scope: user.scope)
            return try answer(request, json: rows.map(OfficeReports.json), table: OfficeReports.summary(rows), name: "summary", xlsx: true)
        }
        table.add(api, "/api/office/records", .get) { request, context in
            let (desk, user) = try session(context)
            let records = try desk.records(scope: user.scope)
            return try answer(request, json: records.map { $0.record.jsonLine() }, table: OfficeReports.records(records), name: "records")
        }
    }

    // MARK: the pieces each route shares

    /// The desk and the user; the door (`RequireUserMiddleware`) has already refused nobody.
    private func session(_ context: WebContext) throws -> (OfficeDesk, OfficeUser) {
        guard let user = context.user else { throw WebError.loginRequired }
        guard let ledger = engine.ledger else { throw WebError.officeClosed }
        return (OfficeDesk(ledger: ledger, ruleBook: engine.ruleBook), user)
    }

    private func frame(_ user: OfficeUser, _ context: WebContext, _ title: String, _ english: String, _ path: String) -> OfficeFrame {
        OfficeFrame(user: user, csrfToken: context.csrfToken, title: title, titleEnglish: english, current: path)
    }

    /// The bureaus a user may pick in a filter: its own, or every bureau of the rule sets.
    private func bureaus(_ user: OfficeUser) -> [String] {
        if let own = user.scope.bureau { return [own] }
        let names = engine.ruleBook.fiscalYears.compactMap(engine.ruleBook.ruleSet(forFiscalYear:)).flatMap { $0.bureaus.map(\.name) }
        return Array(Set(names)).sorted { Ledger.bureauOrder($0) < Ledger.bureauOrder($1) }
    }

    private func rejectionID(_ context: WebContext) throws -> Int64 {
        guard let text = context.parameters.get("id"), let id = Int64(text), id > 0 else { throw WebError.notFound }
        return id
    }

    private func rejectionPage(_ desk: OfficeDesk, _ user: OfficeUser, _ context: WebContext, id: Int64,
                               problem: String? = nil, draftNote: String = "",
                               status: HTTPResponse.Status = .ok) throws -> Response {
        guard let rejection = try desk.rejection(id, scope: user.scope) else {
            // Another bureau's row is as absent as one that does not exist.
            throw WebError.notFound
        }
        let notice = try engine.ledger?.submission(id: rejection.submissionID).map { try desk.ledger.notice(for: $0).text }
        let rosterPhone = try rejection.station.flatMap { try desk.rosterPhones(scope: user.scope)[$0] }
        return .html(RejectionPage(frame: frame(user, context, "รายการที่ไม่รับ #\(id)", "Rejection #\(id)", "/office/rejections"),
                                   rejection: rejection, rosterPhone: rosterPhone,
                                   events: try desk.events(of: id, scope: user.scope),
                                   notice: notice, problem: problem, draftNote: draftNote).render(), status: status)
    }

    private func rosterPage(_ desk: OfficeDesk, _ user: OfficeUser, _ context: WebContext, imported: Int? = nil,
                            problems: [RosterProblem] = [], file: String? = nil,
                            status: HTTPResponse.Status = .ok) throws -> Response {
        .html(RosterPage(frame: frame(user, context, "บัญชีรายชื่อสถานี", "Roster", "/office/roster"),
                         entries: try desk.roster(scope: user.scope), imported: imported, problems: problems, file: file).render(),
              status: status)
    }

    private func text(_ request: Request, _ name: String) -> String? {
        guard let value = request.uri.queryParameters[Substring(name)].map(String.init) else { return nil }
        let trimmed = ThaiText.normalize(value).trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? nil : trimmed
    }

    private func rejectionQuery(_ request: Request) -> RejectionQuery {
        RejectionQuery(status: text(request, "status"), bureau: text(request, "bureau").map(ThaiDigits.arabic),
                       station: text(request, "station"), rule: text(request, "rule"))
    }

    private func rejections(_ desk: OfficeDesk, _ query: RejectionQuery, scope: BureauScope) throws -> [Rejection] {
        let status: RejectionStatus?
        switch query.status {
        case nil, "active"?, "all"?: status = nil
        case let name?:
            guard let known = RejectionStatus(rawValue: name) else { throw WebError.badQuery("status", name) }
            status = known
        }
        let rows = try desk.rejections(Ledger.RejectionFilter(status: status, bureau: query.bureau, station: query.station,
                                                              rule: query.rule), scope: scope)
        return query.status == nil || query.status == "active" ? rows.filter { $0.status != .resolved } : rows
    }

    /// `fiscal_year` and `round` (defaults: the latest fiscal year of the rule sets, round 6).
    private func missingQuery(_ request: Request) throws -> (Int, Int, String?) {
        var year = engine.ruleBook.fiscalYears.last ?? 2564
        if let text = text(request, "fiscal_year") {
            guard case .buddhistEra(let read) = FiscalYearText.parse(text) else { throw WebError.badQuery("fiscal_year", text) }
            year = read
        }
        var round = 6
        if let text = text(request, "round") {
            guard let read = RoundText.parse(text) else { throw WebError.badQuery("round", text) }
            round = read
        }
        return (year, round, text(request, "bureau").map(ThaiDigits.arabic))
    }

    /// JSON (an array of the CLI's objects), or `?format=csv` (the CLI's bytes), or
    /// `?format=xlsx` where a table offers it.
    private func answer(_ request: Request, json: [String], table: OfficeTable, name: String, xlsx: Bool = false) throws -> Response {
        switch text(request, "format") {
        case nil, "json"?:
            return .json(jsonArray(json))
        case "csv"?:
            return download(ByteBuffer(string: table.csv), type: "text/csv; charset=utf-8", file: "\(name).csv")
        case "xlsx"? where xlsx:
            return download(ByteBuffer(bytes: try table.xlsx(sheetName: name)),
                            type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file: "\(name).xlsx")
        case let other?:
            throw WebError.badQuery("format", other)
        }
    }

    private func jsonArray(_ objects: [String]) -> String { "[" + objects.joined(separator: ",") + "]" }

    private func download(_ body: ByteBuffer, type: String, file: String) -> Response {
        Response(status: .ok, headers: [.contentType: type, .contentDisposition: "attachment; filename=\"\(file)\"",
                                        .cacheControl: "no-store"],
                 body: ResponseBody(byteBuffer: body))
    }
}

/// The body of `POST /api/office/rejections/ID/events`: `{"status": "contacted" | "resolved", "note": "…"}`.
struct FollowUpRequest {
    var status: RejectionStatus
    var note: String

    static func parse(_ body: ByteBuffer?) throws -> FollowUpRequest {
        guard let body, let object = try? JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any],
              let statusText = object["status"] as? String, let note = object["note"] as? String else {
            throw WebError.badFollowUp
        }
        guard let status = RejectionStatus(rawValue: statusText), status != .open else {
            throw WebError.followUp(.notAStep(statusText))
        }
        return FollowUpRequest(status: status, note: note)
    }
}

extension WebError {
    static func badQuery(_ name: String, _ value: String) -> WebError {
        WebError(.badRequest, code: "bad-query",
                 th: "ค่า \(name) \"\(value.prefix(80))\" ใช้ไม่ได้", en: "The \(name) \"\(value.prefix(80))\" is not one this page takes.")
    }

    static let badFollowUp = WebError(.badRequest, code: "bad-follow-up",
        th: "ต้องส่ง JSON {\"status\": \"contacted\" หรือ \"resolved\", \"note\": \"…\"}",
        en: "Send JSON {\"status\": \"contacted\" or \"resolved\", \"note\": \"…\"}.")

    /// A follow-up step the desk refused: 404 (no such id), 403 (another bureau's), 409
    /// (already resolved), 400 (no note, too long, not a step).
    static func followUp(_ error: FollowUpError) -> WebError {
        let parts = error.description.components(separatedBy: " / ")
        let th = parts.first ?? error.description, en = parts.dropFirst().joined(separator: " / ")
        switch error {
        case .notFound: return WebError(.notFound, code: "not-found", th: th, en: en)
        case .otherBureau: return WebError(.forbidden, code: "forbidden", th: th, en: en)
        case .alreadyResolved: return WebError(.conflict, code: "already-resolved", th: th, en: en)
        case .notAStep, .emptyNote, .noteTooLong: return WebError(.badRequest, code: "bad-follow-up", th: th, en: en)
        }
    }
}
