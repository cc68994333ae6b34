import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Inbox
import Logging
import Office
import TestSupport
import Testing
import Validate
@testable import Web

/// A state filled by a real inbox run over the sample forms (rejections and records in
/// บช.น., ภ.3, ภ.4, ภ.5, ภ.8) plus one rejected ภ.5 form, the sample roster, and one user
/// per role.
final class OfficeState: @unchecked Sendable {
    let folder: TemporaryFolder
    let ledger: Ledger
    let engine: WebEngine
    let desk: OfficeDesk

    /// Text that only a row of that bureau may carry.
    static let ownText: [String: [String]] = [
        "ภ.5": ["สภ.หางดง", "สภ.เมืองเชียงใหม่", "สภ.แม่ริม", "maerim-bad.txt", "สภ.สันทราย"],
        "บช.น.": ["สน.ลุมพินี", "สน.ทุ่งมหาเมฆ", "bangrak-r6.xml", "sathon-r12.txt", "สน.ปทุมวัน"],
        "ภ.4": ["สภ.เมืองขอนแก่น", "khonkaen-r6.xml"],
        "ภ.8": ["สภ.เมืองภูเก็ต", "yala-r6.txt"],
        "ภ.3": ["สภ.เมืองนครราชสีมา"],
    ]

    init() throws {
        folder = try TemporaryFolder()
        let inbox = folder.path + "/inbox"
        try FileManager.default.createDirectory(atPath: inbox, withIntermediateDirectories: true)
        for sample in Repo.samples {
            try FileManager.default.copyItem(atPath: sample.path, toPath: inbox + "/" + sample.lastPathComponent)
        }
        let badScore = try String(contentsOf: Repo.inbox.appendingPathComponent("yala-r6.txt"), encoding: .utf8)
            .replacingOccurrences(of: "สภ.เมืองยะลา", with: "สภ.แม่ริม").replacingOccurrences(of: "ภ.๘", with: "ภ.๕")
            .replacingOccurrences(of: "ยะลา", with: "เชียงใหม่")
        try Data(badScore.utf8).write(to: URL(fileURLWithPath: inbox + "/maerim-bad.txt"))
        var logger = Logger(label: "test.office")
        logger.logLevel = .critical
        let processor = try InboxProcessor(inbox: inbox, state: StateDirectory(folder.path + "/state"), checker: Repo.checker,
                                           logger: logger)
        _ = try processor.runOnce()
        ledger = processor.ledger
        desk = OfficeDesk(ledger: ledger, ruleBook: Repo.checker.ruleBook)
        let roster = try Data(contentsOf: Repo.root.appendingPathComponent("docs/sample-roster.csv"))
        try desk.importRoster(roster, file: "sample-roster.csv", by: OfficeUser.console(name: "test"))
        let users = UserStore(ledger: ledger, cost: 4)
        for (name, role, bureau) in [("hq", Role.hq, nil), ("admin", .admin, nil), ("b5", .bureau, "ภ.5"), ("metro", .bureau, "บช.น.")] {
            try users.add(name: name, role: role, bureau: bureau, password: "password \(name)", by: "cli:test")
        }
        engine = WebEngine(checker: Repo.checker, desk: nil, ledger: ledger)
    }

    /// Every rejection id, with its bureau (nil: the file named none).
    var rejectionBureaus: [(Int64, String?)] {
        get throws { try ledger.rejections(Ledger.RejectionFilter(status: nil)).map { ($0.id, $0.bureau) } }
    }
}

/// Roles and bureau isolation through every office route (docs/office.md#roles): for each
/// route × role × bureau, no answer carries a row of a bureau the user may not see.
@Suite("office: every route × every role, no other bureau's row", .serialized)
struct OfficeRoutesTests {
    static let readRoutes = [
        "/office", "/office/rejections?status=all", "/office/rejections?status=all&bureau=%E0%B8%A0.4",
        "/office/missing?fiscal_year=2564&round=6", "/office/missing?fiscal_year=2564&round=12&bureau=%E0%B8%9A%E0%B8%8A.%E0%B8%99.",
        "/office/summary", "/office/records", "/office/roster",
        "/api/office/rejections?status=all", "/api/office/rejections?status=all&format=csv",
        "/api/office/rejections?status=all&bureau=%E0%B8%A0.8",
        "/api/office/missing?fiscal_year=2564&round=6", "/api/office/missing?fiscal_year=2564&round=6&format=csv",
        "/api/office/summary", "/api/office/summary?format=csv", "/api/office/records", "/api/office/records?format=csv",
    ]

    /// What each user may see: nil for every bureau.
    static let users: [(name: String, bureau: String?)] = [("hq", nil), ("admin", nil), ("b5", "ภ.5"), ("metro", "บช.น.")]

    func forbiddenText(for bureau: String?) -> [String] {
        guard let bureau else { return [] }
        return OfficeState.ownText.filter { $0.key != bureau }.flatMap(\.value)
    }

    @Test("GET routes: 200 for every role; a bureau's user sees its own rows and none of another bureau's",
          arguments: users.map(\.name))
    func readRoutes(user: String) async throws {
        let state = try OfficeState()
        let bureau = Self.users.first { $0.name == user }?.bureau
        try await testApplication(state.engine).test(.router) { client in
            let session = try await LoginForm.logIn(client, name: user, password: "password \(user)")
            for route in Self.readRoutes {
                try await client.execute(uri: route, method: .get, headers: [.cookie: session]) { response in
                    #expect(response.status == .ok, "\(user) \(route)")
                    let body = response.text
                    for text in forbiddenText(for: bureau) {
                        #expect(!body.contains(text), "\(user) \(route) shows \(text)")
                    }
                    SecurityTests.expectSecurityHeaders(response)
                }
            }
            // Its own rows are there (the isolation is not an empty answer).
            try await client.execute(uri: "/office/roster", method: .get, headers: [.cookie: session]) { response in
                for text in (bureau.map { OfficeState.ownText[$0] ?? [] } ?? OfficeState.ownText.values.flatMap { $0 })
                where text.hasPrefix("ส") {
                    if ["สภ.แม่ริม", "สน.ลุมพินี", "สน.ทุ่งมหาเมฆ"].contains(text) { continue }  // not on the sample roster
                    #expect(response.text.contains(text), "\(user) /office/roster lacks \(text)")
                }
            }
            // One rejection's page and events: another bureau's is 404 (page) / 403 (API).
            for (id, rowBureau) in try state.rejectionBureaus {
                let mine = bureau == nil || rowBureau == bureau
                try await client.execute(uri: "/office/rejections/\(id)", method: .get, headers: [.cookie: session]) { response in
                    #expect(response.status == (mine ? .ok : .notFound), "\(user) rejection \(id) of \(rowBureau ?? "?")")
                    if !mine { #expect(!forbiddenText(for: bureau).contains { response.text.contains($0) }) }
                }
                try await client.execute(uri: "/api/office/rejections/\(id)/events", method: .get, headers: [.cookie: session]) { response in
                    #expect(response.status == (mine ? .ok : .forbidden), "\(user) events \(id)")
                }
            }
        }
    }

    @Test("without a session: pages 303 to /login, the API 401 JSON, nothing of any row")
    func nobody() async throws {
        let state = try OfficeState()
        try await testApplication(state.engine).test(.router) { client in
            for route in Self.readRoutes + ["/office/rejections/1", "/api/office/rejections/1/events"] {
                try await client.execute(uri: route, method: .get) { response in
                    if route.hasPrefix("/api/") {
                        #expect(response.status == .unauthorized, "\(route)")
                        #expect(response.text.contains("\"code\":\"login-required\""))
                    } else {
                        #expect(response.status == .seeOther, "\(route)")
                        #expect(response.headers[.location]?.hasPrefix("/login?next=") == true)
                    }
                    for text in OfficeState.ownText.values.flatMap({ $0 }) { #expect(!response.text.contains(text)) }
                }
            }
        }
    }

    @Test("follow-up through the API: own bureau 201 with user and time kept; another bureau's 403, unchanged")
    func followUpAPI() async throws {
        let state = try OfficeState()
        let rows = try state.rejectionBureaus
        let own = try #require(rows.first { $0.1 == "ภ.5" }).0
        let other = try #require(rows.first { $0.1 == "ภ.4" }).0
        try await testApplication(state.engine).test(.router) { client in
            let session = try await LoginForm.logIn(client, name: "b5", password: "password b5")
            let headers: HTTPFields = [.cookie: session, .contentType: "application/json"]
            let note = #"{"status": "contacted", "note": "โทรหา ด.ต.สมชาย แล้ว <b>พรุ่งนี้</b>"}"#
            try await client.execute(uri: "/api/office/rejections/\(own)/events", method: .post, headers: headers,
                                     body: ByteBuffer(string: note)) { response in
                #expect(response.status == .created)
                #expect(response.text.contains("\"status\":\"contacted\""))
            }
            try await client.execute(uri: "/api/office/rejections/\(other)/events", method: .post, headers: headers,
                                     body: ByteBuffer(string: note)) { response in
                #expect(response.status == .forbidden)
                #expect(!response.text.contains("khonkaen") && !response.text.contains("ขอนแก่น"))
            }
            for body in [#"{"status": "open", "note": "x"}"#, #"{"status": "contacted", "note": "  "}"#, "not json",
                         #"{"status": "resolved", "note": "\#(String(repeating: "ก", count: 3000))"}"#] {
                try await client.execute(uri: "/api/office/rejections/\(own)/events", method: .post, headers: headers,
                                         body: ByteBuffer(string: body)) { response in
                    #expect(response.status == .badRequest, "\(body.prefix(40))")
                    #expect(response.text.contains("\"message_th\""))
                }
            }
            // From another site: refused before anything is read.
            var foreign = headers
            foreign[.origin] = "https://evil.example"
            try await client.execute(uri: "/api/office/rejections/\(own)/events", method: .post, headers: foreign,
                                     body: ByteBuffer(string: #"{"status": "resolved", "note": "x"}"#)) { response in
                #expect(response.status == .forbidden)
            }
        }
        let events = try state.desk.events(of: own, scope: .all)
        #expect(events.count == 1)
        #expect(events.first?.actor == "b5")
        #expect(events.first?.note == "โทรหา ด.ต.สมชาย แล้ว <b>พรุ่งนี้</b>", "kept as written; escaped when shown")
        #expect(try state.desk.events(of: other, scope: .all).isEmpty)
        #expect(try AuditLog.entries(state.ledger).contains { $0.actor == "b5" && $0.action == "rejection.contacted" })
    }

    @Test("the page's follow-up form: CSRF required; with it, contacted then resolved, the note shown escaped")
    func followUpPage() async throws {
        let state = try OfficeState()
        let own = try #require(try state.rejectionBureaus.first { $0.1 == "ภ.5" }).0
        try await testApplication(state.engine).test(.router) { client in
            let session = try await LoginForm.logIn(client, name: "b5", password: "password b5")
            let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
            var noToken = form
            noToken[.cookie] = session
            try await client.execute(uri: "/office/rejections/\(own)/events", method: .post, headers: noToken,
                                     body: urlEncoded([("status", "contacted"), ("note", "x")])) { response in
                #expect(response.status == .forbidden)
            }
            let (token, csrfCookie) = try await client.execute(uri: "/office/rejections/\(own)", method: .get,
                                                               headers: [.cookie: session]) { response in
                let setCookie = response.headers[.setCookie] ?? ""
                let token = String(setCookie.dropFirst("csrf=".count).prefix(32))
                return (token, "csrf=\(token)")
            }
            var headers = form
            headers[.cookie] = session + "; " + csrfCookie
            try await client.execute(uri: "/office/rejections/\(own)/events", method: .post, headers: headers,
                                     body: urlEncoded([("csrf", token), ("status", "contacted"), ("note", "<script>x</script> โทรแล้ว")])) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/office/rejections/\(own)")
            }
            try await client.execute(uri: "/office/rejections/\(own)", method: .get, headers: [.cookie: session]) { response in
                #expect(response.text.contains("&lt;script&gt;x&lt;/script&gt; โทรแล้ว"))
                #expect(!response.text.contains("<script>x"))
                #expect(response.text.contains("ติดต่อแล้ว / contacted"))
            }
            try await client.execute(uri: "/office/rejections/\(own)/events", method: .post, headers: headers,
                                     body: urlEncoded([("csrf", token), ("status", "resolved"), ("note", "")])) { response in
                #expect(response.status == .badRequest)
                #expect(response.text.contains("write a note"))
            }
            try await client.execute(uri: "/office/rejections/\(own)/events", method: .post, headers: headers,
                                     body: urlEncoded([("csrf", token), ("status", "resolved"), ("note", "ส่งใหม่แล้ว")])) { response in
                #expect(response.status == .seeOther)
            }
        }
        #expect(try state.desk.rejection(own, scope: .all)?.status == .resolved)
    }

    @Test("the CSV downloads are the CLI's bytes: the same builders over the same rows, in the user's scope")
    func csvIsTheCLIs() async throws {
        let state = try OfficeState()
        try await testApplication(state.engine).test(.router) { client in
            let session = try await LoginForm.logIn(client, name: "b5", password: "password b5")
            let expected: [(String, String)] = [
                ("/api/office/rejections?status=all&format=csv",
                 OfficeReports.rejections(try state.desk.rejections(Ledger.RejectionFilter(status: nil), scope: .bureau("ภ.5"))).csv),
                ("/api/office/summary?format=csv", OfficeReports.summary(try state.desk.summary(scope: .bureau("ภ.5"))).csv),
                ("/api/office/missing?fiscal_year=2564&round=6&format=csv",
                 OfficeReports.missing(try state.desk.missing(fiscalYear: 2564, round: 6, scope: .bureau("ภ.5"))).csv),
                ("/api/office/records?format=csv", OfficeReports.records(try state.desk.records(scope: .bureau("ภ.5"))).csv),
            ]
            let summaryXLSX = try OfficeReports.summary(try state.desk.summary(scope: .bureau("ภ.5"))).xlsx(sheetName: "summary")
            try await client.execute(uri: "/api/office/summary?format=xlsx", method: .get, headers: [.cookie: session]) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                #expect(Data(response.body.readableBytesView) == summaryXLSX)
            }
            try await client.execute(uri: "/api/office/rejections?format=xlsx", method: .get, headers: [.cookie: session]) { response in
                #expect(response.status == .badRequest, "the rejection log is offered as CSV only")
            }
            for (route, csv) in expected {
                try await client.execute(uri: route, method: .get, headers: [.cookie: session]) { response in
                    #expect(response.status == .ok)
                    #expect(response.headers[.contentType] == "text/csv; charset=utf-8")
                    #expect(response.text == csv, "\(route)")
                    #expect(response.text.hasPrefix("\u{FEFF}"))
                }
            }
        }
    }
}

/// The clerk's pages with a roster in the state (docs/office.md#the-roster).
@Suite("the clerk's pages beside the roster")
struct RosterOnPagesTests {
    @Test("/new offers the roster's stations; the check page adds unknown-station; /api/validate stays `pipeline validate`")
    func rosterOnPages() async throws {
        let state = try OfficeState()
        let form = try String(contentsOf: Repo.inbox.appendingPathComponent("yala-r6.txt"), encoding: .utf8)
            .replacingOccurrences(of: "สภ.เมืองยะลา", with: "สภ.ห้างดง").replacingOccurrences(of: "ภ.๘", with: "ภ.๕")
            .replacingOccurrences(of: "ยะลา", with: "เชียงใหม่")
        try await testApplication(state.engine).test(.router) { client in
            try await client.execute(uri: "/new", method: .get) { response in
                #expect(response.text.contains("<input type=\"text\" id=\"station\" name=\"station\" value list=\"station-choices\">"))
                #expect(response.text.contains("<datalist id=\"station-choices\"><option value=\"สน.ทุ่งมหาเมฆ\">"))
                #expect(response.text.contains("<option value=\"สภ.หางดง\">"))
            }
            let (token, cookie) = try await csrf(client)
            try await client.execute(uri: "/", method: .post,
                                     headers: [.contentType: "application/x-www-form-urlencoded", .cookie: cookie],
                                     body: urlEncoded([("csrf", token), ("text", form)])) { response in
                #expect(response.text.contains("unknown-station"))
                #expect(response.text.contains("สภ.หางดง"))
            }
            try await client.execute(uri: "/api/validate?name=f.txt", method: .post, body: ByteBuffer(string: form)) { response in
                #expect(response.status == .ok)
                #expect(!response.text.contains("unknown-station"))
            }
        }
    }

    @Test("a rejected file that gave no phone: the pages offer the roster's phone, marked as the roster's")
    func rosterPhoneWhenTheFileGaveNone() async throws {
        let state = try OfficeState()
        let bangrak = try #require(try state.ledger.rejections(Ledger.RejectionFilter(status: nil)).first { $0.fileName == "bangrak-r6.xml" })
        #expect(bangrak.phone == nil)
        let sathon = try #require(try state.ledger.rejections(Ledger.RejectionFilter(status: nil)).first { $0.fileName == "sathon-r12.txt" })
        let sathonPhone = PhoneDisplay.format(try #require(sathon.phone))
        try await testApplication(state.engine).test(.router) { client in
            let session = try await LoginForm.logIn(client, name: "metro", password: "password metro")
            for route in ["/office/rejections", "/office/rejections/\(bangrak.id)"] {
                try await client.execute(uri: route, method: .get, headers: [.cookie: session]) { response in
                    #expect(response.text.contains("<a href=\"tel:022345678\" class=\"phone\">02-234-5678</a> <span class=\"unverified\">(จากบัญชีรายชื่อ / roster)</span>"),
                            "\(route)")
                }
            }
            // A phone the file gave is shown as it is, not the roster's (สน.ทุ่งมหาเมฆ: 022860123 on the roster).
            try await client.execute(uri: "/office/rejections/\(sathon.id)", method: .get, headers: [.cookie: session]) { response in
                #expect(response.text.contains(sathonPhone))
                #expect(!response.text.contains("02-286-0123"))
            }
        }
    }

    @Test("/office/roster: an admin replaces the roster with a CSV (audited); a bad file lists its lines and changes nothing; hq and bureau users are refused")
    func rosterUpload() async throws {
        let state = try OfficeState()
        let before = try state.desk.roster(scope: .all)
        func upload(_ user: String, _ csv: String, token withToken: Bool = true) async throws -> (HTTPResponse.Status, String, String?) {
            try await testApplication(state.engine).test(.router) { client in
                let session = try await LoginForm.logIn(client, name: user, password: "password \(user)")
                let (token, csrfCookie) = try await client.execute(uri: "/office/roster", method: .get, headers: [.cookie: session]) { response in
                    let token = String((response.headers[.setCookie] ?? "").dropFirst("csrf=".count).prefix(32))
                    return (token, "csrf=\(token)")
                }
                var body = MultipartBody()
                if withToken { body.add("csrf", token) }
                body.addFile("roster", filename: "roster.csv", Array(csv.utf8))
                return try await client.execute(uri: "/office/roster", method: .post,
                                                headers: [.contentType: body.contentType, .cookie: session + "; " + csrfCookie],
                                                body: body.buffer) { response in
                    (response.status, response.text, response.headers[.location])
                }
            }
        }
        let good = "station,bureau,province,phone\r\nสภ.หางดง,ภ.5,เชียงใหม่,053441234\r\nสน.ลุมพินี,บช.น.,กรุงเทพมหานคร,\r\n"
        let bad = "station,bureau,province\nสภ.หางดง,ภ.5,เชียงใหม่\nสภ.เมืองยะลา,ภ.8,ยะลา\nสภ.หางดง,ภ.5,เชียงใหม่\n"

        for user in ["hq", "b5", "metro"] {
            #expect(try await upload(user, good).0 == .forbidden, "\(user)")
        }
        #expect(try await upload("admin", good, token: false).0 == .forbidden)
        #expect(try state.desk.roster(scope: .all) == before)

        let (refused, page, _) = try await upload("admin", bad)
        #expect(refused == .badRequest)
        #expect(page.contains("บรรทัด ๓ / line 3: "))
        #expect(page.contains("บรรทัด ๔ / line 4: "))
        #expect(page.contains("ไม่นำเข้า roster.csv: พบ 2 ข้อ บัญชีเดิมไม่เปลี่ยน"))
        #expect(try state.desk.roster(scope: .all) == before)

        let (empty, emptyPage, _) = try await upload("admin", "")
        #expect(empty == .badRequest)
        #expect(emptyPage.contains("id=\"problem\""))

        let (imported, _, location) = try await upload("admin", good)
        #expect(imported == .seeOther)
        #expect(location == "/office/roster?imported=2")
        #expect(try state.desk.roster(scope: .all).map(\.station) == ["สน.ลุมพินี", "สภ.หางดง"])
        let audit = try AuditLog.entries(state.ledger).filter { $0.action == "roster.import" }.last
        #expect(audit?.actor == "admin")
        #expect(audit?.detail.contains("2 stations from roster.csv") == true)
    }
}

