import Office

/// What every office page shows above its content: who is logged in and what they see,
/// the office's own navigation, and the logout button.
struct OfficeFrame {
    var user: OfficeUser
    var csrfToken: String
    var title: String
    var titleEnglish: String
    /// The navigation entry to mark as the current page.
    var current: String

    static let sections: [(path: String, thai: String, english: String)] = [
        ("/office/rejections", "รายการที่ไม่รับ", "Rejections"),
        ("/office/missing", "สถานีที่ยังไม่ส่ง", "Not reported"),
        ("/office/summary", "สรุปผล", "Summary"),
        ("/office/records", "ผลที่รับแล้ว", "Records"),
        ("/office/roster", "บัญชีรายชื่อสถานี", "Roster"),
    ]

    func render(_ content: Markup) -> String {
        Layout(title: title, titleEnglish: titleEnglish, content: Markup.joined([
            el("nav", [("class", "office"), ("aria-label", "สำนักงาน / office")]) {
                for section in OfficeFrame.sections {
                    el("a", [("href", section.path), ("aria-current", section.path == current ? "page" : nil)]) {
                        section.thai
                        el("span", [("class", "en")]) { " \(section.english)" }
                    }
                }
            },
            el("div", [("class", "who")]) {
                el("span") {
                    el("strong") { user.name }
                    " · "
                    if let bureau = user.scope.bureau { "เห็นเฉพาะ \(bureau)" } else { "ทุกกองบัญชาการ" }
                    el("span", [("class", "en")]) { user.scope.bureau.map { " (sees \($0) only)" } ?? " (every bureau)" }
                }
                el("form", [("method", "post"), ("action", "/logout"), ("class", "inline")]) {
                    el("input", [("type", "hidden"), ("name", CSRFMiddleware.fieldName), ("value", csrfToken)])
                    el("button", [("type", "submit"), ("class", "secondary small")]) { "ออกจากระบบ / Log out" }
                }
            },
            el("h1") { bilingual(title, titleEnglish) },
            content,
        ])).render()
    }
}

/// A table that scrolls sideways on a phone instead of squeezing its columns, with a line
/// (shown on a phone only) saying so.
func wideTable(@MarkupBuilder _ content: () -> Markup) -> Markup {
    el("div", [("class", "table-wrap")]) {
        el("p", [("class", "scroll-hint")]) { bilingual("เลื่อนตารางไปทางซ้าย–ขวาเพื่อดูทุกคอลัมน์", "Swipe the table sideways for every column.") }
        el("table") { content() }
    }
}

/// A table that becomes one card per row on a phone: each cell then shows its column's name
/// before it (`cell(_:_:)` gives that name), so nothing needs scrolling sideways.
func stackedTable(@MarkupBuilder _ content: () -> Markup) -> Markup {
    el("div", [("class", "table-wrap")]) { el("table", [("class", "stacked")]) { content() } }
}

/// A cell of a `stackedTable`, with the Thai name of its column for the phone's layout.
func cell(_ column: String, _ cssClass: String? = nil, @MarkupBuilder _ content: () -> Markup) -> Markup {
    el("td", [("data-label", column), ("class", cssClass)]) { content() }
}

/// A header cell: Thai, the English key under it.
func heading(_ thai: String, _ english: String) -> Markup {
    el("th", [("scope", "col")]) { thai; el("span", [("class", "en")]) { " \(english)" } }
}

/// The download links of a table: the CSV (the CLI's bytes) and, where offered, `.xlsx`.
func downloads(_ apiPath: String, query: String, xlsx: Bool) -> Markup {
    let separator = query.isEmpty ? "?" : "?" + query + "&"
    return el("p", [("class", "downloads")]) {
        el("a", [("href", apiPath + separator + "format=csv"), ("download", "")]) { bilingual("ดาวน์โหลด CSV", "Download CSV") }
        if xlsx {
            " · "
            el("a", [("href", apiPath + separator + "format=xlsx"), ("download", "")]) { bilingual("ดาวน์โหลด Excel (.xlsx)", "Download .xlsx") }
        }
    }
}
