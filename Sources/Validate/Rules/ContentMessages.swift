import Ingest

extension ContentProblem {
    /// What is wrong and how to fix it, in Thai and in English, at the rule's default
    /// severity. Every message the validator can say about a form's content is written here;
    /// the readers' are in Ingest's `Messages.swift`.
    public var message: Message { message(as: rule.severity) }

    /// The message for the problem reported at `severity`: a rule set may raise `window` to
    /// an error, and then the step does not count, so its message cannot say it does.
    public func message(as severity: Severity) -> Message {
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
                thai: "\"\(field.thaiName)\" ต้องเป็นตัวเลข แต่กรอกว่า \"\(value)\" — กรุณากรอกเป็นตัวเลข เช่น ๗๕ (ใช้ตัวเลขไทยหรืออารบิกก็ได้)",
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
            return Message(
                thai: "\(fieldTH(field, step)) \"\(value)\" ไม่มีอยู่จริงในปฏิทิน — กรุณาตรวจวันและเดือน",
                english: "\(fieldEN(field, step).capitalizedFirst) \"\(value)\" does not exist in the calendar — check the day and month.")
        case .wrongWeekday(let field, let step, let value, let date, let written):
            return Message(
                thai: "\(fieldTH(field, step)) \"\(value)\" ระบุวันในสัปดาห์ไม่ตรงกับวันที่: \(date.thai) เป็น\(date.weekday.thai) ไม่ใช่\(written.thai) — กรุณาแก้ชื่อวันหรือวันที่ให้ตรงกัน หรือลบชื่อวันออก",
                english: "\(fieldEN(field, step).capitalizedFirst) \"\(value)\" names the wrong weekday: \(date.english) is a \(date.weekday.english), not a \(written.english) — correct the weekday or the date so that they agree, or leave the weekday out.")
        case .impossibleTime(let field, let step, let value, let time):
            return Message(
                thai: "\(fieldTH(field, step)) \"\(value)\" มีเวลา \(ThaiDigits.thai(time)) ซึ่งไม่มีจริง (ชั่วโมง ๐–๒๓ นาทีและวินาที ๐๐–๕๙) — กรุณาแก้เวลาให้ถูกต้อง หรือลบเวลาออก เพราะระบบใช้เฉพาะวันที่",
                english: "\(fieldEN(field, step).capitalizedFirst) \"\(value)\" holds the time \(time), which does not exist (hours 0–23, minutes and seconds 00–59) — correct the time, or leave it out: only the date is used.")

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
                thai: "สถานี \"\(station)\" ไม่อยู่ในสังกัด \(ThaiDigits.thai(bureau)) (สถานีในสังกัดนี้ขึ้นต้นด้วย \(expectedPrefix)) — กรุณาตรวจชื่อสถานีหรือหน่วยสังกัด",
                english: "The station \"\(station)\" cannot be under \(bureau) (its stations start with \(expectedPrefix)) — check the station or the bureau.")
        case .unknownProvince(let value):
            return Message(
                thai: "ไม่รู้จักจังหวัด \"\(value)\" — กรุณาเขียนชื่อจังหวัดเต็ม เช่น เชียงใหม่",
                english: "Unknown province \"\(value)\" — write the province's full name, e.g. เชียงใหม่.")
        case .provinceOutsideBureau(let province, let bureau):
            return Message(
                thai: "จังหวัด\(province)ไม่อยู่ในพื้นที่ของ \(ThaiDigits.thai(bureau)) — กรุณาตรวจจังหวัดหรือหน่วยสังกัด",
                english: "The province \(province) is not in the area of \(bureau) — check the province or the bureau.")

        case .duplicateStep(let step, let firstLine):
            let whereTH = firstLine.map { " (ครั้งแรกที่บรรทัด \(th($0)))" } ?? ""
            let whereEN = firstLine.map { " (first on line \($0))" } ?? ""
            return Message(
                thai: "ขั้นตอนที่ \(th(step)) กรอกซ้ำ\(whereTH) — กรุณาเหลือไว้รายการเดียว",
                english: "Step \(step) is given twice\(whereEN) — keep one.")
        case .stepOutOfRange(let value, let steps):
            return Message(
                thai: "ไม่มีขั้นตอนที่ \(ThaiDigits.thai(value)) — ตัวชี้วัดนี้มีขั้นตอนที่ \(th(steps.lowerBound)) ถึง \(th(steps.upperBound))",
                english: "There is no step \(value) — this indicator has steps \(steps.lowerBound) to \(steps.upperBound).")

        case .stepDoneBeforeEarlier(let step, let earlier):
            return Message(
                thai: "ขั้นตอนที่ \(th(step)) ระบุว่าดำเนินการแล้ว แต่ขั้นตอนที่ \(th(earlier)) ยังไม่ได้ดำเนินการ — ต้องทำตามลำดับขั้นตอน กรุณาตรวจสถานะทั้งสองขั้นตอน",
                english: "Step \(step) is marked done while step \(earlier) is not — steps are done in order; check the status of both.")
        case .stepDatedBeforePrevious(let step, let date, let previous, let previousDate):
            return Message(
                thai: "ขั้นตอนที่ \(th(step)) ลงวันที่ \(date.thai) ก่อนขั้นตอนที่ \(th(previous)) (\(previousDate.thai)) — กรุณาตรวจวันที่ทั้งสองขั้นตอน",
                english: "Step \(step) is dated \(date.english), before step \(previous) (\(previousDate.english)) — check both dates.")

        case .outsideFiscalYear(let step, let date, let fiscalYear, let start, let end):
            return Message(
                thai: "ขั้นตอนที่ \(th(step)) ลงวันที่ \(date.thai) อยู่นอกปีงบประมาณ พ.ศ. \(th(fiscalYear)) (\(start.thai) – \(end.thai)) จึงนับเป็นผลงานของปีนี้ไม่ได้ — กรุณาตรวจวันที่และปี พ.ศ. หากขั้นตอนนี้ไม่ได้ทำในปีงบประมาณนี้ ให้รายงานว่า \"ยังไม่ดำเนินการ\"",
                english: "Step \(step) is dated \(date.english), outside fiscal year \(fiscalYear) BE (\(start.english) – \(end.english)), so it cannot count for this year — check the date and its year; if the step was not done in this fiscal year, report it as not done (\"ยังไม่ดำเนินการ\").")

        case .outsideWindow(let step, let date, let window):
            if severity == .error {
                return Message(
                    thai: "ขั้นตอนที่ \(th(step)) ลงวันที่ \(date.thai) อยู่นอกช่วงเวลาของขั้นตอน (\(window.thai)) และเกณฑ์ของปีนี้ไม่รับขั้นตอนที่ทำนอกช่วงเวลา — กรุณาตรวจวันที่ หากวันที่ถูกต้องแล้ว กรุณาชี้แจงต่อหน่วยรับรายงาน",
                    english: "Step \(step) is dated \(date.english), outside its window (\(window.english)), and this year's rules do not accept a step done outside its window — check the date; if it is right, explain to the receiving office.")
            }
            return Message(
                thai: "ขั้นตอนที่ \(th(step)) ลงวันที่ \(date.thai) อยู่นอกช่วงเวลาตามแผนของขั้นตอน (\(window.thai)) — นับว่าดำเนินการแล้ว และบันทึกว่าไม่ตรงตามกำหนดเวลา",
                english: "Step \(step) is dated \(date.english), outside its planned window (\(window.english)) — it counts as done, and is recorded as not on time.")

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
                thai: "\"\(field.thaiName)\" เขียนว่า \"\(from)\" ระบบอ่านเป็น \"\(ThaiDigits.thai(to))\" — ครั้งต่อไปกรุณาเขียน \"\(ThaiDigits.thai(to))\"",
                english: "The \(field.englishName) \"\(from)\" was read as \"\(to)\" — write \"\(to)\" next time.")

        case .ceYear(let field, let step, let value, let buddhistYear):
            return Message(
                thai: "\(fieldTH(field, step)) \"\(value)\" ใช้ปี ค.ศ. ระบบแปลงเป็น พ.ศ. \(th(buddhistYear)) — ครั้งต่อไปกรุณาใช้ปี พ.ศ.",
                english: "\(fieldEN(field, step).capitalizedFirst) \"\(value)\" uses a Common Era year, converted to \(buddhistYear) BE — use the Buddhist-Era year next time.")

        case .badPhone(let value):
            return Message(
                thai: "หมายเลขโทรศัพท์ \"\(value)\" ไม่ใช่หมายเลขในประเทศไทย (๙ หรือ ๑๐ หลัก ขึ้นต้นด้วย ๐) — กรุณาตรวจหมายเลข",
                english: "The phone number \"\(value)\" is not a Thai number (9 or 10 digits starting with 0) — check the number.")

        case .behindPlan(let step, let windowEnd):
            return Message(
                thai: "ขั้นตอนที่ \(th(step)) ยังไม่ได้ดำเนินการ ทั้งที่ช่วงเวลาของขั้นตอนสิ้นสุดแล้ว (\(windowEnd.thai)) — ล่าช้ากว่าแผน",
                english: "Step \(step) is not done although its window closed on \(windowEnd.english) — behind plan.")
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
