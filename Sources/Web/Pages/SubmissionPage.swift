import Foundation
import Ingest
import Validate

/// `/submissions/RECEIPT`: the fate of one sent form — waiting, accepted (the record),
/// rejected (the notice, as the station would print it), or duplicate.
struct SubmissionPage {
    var status: SubmissionStatus
    var ruleBook: RuleBook

    func render() -> String {
        let content = el("div") {
            el("h1") { bilingual("ผลการส่งแบบรายงาน", "The sent form") }
            el("p") {
                bilingual("เลขรับ", "Receipt")
                ": "
                el("span", [("class", "receipt")]) { status.receipt.value }
            }
            el("p") { bilingual("รับเมื่อ \(Self.thaiTime(status.receivedAt))", "received \(Self.iso(status.receivedAt))") }
            headline()
            if let verdict = status.verdict {
                // Accepted: its record; a resend of an accepted form: the original's.
                if let record = verdict.record {
                    RecordView(record: record, ruleBook: ruleBook).render()
                }
                if status.state != .accepted, !verdict.findings.isEmpty {
                    VerdictView(verdict: verdict, lines: [], ruleBook: ruleBook).findingsTable()
                }
            }
            if let notice = status.notice {
                el("section", [("class", "card")]) {
                    el("h2") { bilingual("หนังสือแจ้งผล (พิมพ์ส่งสถานีได้)", "The notice (print it for the station)") }
                    el("pre", [("class", "notice")]) { notice }
                }
            }
        }
        return Layout(title: "ผลการส่งแบบรายงาน", titleEnglish: "Sent form", content: content,
                      refreshAfter: status.state == .waiting ? 5 : nil).render()
    }

    private func headline() -> Markup {
        let (kind, thai, english): (String, String, String) = switch status.state {
        case .waiting: ("waiting", "⏳ รอตรวจ — ระบบยังไม่ได้ตรวจแบบรายงานนี้ หน้านี้จะโหลดใหม่เองทุก ๕ วินาที",
                        "Waiting: the form has not been checked yet; this page reloads itself every 5 seconds.")
        case .accepted: ("accepted", "✔ รับแล้ว — แบบรายงานผ่านการตรวจและบันทึกแล้ว", "Accepted: the form passed and is recorded.")
        case .rejected: ("rejected", "✘ ไม่รับ — ต้องแก้แบบรายงานแล้วส่งใหม่", "Rejected: fix the form and send it again.")
        case .duplicate: ("waiting", "= ซ้ำ — ไฟล์นี้เหมือนกับที่เคยส่งมาแล้วทุกไบต์ ไม่นับซ้ำ",
                          "Duplicate: byte for byte the same as a form sent before; not counted again.")
        }
        return el("section", [("class", "verdict \(kind)"), ("id", "status-\(status.state.rawValue)")]) {
            el("h1") { bilingual(thai, english) }
        }
    }

    static func iso(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }

    /// `๑๕ พ.ย. ๒๕๖๓ ๐๙:๓๐ น.` in Thailand's time (UTC+7).
    static func thaiTime(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 7 * 3600) ?? .gmt
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        guard let day = CalendarDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1) else { return iso(date) }
        func twoDigits(_ value: Int) -> String { (value < 10 ? "๐" : "") + ThaiDigits.thai(value) }
        return "\(day.thai) \(twoDigits(parts.hour ?? 0)):\(twoDigits(parts.minute ?? 0)) น."
    }
}
