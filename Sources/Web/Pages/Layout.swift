/// The frame of every page: `<html lang="th">`, the served stylesheet (no inline style, no
/// script, nothing from another origin), the navigation, Thai first with English beside.
struct Layout {
    var title: String
    var titleEnglish: String
    var content: Markup
    /// Seconds after which the browser loads the page again by itself (`<meta http-equiv=
    /// "refresh">`, no script): for a page whose answer is still coming, such as a form
    /// waiting to be checked.
    var refreshAfter: Int? = nil

    func render() -> String {
        (Markup.doctype + el("html", [("lang", "th")]) {
            el("head") {
                el("meta", [("charset", "utf-8")])
                el("meta", [("name", "viewport"), ("content", "width=device-width, initial-scale=1")])
                if let refreshAfter {
                    el("meta", [("http-equiv", "refresh"), ("content", String(refreshAfter))])
                }
                el("title") { "\(title) / \(titleEnglish) — กต.ตร. พบประชาชน" }
                el("link", [("rel", "stylesheet"), ("href", Stylesheet.path)])
                el("link", [("rel", "icon"), ("href", Stylesheet.iconPath), ("type", "image/svg+xml")])
            }
            el("body") {
                el("header", [("class", "site")]) {
                    el("p", [("class", "brand")]) {
                        "แบบรายงานโครงการ กต.ตร. พบประชาชน"
                        el("span", [("class", "en")]) { " Station report forms" }
                    }
                    el("nav") {
                        el("a", [("href", "/")]) { "ตรวจแบบรายงาน"; el("span", [("class", "en")]) { " Check a form" } }
                        el("a", [("href", "/new")]) { "ทำแบบรายงาน"; el("span", [("class", "en")]) { " Make a form" } }
                        el("a", [("href", "/office")]) { "สำนักงาน"; el("span", [("class", "en")]) { " Office" } }
                    }
                }
                el("main") { content }
                el("footer") {
                    el("p") {
                        "ระบบรับแบบรายงาน สำนักงานตำรวจแห่งชาติ — ไม่มีข้อมูลใดส่งออกนอกเครือข่ายนี้"
                        el("span", [("class", "en")]) { " The pipeline's web face; nothing leaves this network." }
                    }
                }
            }
        }).html
    }
}

/// Thai, then the English in a lighter span beside it.
func bilingual(_ thai: String, _ english: String) -> Markup {
    Markup.text(thai) + el("span", [("class", "en")]) { " \(english)" }
}

/// The page for a refused request.
struct ErrorPage {
    var error: WebError

    func render() -> String {
        Layout(title: "ทำรายการไม่ได้", titleEnglish: "Refused", content: el("section", [("class", "verdict rejected")]) {
            el("h1") { bilingual(error.messageTH, error.messageEN) }
            el("p", [("class", "code")]) { "รหัส / code: \(error.code) (\(error.status.code))" }
            el("p") { el("a", [("href", "/")]) { bilingual("กลับไปหน้าตรวจแบบรายงาน", "Back to the check page") } }
        }).render()
    }
}
