import Foundation
import Glibc
import Inbox
import Testing

/// A text form as docs/forms.md#the-plain-text-form shows it, for one station; `score` as written.
func textForm(station: String = "สภ.เมืองเชียงใหม่", bureau: String = "ภ.๕", province: String? = "เชียงใหม่",
              score: String = "๒๕", phone: String = "๐๘๑-๒๓๔-๕๖๗๘", title: String = "") -> String {
    var lines = ["แบบรายงานผลการดำเนินงาน โครงการ กต.ตร. พบประชาชน \(title)",
                 "ตัวชี้วัด : กต.ตร. พบประชาชน", "ปีงบประมาณ : พ.ศ. ๒๕๖๔", "รอบการรายงาน : รอบ ๖ เดือน",
                 "หน่วยปฏิบัติ : \(station)", "สังกัด : \(bureau)"]
    if let province { lines.append("จังหวัด : \(province)") }
    lines += ["วันที่รายงาน : ๒๐ เมษายน ๒๕๖๔",
              "ขั้นตอนที่ ๑ : ดำเนินการแล้ว เมื่อ ๑๕ พ.ย. ๒๕๖๓ หลักฐาน : บันทึกข้อตกลงกับ อบต.สุเทพ",
              "ขั้นตอนที่ ๒ : ดำเนินการแล้ว เมื่อ ๑๐ ม.ค. ๒๕๖๔", "ขั้นตอนที่ ๓ : ยังไม่ดำเนินการ",
              "คะแนน : \(score)", "ผู้รายงาน : ร.ต.อ.สมชาย ใจดี", "มือถือ : \(phone)"]
    return lines.joined(separator: "\n") + "\n"
}

/// The arguments that point the binary at the repository's schemas.
let schemaArguments = ["--schemas", PipelineProcess.packageRoot.appendingPathComponent("schemas").path]

/// An inbox and a state folder in a temporary folder.
final class InboxFolder {
    let folder: TemporaryFolder
    var inbox: String { folder.url.path + "/inbox" }
    var state: String { folder.url.path + "/state" }

    init() throws {
        folder = try TemporaryFolder()
        try FileManager.default.createDirectory(atPath: inbox, withIntermediateDirectories: true)
    }

    func drop(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: inbox + "/" + name))
    }

    func names(_ sub: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: state + "/" + sub)) ?? []).sorted()
    }

    /// `pipeline run` over the inbox.
    @discardableResult
    func run() throws -> PipelineProcess.Result {
        try PipelineProcess.run(["run", inbox, "--state", state] + schemaArguments)
    }
}

/// A state folder filled by real `pipeline run`s: two accepted, two rejected, then a
/// corrected resend that is accepted and resolves one rejection.
final class FilledState {
    let box: InboxFolder
    var state: String { box.state }

    init() throws {
        box = try InboxFolder()
        try box.drop("a.txt", textForm())
        try box.drop("b.txt", textForm(station: "สภ.แม่ริม", score: "๕๐", phone: "๐๘๙-๙๙๙-๙๙๙๙"))
        try box.drop("c.txt", textForm(station: "สน.ลุมพินี, \"ฝั่งใต้\"", bureau: "บช.น.", province: nil))
        try box.drop("d.txt", textForm(station: "สน.บางรัก", bureau: "บช.น.", province: nil, score: "ไม่ทราบ"))
        let first = try box.run()
        #expect(first.status == 0)
        #expect(first.stdout.contains("accepted 2 · rejected 2 · duplicates 0"), "\(first.stdout)\(first.stderr)")
        try box.drop("b-fixed.txt", textForm(station: "สภ.แม่ริม", score: "๒๕", phone: "๐๘๙-๙๙๙-๙๙๙๙"))
        let second = try box.run()
        #expect(second.stdout.contains("accepted 1 · rejected 0 · duplicates 0"), "\(second.stdout)\(second.stderr)")
    }
}

@Suite("pipeline rejections, records and summary on a ledger built by a real run")
struct InboxCLITests {
    @Test("rejections: open by default, --all, filters, table, csv with BOM, json")
    func rejections() throws {
        let filled = try FilledState()
        let open = try PipelineProcess.run(["rejections", "--state", filled.state])
        #expect(open.status == 0)
        #expect(open.stdout.contains("สน.บางรัก") && open.stdout.contains("rejected/d.txt") && open.stdout.contains("bad-number"))
        #expect(!open.stdout.contains("สภ.แม่ริม"), "b's rejection was resolved by b-fixed.txt")

        let all = try PipelineProcess.run(["rejections", "--all", "--state", filled.state, "--format", "json"])
        let objects = all.stdout.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        #expect(objects.count == 2)
        let b = objects.first { $0["file"] as? String == "b.txt" }
        #expect(b?["status"] as? String == "resolved")
        #expect(b?["phone"] as? String == "0899999999")
        #expect(b?["bureau"] as? String == "ภ.5")
        #expect(b?["rules"] as? [String] == ["score-mismatch"])
        #expect(b?["notice"] as? String == "rejected/b.txt.notice.txt")

        let region = try PipelineProcess.run(["rejections", "--all", "--bureau", "ภ.๕", "--state", filled.state])
        #expect(region.stdout.contains("สภ.แม่ริม") && !region.stdout.contains("สน.บางรัก"))
        let byRule = try PipelineProcess.run(["rejections", "--all", "--rule", "window", "--state", filled.state])
        #expect(!byRule.stdout.contains("rejected/"))
        let byStation = try PipelineProcess.run(["rejections", "--all", "--station", "สน.บางรัก", "--state", filled.state])
        #expect(byStation.stdout.contains("rejected/d.txt") && !byStation.stdout.contains("rejected/b.txt"))

        let csv = try PipelineProcess.run(["rejections", "--state", filled.state, "--format", "csv"])
        #expect(csv.stdout.unicodeScalars.first == "\u{FEFF}")
        #expect(csv.stdout.contains("เลขที่ / id,รับเมื่อ (เวลาไทย) / received,สถานี / station,กองบัญชาการ / bureau,"
            + "ปีงบประมาณ / fiscal_year,รอบ / round,ผู้รายงาน / reporter,โทรศัพท์ / phone,ข้อมูลติดต่อ / contact,"
            + "กฎที่ไม่ผ่าน / rules,ไฟล์ / file,สถานะ / status,บันทึกล่าสุด / latest_note\r\n"))

        let notice = try String(contentsOfFile: filled.state + "/rejected/b.txt.notice.txt", encoding: .utf8)
        #expect(notice.contains("หน่วยปฏิบัติ: สภ.แม่ริม") && notice.contains("[score-mismatch]") && notice.contains("line 12 [score-mismatch]"))
    }

    @Test("records: jsonl as records.jsonl holds them, csv with BOM and quoting")
    func records() throws {
        let filled = try FilledState()
        let all = try PipelineProcess.run(["records", "--all", "--state", filled.state])
        let fileLines = try String(contentsOfFile: filled.state + "/records.jsonl", encoding: .utf8)
        #expect(all.status == 0)
        #expect(all.stdout == fileLines)
        #expect(all.stdout.split(separator: "\n").count == 3)
        #expect(all.stdout.hasPrefix(#"{"indicator":"กต.ตร. พบประชาชน","fiscal_year":2564,"round":6,"station":"สภ.เมืองเชียงใหม่","bureau":"ภ.5","province":"เชียงใหม่","reported_on":"2021-04-20","steps":[{"number":1,"done":true,"date":"2020-11-15","evidence":"บันทึกข้อตกลงกับ อบต.สุเทพ","on_time":true}"#))

        let csv = try PipelineProcess.run(["records", "--format", "csv", "--state", filled.state])
        #expect(csv.stdout.unicodeScalars.first == "\u{FEFF}")
        #expect(csv.stdout.contains("2564,6,ภ.5,สภ.แม่ริม,เชียงใหม่,2021-04-20,2,25,below,2020-11-15,2021-01-10,,,,ร.ต.อ.สมชาย ใจดี,089-999-9999,yes\r\n"))
        #expect(csv.stdout.contains(#"2564,6,บช.น.,"สน.ลุมพินี, ""ฝั่งใต้""",,2021-04-20,2,25,below"#))
    }

    @Test("summary: stations, levels, targets and mean score per bureau and round")
    func summary() throws {
        let filled = try FilledState()
        let csv = try PipelineProcess.run(["summary", "--format", "csv", "--state", filled.state])
        #expect(csv.status == 0)
        var lines = String(csv.stdout.dropFirst()).components(separatedBy: "\r\n").filter { !$0.isEmpty }
        lines[0] = csvHeaderKeys(lines[0])
        // Without a roster its columns are empty; d.txt (สน.บางรัก) is rejected and still open,
        // b.txt's rejection was resolved by b-fixed.txt.
        #expect(lines == [
            "fiscal_year,round,bureau,roster_stations,stations,rejected_open,missing,reporting_rate,"
                + "level0,level1,level2,level3,level4,level5,advanced,standard,minimum,below,mean_score,steps_on_time,steps_dated",
            "2564,6,บช.น.,,1,1,,,0,0,1,0,0,0,0,0,0,1,25.00,2,2",
            "2564,6,ภ.5,,2,0,,,0,0,2,0,0,0,0,0,0,2,25.00,4,4",
            "2564,6,รวม/all,,3,1,,,0,0,3,0,0,0,0,0,0,3,25.00,6,6",
        ])
        let table = try PipelineProcess.run(["summary", "--state", filled.state])
        #expect(table.stdout.contains("ภ.5") && table.stdout.contains("รวม/all"))
    }

    @Test("a state folder without a ledger is a clear error, not an empty table")
    func missingLedger() throws {
        let result = try PipelineProcess.run(["rejections", "--state", "/nonexistent/state"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("no ledger at /nonexistent/state/ledger.sqlite"))
    }
}

/// The English keys of a CSV header row (`สถานี / station,…` → `station,…`).
func csvHeaderKeys(_ header: String) -> String {
    header.split(separator: ",", omittingEmptySubsequences: false)
        .map { cell in cell.components(separatedBy: " / ").last ?? String(cell) }
        .joined(separator: ",")
}
