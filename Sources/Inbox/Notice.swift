import Foundation
import Ingest

/// The notice written beside a rejected file (`NAME.notice.txt`): Thai first, then English,
/// so that a clerk can send it back to the station as it is. The Thai half writes numbers in
/// Thai digits (lines, times, the bureau); the file name and the SHA-256 stay as they are. It names the station, the
/// file, each finding with its line and how to fix it, and how to send the form again.
///
/// The notice is built from what the ledger holds, so recovery after a crash writes the
/// same text again.
public struct Notice: Sendable {
    public var station: String?
    public var bureau: String?
    /// The report the form was for (Buddhist Era; months), as far as the file says.
    public var fiscalYear: Int?
    public var round: Int?
    /// False when station, bureau, year and round were read from the file's plain text of a
    /// form refused early (docs/office.md#whom-to-call), not from a checked record.
    public var contactVerified: Bool
    /// How to reach the receiving office (`pipeline serve --office-contact`), if set.
    public var officeContact: String?
    /// The name the file had when it arrived.
    public var fileName: String
    /// Its name in `rejected/`.
    public var storedName: String
    public var receivedAt: Date
    public var sha256: String?
    public var findings: [Finding]
    /// For a byte-identical resend of a rejected file: when the first copy arrived.
    public var repeatsSubmissionOf: Date?

    public init(station: String?, bureau: String?, fiscalYear: Int? = nil, round: Int? = nil,
                contactVerified: Bool = true, officeContact: String? = nil, fileName: String, storedName: String,
                receivedAt: Date, sha256: String?, findings: [Finding], repeatsSubmissionOf: Date? = nil) {
        self.station = station
        self.bureau = bureau
        self.fiscalYear = fiscalYear
        self.round = round
        self.contactVerified = contactVerified
        self.officeContact = officeContact
        self.fileName = fileName
        self.storedName = storedName
        self.receivedAt = receivedAt
        self.sha256 = sha256
        self.findings = findings
        self.repeatsSubmissionOf = repeatsSubmissionOf
    }

    /// The notice file's name for a stored name.
    public static func fileName(for storedName: String) -> String { storedName + ".notice.txt" }

    /// Thailand keeps UTC+7 all year; notices give the time a station reads on its clock.
    static let thaiTime = TimeZone(secondsFromGMT: 7 * 3600) ?? .gmt

    static func clock(_ date: Date) -> (date: CalendarDate?, time: String) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = thaiTime
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        let day = CalendarDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
        let time = String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
        return (day, time)
    }

    private func line(_ finding: Finding, thai: Bool) -> String {
        var place: [String] = []
        if let line = finding.line { place.append(thai ? "บรรทัด \(ThaiDigits.thai(line))" : "line \(line)") }
        let head = place.isEmpty ? "" : place.joined(separator: " ") + " "
        return "\(head)[\(finding.rule.rawValue)] \(thai ? finding.messageTH : finding.messageEN)"
    }

    /// The whole notice, ending with a newline.
    public var text: String {
        let (day, time) = Notice.clock(receivedAt)
        let errors = findings.filter { $0.severity == .error }
        let warnings = findings.filter { $0.severity == .warning }
        var out: [String] = []

        out.append("แจ้งผลการตรวจแบบรายงาน โครงการ กต.ตร. พบประชาชน: ไม่รับแบบรายงาน ขอให้แก้ไขแล้วส่งใหม่")
        out.append("")
        let unverifiedThai = contactVerified ? "" : " (อ่านจากข้อความในไฟล์ ยังไม่ได้ตรวจ)"
        out.append("หน่วยปฏิบัติ: \(station.map { ThaiDigits.thai($0) + unverifiedThai } ?? "ไม่ทราบ (อ่านจากแบบรายงานไม่ได้)")")
        out.append("สังกัด: \(bureau.map { ThaiDigits.thai($0) + unverifiedThai } ?? "ไม่ทราบ (อ่านจากแบบรายงานไม่ได้)")")
        out.append("รายงาน: ปีงบประมาณ \(fiscalYear.map { ThaiDigits.thai(String($0)) } ?? "ไม่ทราบ") "
                   + "รอบ \(round.map { ThaiDigits.thai(String($0)) + " เดือน" } ?? "ไม่ทราบ")")
        out.append("ไฟล์: \(fileName)" + (storedName == fileName ? "" : " (เก็บไว้ในชื่อ \(storedName))"))
        out.append("รับเมื่อ: \(day.map { $0.thai } ?? "-") เวลา \(ThaiDigits.thai(time)) น.")
        if let sha256 { out.append("SHA-256: \(sha256)") }
        if let first = repeatsSubmissionOf {
            let (firstDay, firstTime) = Notice.clock(first)
            out.append("หมายเหตุ: ไฟล์นี้เหมือนกับไฟล์ที่ส่งมาแล้วเมื่อ \(firstDay.map { $0.thai } ?? "-") เวลา \(ThaiDigits.thai(firstTime)) น. ทุกไบต์ จึงไม่นับซ้ำ ข้อที่ต้องแก้ไขยังคงเดิม")
        }
        out.append("")
        out.append("ข้อที่ต้องแก้ไข (\(ThaiDigits.thai(errors.count)) รายการ):")
        for (index, finding) in errors.enumerated() {
            out.append("\(ThaiDigits.thai(index + 1)). \(line(finding, thai: true))")
        }
        if !warnings.isEmpty {
            out.append("")
            out.append("ข้อสังเกต (ไม่ใช่เหตุที่ไม่รับ แต่ควรแก้ไขด้วย):")
            for finding in warnings { out.append("- \(line(finding, thai: true))") }
        }
        out.append("")
        out.append("วิธีส่งใหม่: แก้ไขทุกข้อข้างต้นในแบบรายงานฉบับเดิม แล้วส่งทั้งฉบับเข้ามาใหม่ (ใช้ชื่อไฟล์ใดก็ได้)")
        out.append("เมื่อรับแบบรายงานที่ถูกต้องของหน่วย รอบ และปีงบประมาณเดียวกันแล้ว รายการนี้จะปิดโดยอัตโนมัติ")
        if let officeContact { out.append("สอบถาม: \(officeContact)") }
        out.append("")
        out.append("----------------------------------------")
        out.append("")
        out.append("Report form check, กต.ตร. พบประชาชน project: REJECTED — please correct the form and send it again")
        out.append("")
        let unverifiedEnglish = contactVerified ? "" : " (read from the file's text, not verified)"
        out.append("Station: \(station.map { $0 + unverifiedEnglish } ?? "unknown (could not be read from the form)")")
        out.append("Bureau: \(bureau.map { $0 + unverifiedEnglish } ?? "unknown (could not be read from the form)")")
        out.append("Report: fiscal year \(fiscalYear.map(String.init) ?? "unknown"), round \(round.map { "\($0) months" } ?? "unknown")")
        out.append("File: \(fileName)" + (storedName == fileName ? "" : " (kept as \(storedName))"))
        out.append("Received: \(day.map { $0.english } ?? "-") \(time) (Thailand time)")
        if let sha256 { out.append("SHA-256: \(sha256)") }
        if let first = repeatsSubmissionOf {
            let (firstDay, firstTime) = Notice.clock(first)
            out.append("Note: this file is byte for byte the one already received on \(firstDay.map { $0.english } ?? "-") \(firstTime), so it is not counted again; the corrections below still apply.")
        }
        out.append("")
        out.append("To correct (\(errors.count)):")
        for (index, finding) in errors.enumerated() {
            out.append("\(index + 1). \(line(finding, thai: false))")
        }
        if !warnings.isEmpty {
            out.append("")
            out.append("Warnings (not why it was rejected, but worth correcting too):")
            for finding in warnings { out.append("- \(line(finding, thai: false))") }
        }
        out.append("")
        out.append("To resend: correct every point above in the same form and send the whole form again (any file name will do).")
        out.append("Once a correct form for the same station, round and fiscal year is accepted, this rejection is closed automatically.")
        if let officeContact { out.append("Questions: \(officeContact)") }
        return out.joined(separator: "\n") + "\n"
    }
}
