import Foundation
import Inbox
import Office

/// The filters of the rejection log, as the page's form and the API's query give them.
struct RejectionQuery {
    /// `nil`: open and contacted (still followed up); `all`: every status.
    var status: String?
    var bureau: String?
    var station: String?
    var rule: String?

    static let statuses = ["active", "open", "contacted", "resolved", "all"]

    /// The query string that gives these filters again (for the download links).
    var queryString: String {
        [("status", status), ("bureau", bureau), ("station", station), ("rule", rule)]
            .compactMap { key, value in value.map { "\(key)=\(LoginPath.queryEncoded($0))" } }
            .joined(separator: "&")
    }
}

/// `/office/rejections`: whom to call and why, with the filters and each row's follow-up.
struct RejectionsPage {
    var frame: OfficeFrame
    var query: RejectionQuery
    var rows: [Rejection]
    var bureaus: [String]
    /// The roster's phones by station, for rows whose file gave none.
    var rosterPhones: [String: String] = [:]

    func render() -> String {
        frame.render(Markup.joined([
            el("form", [("method", "get"), ("action", "/office/rejections"), ("class", "filters card")]) {
                el("div", [("class", "grid")]) {
                    el("div") {
                        el("label", [("for", "status")]) { bilingual("สถานะ", "Status") }
                        el("select", [("id", "status"), ("name", "status")]) {
                            for (value, thai) in [("active", "ยังต้องติดตาม"), ("open", "รอติดตาม"),
                                                  ("contacted", "ติดต่อแล้ว"), ("resolved", "ปิดแล้ว"), ("all", "ทั้งหมด")] {
                                el("option", [("value", value), ("selected", (query.status ?? "active") == value ? "" : nil)]) {
                                    "\(thai) / \(value)"
                                }
                            }
                        }
                    }
                    el("div") {
                        el("label", [("for", "bureau")]) { bilingual("กองบัญชาการ", "Bureau") }
                        el("select", [("id", "bureau"), ("name", "bureau")]) {
                            el("option", [("value", "")]) { "ทั้งหมด / all" }
                            for bureau in bureaus {
                                el("option", [("value", bureau), ("selected", query.bureau == bureau ? "" : nil)]) { bureau }
                            }
                        }
                    }
                    el("div") {
                        el("label", [("for", "station")]) { bilingual("สถานี", "Station") }
                        el("input", [("type", "text"), ("id", "station"), ("name", "station"), ("value", query.station ?? "")])
                    }
                    el("div") {
                        el("label", [("for", "rule")]) { bilingual("กฎ", "Rule") }
                        el("input", [("type", "text"), ("id", "rule"), ("name", "rule"), ("value", query.rule ?? ""),
                                     ("placeholder", "เช่น bad-unit")])
                    }
                }
                el("button", [("type", "submit")]) { "แสดง / Show" }
            },
            el("p", [("class", "count")]) {
                bilingual("\(rows.count) รายการ", "\(rows.count) rows")
            },
            downloads("/api/office/rejections", query: query.queryString, xlsx: false),
            rows.isEmpty
                ? el("p", [("class", "empty card")]) { bilingual("ไม่มีรายการตามเงื่อนไขนี้", "Nothing matches these filters.") }
                : stackedTable {
                    el("thead") {
                        el("tr") {
                            heading("เลขที่", "id"); heading("รับเมื่อ", "received"); heading("สถานี", "station")
                            heading("ปี/รอบ", "year/round"); heading("ผู้รายงาน โทร", "whom to call")
                            heading("กฎที่ไม่ผ่าน", "rules"); heading("สถานะ", "status"); heading("บันทึกล่าสุด", "latest note")
                        }
                    }
                    el("tbody") {
                        for rejection in rows { row(rejection) }
                    }
                },
        ]))
    }

    private func row(_ rejection: Rejection) -> Markup {
        el("tr", [("id", "r\(rejection.id)")]) {
            cell("เลขที่") { el("a", [("href", "/office/rejections/\(rejection.id)")]) { "#\(rejection.id)" } }
            cell("รับเมื่อ", "nowrap") { OfficeReports.localTime(rejection.receivedAt) }
            cell("สถานี") {
                el("strong") { rejection.station ?? "?" }
                el("br")
                rejection.bureau ?? "?"
                if !rejection.contactVerified {
                    el("br")
                    el("span", [("class", "unverified")]) { "ยังไม่ได้ตรวจ / unverified" }
                }
            }
            cell("ปี/รอบ") { "\(rejection.fiscalYear.map(String.init) ?? "?") / \(rejection.round.map(String.init) ?? "?")" }
            cell("ผู้รายงาน โทร") {
                rejection.reporter ?? "?"
                el("br")
                PhoneLink(phone: rejection.phone, rosterPhone: rejection.station.flatMap { rosterPhones[$0] }).markup
            }
            cell("กฎที่ไม่ผ่าน") { el("span", [("class", "rule")]) { rejection.rules.joined(separator: ", ") } }
            cell("สถานะ") { StatusBadge(status: rejection.status).markup }
            cell("บันทึกล่าสุด", "note") { rejection.latestNote ?? "" }
        }
    }
}

/// Whom to call: the phone the file gave; else the roster's, marked as the roster's; else `?`.
struct PhoneLink {
    var phone: String?
    var rosterPhone: String? = nil

    var markup: Markup {
        if let phone {
            return link(phone)
        }
        guard let rosterPhone else { return .text("?") }
        return link(rosterPhone) + .text(" ") + el("span", [("class", "unverified")]) { "(จากบัญชีรายชื่อ / roster)" }
    }

    private func link(_ phone: String) -> Markup {
        el("a", [("href", "tel:\(phone)"), ("class", "phone")]) { PhoneDisplay.format(phone) }
    }
}

/// A follow-up status as a coloured label, Thai and English.
struct StatusBadge {
    var status: RejectionStatus

    var markup: Markup {
        el("span", [("class", "status status-\(status.rawValue)")]) { "\(OfficeReports.thai(status)) / \(status.rawValue)" }
    }
}

/// `/office/rejections/ID`: one rejection — whom to call, why (the notice as the station
/// got it), its follow-up so far, and the two actions.
struct RejectionPage {
    var frame: OfficeFrame
    var rejection: Rejection
    /// The roster's phone for the station, shown when the file gave none.
    var rosterPhone: String?
    var events: [FollowUpEvent]
    var notice: String?
    /// A refused action, shown above the forms with the note kept.
    var problem: String?
    var draftNote: String = ""

    func render() -> String {
        frame.render(Markup.joined([
            el("section", [("class", "card contact")]) {
                el("h2") { bilingual("ติดต่อใคร", "Whom to call") }
                el("dl") {
                    el("dt") { bilingual("สถานี", "Station") }; el("dd") { rejection.station ?? "?" }
                    el("dt") { bilingual("กองบัญชาการ", "Bureau") }; el("dd") { rejection.bureau ?? "?" }
                    el("dt") { bilingual("ปีงบประมาณ / รอบ", "Year / round") }
                    el("dd") { "\(rejection.fiscalYear.map(String.init) ?? "?") / \(rejection.round.map { "\($0) เดือน" } ?? "?")" }
                    el("dt") { bilingual("ผู้รายงาน", "Reporter") }; el("dd") { rejection.reporter ?? "?" }
                    el("dt") { bilingual("โทรศัพท์", "Phone") }
                    el("dd") { PhoneLink(phone: rejection.phone, rosterPhone: rosterPhone).markup }
                    el("dt") { bilingual("สถานะ", "Status") }; el("dd") { StatusBadge(status: rejection.status).markup }
                }
                if !rejection.contactVerified {
                    el("p", [("class", "unverified")]) {
                        bilingual("ข้อมูลติดต่อนี้อ่านจากข้อความในไฟล์ที่ตรวจไม่ผ่าน ยังไม่ได้ตรวจสอบ",
                                  "This contact was read from the text of a file that could not be checked: not verified.")
                    }
                }
                el("p") {
                    bilingual("ไฟล์", "File"); ": "; el("code") { rejection.fileName }
                    " · "; bilingual("กฎที่ไม่ผ่าน", "Rules"); ": "; el("span", [("class", "rule")]) { rejection.rules.joined(separator: ", ") }
                }
            },
            actions,
            el("section", [("class", "card")]) {
                el("h2") { bilingual("การติดตาม", "Follow-up so far") }
                if events.isEmpty {
                    el("p") { bilingual("ยังไม่มีการบันทึก", "Nothing recorded yet.") }
                } else {
                    el("ol", [("class", "events")]) {
                        for event in events {
                            el("li") {
                                el("span", [("class", "nowrap")]) { OfficeReports.localTime(event.at) }
                                " "; StatusBadge(status: event.status).markup; " "
                                el("strong") { event.actor }
                                el("p", [("class", "note")]) { event.note }
                            }
                        }
                    }
                }
            },
            el("section") {
                el("h2") { bilingual("หนังสือแจ้งที่สถานีได้รับ", "The notice the station got") }
                el("pre", [("class", "notice")]) { notice ?? "—" }
            },
        ]))
    }

    private var actions: Markup {
        guard rejection.status != .resolved else {
            return el("p", [("class", "card")]) { bilingual("รายการนี้ปิดแล้ว", "This rejection is resolved.") }
        }
        return el("section", [("class", "card")]) {
            el("h2") { bilingual("บันทึกการติดตาม", "Record what was done") }
            if let problem {
                el("p", [("class", "problem"), ("role", "alert")]) { problem }
            }
            el("form", [("method", "post"), ("action", "/office/rejections/\(rejection.id)/events")]) {
                el("input", [("type", "hidden"), ("name", CSRFMiddleware.fieldName), ("value", frame.csrfToken)])
                el("label", [("for", "note")]) { bilingual("บันทึก (ติดต่อใคร ตกลงอะไร)", "Note (whom you reached, what was agreed)") }
                el("textarea", [("id", "note"), ("name", "note"), ("class", "note"), ("maxlength", String(FollowUpError.noteLimit)),
                                ("required", "")]) { draftNote }
                el("button", [("type", "submit"), ("name", "status"), ("value", "contacted")]) { "ติดต่อแล้ว / Contacted" }
                el("button", [("type", "submit"), ("name", "status"), ("value", "resolved"), ("class", "secondary")]) {
                    "ปิดเรื่อง / Resolve"
                }
            }
        }
    }
}
