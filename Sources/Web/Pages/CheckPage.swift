/// `/`: upload a form or paste it, and the result of the check below the form.
struct CheckPage {
    var csrfToken: String
    /// The text to put back into the text area (what was pasted).
    var pasted: String = ""
    var result: VerdictView?
    /// A refusal to show above the form (an empty upload).
    var problem: WebError?

    func render() -> String {
        Layout(title: "ตรวจแบบรายงาน", titleEnglish: "Check a form", content: Markup.joined([
            el("h1") { bilingual("ตรวจแบบรายงานก่อนส่ง", "Check a form before sending it") },
            problem.map { problem in
                el("section", [("class", "verdict rejected"), ("id", "problem")]) {
                    el("p") { bilingual(problem.messageTH, problem.messageEN) }
                }
            } ?? .empty,
            result?.render() ?? .empty,
            form(),
        ])).render()
    }

    func form() -> Markup {
        el("form", [("class", "check-form"), ("method", "post"), ("action", "/"), ("enctype", "multipart/form-data")]) {
            el("section", [("class", "card")]) {
                el("input", [("type", "hidden"), ("name", CSRFMiddleware.fieldName), ("value", csrfToken)])
                el("label", [("for", "form-file")]) { bilingual("เลือกไฟล์แบบรายงาน (XML หรือข้อความ)", "Choose the form file (XML or text)") }
                el("input", [("type", "file"), ("id", "form-file"), ("name", "form"), ("accept", ".xml,.txt,text/xml,application/xml,text/plain")])
                el("label", [("for", "form-text")]) { bilingual("หรือวางข้อความแบบรายงานที่นี่", "or paste the form's text here") }
                el("textarea", [("id", "form-text"), ("name", "text"), ("rows", "14"), ("spellcheck", "false")]) { pasted }
                el("p", [("class", "hint")]) {
                    bilingual("ระบบตรวจอย่างเดียว ไม่เก็บแบบรายงานไว้", "Nothing is stored: the form is only checked.")
                }
                el("button", [("type", "submit")]) { "ตรวจแบบรายงาน / Check" }
            }
        }
    }
}
