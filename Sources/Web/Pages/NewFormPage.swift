import Ingest
import Validate

/// `/new`: a form made from fields. `ตรวจ` shows the findings next to the fields they
/// concern; `ดาวน์โหลด XML` and `ส่งแบบรายงาน` post the same fields to `/new/xml` and
/// `/new/send` (`formaction`: no script needed).
struct NewFormPage {
    var csrfToken: String
    var draft: FormDraft
    var ruleBook: RuleBook
    /// After `ตรวจ`: the check of the built XML.
    var checked: (view: VerdictView, xml: FormDraft.BuiltXML)?
    /// A refusal to show above the fields.
    var problem: WebError?
    /// The roster's station names, offered as the station field's choices (typed otherwise).
    var rosterStations: [String] = []

    /// The findings by the page field they concern; those tied to no field under `""`.
    var findingsByField: [String: [Finding]] {
        guard let checked else { return [:] }
        var result: [String: [Finding]] = [:]
        for finding in checked.view.verdict.findings {
            let field = finding.step.map { "step\($0)" } ?? finding.line.flatMap { checked.xml.fieldByLine[$0] } ?? ""
            result[field, default: []].append(finding)
        }
        return result
    }

    func render() -> String {
        let findings = findingsByField
        let content = Markup.joined([
            el("h1") { bilingual("ทำแบบรายงาน", "Make a form") },
            el("p", [("class", "hint")]) {
                bilingual("กรอกช่องต่าง ๆ แล้วกด ตรวจ ระบบจะบอกสิ่งที่ต้องแก้ข้างช่องนั้น วันที่พิมพ์ได้หลายแบบ เช่น ๑๕ พ.ย. ๒๕๖๓ หรือ 15/11/2563",
                          "Fill in the fields and press Check: what to fix appears beside each field. Dates may be typed in any usual way, e.g. ๑๕ พ.ย. ๒๕๖๓ or 15/11/2563.")
            },
            problem.map { problem in
                el("section", [("class", "verdict rejected")]) { el("p") { bilingual(problem.messageTH, problem.messageEN) } }
            } ?? .empty,
            checked.map { $0.view.headline() } ?? .empty,
            general(findings[""] ?? []),
            form(findings),
            checked?.view.verdict.record.map { RecordView(record: $0, ruleBook: ruleBook).render() } ?? .empty,
        ])
        return Layout(title: "ทำแบบรายงาน", titleEnglish: "Make a form", content: content).render()
    }

    private func general(_ findings: [Finding]) -> Markup {
        guard !findings.isEmpty else { return .empty }
        return el("section", [("class", "card")]) { findingList(findings) }
    }

    private func form(_ findings: [String: [Finding]]) -> Markup {
        let bureaus = ruleBook.fiscalYears.last.flatMap(ruleBook.ruleSet(forFiscalYear:))?.bureaus.map(\.name) ?? []
        let ruleSet = draft.ruleSet
        return el("form", [("method", "post"), ("action", "/new"), ("class", "new-form")]) {
            el("input", [("type", "hidden"), ("name", CSRFMiddleware.fieldName), ("value", csrfToken)])
            el("fieldset") {
                el("legend") { bilingual("หน่วยและรอบรายงาน", "Unit and round") }
                el("div", [("class", "grid")]) {
                    textField("station", "หน่วยปฏิบัติ (สน./สภ.)", "Station", draft.station, findings, hint: "เช่น สภ.เมืองเชียงใหม่",
                              choices: rosterStations)
                    el("div", [("class", "field"), ("id", "field-bureau")]) {
                        el("label", [("for", "bureau")]) { bilingual("สังกัด", "Bureau") }
                        el("select", [("id", "bureau"), ("name", "bureau")]) {
                            el("option", [("value", ""), ("selected", draft.bureau.isEmpty ? "" : nil)]) { "— เลือก / choose —" }
                            for name in bureaus + (bureaus.contains(draft.bureau) || draft.bureau.isEmpty ? [] : [draft.bureau]) {
                                el("option", [("value", name), ("selected", name == draft.bureau ? "" : nil)]) { name }
                            }
                        }
                        findingList(findings["bureau"] ?? [])
                    }
                    textField("province", "จังหวัด", "Province", draft.province, findings, hint: "ไม่ต้องกรอกสำหรับ สน. / optional for บช.น.")
                    el("div", [("class", "field"), ("id", "field-round")]) {
                        el("label", [("for", "round")]) { bilingual("รอบการรายงาน", "Round") }
                        el("select", [("id", "round"), ("name", "round")]) {
                            el("option", [("value", "6"), ("selected", draft.round == "6" ? "" : nil)]) { "รอบ ๖ เดือน / 6 months" }
                            el("option", [("value", "12"), ("selected", draft.round == "12" ? "" : nil)]) { "รอบ ๑๒ เดือน / 12 months" }
                        }
                        findingList(findings["round"] ?? [])
                    }
                    textField("fiscal_year", "ปีงบประมาณ (พ.ศ.)", "Fiscal year (B.E.)", draft.fiscalYear, findings, hint: "เช่น ๒๕๖๔")
                    textField("reported_on", "วันที่รายงาน", "Report date", draft.reportedOn, findings, hint: "เช่น ๒๐ เม.ย. ๒๕๖๔")
                }
                findingList((findings["indicator"] ?? []) + (findings["score"] ?? []))
            }
            el("fieldset") {
                el("legend") { bilingual("ขั้นตอนการดำเนินงาน", "Steps") }
                for number in FormDraft.stepNumbers {
                    let step = draft.steps[number - 1]
                    let ruleStep = ruleSet?.steps.first { $0.number == number }
                    el("div", [("class", "step"), ("id", "field-step\(number)")]) {
                        el("label", [("class", "check-inline"), ("for", "step\(number)_done")]) {
                            el("input", [("type", "checkbox"), ("id", "step\(number)_done"), ("name", "step\(number)_done"),
                                         ("value", "true"), ("checked", step.done ? "" : nil)])
                            bilingual("ขั้นตอนที่ \(ThaiDigits.thai(number)) ดำเนินการแล้ว", "Step \(number) done")
                        }
                        if let ruleStep {
                            el("p", [("class", "hint")]) { "\(ruleStep.name) (ช่วงเวลา \(ruleStep.window.thai) / \(ruleStep.window.english))" }
                        }
                        el("div", [("class", "grid")]) {
                            el("div") {
                                el("label", [("for", "step\(number)_date")]) { bilingual("วันที่ดำเนินการ", "Date done") }
                                el("input", [("type", "text"), ("id", "step\(number)_date"), ("name", "step\(number)_date"), ("value", step.date)])
                            }
                            el("div") {
                                el("label", [("for", "step\(number)_evidence")]) { bilingual("หลักฐาน", "Evidence") }
                                el("input", [("type", "text"), ("id", "step\(number)_evidence"), ("name", "step\(number)_evidence"), ("value", step.evidence)])
                            }
                        }
                        findingList(findings["step\(number)"] ?? [])
                    }
                }
            }
            el("fieldset") {
                el("legend") { bilingual("ผู้รายงาน", "Reporter") }
                el("div", [("class", "grid")]) {
                    textField("reporter", "ชื่อผู้รายงาน", "Reporter's name", draft.reporter, findings, hint: "เช่น ร.ต.อ.สมชาย ใจดี")
                    textField("phone", "โทรศัพท์", "Phone", draft.phone, findings, hint: "เช่น ๐๘๑-๒๓๔-๕๖๗๘", type: "tel")
                }
            }
            el("p", [("class", "hint")]) {
                bilingual("คะแนนคำนวณจากขั้นตอนให้เอง: ระดับ \(ThaiDigits.thai(draft.level)) คะแนน \(ThaiDigits.thai(draft.score))",
                          "The score is computed from the steps: level \(draft.level), score \(draft.score).")
            }
            el("button", [("type", "submit"), ("name", "action"), ("value", "check")]) { "ตรวจ / Check" }
            el("button", [("type", "submit"), ("class", "secondary"), ("formaction", "/new/xml")]) { "ดาวน์โหลด XML / Download the XML" }
            el("button", [("type", "submit"), ("formaction", "/new/send")]) { "ส่งแบบรายงาน / Send the form" }
        }
    }

    private func textField(_ name: String, _ thai: String, _ english: String, _ value: String,
                           _ findings: [String: [Finding]], hint: String? = nil, type: String = "text",
                           choices: [String] = []) -> Markup {
        el("div", [("class", "field"), ("id", "field-\(name)")]) {
            el("label", [("for", name)]) { bilingual(thai, english) }
            el("input", [("type", type), ("id", name), ("name", name), ("value", value),
                         ("list", choices.isEmpty ? nil : "\(name)-choices")])
            if !choices.isEmpty {
                el("datalist", [("id", "\(name)-choices")]) {
                    for choice in choices { el("option", [("value", choice)]) }
                }
            }
            if let hint { el("p", [("class", "hint")]) { hint } }
            findingList(findings[name] ?? [])
        }
    }

    private func findingList(_ findings: [Finding]) -> Markup {
        guard !findings.isEmpty else { return .empty }
        return el("ul", [("class", "field-findings")]) {
            for finding in findings {
                el("li", [("class", "severity-\(finding.severity.rawValue)")]) {
                    el("span", [("class", "rule")]) { "[\(finding.rule.rawValue)] " }
                    bilingual(finding.messageTH, finding.messageEN)
                }
            }
        }
    }
}
