/// `/login`: the user name and password of the office, Thai first, with what went wrong
/// above the form (a wrong login, a lock). The typed name comes back in its field, escaped
/// like all text; the password never comes back.
struct LoginPage {
    var csrfToken: String
    /// Where to go after the login (already `LoginPath.safe`).
    var next: String
    var name: String = ""
    var problem: WebError?

    func render() -> String {
        Layout(title: "เข้าสู่ระบบ", titleEnglish: "Log in", content: Markup.joined([
            el("h1") { bilingual("เข้าสู่ระบบสำหรับสำนักงาน", "Log in to the office pages") },
            problem.map { problem in
                el("section", [("class", "verdict rejected"), ("id", "problem")]) {
                    el("p") { bilingual(problem.messageTH, problem.messageEN) }
                }
            } ?? .empty,
            form(),
        ])).render()
    }

    func form() -> Markup {
        el("form", [("class", "card"), ("method", "post"), ("action", "/login")]) {
            el("input", [("type", "hidden"), ("name", CSRFMiddleware.fieldName), ("value", csrfToken)])
            el("input", [("type", "hidden"), ("name", "next"), ("value", next)])
            el("label", [("for", "username")]) { bilingual("ชื่อผู้ใช้", "User name") }
            el("input", [("type", "text"), ("id", "username"), ("name", "username"), ("value", String(name.prefix(100))),
                         ("autocomplete", "username"), ("required", ""), ("autocapitalize", "none"), ("spellcheck", "false")])
            el("label", [("for", "password")]) { bilingual("รหัสผ่าน", "Password") }
            el("input", [("type", "password"), ("id", "password"), ("name", "password"),
                         ("autocomplete", "current-password"), ("required", "")])
            el("button", [("type", "submit")]) { "เข้าสู่ระบบ / Log in" }
        }
    }
}
