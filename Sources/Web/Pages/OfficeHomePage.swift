import Office

/// `/office`: the office's first page once logged in — who, with which role and bureau, the
/// office's pages, and the logout button.
struct OfficeHomePage {
    var user: OfficeUser
    var csrfToken: String

    func render() -> String {
        Layout(title: "สำนักงาน", titleEnglish: "The office", content: Markup.joined([
            el("h1") { bilingual("หน้าสำนักงาน", "The office") },
            el("nav", [("class", "office"), ("aria-label", "สำนักงาน / office")]) {
                for section in OfficeFrame.sections {
                    el("a", [("href", section.path)]) { section.thai; el("span", [("class", "en")]) { " \(section.english)" } }
                }
            },
            el("section", [("class", "card"), ("id", "who")]) {
                el("p") { bilingual("เข้าสู่ระบบในชื่อ", "Logged in as"); ": "; el("strong") { user.name } }
                el("p") { bilingual("บทบาท", "Role"); ": "; role }
                el("p") {
                    bilingual("เห็นข้อมูลของ", "Sees"); ": "
                    if let bureau = user.scope.bureau {
                        bureau
                    } else {
                        bilingual("ทุกกองบัญชาการ", "every bureau")
                    }
                }
                el("form", [("method", "post"), ("action", "/logout")]) {
                    el("input", [("type", "hidden"), ("name", CSRFMiddleware.fieldName), ("value", csrfToken)])
                    el("button", [("type", "submit")]) { "ออกจากระบบ / Log out" }
                }
            },
        ])).render()
    }

    private var role: Markup {
        switch user.role {
        case .hq: bilingual("hq — ส่วนกลาง", "headquarters")
        case .bureau: bilingual("bureau — กองบัญชาการ", "one bureau")
        case .admin: bilingual("admin — ผู้ดูแลระบบ", "administrator: also users and the roster")
        }
    }
}
