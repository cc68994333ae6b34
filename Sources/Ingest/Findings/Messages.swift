/// A message in both languages. Thai comes first everywhere the product prints.
public struct Message: Sendable, Equatable {
    public let thai: String
    public let english: String

    public init(thai: String, english: String) {
        self.thai = thai
        self.english = english
    }
}

extension Problem {
    /// What is wrong and how to fix it, in Thai and in English. Every message the readers
    /// can say about a file is written here; the validator's are in `ContentMessages.swift`.
    public var message: Message {
        func th(_ n: Int) -> String { ThaiDigits.thai(n) }

        switch self {
        case .emptyFile:
            return Message(
                thai: "ไฟล์ว่างเปล่า ไม่มีข้อมูล — กรุณาส่งแบบรายงานที่กรอกข้อมูลแล้ว",
                english: "The file is empty — send the filled-in report form.")
        case .binaryContent(let line):
            return Message(
                thai: "ไฟล์มีอักขระควบคุมหรือข้อมูลไบนารี (บรรทัด \(th(line))) ไม่ใช่แบบรายงานแบบข้อความหรือ XML — กรุณาบันทึกเป็นไฟล์ข้อความ (.txt) หรือ XML แล้วส่งใหม่",
                english: "The file holds control characters or binary data (line \(line)); it is not a text or XML form — save it as plain text (.txt) or XML and send it again.")
        case .undecodable(let detail):
            return Message(
                thai: "อ่านรหัสอักขระของไฟล์ไม่ได้ (\(detail)) — กรุณาบันทึกเป็น UTF-8 แล้วส่งใหม่",
                english: "The file's character encoding cannot be read (\(detail)) — save it as UTF-8 and send it again.")
        case .tooLarge(let size, let limit):
            return Message(
                thai: "ไฟล์มีขนาด \(th(size)) ไบต์ เกินขนาดสูงสุด \(th(limit)) ไบต์ — แบบรายงานไม่ควรมีไฟล์แนบ กรุณาส่งเฉพาะแบบรายงาน",
                english: "The file is \(size) bytes, over the \(limit)-byte limit — a report form carries no attachments; send the form alone.")
        case .notRegularFile(let kind):
            return Message(
                thai: "สิ่งที่ส่งมาไม่ใช่ไฟล์ปกติ จึงไม่ได้อ่าน — กรุณาส่งแบบรายงานเป็นไฟล์",
                english: "What was sent is not a regular file (\(kind)), so it was not read — send the report form as a file.")
        case .cannotRead(let detail):
            return Message(
                thai: "เปิดอ่านไฟล์ไม่ได้ — กรุณาตรวจสอบไฟล์และสิทธิ์การอ่านไฟล์ แล้วส่งใหม่",
                english: "The file cannot be opened or read (\(detail)) — check the file and send it again.")

        case .xmlNotWellFormed(let diagnostic):
            return diagnostic.wellFormednessMessage
        case .moreXMLErrors(let count):
            return Message(
                thai: "ยังมีข้อผิดพลาดของโครงสร้าง XML อีก \(th(count)) รายการที่ไม่ได้แสดง — กรุณาแก้ตามรายการข้างต้นแล้วส่งใหม่ ระบบจะตรวจทั้งไฟล์อีกครั้ง",
                english: "\(count) more XML errors are not listed — fix the ones above and send the file again; it is checked again in full.")
        case .noFields:
            return Message(
                thai: "ไม่พบช่องข้อมูลในรูปแบบ \"หัวข้อ : ข้อมูล\" เลย — กรุณากรอกตามแบบรายงาน เช่น \"หน่วยปฏิบัติ : สภ.เมืองเชียงใหม่\"",
                english: "No \"LABEL : VALUE\" line names a field — fill in the form as the template shows, e.g. \"station : สภ.เมืองเชียงใหม่\".")
        case .unreadableStep(let value):
            return Message(
                thai: "อ่านสถานะของขั้นตอนไม่ได้: \"\(value)\" — ให้ขึ้นต้นด้วย \"ดำเนินการแล้ว\" หรือ \"ยังไม่ดำเนินการ\" ตามด้วย \"เมื่อ\" และวันที่",
                english: "The step's status cannot be read: \"\(value)\" — start with \"ดำเนินการแล้ว\" (done) or \"ยังไม่ดำเนินการ\" (not done), then \"เมื่อ\" and the date.")
        case .duplicateField(let field, let firstLine):
            let whereTH = firstLine.map { " (ครั้งแรกที่บรรทัด \(th($0)))" } ?? ""
            let whereEN = firstLine.map { " (first on line \($0))" } ?? ""
            return Message(
                thai: "ช่อง \"\(field.thaiName)\" กรอกซ้ำด้วยค่าที่ต่างกัน\(whereTH) — กรุณาเหลือไว้ค่าเดียว",
                english: "The \(field.englishName) is given twice with different values\(whereEN) — keep one.")

        case .doctype(let entities):
            let thenTH = entities.isEmpty ? ""
                : " แล้วเขียนข้อความแทนชื่อที่ประกาศไว้ทุกแห่งในเนื้อหา: " + entities.map(\.replacementTH).joined(separator: ", ")
            let thenEN = entities.isEmpty ? ""
                : ", then write the text in place of each name it declared, wherever it is used: " + entities.map(\.replacementEN).joined(separator: ", ")
            return Message(
                thai: "ไฟล์ XML มีการประกาศ DOCTYPE ซึ่งไม่อนุญาตด้วยเหตุผลด้านความปลอดภัย — กรุณาลบส่วน <!DOCTYPE …> ทั้งหมดออก (แบบรายงานไม่ต้องใช้)" + thenTH,
                english: "The XML declares a DOCTYPE, which is refused for safety — delete the whole <!DOCTYPE …> (forms need none)" + thenEN + ".")
        case .entityDeclaration:
            return Message(
                thai: "ไฟล์ XML มีการประกาศ ENTITY ซึ่งไม่อนุญาตด้วยเหตุผลด้านความปลอดภัย — กรุณาลบการประกาศ <!ENTITY …> ออก",
                english: "The XML declares an entity, which is refused for safety — delete the <!ENTITY …> declarations.")
        case .xinclude:
            return Message(
                thai: "ไฟล์ XML ใช้ XInclude ดึงไฟล์อื่นเข้ามา ซึ่งไม่อนุญาต — กรุณาใส่ข้อมูลลงในแบบรายงานโดยตรง",
                english: "The XML uses XInclude to pull in another file, which is refused — put the data in the form itself.")

        case .schemaViolation(let diagnostic):
            return diagnostic.schemaMessage

        case .moreSchemaViolations(let count):
            return Message(
                thai: "ยังมีจุดที่ไม่ตรงตามโครงสร้างแบบรายงาน (report.xsd) อีก \(th(count)) รายการที่ไม่ได้แสดง — กรุณาแก้ตามรายการข้างต้น หรือใช้แบบฟอร์มต้นแบบ แล้วส่งใหม่",
                english: "\(count) more violations of the form's schema (report.xsd) are not listed — fix the ones above, or start from the template form, and send the file again.")

        case .unknownField(let label):
            return Message(
                thai: "ไม่รู้จักหัวข้อ \"\(label)\" จึงไม่ได้นำไปใช้ — กรุณาใช้หัวข้อตามแบบรายงาน",
                english: "Unknown label \"\(label)\", so it was not used — use the labels of the template form.")

        }
    }
}

extension String {
    /// `the date of step 2` → `The date of step 2`.
    var capitalizedFirst: String {
        guard let first else { return self }
        return first.uppercased() + dropFirst()
    }
}
