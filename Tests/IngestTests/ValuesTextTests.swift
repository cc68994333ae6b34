import Testing
@testable import Ingest

/// `ThaiText.normalize` and `ThaiText.matchKey`: docs/forms.md#values, "Text".
struct ValuesTextTests {
    struct Case: CustomStringConvertible, Sendable {
        let input: String
        let expected: String
        let note: String
        var description: String { note }
    }

    static let normalizeCases: [Case] = [
        Case(input: "สภ.เมืองเชียงใหม่", expected: "สภ.เมืองเชียงใหม่", note: "already normal"),
        Case(input: "  กต.ตร.   พบประชาชน \t", expected: "กต.ตร. พบประชาชน", note: "spaces folded and trimmed"),
        Case(input: "กต.ตร.\u{00A0}\u{00A0}พบ\tประชาชน", expected: "กต.ตร. พบ ประชาชน", note: "NBSP and tab folded"),
        Case(input: "พบ\u{200B}ประชาชน", expected: "พบประชาชน", note: "zero-width space removed"),
        Case(input: "\u{FEFF}ตัวชี้วัด", expected: "ตัวชี้วัด", note: "BOM removed"),
        Case(input: "\u{200B} \u{200B}", expected: "", note: "only invisible and space"),
        Case(input: "ดำเนินการ", expected: "ดำเนินการ", note: "sara am precomposed stays"),
        Case(input: "ด\u{0E4D}\u{0E32}เนินการ", expected: "ดำเนินการ", note: "decomposed sara am composed"),
        Case(input: "น\u{0E49}\u{0E4D}\u{0E32}", expected: "น\u{0E49}\u{0E33}", note: "tone, nikhahit, aa"),
        Case(input: "น\u{0E4D}\u{0E49}\u{0E32}", expected: "น\u{0E49}\u{0E33}", note: "nikhahit typed before tone"),
        Case(input: "ด\u{0E4D}\u{200B}\u{0E32}", expected: "ดำ", note: "ZWSP inside decomposed sara am"),
        Case(input: "Cafe\u{0301}", expected: "Caf\u{00E9}", note: "NFC composes e + acute"),
        Case(input: "line\r\nnext\rlast", expected: "line next last", note: "line ends are white space"),
        Case(input: "", expected: "", note: "empty"),
    ]

    @Test(arguments: normalizeCases)
    func normalize(_ c: Case) {
        let result = ThaiText.normalize(c.input)
        #expect(Array(result.unicodeScalars) == Array(c.expected.unicodeScalars))
    }

    /// The ASCII/Thai fast path must agree with the general (Foundation NFC) path, including
    /// marks out of canonical order (่ before ุ), which the fast path hands over.
    static let fastPathCases = [
        "สภ.เมืองเชียงใหม่", "  กต.ตร.\t\tพบประชาชน ", "น\u{0E48}\u{0E38}", "น\u{0E38}\u{0E48}",
        "ด\u{0E4D}\u{0E32}", "น\u{0E4D}\u{0E49}\u{0E32}", "\u{200B}๑๕ พ.ย.\u{FEFF} ๒๕๖๓\r\n", "a \u{0E34}b", "",
    ]

    @Test(arguments: fastPathCases)
    func fastPathAgreesWithGeneralPath(_ text: String) {
        #expect(Array(ThaiText.normalize(text).unicodeScalars) == Array(ThaiText.normalizedGenerally(text).unicodeScalars))
    }

    static let matchKeyCases: [(String, String)] = [
        ("กต.ตร.พบประชาชน", "กต.ตร. พบประชาชน"),
        ("กต.ตร.\u{00A0}พบ\u{200B}ประชาชน", "กต.ตร.พบประชาชน"),
        ("Fiscal Year", "fiscalyear"),
        ("ขั้นตอนที่ ๑", "ขั้นตอนที่๑"),
        ("รายงาน ณ วันที่", "รายงานณวันที่"),
    ]

    @Test(arguments: matchKeyCases)
    func matchKeysAgree(_ pair: (String, String)) {
        #expect(ThaiText.matchKey(pair.0) == ThaiText.matchKey(pair.1))
    }

    @Test func matchKeyKeepsDifferentWordsApart() {
        #expect(ThaiText.matchKey("สภ.เมืองเชียงใหม่") != ThaiText.matchKey("สภ.เมืองเชียงราย"))
        #expect(ThaiText.matchKey("Fiscal Year") == "fiscalyear")
    }
}

/// `ThaiNumber.parseInteger`: docs/forms.md#values, "Numbers".
struct ValuesNumberTests {
    static let cases: [(String, Int?)] = [
        ("75", 75),
        ("๗๕", 75),
        ("๗5", 75),
        ("  ๒๕๖๔ ", 2564),
        ("0", 0),
        ("๐", 0),
        ("007", 7),
        ("75 คะแนน", 75),
        ("๗๕คะแนน", 75),
        ("100%", 100),
        ("100 %", 100),
        ("75.00", 75),
        ("๗๕.๐", 75),
        ("75.00 คะแนน", 75),
        ("75.5", nil),
        ("75.", nil),
        (".0", nil),
        ("7 5", nil),
        ("abc", nil),
        ("", nil),
        ("   ", nil),
        ("คะแนน", nil),
        ("-5", nil),
        ("1,000", nil),
        ("๒๕ ๖๔", nil),
        ("๑๒ เดือน", nil),
        (String(repeating: "9", count: 40), nil),
        (String(repeating: "๙", count: 25), nil),
        ("9223372036854775807", Int.max),
        ("9223372036854775808", nil),
    ]

    @Test(arguments: cases)
    func parseInteger(_ c: (String, Int?)) {
        #expect(ThaiNumber.parseInteger(c.0) == c.1)
    }
}

/// `PhoneNumber`: docs/forms.md#values, "Phone numbers".
struct ValuesPhoneTests {
    struct Case: CustomStringConvertible, Sendable {
        let input: String
        let digits: String?
        let thai: Bool
        var description: String { input }
    }

    static let cases: [Case] = [
        Case(input: "๐๘๖-๕๕๕-๐๑๒๓", digits: "0865550123", thai: true),
        Case(input: "๐๘๑-๒๓๔-๕๖๗๘", digits: "0812345678", thai: true),
        Case(input: "0812345678", digits: "0812345678", thai: true),
        Case(input: "02 123 4567", digits: "021234567", thai: true),
        Case(input: "(053) 123.456", digits: "053123456", thai: true),
        Case(input: "08๑-234-5678", digits: "0812345678", thai: true),
        Case(input: "+66 81 234 5678", digits: "0812345678", thai: true),
        Case(input: "+66 (0) 81 234 5678", digits: "0812345678", thai: true),
        Case(input: "+1 555 123 4567", digits: "15551234567", thai: false),
        Case(input: "123", digits: "123", thai: false),
        Case(input: "812345678", digits: "812345678", thai: false),
        Case(input: "08123456789", digits: "08123456789", thai: false),
        Case(input: "081-234-5678 ต่อ 12", digits: "081234567812", thai: false),
        Case(input: "081234567x", digits: "081234567", thai: false),
        Case(input: "081+2345678", digits: "0812345678", thai: false),
        Case(input: "ไม่มี", digits: nil, thai: false),
        Case(input: "- -", digits: nil, thai: false),
        Case(input: "", digits: nil, thai: false),
    ]

    @Test(arguments: cases)
    func phone(_ c: Case) {
        let phone = PhoneNumber(c.input)
        #expect(phone?.digits == c.digits)
        #expect((phone?.isThaiNumber ?? false) == c.thai)
    }
}
