/// A message in both languages. Thai comes first everywhere the product prints.
public struct Message: Sendable, Equatable {
    public let thai: String
    public let english: String
}

extension Problem {
    /// What is wrong and how to fix it, in Thai and in English. Every message the product can
    /// say about a form is written here.
    public var message: Message {
        func th(_ n: Int) -> String { ThaiDigits.thai(n) }
        func fieldTH(_ field: FormField?, _ step: Int?) -> String {
            if let step { return "วันที่ของขั้นตอนที่ \(th(step))" }
            return field.map { "ช่อง \"\($0.thaiName)\"" } ?? "วันที่"
        }
        func fieldEN(_ field: FormField?, _ step: Int?) -> String {
            if let step { return "the date of step \(step)" }
            return field.map { "the \($0.englishName)" } ?? "the date"
        }

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
                thai: "สิ่งที่ส่งมาไม่ใช่ไฟล์ปกติ (\(kind)) จึงไม่ได้อ่าน — กรุณาส่งแบบรายงานเป็นไฟล์",
                english: "What was sent is not a regular file (\(kind)), so it was not read — send the report form as a file.")
        case .cannotRead(let detail):
            return Message(
                thai: "เปิดอ่านไฟล์ไม่ได้ (\(detail)) — กรุณาตรวจสอบไฟล์แล้วส่งใหม่",
                english: "The file cannot be opened or read (\(detail)) — check the file and send it again.")

        case .xmlNotWellFormed(let detail):
            return Message(
                thai: "โครงสร้าง XML ไม่ถูกต้อง: \(detail) — กรุณาตรวจแท็กเปิด/ปิดให้ครบ หรือใช้แบบฟอร์มต้นแบบ",
                english: "The XML is not well-formed: \(detail) — check that every tag is opened and closed, or start from the template form.")
        case .moreXMLErrors(let count):
            return Message(
                thai: "ยังมีข้อผิดพลาดของโครงสร้าง XML อีก \(th(count)) รายการที่ไม่ได้แสดง — กรุณาแก้ตามรายการข้างต้นแล้วส่งใหม่ ระบบจะตรวจทั้งไฟล์อีกครั้ง",
                english: "\(count) more XML errors are not listed — fix the ones above and send the file again; it is checked again in full.")
        case .noFields:
            return Message(
                thai: "ไม่ใช่แบบรายงาน: ไม่พบหัวข้อของแบบรายงานเลยแม้แต่บรรทัดเดียว — แบบรายงานเป็นบรรทัด \"หัวข้อ : ข้อมูล\" เช่น \"ตัวชี้วัด : กต.ตร. พบประชาชน\", \"หน่วยปฏิบัติ : สภ.เมืองเชียงใหม่\", \"ขั้นตอนที่ ๑ : ดำเนินการแล้ว เมื่อ ๑๕ พ.ย. ๒๕๖๓\" กรุณากรอกตามแบบรายงานต้นแบบแล้วส่งใหม่",
                english: "This is not a report form: not one line carries a label of the form — a form is lines of \"LABEL : VALUE\", e.g. \"ตัวชี้วัด : กต.ตร. พบประชาชน\", \"หน่วยปฏิบัติ : สภ.เมืองเชียงใหม่\", \"ขั้นตอนที่ ๑ : ดำเนินการแล้ว เมื่อ ๑๕ พ.ย. ๒๕๖๓\"; fill in the template form and send it again.")
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

        case .doctype:
            return Message(
                thai: "ไฟล์ XML มีการประกาศ DOCTYPE ซึ่งไม่อนุญาตด้วยเหตุผลด้านความปลอดภัย — กรุณาลบบรรทัด <!DOCTYPE …> ออก แบบรายงานไม่ต้องใช้",
                english: "The XML declares a DOCTYPE, which is refused for safety — delete the <!DOCTYPE …> line; forms need none.")
        case .entityDeclaration:
            return Message(
                thai: "ไฟล์ XML มีการประกาศ ENTITY ซึ่งไม่อนุญาตด้วยเหตุผลด้านความปลอดภัย — กรุณาลบการประกาศ <!ENTITY …> ออก",
                english: "The XML declares an entity, which is refused for safety — delete the <!ENTITY …> declarations.")
        case .xinclude:
            return Message(
                thai: "ไฟล์ XML ใช้ XInclude ดึงไฟล์อื่นเข้ามา ซึ่งไม่อนุญาต — กรุณาใส่ข้อมูลลงในแบบรายงานโดยตรง",
                english: "The XML uses XInclude to pull in another file, which is refused — put the data in the form itself.")

        case .schemaViolation(let detail):
            return Message(
                thai: "ไฟล์ XML ไม่ตรงตามโครงสร้างแบบรายงาน (report.xsd): \(detail) — กรุณาแก้ตามแบบฟอร์มต้นแบบ",
                english: "The XML does not follow the form's schema (report.xsd): \(detail) — correct it after the template form.")

        case .moreSchemaViolations(let count):
            return Message(
                thai: "ยังมีจุดที่ไม่ตรงตามโครงสร้างแบบรายงาน (report.xsd) อีก \(th(count)) รายการที่ไม่ได้แสดง — กรุณาแก้ตามรายการข้างต้น หรือใช้แบบฟอร์มต้นแบบ แล้วส่งใหม่",
                english: "\(count) more violations of the form's schema (report.xsd) are not listed — fix the ones above, or start from the template form, and send the file again.")

        case .missingField(let field):
            return Message(
                thai: "ไม่ได้กรอก \"\(field.thaiName)\" — กรุณากรอกช่องนี้",
                english: "The \(field.englishName) is missing — fill it in.")
        case .missingStepDate(let step):
            return Message(
                thai: "ขั้นตอนที่ \(th(step)) ระบุว่าดำเนินการแล้ว แต่ไม่มีวันที่ — กรุณาใส่วันที่ดำเนินการ เช่น \"เมื่อ ๑๕ พ.ย. ๒๕๖๓\"",
                english: "Step \(step) is marked done but has no date — add the date it was done, e.g. \"เมื่อ ๑๕ พ.ย. ๒๕๖๓\".")
        case .missingScoreForFinalRound:
            return Message(
                thai: "รายงานรอบ ๑๒ เดือนต้องมีผลคะแนนตามตัวชี้วัด — กรุณากรอกช่อง \"คะแนน\"",
                english: "A 12-month report must carry the indicator result — fill in the score.")

        case .badNumber(let field, let value):
            return Message(
                thai: "\"\(field.thaiName)\" ต้องเป็นตัวเลข แต่กรอกว่า \"\(value)\" — กรุณากรอกเป็นตัวเลขไทยหรืออารบิก เช่น ๗๕ หรือ 75",
                english: "The \(field.englishName) must be a number, but reads \"\(value)\" — write it in Thai or Arabic digits, e.g. ๗๕ or 75.")
        case .badStepNumber(let value):
            return Message(
                thai: "หมายเลขขั้นตอน \"\(value)\" ไม่ใช่ตัวเลข — กรุณาใช้เลข ๑ ถึง ๕",
                english: "The step number \"\(value)\" is not a number — use 1 to 5.")

        case .unreadableDate(let field, let step, let value):
            return Message(
                thai: "อ่าน\(fieldTH(field, step))ไม่ได้: \"\(value)\" — กรุณาเขียนเป็น วัน เดือน ปี พ.ศ. เช่น ๑๕ พ.ย. ๒๕๖๓",
                english: "\(fieldEN(field, step).capitalizedFirst) cannot be read: \"\(value)\" — write day, month, Buddhist-Era year, e.g. ๑๕ พ.ย. ๒๕๖๓.")
        case .impossibleDate(let field, let step, let value):
            if let reason = Problem.whyImpossible(field, step: step, value: value) { return reason.message }
            return Message(
                thai: "\(fieldTH(field, step)) \"\(value)\" ไม่มีอยู่จริงในปฏิทิน — กรุณาตรวจวันและเดือน",
                english: "\(fieldEN(field, step).capitalizedFirst) \"\(value)\" does not exist in the calendar — check the day and month.")

        case .unknownYear(let year, let known):
            let knownTH = known.map { th($0) }.joined(separator: ", ")
            let knownEN = known.map(String.init).joined(separator: ", ")
            return Message(
                thai: "ไม่มีเกณฑ์การประเมินของปีงบประมาณ พ.ศ. \(th(year)) (มีเฉพาะ \(knownTH)) — กรุณาตรวจปีงบประมาณในแบบรายงาน",
                english: "There is no rule set for fiscal year \(year) BE (known: \(knownEN)) — check the fiscal year on the form.")

        case .unknownIndicator(let given, let expected):
            return Message(
                thai: "ตัวชี้วัด \"\(given)\" ไม่ใช่ตัวชี้วัดของเกณฑ์นี้ — แบบรายงานนี้ใช้สำหรับ \"\(expected)\" เท่านั้น",
                english: "The indicator \"\(given)\" is not this rule set's — this form is for \"\(expected)\" only.")

        case .badRound(let value, let allowed):
            return Message(
                thai: "รอบการรายงาน \"\(value)\" ไม่ถูกต้อง — ต้องเป็นรอบ \(allowed.map { th($0) + " เดือน" }.joined(separator: " หรือรอบ "))",
                english: "The round \"\(value)\" is not valid — it must be the \(allowed.map { "\($0)-month" }.joined(separator: " or ")) round.")

        case .unknownBureau(let value):
            return Message(
                thai: "ไม่รู้จักหน่วยสังกัด \"\(value)\" — ต้องเป็น บช.น. หรือ ภ.๑ ถึง ภ.๙",
                english: "Unknown bureau \"\(value)\" — it must be บช.น. or ภ.1 to ภ.9.")
        case .stationWithoutPrefix(let value):
            return Message(
                thai: "ชื่อสถานี \"\(value)\" ไม่ได้ขึ้นต้นด้วย สน. หรือ สภ. — กรุณาเขียนชื่อเต็ม เช่น สภ.เมืองเชียงใหม่ หรือ สน.ลุมพินี",
                english: "The station \"\(value)\" does not start with สน. or สภ. — write the full name, e.g. สภ.เมืองเชียงใหม่ or สน.ลุมพินี.")
        case .stationOnlyPrefix(let value):
            return Message(
                thai: "ชื่อสถานีมีแต่คำนำหน้า \"\(value)\" — กรุณาเติมชื่อสถานี เช่น สภ.เมืองเชียงใหม่",
                english: "The station is only a prefix, \"\(value)\" — add the station's name, e.g. สภ.เมืองเชียงใหม่.")
        case .stationNotUnderBureau(let station, let bureau, let expectedPrefix):
            return Message(
                thai: "สถานี \"\(station)\" ไม่อยู่ในสังกัด \(bureau) (สถานีในสังกัดนี้ขึ้นต้นด้วย \(expectedPrefix)) — กรุณาตรวจชื่อสถานีหรือหน่วยสังกัด",
                english: "The station \"\(station)\" cannot be under \(bureau) (its stations start with \(expectedPrefix)) — check the station or the bureau.")
        case .unknownProvince(let value):
            return Message(
                thai: "ไม่รู้จักจังหวัด \"\(value)\" — กรุณาเขียนชื่อจังหวัดเต็ม เช่น เชียงใหม่",
                english: "Unknown province \"\(value)\" — write the province's full name, e.g. เชียงใหม่.")
        case .provinceOutsideBureau(let province, let bureau):
            return Message(
                thai: "จังหวัด\(province)ไม่อยู่ในพื้นที่ของ \(bureau) — กรุณาตรวจจังหวัดหรือหน่วยสังกัด",
                english: "The province \(province) is not in the area of \(bureau) — check the province or the bureau.")

        case .duplicateStep(let step, let firstLine):
            let whereTH = firstLine.map { " (ครั้งแรกที่บรรทัด \(th($0)))" } ?? ""
            let whereEN = firstLine.map { " (first on line \($0))" } ?? ""
            return Message(
                thai: "ขั้นตอนที่ \(th(step)) กรอกซ้ำ\(whereTH) — กรุณาเหลือไว้รายการเดียว",
                english: "Step \(step) is given twice\(whereEN) — keep one.")
        case .stepOutOfRange(let value, let steps):
            return Message(
                thai: "ไม่มีขั้นตอนที่ \(value) — ตัวชี้วัดนี้มีขั้นตอนที่ \(th(steps.lowerBound)) ถึง \(th(steps.upperBound))",
                english: "There is no step \(value) — this indicator has steps \(steps.lowerBound) to \(steps.upperBound).")

        case .stepDoneBeforeEarlier(let step, let earlier):
            return Message(
                thai: "ขั้นตอนที่ \(th(step)) ระบุว่าดำเนินการแล้ว แต่ขั้นตอนที่ \(th(earlier)) ยังไม่ได้ดำเนินการ — ต้องทำตามลำดับขั้นตอน กรุณาตรวจสถานะทั้งสองขั้นตอน",
                english: "Step \(step) is marked done while step \(earlier) is not — steps are done in order; check the status of both.")
        case .stepDatedBeforePrevious(let step, let date, let previous, let previousDate):
            return Message(
                thai: "ขั้นตอนที่ \(th(step)) ลงวันที่ \(date.thai) ก่อนขั้นตอนที่ \(th(previous)) (\(previousDate.thai)) — กรุณาตรวจวันที่ทั้งสองขั้นตอน",
                english: "Step \(step) is dated \(date.english), before step \(previous) (\(previousDate.english)) — check both dates.")

        case .outsideWindow(let step, let date, let window):
            return Message(
                thai: "ขั้นตอนที่ \(th(step)) ลงวันที่ \(date.thai) อยู่นอกช่วงเวลาของขั้นตอน (\(window.thai)) — กรุณาตรวจวันที่ หรือชี้แจงต่อหน่วยรับรายงาน",
                english: "Step \(step) is dated \(date.english), outside its window (\(window.english)) — check the date, or explain to the receiving office.")

        case .stepAfterReport(let step, let date, let reportedOn):
            return Message(
                thai: "ขั้นตอนที่ \(th(step)) ลงวันที่ \(date.thai) หลังวันที่รายงาน (\(reportedOn.thai)) — รายงานได้เฉพาะสิ่งที่ทำแล้ว กรุณาตรวจวันที่",
                english: "Step \(step) is dated \(date.english), after the report date (\(reportedOn.english)) — a report covers only what is done; check the dates.")

        case .reportBeforeFiscalYear(let reportedOn, let start):
            return Message(
                thai: "วันที่รายงาน \(reportedOn.thai) อยู่ก่อนเริ่มปีงบประมาณ (\(start.thai)) — กรุณาตรวจวันที่รายงานและปี พ.ศ.",
                english: "The report date \(reportedOn.english) is before the fiscal year starts (\(start.english)) — check the report date and its year.")
        case .reportTooLate(let reportedOn, let deadline, let round):
            return Message(
                thai: "วันที่รายงาน \(reportedOn.thai) เลยกำหนดส่งรายงานรอบ \(th(round)) เดือน (ไม่เกิน \(deadline.thai)) — กรุณาตรวจวันที่รายงานและรอบการรายงาน",
                english: "The report date \(reportedOn.english) is past the \(round)-month round's deadline (\(deadline.english)) — check the report date and the round.")

        case .scoreMismatch(let given, let computed, let level):
            return Message(
                thai: "คะแนนที่กรอก (\(th(given))) ไม่ตรงกับคะแนนจากขั้นตอนที่ดำเนินการแล้ว (ระดับ \(th(level)) = \(th(computed)) คะแนน) — กรุณาแก้คะแนนเป็น \(th(computed)) หรือตรวจสถานะขั้นตอน",
                english: "The score given (\(given)) differs from the score the steps give (level \(level) = \(computed)) — write \(computed), or check the steps.")

        case .alias(let field, let from, let to):
            return Message(
                thai: "\"\(field.thaiName)\" เขียนว่า \"\(from)\" ระบบอ่านเป็น \"\(to)\" — ครั้งต่อไปกรุณาเขียน \"\(to)\"",
                english: "The \(field.englishName) \"\(from)\" was read as \"\(to)\" — write \"\(to)\" next time.")

        case .ceYear(let field, let step, let value, let buddhistYear):
            return Message(
                thai: "\(fieldTH(field, step)) \"\(value)\" ใช้ปี ค.ศ. ระบบแปลงเป็น พ.ศ. \(th(buddhistYear)) — ครั้งต่อไปกรุณาใช้ปี พ.ศ.",
                english: "\(fieldEN(field, step).capitalizedFirst) \"\(value)\" uses a Common Era year, converted to \(buddhistYear) BE — use the Buddhist-Era year next time.")

        case .unknownField(let label):
            return Message(
                thai: "ไม่รู้จักหัวข้อ \"\(label)\" จึงไม่ได้นำไปใช้ — กรุณาใช้หัวข้อตามแบบรายงาน",
                english: "Unknown label \"\(label)\", so it was not used — use the labels of the template form.")

        case .badPhone(let value):
            return Message(
                thai: "หมายเลขโทรศัพท์ \"\(value)\" ไม่ใช่หมายเลขในประเทศไทย (๙ หรือ ๑๐ หลัก ขึ้นต้นด้วย ๐) — กรุณาตรวจหมายเลข",
                english: "The phone number \"\(value)\" is not a Thai number (9 or 10 digits starting with 0) — check the number.")

        case .behindPlan(let step, let windowEnd):
            return Message(
                thai: "ขั้นตอนที่ \(th(step)) ยังไม่ได้ดำเนินการ ทั้งที่ช่วงเวลาของขั้นตอนสิ้นสุดแล้ว (\(windowEnd.thai)) — ล่าช้ากว่าแผน",
                english: "Step \(step) is not done although its window closed on \(windowEnd.english) — behind plan.")

        case .wrongWeekday(let field, let step, let value, let date, let written):
            return Message(
                thai: "\(fieldTH(field, step)) \"\(value)\" ระบุวันในสัปดาห์ไม่ตรงกับวันที่: \(date.thai) เป็น\(date.weekday.thai) ไม่ใช่\(written.thai) — กรุณาแก้ชื่อวันหรือวันที่ให้ตรงกัน หรือลบชื่อวันออก",
                english: "\(fieldEN(field, step).capitalizedFirst) \"\(value)\" names the wrong weekday: \(date.english) is a \(date.weekday.english), not a \(written.english) — correct the weekday or the date so that they agree, or leave the weekday out.")
        case .impossibleTime(let field, let step, let value, let time):
            return Message(
                thai: "\(fieldTH(field, step)) \"\(value)\" มีเวลา \(ThaiDigits.thai(digitsIn: time)) ซึ่งไม่มีจริง (ชั่วโมง ๐–๒๓ นาทีและวินาที ๐๐–๕๙) — กรุณาแก้เวลาให้ถูกต้อง หรือลบเวลาออก เพราะระบบใช้เฉพาะวันที่",
                english: "\(fieldEN(field, step).capitalizedFirst) \"\(value)\" holds the time \(time), which does not exist (hours 0–23, minutes and seconds 00–59) — correct the time, or leave it out: only the date is used.")

        case .unacceptedEncoding(.utf16WithoutBOM(_, let flaw)):
            let flawTH: String, flawEN: String
            switch flaw {
            case .oddByteCount(let count):
                flawTH = "ไฟล์มี \(th(count)) ไบต์ ซึ่งเป็นจำนวนคี่ (UTF-16 ใช้ ๒ ไบต์ต่ออักขระ) ไฟล์อาจถูกตัดขาด"
                flawEN = "it has \(count) bytes, an odd number (UTF-16 has two bytes per character), so it may be cut short"
            case .unpairedSurrogate:
                flawTH = "มีอักขระตัวแทน (surrogate) ที่ไม่ครบคู่ ไฟล์อาจถูกตัดขาด"
                flawEN = "a surrogate lacks its pair, so it may be cut short"
            }
            return Message(
                thai: "ไฟล์นี้ดูเหมือนบันทึกด้วยรหัสอักขระ UTF-16 ที่ไม่มีเครื่องหมายลำดับไบต์ (byte-order mark) แต่อ่านไม่ได้: \(flawTH) — กรุณาเปิดไฟล์ต้นฉบับแล้วบันทึกเป็น UTF-8 แล้วส่งใหม่",
                english: "The file looks written in UTF-16 without a byte-order mark, but cannot be read: \(flawEN) — open the original and save it as UTF-8, then send it again.")
        case .unacceptedEncoding(let encoding):
            let nameTH = encoding == .ebcdic ? "EBCDIC (รหัสของเครื่องเมนเฟรม IBM)" : encoding.name
            return Message(
                thai: "ไฟล์นี้ดูเหมือนบันทึกด้วยรหัสอักขระ \(nameTH) ซึ่งระบบไม่รับ — กรุณาเปิดไฟล์แล้วบันทึกใหม่เป็น UTF-8 (เลือก \"บันทึกเป็น\" แล้วเลือกการเข้ารหัส UTF-8) แล้วส่งใหม่",
                english: "The file looks written in \(encoding.name), an encoding the forms do not use — open it and save it again as UTF-8 (\"Save as\", encoding UTF-8), then send it again.")
        case .declaredEncodingMismatch(let declared, let actual):
            let actualName: String, suggested: String
            switch actual {
            case .utf8, .utf8WithBOM: (actualName, suggested) = ("UTF-8", "UTF-8")
            case .utf16LittleEndian, .utf16BigEndian: (actualName, suggested) = ("UTF-16", "UTF-16")
            case .windows874: (actualName, suggested) = ("Windows-874 (TIS-620)", "windows-874")
            }
            let line = "<?xml version=\"1.0\" encoding=\"\(suggested)\"?>"
            guard let declared else {
                return Message(
                    thai: "ไฟล์ XML ไม่ได้ประกาศรหัสอักขระ จึงต้องเป็น UTF-8 แต่เนื้อไฟล์เขียนด้วย \(actualName) — กรุณาให้บรรทัดแรกเป็น \(line) แล้วส่งใหม่",
                    english: "The XML declares no encoding, so it must be UTF-8, but it is written in \(actualName) — make the first line \(line) and send it again.")
            }
            return Message(
                thai: "ไฟล์ XML ประกาศรหัสอักขระว่า \(declared) แต่เนื้อไฟล์เขียนด้วย \(actualName) — กรุณาแก้บรรทัดแรกเป็น \(line) แล้วส่งใหม่",
                english: "The XML declares \(declared) but is written in \(actualName) — make the first line \(line) and send it again.")

        case .moreUnknownFields(let count):
            return Message(
                thai: "และอีก \(th(count)) บรรทัดที่มีหัวข้อที่ไม่รู้จัก ซึ่งไม่ได้แสดงและไม่ได้นำไปใช้ — กรุณาใช้หัวข้อตามแบบรายงานต้นแบบ",
                english: "And \(count) more lines with unknown labels, not listed and not used — use the labels of the template form.")
        }
    }
}

extension Problem {
    /// The problem that says why a date is impossible when it is not simply a day missing
    /// from the calendar: a weekday that is not the date's, or a time that does not exist.
    /// nil for `๓๑ ก.พ. ๒๕๖๔` (the general message says it).
    static func whyImpossible(_ field: FormField?, step: Int?, value: String) -> Problem? {
        guard case .impossible(let reason) = ThaiDateParser.parse(value) else { return nil }
        switch reason {
        case .noSuchDay:
            return nil
        case .wrongWeekday(let date, let written):
            return .wrongWeekday(field, step: step, value: value, date: date, written: written)
        case .noSuchTime(let time):
            return .impossibleTime(field, step: step, value: value, time: time)
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
