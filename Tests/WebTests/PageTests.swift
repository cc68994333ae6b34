import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import Web

/// The clerk's pages: `/` checks an uploaded or pasted form and shows where to fix it;
/// `/new` makes a form from fields, shows findings beside them, gives the XML.
@Suite("pages") struct PageTests {
    static func sample(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: Repo.inbox.appendingPathComponent(name)))
    }

    @Test func checkPageHasTheFieldsOfTheContract() async throws {
        try await testApplication(checkOnlyEngine()).test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                #expect(response.text.contains("<input type=\"file\" id=\"form-file\" name=\"form\""))
                #expect(response.text.contains("<textarea id=\"form-text\" name=\"text\""))
                #expect(response.text.contains("<button type=\"submit\">ตรวจ"))
                #expect(response.text.contains("enctype=\"multipart/form-data\""))
            }
        }
    }

    @Test func uploadedRejectedFormShowsRuleLineAndMarkedLines() async throws {
        try await testApplication(checkOnlyEngine()).test(.router) { client in
            let (token, cookie) = try await csrf(client)
            var body = MultipartBody()
            body.add("csrf", token)
            body.addFile("form", filename: "yala-r6.txt", try Self.sample("yala-r6.txt"))
            body.add("text", "")
            try await client.execute(uri: "/", method: .post, headers: [.contentType: body.contentType, .cookie: cookie],
                                     body: body.buffer) { response in
                let page = response.text
                #expect(response.status == .ok)
                #expect(page.contains("✘ ไม่ผ่าน — ต้องแก้ ๒ จุด"))
                #expect(page.contains("Rejected: 2 errors to fix"))
                #expect(page.contains("ไฟล์ yala-r6.txt"))
                // Each finding: rule, line (a link to the marked line), Thai then English.
                #expect(page.contains("<a href=\"#line-7\">๗</a>"))
                #expect(page.contains("<span class=\"rule\">bad-unit</span>"))
                #expect(page.contains("<a href=\"#line-10\">๑๐</a>"))
                #expect(page.contains("<span class=\"rule\">bad-date</span>"))
                #expect(page.contains("The province ยะลา is not in the area of ภ.8"))
                // The form's own lines, the findings' lines marked.
                #expect(page.contains("<li id=\"line-7\" class=\"marked-error\"><span class=\"number\">7</span><span class=\"mark\">bad-unit</span><span class=\"text\">จังหวัด : ยะลา</span></li>"))
                #expect(page.contains("<li id=\"line-1\"><span class=\"number\">1</span>"))
                // The record: level, score, target in Thai, steps with dates and on-time marks.
                #expect(page.contains("ต่ำกว่าเป้าหมาย (below target)"))
                #expect(page.contains("✔ ตรงเวลา / on time"))
                #expect(page.contains("๑๒ ธ.ค. ๒๕๖๓ (2020-12-12)"))
            }
        }
    }

    @Test func pastedFormIsChecked() async throws {
        let text = String(decoding: try Self.sample("lumphini-r12.txt"), as: UTF8.self)
        try await testApplication(checkOnlyEngine()).test(.router) { client in
            let (token, cookie) = try await csrf(client)
            var body = MultipartBody()
            body.add("csrf", token)
            body.addFile("form", filename: "", [])
            body.add("text", text.replacingOccurrences(of: "\n", with: "\r\n"))
            try await client.execute(uri: "/", method: .post, headers: [.contentType: body.contentType, .cookie: cookie],
                                     body: body.buffer) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("✔ ผ่าน — แบบรายงานนี้รับได้"))
                #expect(response.text.contains("ขั้นสูง (advanced)"))
                #expect(response.text.contains("สน.ลุมพินี"))
            }
            // A browser's plain form post (no file input) works too.
            try await client.execute(uri: "/", method: .post,
                                     headers: [.contentType: "application/x-www-form-urlencoded", .cookie: cookie],
                                     body: urlEncoded([("csrf", token), ("text", text)])) { response in
                #expect(response.text.contains("✔ ผ่าน"))
            }
        }
    }

    @Test func eachTargetHasItsThaiName() {
        #expect(RecordView.targetName(.advanced).th == "ขั้นสูง")
        #expect(RecordView.targetName(.standard).th == "มาตรฐาน")
        #expect(RecordView.targetName(.minimum).th == "ขั้นต่ำ")
        #expect(RecordView.targetName(.below).th == "ต่ำกว่าเป้าหมาย")
    }

    @Test(arguments: [("a\nb\r\nc\rd", ["a", "b", "c", "d"]), ("a\n\nb\n", ["a", "", "b"]), ("", [])])
    func linesAreCountedAsTheReadersCountThem(_ text: String, _ lines: [String]) {
        #expect(VerdictView.lines(of: text) == lines)
    }

    /// The fields of a form that is accepted, with dates typed three ways.
    static let goodFields: [(String, String)] = [
        ("station", "สภ.เมืองเชียงใหม่"), ("bureau", "ภ.5"), ("province", "เชียงใหม่"), ("round", "6"),
        ("fiscal_year", "๒๕๖๔"), ("reported_on", "20 เม.ย. 2564"),
        ("step1_done", "true"), ("step1_date", "๑๕ พ.ย. ๒๕๖๓"), ("step1_evidence", "บันทึกข้อตกลงกับ อบต.สุเทพ & <อื่น ๆ>"),
        ("step2_done", "true"), ("step2_date", "10/01/2564"),
        ("step3_date", ""), ("reporter", "ร.ต.อ.สมชาย ใจดี"), ("phone", "๐๘๑-๒๓๔-๕๖๗๘"),
    ]

    static func post(_ client: some TestClientProtocol, _ path: String, _ fields: [(String, String)],
                     _ test: @escaping (TestResponse) async throws -> Void) async throws {
        let (token, cookie) = try await csrf(client, path: "/new")
        try await client.execute(uri: path, method: .post,
                                 headers: [.contentType: "application/x-www-form-urlencoded", .cookie: cookie],
                                 body: urlEncoded([("csrf", token)] + fields), testCallback: test)
    }

    @Test func newFormPageHasEveryField() async throws {
        try await testApplication(checkOnlyEngine()).test(.router) { client in
            try await client.execute(uri: "/new", method: .get) { response in
                let page = response.text
                for name in ["station", "bureau", "province", "round", "fiscal_year", "reported_on", "reporter", "phone"] {
                    #expect(page.contains("name=\"\(name)\""), "field \(name)")
                }
                for number in 1...5 {
                    for part in ["done", "date", "evidence"] { #expect(page.contains("name=\"step\(number)_\(part)\"")) }
                }
                #expect(page.contains(">ตรวจ / Check</button>"))
                #expect(page.contains("formaction=\"/new/xml\">ดาวน์โหลด XML"))
                #expect(page.contains("formaction=\"/new/send\">ส่งแบบรายงาน"))
                #expect(page.contains("<option value=\"ภ.5\">ภ.5</option>"))
                #expect(page.contains("value=\"2564\""), "the latest fiscal year filled in")
            }
        }
    }

    @Test func downloadedXMLIsAcceptedAndEscaped() async throws {
        try await testApplication(checkOnlyEngine()).test(.router) { client in
            try await Self.post(client, "/new/xml", Self.goodFields) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/xml; charset=utf-8")
                #expect(response.headers[.contentDisposition] == "attachment; filename=\"report.xml\"")
                let xml = response.text
                #expect(xml.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<report xmlns=\"urn:rtp:kpi-report:1\">"))
                #expect(xml.contains("<evidence>บันทึกข้อตกลงกับ อบต.สุเทพ &amp; &lt;อื่น ๆ&gt;</evidence>"))
                // The CLI's checker (the XSD included) accepts it.
                let verdict = Repo.checker.check(Data(xml.utf8), file: "report.xml")
                #expect(verdict.accepted, "\(verdict.findings.map(\.messageEN))")
                #expect(verdict.record?.steps[0].date?.iso == "2020-11-15")
                #expect(verdict.record?.steps[1].date?.iso == "2021-01-10")
                #expect(verdict.record?.score == 25)
                #expect(verdict.record?.phone == "0812345678")
            }
        }
    }

    @Test func downloadedXMLPassesTheCLI() async throws {
        let folder = try TemporaryFolder()
        try await testApplication(checkOnlyEngine()).test(.router) { client in
            try await Self.post(client, "/new/xml", Self.goodFields + [("round", "12")]) { response in
                try Data(response.text.utf8).write(to: folder.url.appendingPathComponent("report.xml"))
            }
        }
        let line = try PipelineBinary.output(["validate", "--format", "json", "--schemas", Repo.schemas.path, "report.xml"], in: folder.url)
        #expect(line.contains("\"file\":\"report.xml\",\"format\":\"xml\","))
        #expect(!line.contains("\"rule\":\"schema\""))
        #expect(!line.contains("\"rule\":\"missing-field\""), "the 12-month round carries the computed score")
    }

    @Test func checkShowsFindingsBesideTheirFields() async throws {
        let fields = Self.goodFields.filter { $0.0 != "step2_date" && $0.0 != "province" }
            + [("step2_date", "๓๑ ก.พ. ๒๕๖๔"), ("province", "ภูเก็ต")]
        try await testApplication(checkOnlyEngine()).test(.router) { client in
            try await Self.post(client, "/new", fields) { response in
                let page = response.text
                #expect(response.status == .ok)
                #expect(page.contains("✘ ไม่ผ่าน"))
                let step2 = try #require(page.range(of: "id=\"field-step2\""))
                let step3 = try #require(page.range(of: "id=\"field-step3\""))
                let step2Block = page[step2.upperBound..<step3.lowerBound]
                #expect(step2Block.contains("[bad-date]"))
                #expect(step2Block.contains("value=\"๓๑ ก.พ. ๒๕๖๔\""), "the typed value is kept")
                let province = try #require(page.range(of: "id=\"field-province\""))
                let round = try #require(page.range(of: "id=\"field-round\""))
                #expect(page[province.upperBound..<round.lowerBound].contains("[bad-unit]"))
                #expect(page.contains("<option value=\"ภ.5\" selected>ภ.5</option>"))
                #expect(page.contains("id=\"step1_done\" name=\"step1_done\" value=\"true\" checked"))
            }
        }
    }

    @Test func hostileFieldsStayText() async throws {
        let hostile = "<script>alert(1)</script>\"'&"
        let fields = Self.goodFields.filter { $0.0 != "station" } + [("station", "สภ.\(hostile)")]
        try await testApplication(checkOnlyEngine()).test(.router) { client in
            try await Self.post(client, "/new", fields) { response in
                #expect(!response.text.contains("<script>"))
                #expect(response.text.contains("สภ.&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;"))
            }
            try await Self.post(client, "/new/xml", fields) { response in
                #expect(response.text.contains("<station>สภ.&lt;script&gt;alert(1)&lt;/script&gt;&quot;&apos;&amp;</station>"))
                let verdict = Repo.checker.check(Data(response.text.utf8), file: "x.xml")
                #expect(!verdict.findings.contains { $0.rule == .malformed || $0.rule == .schema })
                #expect(verdict.record?.station == "สภ.\(hostile)" || verdict.findings.contains { $0.rule == .badUnit })
            }
        }
    }

    @Test func controlCharactersNeverReachTheXML() {
        #expect(FormDraft.singleLine(" a\u{0}b\u{1F}c\nd\te\u{7F} ") == "abc d e")
    }
}
