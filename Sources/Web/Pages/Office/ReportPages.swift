import Foundation
import Inbox
import Ingest
import Office
import Validate

/// `/office/missing`: the roster stations with no accepted form for a round.
struct MissingPage {
    var frame: OfficeFrame
    var fiscalYear: Int
    var round: Int
    var bureau: String?
    var bureaus: [String]
    var rows: [MissingStation]
    var hasRoster: Bool

    var queryString: String {
        "fiscal_year=\(fiscalYear)&round=\(round)" + (bureau.map { "&bureau=\(LoginPath.queryEncoded($0))" } ?? "")
    }

    func render() -> String {
        frame.render(Markup.joined([
            el("form", [("method", "get"), ("action", "/office/missing"), ("class", "filters card")]) {
                el("div", [("class", "grid")]) {
                    el("div") {
                        el("label", [("for", "fiscal_year")]) { bilingual("ปีงบประมาณ", "Fiscal year") }
                        el("input", [("type", "text"), ("id", "fiscal_year"), ("name", "fiscal_year"), ("value", String(fiscalYear)),
                                     ("inputmode", "numeric")])
                    }
                    el("div") {
                        el("label", [("for", "round")]) { bilingual("รอบ", "Round") }
                        el("select", [("id", "round"), ("name", "round")]) {
                            for value in [6, 12] {
                                el("option", [("value", String(value)), ("selected", round == value ? "" : nil)]) { "\(value) เดือน / months" }
                            }
                        }
                    }
                    el("div") {
                        el("label", [("for", "bureau")]) { bilingual("กองบัญชาการ", "Bureau") }
                        el("select", [("id", "bureau"), ("name", "bureau")]) {
                            el("option", [("value", "")]) { "ทั้งหมด / all" }
                            for name in bureaus {
                                el("option", [("value", name), ("selected", bureau == name ? "" : nil)]) { name }
                            }
                        }
                    }
                }
                el("button", [("type", "submit")]) { "แสดง / Show" }
            },
            hasRoster
                ? el("p", [("class", "count")]) { bilingual("\(rows.count) สถานียังไม่มีผลที่รับแล้ว", "\(rows.count) stations with nothing accepted") }
                : el("p", [("class", "card problem")]) {
                    bilingual("ยังไม่มีบัญชีรายชื่อสถานี: นำเข้าด้วย pipeline roster import FILE.csv",
                              "No roster yet: import one with pipeline roster import FILE.csv")
                },
            downloads("/api/office/missing", query: queryString, xlsx: true),
            stackedTable {
                el("thead") {
                    el("tr") {
                        heading("สถานี", "station"); heading("กองบัญชาการ", "bureau"); heading("จังหวัด", "province")
                        heading("โทรศัพท์", "phone"); heading("รายการที่ไม่รับล่าสุด", "latest rejection")
                    }
                }
                el("tbody") {
                    for row in rows {
                        el("tr") {
                            cell("สถานี") { el("strong") { row.station } }
                            cell("กองบัญชาการ") { row.bureau }
                            cell("จังหวัด") { row.province }
                            cell("โทรศัพท์") {
                                if row.phone != nil { PhoneLink(phone: row.phone).markup }
                            }
                            cell("ไม่รับล่าสุด") {
                                if let id = row.rejectionID {
                                    el("a", [("href", "/office/rejections/\(id)")]) { "#\(id)" }
                                    " "; el("span", [("class", "rule")]) { row.rules.joined(separator: ", ") }
                                    if let status = row.status { " "; StatusBadge(status: status).markup }
                                } else {
                                    el("span", [("class", "hint")]) { "ไม่มีเรื่องที่ค้างติดตาม / no open rejection" }
                                }
                            }
                        }
                    }
                }
            },
        ]))
    }
}

/// `/office/summary`: per bureau and round, with the charts drawn on the server.
struct SummaryPage {
    var frame: OfficeFrame
    var rows: [OfficeSummaryRow]

    func render() -> String {
        let rounds = Dictionary(grouping: rows) { "\($0.base.fiscalYear)/\($0.base.round)" }
        let keys = rows.map { "\($0.base.fiscalYear)/\($0.base.round)" }.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        return frame.render(Markup.joined([
            downloads("/api/office/summary", query: "", xlsx: true),
            rows.isEmpty ? el("p", [("class", "card")]) { bilingual("ยังไม่มีผล", "Nothing yet.") } : .empty,
            Markup.joined(keys.map { key in
                let members = rounds[key] ?? []
                let bureaus = members.filter { $0.base.bureau != nil }
                let first = members[0].base
                return el("section", [("class", "card round")]) {
                    el("h2") { bilingual("ปีงบประมาณ \(first.fiscalYear) รอบ \(first.round) เดือน", "FY \(first.fiscalYear), \(first.round)-month round") }
                    el("div", [("class", "charts")]) {
                        el("figure") {
                            el("figcaption") { bilingual("ระดับความสำเร็จ จำนวนสถานีต่อกองบัญชาการ", "Stations at each level, per bureau") }
                            Charts.levels(bureaus)
                        }
                        el("figure") {
                            el("figcaption") { bilingual("อัตราการรายงาน (%)", "Reporting rate (%)") }
                            Charts.rates(bureaus.map { ($0.base.bureau ?? "", $0.reportingRate.map { $0 * 100 }) })
                        }
                        el("figure") {
                            el("figcaption") { bilingual("ขั้นตอนที่ทำตรงเวลา (%)", "Steps done on time (%)") }
                            Charts.rates(bureaus.map { row in
                                (row.base.bureau ?? "", row.stepsDated > 0 ? Double(row.stepsOnTime) * 100 / Double(row.stepsDated) : nil)
                            })
                        }
                    }
                    table(members)
                }
            }),
        ]))
    }

    private func table(_ members: [OfficeSummaryRow]) -> Markup {
        wideTable {
            el("thead") {
                el("tr") {
                    heading("กองบัญชาการ", "bureau"); heading("ในบัญชี", "roster"); heading("มีผล", "accepted")
                    heading("ไม่รับ รอติดตาม", "rejected, open"); heading("ยังไม่มีผล", "missing"); heading("อัตรารายงาน", "rate")
                    heading("ขั้นสูง", "advanced"); heading("มาตรฐาน", "standard"); heading("ขั้นต่ำ", "minimum")
                    heading("ต่ำกว่าเป้า", "below"); heading("คะแนนเฉลี่ย", "mean score"); heading("ตรงเวลา", "on time")
                }
            }
            el("tbody") {
                for row in members {
                    el("tr", [("class", row.base.bureau == nil ? "total" : nil)]) {
                        el("th", [("scope", "row")]) { row.base.bureau ?? "รวม / all" }
                        el("td", [("class", "number")]) { row.rosterStations.map(String.init) ?? "—" }
                        el("td", [("class", "number")]) { String(row.base.stations) }
                        el("td", [("class", "number")]) { String(row.rejectedOpen) }
                        el("td", [("class", "number")]) { row.missing.map(String.init) ?? "—" }
                        el("td", [("class", "number")]) { row.reportingRate.map { String(format: "%.1f%%", $0 * 100) } ?? "—" }
                        for target in OfficeReports.targets {
                            el("td", [("class", "number")]) { String(row.base.targets[target] ?? 0) }
                        }
                        el("td", [("class", "number")]) { row.base.stations > 0 ? String(format: "%.2f", row.base.meanScore) : "—" }
                        el("td", [("class", "number")]) { "\(row.stepsOnTime)/\(row.stepsDated)" }
                    }
                }
            }
        }
    }
}

/// `/office/records`: the current accepted records within the user's scope.
struct RecordsPage {
    var frame: OfficeFrame
    var records: [StoredRecord]

    func render() -> String {
        frame.render(Markup.joined([
            el("p", [("class", "count")]) { bilingual("\(records.count) รายการ", "\(records.count) current records") },
            downloads("/api/office/records", query: "", xlsx: false),
            stackedTable {
                el("thead") {
                    el("tr") {
                        heading("ปี/รอบ", "year/round"); heading("สถานี", "station"); heading("กองบัญชาการ", "bureau")
                        heading("ระดับ", "level"); heading("คะแนน", "score"); heading("เป้าหมาย", "target")
                        heading("ผู้รายงาน", "reporter"); heading("โทรศัพท์", "phone")
                    }
                }
                el("tbody") {
                    for stored in RecordsPage.readingOrder(records) {
                        let record = stored.record
                        el("tr") {
                            cell("ปี/รอบ") { "\(record.fiscalYear) / \(record.round)" }
                            cell("สถานี") { el("strong") { record.station } }
                            cell("กองบัญชาการ") { record.bureau }
                            cell("ระดับ", "number") { String(record.level) }
                            cell("คะแนน", "number") { String(record.score) }
                            cell("เป้าหมาย") { record.target.thai }
                            cell("ผู้รายงาน") { record.reporter ?? "" }
                            cell("โทรศัพท์") { PhoneDisplay.format(record.phone) }
                        }
                    }
                }
            },
        ]))
    }
}

extension RecordsPage {
    /// The page lists by year, round, bureau (บช.น., ภ.1 … ภ.9) and station, as the office
    /// reads it; the CSV
    /// keeps the CLI's order (arrival), byte for byte.
    static func readingOrder(_ records: [StoredRecord]) -> [StoredRecord] {
        records.sorted { left, right in
            let (a, b) = (left.record, right.record)
            if (a.fiscalYear, a.round) != (b.fiscalYear, b.round) { return (a.fiscalYear, a.round) < (b.fiscalYear, b.round) }
            let (first, second) = (Ledger.bureauOrder(a.bureau), Ledger.bureauOrder(b.bureau))
            return first != second ? first < second : a.station < b.station
        }
    }
}

/// `/office/roster`: the stations each bureau must hear from; for an `admin`, the form that
/// replaces it with a CSV file (every bad row listed with its line, nothing changed).
struct RosterPage {
    var frame: OfficeFrame
    var entries: [StationRoster.Entry]
    /// After a good import: how many stations it brought.
    var imported: Int?
    /// After a refused import: every problem, at its line.
    var problems: [RosterProblem] = []
    var file: String?

    func render() -> String {
        frame.render(Markup.joined([
            outcome,
            frame.user.role == .admin ? importForm : el("p", [("class", "hint")]) {
                bilingual("ผู้ดูแลระบบ (admin) นำเข้าบัญชีได้ที่หน้านี้ หรือด้วย pipeline roster import FILE.csv",
                          "An administrator imports it on this page or with pipeline roster import FILE.csv")
            },
            el("p", [("class", "count")]) { bilingual("\(entries.count) สถานี", "\(entries.count) stations") },
            stackedTable {
                el("thead") {
                    el("tr") { heading("สถานี", "station"); heading("กองบัญชาการ", "bureau"); heading("จังหวัด", "province"); heading("โทรศัพท์", "phone") }
                }
                el("tbody") {
                    for entry in entries {
                        el("tr") {
                            cell("สถานี") { entry.station }; cell("กองบัญชาการ") { entry.bureau }; cell("จังหวัด") { entry.province }
                            cell("โทรศัพท์") { PhoneDisplay.format(entry.phone) }
                        }
                    }
                }
            },
        ]))
    }

    private var outcome: Markup {
        if let imported {
            return el("section", [("class", "verdict accepted"), ("role", "status")]) {
                el("p") { bilingual("นำเข้าบัญชีรายชื่อแล้ว \(imported) สถานี", "The roster was imported: \(imported) stations.") }
            }
        }
        guard !problems.isEmpty else { return .empty }
        return el("section", [("class", "verdict rejected"), ("id", "problem"), ("role", "alert")]) {
            el("p") {
                bilingual("ไม่นำเข้า\(file.map { " \($0)" } ?? ""): พบ \(problems.count) ข้อ บัญชีเดิมไม่เปลี่ยน",
                          "Not imported: \(problems.count) problem(s); the roster is unchanged.")
            }
            el("ul", [("class", "problems")]) {
                for problem in problems {
                    el("li") {
                        if problem.line > 0 { el("strong") { "บรรทัด \(ThaiDigits.thai(problem.line)) / line \(problem.line): " } }
                        problem.messageTH
                        el("br")
                        el("span", [("class", "en")]) { problem.messageEN }
                    }
                }
            }
        }
    }

    private var importForm: Markup {
        el("form", [("method", "post"), ("action", "/office/roster"), ("enctype", "multipart/form-data"), ("class", "card")]) {
            el("input", [("type", "hidden"), ("name", CSRFMiddleware.fieldName), ("value", frame.csrfToken)])
            el("label", [("for", "roster")]) { bilingual("นำเข้าบัญชีรายชื่อใหม่ (แทนที่ทั้งหมด)", "Import a new roster (replaces it whole)") }
            el("input", [("type", "file"), ("id", "roster"), ("name", "roster"), ("accept", ".csv,text/csv"), ("required", "")])
            el("p", [("class", "hint")]) {
                bilingual("CSV หัวตาราง station,bureau,province และ phone ถ้ามี; UTF-8 หรือ Windows-874",
                          "CSV with the header station,bureau,province and optionally phone; UTF-8 or Windows-874")
            }
            el("button", [("type", "submit")]) { "นำเข้า / Import" }
        }
    }
}
