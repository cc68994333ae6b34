import Foundation

/// The hostile and odd inputs of the attack corpus, built in code (the large ones would be
/// megabytes on disk; the small ones read better next to their builder).
///
/// Every XML attack starts from `validXML`, a form the checker accepts, and changes one
/// thing, so that a rejection can only be the attack's doing.
enum AttackCorpus {
    /// The example of docs/forms.md#the-xml-form: accepted (steps 1–2 done, level 2, score ๒๕).
    static func validXML(prolog: String = "", rootAttributes: String = "",
                         indicator: String = "กต.ตร. พบประชาชน",
                         declaration: String = #"<?xml version="1.0" encoding="UTF-8"?>"#) -> String {
        """
        \(declaration)
        \(prolog)<report xmlns="urn:rtp:kpi-report:1"\(rootAttributes)>
          <indicator>\(indicator)</indicator>
          <fiscalYear>๒๕๖๔</fiscalYear>
          <round>๖</round>
          <unit>
            <station>สภ.เมืองเชียงใหม่</station>
            <bureau>ภ.๕</bureau>
            <province>เชียงใหม่</province>
          </unit>
          <reportedOn>๒๐ เม.ย. ๒๕๖๔</reportedOn>
          <steps>
            <step number="๑" done="true"><date>๑๕ พ.ย. ๒๕๖๓</date><evidence>บันทึกข้อตกลงกับ อบต.สุเทพ</evidence></step>
            <step number="๒" done="true"><date>๑๐ ม.ค. ๒๕๖๔</date></step>
            <step number="๓" done="false"/>
          </steps>
          <score>๒๕</score>
          <contact><name>ร.ต.อ.สมชาย ใจดี</name><phone>๐๘๑-๒๓๔-๕๖๗๘</phone></contact>
        </report>

        """
    }

    /// The example of docs/forms.md#the-plain-text-form: accepted.
    static func validText(reporter: String = "ร.ต.อ.สมชาย ใจดี") -> String {
        """
        แบบรายงานผลการดำเนินงาน โครงการ กต.ตร. พบประชาชน
        ตัวชี้วัด : กต.ตร. พบประชาชน
        ปีงบประมาณ : พ.ศ. ๒๕๖๔
        รอบการรายงาน : รอบ ๖ เดือน
        หน่วยปฏิบัติ : สภ.เมืองเชียงใหม่
        สังกัด : ภ.๕
        จังหวัด : เชียงใหม่
        วันที่รายงาน : ๒๐ เมษายน ๒๕๖๔
        ขั้นตอนที่ ๑ : ดำเนินการแล้ว เมื่อ ๑๕ พ.ย. ๒๕๖๓ หลักฐาน : บันทึกข้อตกลงกับ อบต.สุเทพ
        ขั้นตอนที่ ๒ : ดำเนินการแล้ว เมื่อ ๑๐ ม.ค. ๒๕๖๔
        ขั้นตอนที่ ๓ : ยังไม่ดำเนินการ
        คะแนน : ๒๕
        ผู้รายงาน : \(reporter)
        มือถือ : ๐๘๑-๒๓๔-๕๖๗๘

        """
    }

    /// The indicator every accepted form must carry, exactly (not a mis-decoded look-alike).
    static let indicator = "กต.ตร. พบประชาชน"

    // MARK: External resources (file and loopback)

    /// An external general entity reading a file, used in the indicator.
    static func xxeFile(_ url: String) -> String {
        validXML(prolog: "<!DOCTYPE report [<!ENTITY xxe SYSTEM \"\(url)\">]>\n", indicator: "&xxe;")
    }

    /// The same entity pointing at a URL (a loopback listener).
    static func xxeNetwork(_ url: String) -> String {
        validXML(prolog: "<!DOCTYPE report [<!ENTITY xxe SYSTEM \"\(url)\">]>\n", indicator: "&xxe;")
    }

    /// The classic out-of-band exfiltration: a parameter entity reads the file, a second one
    /// loads a DTD from the attacker that would send it on.
    static func parameterEntityExfiltration(file: String, dtd: String) -> String {
        validXML(prolog: """
            <!DOCTYPE report [
              <!ENTITY % secret SYSTEM "\(file)">
              <!ENTITY % remote SYSTEM "\(dtd)">
              %remote;
            ]>

            """)
    }

    /// A DOCTYPE naming an external DTD and nothing else.
    static func externalDTD(_ url: String) -> String {
        validXML(prolog: "<!DOCTYPE report SYSTEM \"\(url)\">\n")
    }

    /// A public identifier and system literal, as a catalogue lookup would use.
    static func externalPublicDTD(_ url: String) -> String {
        validXML(prolog: "<!DOCTYPE report PUBLIC \"-//RTP//Report//TH\" \"\(url)\">\n")
    }

    /// XInclude of a resource as text into the indicator: no DOCTYPE needed.
    static func xinclude(_ url: String) -> String {
        validXML(rootAttributes: #" xmlns:xi="http://www.w3.org/2001/XInclude""#,
                 indicator: "<xi:include href=\"\(url)\" parse=\"text\"/>")
    }

    /// A schema location hint pointing away: the form's own XSD must be the one used.
    static func schemaLocation(_ url: String) -> String {
        validXML(rootAttributes: """
             xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
            xsi:schemaLocation="urn:rtp:kpi-report:1 \(url)"
            """)
    }

    /// A stylesheet processing instruction: libxml2 must not fetch it.
    static func stylesheetInstruction(_ url: String) -> String {
        validXML(prolog: "<?xml-stylesheet type=\"text/xsl\" href=\"\(url)\"?>\n")
    }

    // MARK: Expansion

    /// Ten levels of ten references: 10^9 copies of "lol" if expanded.
    static var billionLaughs: String {
        var entities = #"<!ENTITY lol0 "lol">"# + "\n"
        for level in 1...9 {
            let references = String(repeating: "&lol\(level - 1);", count: 10)
            entities += "<!ENTITY lol\(level) \"\(references)\">\n"
        }
        return validXML(prolog: "<!DOCTYPE report [\n\(entities)]>\n", indicator: "&lol9;")
    }

    /// One 50 000-byte entity referenced 20 000 times: a 60 KB file that expands to 1 GB
    /// without nesting (which defeats nesting-depth limits).
    static var quadraticBlowup: String {
        let big = String(repeating: "a", count: 50_000)
        let references = String(repeating: "&big;", count: 20_000)
        return validXML(prolog: "<!DOCTYPE report [<!ENTITY big \"\(big)\">]>\n", indicator: references)
    }

    // MARK: Size and depth

    /// 10 000 nested unknown elements inside the indicator.
    static var deepNesting: String {
        let depth = 10_000
        return validXML(indicator: String(repeating: "<x>", count: depth) + String(repeating: "</x>", count: depth))
    }

    /// A text node of `megabytes` MB (ASCII, so bytes = characters) as the reporter's name.
    static func hugeTextNodeXML(megabytes: Int) -> Data {
        let xml = validXML()
        let name = "ร.ต.อ.สมชาย ใจดี"
        guard let range = xml.range(of: name) else { fatalError("the base form lost its reporter") }
        var data = Data(xml[..<range.lowerBound].utf8)
        data.append(Data(repeating: UInt8(ascii: "a"), count: megabytes * 1_000_000))
        data.append(Data(xml[range.upperBound...].utf8))
        return data
    }

    /// The same in the text form: one line of `megabytes` MB.
    static func hugeLineText(megabytes: Int) -> Data {
        let text = validText(reporter: "@")
        guard let range = text.range(of: "@") else { fatalError("the base form lost its reporter") }
        var data = Data(text[..<range.lowerBound].utf8)
        data.append(Data(repeating: UInt8(ascii: "a"), count: megabytes * 1_000_000))
        data.append(Data(text[range.upperBound...].utf8))
        return data
    }

    /// 10 000 steps: far past the schema's five, well under the size limit. (libxml2 reports
    /// one schema error per extra step; the reader lists 100 and counts the rest. 20 000
    /// took 1–3 s in a debug build on a loaded machine: linear, but too close to the bound.)
    static var manySteps: String {
        let steps = String(repeating: #"<step number="๑" done="false"/>"#, count: 10_000)
        return validXML().replacingOccurrences(of: #"<step number="๓" done="false"/>"#, with: steps)
    }

    // MARK: Encodings

    /// `bytes` put in the middle of the reporter's name of the UTF-8 XML form.
    static func xmlWithBytesInName(_ bytes: [UInt8]) -> Data {
        let xml = validXML()
        guard let range = xml.range(of: "สมชาย") else { fatalError("the base form lost its reporter") }
        var data = Data(xml[..<range.lowerBound].utf8)
        data.append(contentsOf: bytes)
        data.append(Data(xml[range.lowerBound...].utf8))
        return data
    }

    /// The same in the text form.
    static func textWithBytesInName(_ bytes: [UInt8]) -> Data {
        let text = validText()
        guard let range = text.range(of: "สมชาย") else { fatalError("the base form lost its reporter") }
        var data = Data(text[..<range.lowerBound].utf8)
        data.append(contentsOf: bytes)
        data.append(Data(text[range.lowerBound...].utf8))
        return data
    }

    /// Declared as `encoding`, written in UTF-8.
    static func declared(_ encoding: String) -> Data {
        Data(validXML(declaration: "<?xml version=\"1.0\" encoding=\"\(encoding)\"?>").utf8)
    }

    /// The valid form in UTF-16LE with its BOM.
    static var utf16LE: Data {
        var data = Data([0xFF, 0xFE])
        for unit in validXML(declaration: #"<?xml version="1.0" encoding="UTF-16"?>"#).utf16 {
            data.append(UInt8(unit & 0xFF))
            data.append(UInt8(unit >> 8))
        }
        return data
    }
}
