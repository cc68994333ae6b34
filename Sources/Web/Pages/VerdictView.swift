import Ingest
import Validate

/// A verdict as a clerk reads it: accepted or not in one big line, each finding with its
/// rule, line and both messages, the form's own lines with the findings marked where they
/// are, and the record (level, score, target, each step with its date and on-time mark).
struct VerdictView {
    var verdict: Verdict
    /// The form's text as the checker decoded it, split into lines (empty when unreadable).
    var lines: [String]
    var ruleBook: RuleBook

    var errors: Int { verdict.findings.filter { $0.severity == .error }.count }
    var warnings: Int { verdict.findings.filter { $0.severity == .warning }.count }

    func render() -> Markup {
        el("div", [("class", "result")]) {
            headline()
            if !verdict.findings.isEmpty { findingsTable() }
            if let record = verdict.record { RecordView(record: record, ruleBook: ruleBook).render() }
            if !lines.isEmpty { sourceLines() }
        }
    }

    func headline() -> Markup {
        el("section", [("class", verdict.accepted ? "verdict accepted" : "verdict rejected"), ("id", "verdict")]) {
            el("h1") {
                if verdict.accepted {
                    bilingual("✔ ผ่าน — แบบรายงานนี้รับได้", "Accepted: this form can be sent")
                } else {
                    bilingual("✘ ไม่ผ่าน — ต้องแก้ \(ThaiDigits.thai(errors)) จุด", "Rejected: \(errors) error\(errors == 1 ? "" : "s") to fix")
                }
            }
            el("p") {
                bilingual("ไฟล์ \(verdict.file) · ข้อผิดพลาด \(ThaiDigits.thai(errors)) · คำเตือน \(ThaiDigits.thai(warnings))",
                          "file \(verdict.file) · \(errors) errors · \(warnings) warnings")
            }
        }
    }

    func findingsTable() -> Markup {
        el("section", [("class", "card")]) {
            el("h2") { bilingual("สิ่งที่พบ", "Findings") }
            el("table", [("class", "findings")]) {
                el("thead") {
                    el("tr") {
                        el("th") { bilingual("บรรทัด", "Line") }
                        el("th") { bilingual("กฎ", "Rule") }
                        el("th") { bilingual("ข้อความ", "Message") }
                        el("th", [("class", "en-col")]) { "English" }
                    }
                }
                el("tbody") {
                    for finding in verdict.findings {
                        el("tr", [("class", "severity-\(finding.severity.rawValue)")]) {
                            el("td") {
                                if let line = finding.line, line >= 1, line <= lines.count {
                                    el("a", [("href", "#line-\(line)")]) { ThaiDigits.thai(line) }
                                } else if let line = finding.line {
                                    ThaiDigits.thai(line)
                                } else {
                                    "–"
                                }
                            }
                            el("td") {
                                el("span", [("class", "rule")]) { finding.rule.rawValue }
                                el("br")
                                el("span", [("class", "severity-\(finding.severity.rawValue)")]) {
                                    finding.severity == .error ? "ข้อผิดพลาด / error" : "คำเตือน / warning"
                                }
                            }
                            el("td", [("lang", "th")]) { finding.messageTH }
                            el("td", [("lang", "en"), ("class", "en-col")]) { finding.messageEN }
                        }
                    }
                }
            }
        }
    }

    func sourceLines() -> Markup {
        var byLine: [Int: [Finding]] = [:]
        for finding in verdict.findings { if let line = finding.line { byLine[line, default: []].append(finding) } }
        return el("section", [("class", "card")]) {
            el("h2") { bilingual("แบบรายงานที่ส่งมา (บรรทัดที่มีปัญหามีแถบสี)", "The form as sent (lines with findings are marked)") }
            el("ol", [("class", "source")]) {
                for (index, line) in lines.enumerated() {
                    let number = index + 1
                    let found = byLine[number] ?? []
                    let mark = found.contains { $0.severity == .error } ? "marked-error" : (found.isEmpty ? nil : "marked-warning")
                    el("li", [("id", "line-\(number)"), ("class", mark)]) {
                        el("span", [("class", "number")]) { String(number) }
                        el("span", [("class", "mark")]) { found.isEmpty ? " " : found.map(\.rule.rawValue).joined(separator: " ") }
                        el("span", [("class", "text")]) { line.isEmpty ? " " : line }
                    }
                }
            }
        }
    }

    /// The lines of the decoded text: LF, CRLF or CR end a line, as the readers count them.
    static func lines(of text: String) -> [String] {
        var lines: [String] = []
        var current = ""
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                if !previousWasCR { lines.append(current) }
                current = ""
                previousWasCR = false
            } else if scalar == "\r" {
                lines.append(current)
                current = ""
                previousWasCR = true
            } else {
                current.unicodeScalars.append(scalar)
                previousWasCR = false
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}

/// The record of a form: what would be stored when it is accepted.
struct RecordView {
    var record: Record
    var ruleBook: RuleBook

    static func targetName(_ target: Target) -> (th: String, en: String) {
        switch target {
        case .advanced: ("ขั้นสูง", "advanced")
        case .standard: ("มาตรฐาน", "standard")
        case .minimum: ("ขั้นต่ำ", "minimum")
        case .below: ("ต่ำกว่าเป้าหมาย", "below target")
        }
    }

    func render() -> Markup {
        let ruleSet = ruleBook.ruleSet(forFiscalYear: record.fiscalYear)
        let target = Self.targetName(record.target)
        return el("section", [("class", "card record")]) {
            el("h2") { bilingual("ผลที่บันทึก", "The record") }
            el("table") {
                el("tbody") {
                    row("หน่วยปฏิบัติ", "Station", record.station)
                    row("สังกัด", "Bureau", record.bureau)
                    row("จังหวัด", "Province", record.province ?? "–")
                    row("ปีงบประมาณ / รอบ", "Fiscal year / round",
                        "\(ThaiDigits.thai(record.fiscalYear)) / รอบ \(ThaiDigits.thai(record.round)) เดือน")
                    row("วันที่รายงาน", "Reported on", "\(record.reportedOn.thai) (\(record.reportedOn.iso))")
                    row("ระดับ", "Level", "\(ThaiDigits.thai(record.level)) (level \(record.level))")
                    row("คะแนน", "Score", "\(ThaiDigits.thai(record.score)) (\(record.score))")
                    row("เป้าหมาย", "Target", "\(target.th) (\(target.en))")
                    row("ผู้รายงาน", "Reporter", record.reporter ?? "–")
                    row("โทรศัพท์", "Phone", record.phone ?? "–")
                }
            }
            el("h2") { bilingual("ขั้นตอน", "Steps") }
            el("table", [("class", "steps")]) {
                el("thead") {
                    el("tr") {
                        el("th") { bilingual("ขั้น", "Step") }
                        el("th") { bilingual("กิจกรรม", "Activity") }
                        el("th") { bilingual("สถานะ", "Status") }
                        el("th") { bilingual("วันที่", "Date") }
                        el("th") { bilingual("ตรงเวลา", "On time") }
                    }
                }
                el("tbody") {
                    for step in record.steps {
                        let ruleStep = ruleSet?.steps.first { $0.number == step.number }
                        el("tr") {
                            el("td") { ThaiDigits.thai(step.number) }
                            el("td") {
                                ruleStep?.name ?? "–"
                                if let window = ruleStep?.window {
                                    el("br")
                                    el("span", [("class", "hint")]) { "ช่วงเวลา \(window.thai) / window \(window.english)" }
                                }
                            }
                            el("td") { step.done ? "✔ ดำเนินการแล้ว / done" : "– ยังไม่ดำเนินการ / not done" }
                            el("td") { step.date.map { "\($0.thai) (\($0.iso))" } ?? "–" }
                            el("td") {
                                if step.done, let date = step.date, let window = ruleStep?.window {
                                    window.contains(date) ? "✔ ตรงเวลา / on time" : "✘ ไม่ตรงเวลา / not on time"
                                } else {
                                    "–"
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    private func row(_ thai: String, _ english: String, _ value: String) -> Markup {
        el("tr") {
            el("th") { bilingual(thai, english) }
            el("td") { value }
        }
    }
}
