// The messages for libxml2's errors and for a DOCTYPE: whole sentences in each language that
// say what to do. libxml2's own text, which is English, appears only in the English message,
// quoted as a detail.

extension XMLDiagnostic {
    /// ` (libxml2: "…")`, for the English message.
    private var detail: String { text.isEmpty ? "" : " (libxml2: \"\(text)\")" }

    /// `<a> หรือ <b>` / `<a> or <b>`.
    private static func tags(_ names: [String], or word: String) -> String {
        names.map { "<\($0)>" }.joined(separator: " \(word) ")
    }

    /// The message for a well-formedness error (`malformed`).
    var wellFormednessMessage: Message {
        switch kind {
        case .undeclaredEntity(let name):
            return Message(
                thai: "ไม่รู้จัก &\(name); — XML ของแบบรายงานไม่มีชื่อแทนข้อความนี้ (ใช้ได้เฉพาะ &amp; &lt; &gt; &quot; &apos;) กรุณาเขียนข้อความจริงลงไปแทน &\(name);",
                english: "&\(name); is not defined — the form's XML knows only &amp; &lt; &gt; &quot; &apos;; write the text itself in place of &\(name);\(detail).")
        case .unescapedMarkup:
            return Message(
                thai: "พบเครื่องหมาย & หรือ < ในข้อความ ซึ่ง XML ถือเป็นเครื่องหมายพิเศษ — กรุณาเขียน & เป็น &amp; และ < เป็น &lt;",
                english: "An & or < is written as text, which XML reads as markup — write & as &amp; and < as &lt;\(detail).")
        case .extraContent:
            return Message(
                thai: "มีข้อความหรือแท็กต่อท้ายหลัง </report> — แบบรายงานต้องจบที่ </report> กรุณาลบส่วนที่อยู่หลังออก",
                english: "There is more after the closing </report> — the form must end there; delete what follows it\(detail).")
        case .noRootElement:
            return Message(
                thai: "ไม่พบแบบรายงานในไฟล์ XML (ไม่มีแท็ก <report>) — กรุณาเริ่มจากแบบฟอร์มต้นแบบ",
                english: "The file holds no form (no <report> element) — start from the template form\(detail).")
        case .tagMismatch(let open, let close):
            return Message(
                thai: "แท็กปิด </\(close)> ไม่ตรงกับแท็กเปิด <\(open)> — กรุณาปิด <\(open)> ด้วย </\(open)> ก่อน",
                english: "The end tag </\(close)> does not match the open <\(open)> — close <\(open)> with </\(open)> first\(detail).")
        case .unclosedElement(let name):
            return Message(
                thai: "ไฟล์จบก่อนปิดแท็ก <\(name)> — กรุณาเติม </\(name)> ให้ครบ",
                english: "The file ends before <\(name)> is closed — add </\(name)>\(detail).")
        case .brokenMarkup:
            return Message(
                thai: "แท็กหรือแอตทริบิวต์เขียนไม่ครบหรือไม่ถูกต้องที่บรรทัดนี้ — กรุณาตรวจเครื่องหมาย < > = และเครื่องหมายคำพูดให้ครบ หรือเริ่มจากแบบฟอร์มต้นแบบ",
                english: "A tag or attribute is unfinished or written wrong on this line — check every <, >, = and quote mark, or start from the template form\(detail).")
        case .duplicateAttribute(let name):
            return Message(
                thai: "แอตทริบิวต์ \(name) เขียนซ้ำในแท็กเดียวกัน — กรุณาเหลือไว้ครั้งเดียว",
                english: "The attribute \(name) is written twice in one tag — keep one\(detail).")
        case .invalidCharacter:
            return Message(
                thai: "มีอักขระที่ XML ไม่อนุญาต หรือรหัสอักขระของไฟล์ไม่ตรงกับที่ประกาศไว้ในบรรทัดแรก — กรุณาบันทึกไฟล์เป็น UTF-8 โดยบรรทัดแรกเขียนว่า encoding=\"UTF-8\"",
                english: "A character XML does not allow, or bytes not in the encoding the first line declares — save the file as UTF-8, with encoding=\"UTF-8\" on its first line\(detail).")
        case .unsupportedEncoding:
            return Message(
                thai: "ไม่รู้จักรหัสอักขระที่ประกาศไว้ในบรรทัดแรกของไฟล์ — กรุณาบันทึกไฟล์เป็น UTF-8 โดยบรรทัดแรกเขียนว่า encoding=\"UTF-8\"",
                english: "The encoding the first line declares is not one that can be read — save the file as UTF-8, with encoding=\"UTF-8\" on its first line\(detail).")
        case .declarationNotAtStart:
            return Message(
                thai: "บรรทัด <?xml …?> ต้องอยู่ต้นไฟล์ — กรุณาลบบรรทัดว่างหรือข้อความที่อยู่ก่อนหน้าออก",
                english: "The <?xml …?> line must come first in the file — delete the blank lines or text before it\(detail).")
        case .undefinedPrefix(let prefix):
            return Message(
                thai: "คำนำหน้า \(prefix): ในชื่อแท็กไม่ได้ประกาศไว้ — กรุณาลบ \(prefix): ออกจากชื่อแท็ก แบบรายงานใช้ <report xmlns=\"urn:rtp:kpi-report:1\"> โดยไม่มีคำนำหน้า",
                english: "The prefix \(prefix): is not declared — delete \(prefix): from the tag names; the form uses <report xmlns=\"urn:rtp:kpi-report:1\"> without prefixes\(detail).")
        case .tooDeep:
            return Message(
                thai: "แท็กซ้อนกันลึกเกินไป (แบบรายงานซ้อนกันไม่เกิน ๔ ชั้น) — กรุณาเริ่มจากแบบฟอร์มต้นแบบ",
                english: "Elements are nested far too deep (a form nests at most 4 levels) — start from the template form\(detail).")
        default:
            return Message(
                thai: "โครงสร้าง XML ไม่ถูกต้องที่บรรทัดนี้ — กรุณาตรวจแท็กเปิด/ปิดให้ครบ หรือเริ่มจากแบบฟอร์มต้นแบบ",
                english: "The XML is not well-formed here — check that every tag is opened and closed, or start from the template form\(detail).")
        }
    }

    /// The message for a schema-validation error (`schema`).
    var schemaMessage: Message {
        switch kind {
        case .unexpectedElement(let element, let expected):
            if expected.isEmpty {
                return Message(
                    thai: "แท็ก <\(element)> ไม่ควรอยู่ตรงนี้ — กรุณาลบออก หรือย้ายไปตามลำดับของแบบฟอร์มต้นแบบ",
                    english: "<\(element)> does not belong here — delete it, or move it where the template form has it\(detail).")
            }
            return Message(
                thai: "แท็ก <\(element)> ไม่ควรอยู่ตรงนี้ — ตรงนี้ต้องเป็น \(Self.tags(expected, or: "หรือ")) ตามลำดับของแบบรายงาน กรุณาย้ายหรือลบ <\(element)>",
                english: "<\(element)> does not belong here — what comes here is \(Self.tags(expected, or: "or")), in the form's order; move or delete <\(element)>\(detail).")
        case .missingElement(let element, let expected):
            return Message(
                thai: "ใน <\(element)> ยังขาด \(Self.tags(expected, or: "หรือ")) — กรุณาเติมตามแบบฟอร์มต้นแบบ",
                english: "<\(element)> lacks \(Self.tags(expected, or: "or")) — add it as the template form has it\(detail).")
        case .missingAttribute(let element, let attribute):
            return Message(
                thai: "แท็ก <\(element)> ขาดแอตทริบิวต์ \(attribute) — กรุณาเติม เช่น <step number=\"๑\" done=\"true\">",
                english: "<\(element)> lacks its \(attribute) attribute — add it, e.g. <step number=\"1\" done=\"true\">\(detail).")
        case .attributeNotAllowed(let element, let attribute):
            return Message(
                thai: "แท็ก <\(element)> มีแอตทริบิวต์ \(attribute) ซึ่งแบบรายงานไม่มี — กรุณาลบ \(attribute) ออก",
                english: "<\(element)> has an attribute \(attribute) the form does not have — delete it\(detail).")
        case .invalidValue(let element, let value) where element == "done":
            return Message(
                thai: "ค่า done=\"\(value)\" ใช้ไม่ได้ — ต้องเป็น true (ดำเนินการแล้ว) หรือ false (ยังไม่ดำเนินการ)",
                english: "done=\"\(value)\" is not a value it can have — write true (done) or false (not done)\(detail).")
        case .invalidValue(let element, let value):
            return Message(
                thai: "ค่า \"\(value)\" ของ \(element) ไม่ถูกต้องตามแบบรายงาน — กรุณาแก้ตามแบบฟอร์มต้นแบบ",
                english: "The value \"\(value)\" of \(element) is not one the form allows — correct it after the template form\(detail).")
        case .textNotAllowed(let element):
            return Message(
                thai: "มีข้อความอยู่ใน <\(element)> โดยตรง ซึ่งต้องมีแต่แท็กย่อย — กรุณาย้ายข้อความเข้าไปในแท็กย่อยที่ถูกต้อง หรือลบออก",
                english: "<\(element)> holds text of its own where only elements belong — move the text into the right element, or delete it\(detail).")
        case .wrongRoot:
            return Message(
                thai: "แท็กนอกสุดต้องเป็น <report xmlns=\"urn:rtp:kpi-report:1\"> — กรุณาแก้แท็กแรกและค่า xmlns ให้ตรง",
                english: "The outermost element must be <report xmlns=\"urn:rtp:kpi-report:1\"> — correct the first tag and its xmlns\(detail).")
        default:
            return Message(
                thai: "ไฟล์ XML ไม่ตรงตามโครงสร้างแบบรายงาน (report.xsd) ที่บรรทัดนี้ — กรุณาแก้ตามแบบฟอร์มต้นแบบ",
                english: "The XML does not follow the form's schema (report.xsd) here — correct it after the template form\(detail).")
        }
    }
}

extension DeclaredEntity {
    /// `&station; → "สภ.เมืองเชียงใหม่"`; for an outside reference, what to do instead.
    var replacementTH: String {
        replacement.map { "&\(name); → \"\($0)\"" } ?? "&\(name); → ข้อมูลจริง (ชื่อนี้อ้างถึงไฟล์หรือที่อยู่ภายนอก ซึ่งระบบไม่เปิดอ่าน)"
    }

    var replacementEN: String {
        replacement.map { "&\(name); → \"\($0)\"" } ?? "&\(name); → the real value (it names an outside file or address, which is never read)"
    }
}
