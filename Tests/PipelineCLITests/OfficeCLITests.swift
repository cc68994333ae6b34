import Foundation
import Inbox
import TestSupport
import Testing

/// The office's commands on a state filled by real runs: `roster import|list`, `missing`,
/// `follow-up`, `rejections --status` (docs/office.md).
@Suite("pipeline roster, missing and follow-up")
struct OfficeCLITests {
    static let roster = """
        station,bureau,province,phone
        สภ.เมืองเชียงใหม่,ภ.5,เชียงใหม่,053276040
        สภ.แม่ริม,ภ.5,เชียงใหม่,
        สภ.หางดง,ภ.๕,เชียงใหม่,0861234567
        สน.บางรัก,บช.น.,กรุงเทพมหานคร,022345678
        สน.ปทุมวัน,บช.น.,กทม.,022518888

        """

    func importRoster(_ text: String, state: String, name: String = "roster.csv") throws -> PipelineProcess.Result {
        let file = URL(fileURLWithPath: state).deletingLastPathComponent().appendingPathComponent(name)
        try Data(text.utf8).write(to: file)
        return try PipelineProcess.run(["roster", "import", file.path, "--state", state] + schemaArguments)
    }

    @Test("roster import, then missing agrees with the records and names the open rejection")
    func missing() throws {
        let filled = try FilledState()
        let imported = try importRoster(Self.roster, state: filled.state)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("imported 5 stations of 2 bureaus"))

        let list = try PipelineProcess.run(["roster", "list", "--state", filled.state, "--format", "csv"])
        #expect(list.stdout.contains("สภ.หางดง,ภ.5,เชียงใหม่,086-123-4567\r\n"), "Thai digits and alias normalized")
        #expect(list.stdout.contains("สน.ปทุมวัน,บช.น.,กรุงเทพมหานคร,02-251-8888\r\n"))

        let missing = try PipelineProcess.run(["missing", "--fiscal-year", "๒๕๖๔", "--round", "6", "--state", filled.state,
                                               "--format", "json"])
        #expect(missing.status == 0, "\(missing.stderr)")
        let rows = missing.stdout.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        // Accepted: เมืองเชียงใหม่ (a.txt), แม่ริม (b-fixed.txt). Not: หางดง, บางรัก (d.txt rejected), ปทุมวัน.
        #expect(rows.map { $0["station"] as? String } == ["สน.บางรัก", "สน.ปทุมวัน", "สภ.หางดง"])
        let bangrak = rows.first { $0["station"] as? String == "สน.บางรัก" }
        #expect(bangrak?["rules"] as? [String] == ["bad-number"])
        #expect(bangrak?["status"] as? String == "open")
        #expect(rows.first { $0["station"] as? String == "สภ.หางดง" }?["rejection_id"] is NSNull)

        let workbook = URL(fileURLWithPath: filled.state).deletingLastPathComponent().appendingPathComponent("missing.xlsx")
        let withBook = try PipelineProcess.run(["missing", "--fiscal-year", "2564", "--round", "6", "--state", filled.state,
                                                "--xlsx", workbook.path])
        #expect(withBook.status == 0)
        #expect(try Data(contentsOf: workbook).prefix(2) == Data("PK".utf8), "a ZIP: the workbook")

        let onlyOne = try PipelineProcess.run(["missing", "--fiscal-year", "2564", "--round", "6", "--bureau", "ภ.๕",
                                               "--state", filled.state])
        #expect(onlyOne.stdout.contains("สภ.หางดง") && !onlyOne.stdout.contains("สน.บางรัก"))

        let summary = try PipelineProcess.run(["summary", "--format", "json", "--state", filled.state])
        let total = summary.stdout.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }.first { $0["bureau"] is NSNull }
        #expect(total?["roster_stations"] as? Int == 5)
        #expect(total?["missing"] as? Int == 3)
        #expect(total?["rejected_open"] as? Int == 1)
    }

    @Test("a bad roster: every bad row listed with its line, nothing changed")
    func badRoster() throws {
        let filled = try FilledState()
        #expect(try importRoster(Self.roster, state: filled.state).status == 0)
        let bad = """
            station,bureau,province
            สภ.หางดง,ภ.5,เชียงใหม่
            สภ.หางดง,ภ.5,เชียงใหม่
            สน.ปทุมวัน,ภ.5,เชียงใหม่
            สภ.เมืองภูเก็ต,ภ.5,ภูเก็ต
            สภ.ไหนก็ได้,ภ.99,ไหน

            """
        let result = try importRoster(bad, state: filled.state, name: "bad.csv")
        #expect(result.status == 1)
        for line in ["line 3:", "line 4:", "line 5:", "line 6:"] {
            #expect(result.stderr.contains(line), "\(line) in \(result.stderr)")
        }
        #expect(!result.stderr.contains("line 2:"))
        #expect(result.stderr.contains("nothing was changed"))
        let list = try PipelineProcess.run(["roster", "list", "--state", filled.state, "--format", "json"])
        #expect(list.stdout.split(separator: "\n").count == 5, "the earlier roster is kept whole")

        let empty = try importRoster("", state: filled.state, name: "empty.csv")
        #expect(empty.status == 1 && empty.stderr.contains("nothing was changed"))
    }

    @Test("a roster in Windows-874 with a BOM-less header and CRLF is read")
    func windows874() throws {
        let filled = try FilledState()
        let text = "station,bureau,province\r\nสภ.หางดง,ภ.5,เชียงใหม่\r\n"
        let file = URL(fileURLWithPath: filled.state).deletingLastPathComponent().appendingPathComponent("r874.csv")
        let bytes = try SystemIconv.encode(text, to: "CP874")
        #expect(String(data: bytes, encoding: .utf8) == nil, "really not UTF-8")
        try bytes.write(to: file)
        let result = try PipelineProcess.run(["roster", "import", file.path, "--state", filled.state] + schemaArguments)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("imported 1 stations"))
    }

    @Test("follow-up: contacted with a note, then resolved by hand; rejections --status and the latest note")
    func followUp() throws {
        let filled = try FilledState()
        let open = try PipelineProcess.run(["rejections", "--state", filled.state, "--format", "json"])
        let row = try #require(open.stdout.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }.first)
        let id = try #require(row["id"] as? Int)

        let noNote = try PipelineProcess.run(["follow-up", String(id), "--status", "contacted", "--state", filled.state])
        #expect(noNote.status != 0 && noNote.stderr.contains("write a note"))

        let contacted = try PipelineProcess.run(["follow-up", String(id), "--status", "contacted",
                                                 "--note", "โทรแจ้ง ด.ต.สมชาย แล้ว จะส่งใหม่พรุ่งนี้", "--state", filled.state])
        #expect(contacted.status == 0, "\(contacted.stderr)")
        let listed = try PipelineProcess.run(["rejections", "--status", "contacted", "--state", filled.state])
        #expect(listed.stdout.contains("โทรแจ้ง ด.ต.สมชาย แล้ว"))
        let stillOpen = try PipelineProcess.run(["rejections", "--status", "open", "--state", filled.state])
        #expect(!stillOpen.stdout.contains("โทรแจ้ง"))

        let resolved = try PipelineProcess.run(["follow-up", String(id), "--status", "resolved",
                                                "--note", "สถานีส่งทางอีเมลแล้ว", "--state", filled.state])
        #expect(resolved.status == 0)
        let again = try PipelineProcess.run(["follow-up", String(id), "--status", "contacted", "--note", "x", "--state", filled.state])
        #expect(again.status != 0 && again.stderr.contains("already resolved"))

        let events = try PipelineProcess.run(["follow-up", String(id), "--state", filled.state])
        let lines = events.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.first?.contains("contacted") == true && lines.first?.contains("cli:") == true)

        let unknown = try PipelineProcess.run(["follow-up", "9999", "--status", "contacted", "--note", "x", "--state", filled.state])
        #expect(unknown.status != 0 && unknown.stderr.contains("no rejection 9999"))
    }
}
