import Foundation
import Ingest
import Testing
@testable import Validate

/// Whom to call (docs/office.md#whom-to-call): the contact of a verdict, from its record,
/// its form's raw fields, or the file's plain text.
@Suite("whom to call")
struct ContactTests {
    let checker = Attack.checker

    func contact(_ text: String, file: String = "form") -> Contact? {
        checker.check(Data(text.utf8), file: file).contact
    }

    @Test("an accepted form: the record's contact, verified, phone as digits")
    func fromRecord() throws {
        let data = try Data(contentsOf: Repo.root.appendingPathComponent("inbox/muang-chiangmai-r6.xml"))
        let verdict = checker.check(data, file: "x.xml")
        #expect(verdict.contact == Contact(station: "สภ.เมืองเชียงใหม่", bureau: "ภ.5", province: "เชียงใหม่",
                                           fiscalYear: 2564, round: 6, reporter: "ร.ต.อ.สมชาย ใจดี",
                                           phone: "0812345678", verified: true))
    }

    @Test("unsafe XML (a DOCTYPE with an entity): plain text only; a lone reference to a plain literal gives that literal; unverified")
    func unsafeXMLNamesTheBureau() throws {
        let data = try Data(contentsOf: Repo.root.appendingPathComponent("inbox/bangrak-r6.xml"))
        let verdict = checker.check(data, file: "bangrak-r6.xml")
        #expect(verdict.record == nil)
        let contact = try #require(verdict.contact)
        #expect(contact.station == "สน.บางรัก", "<!ENTITY station \"สน.บางรัก\"> read as the text it declares")
        #expect(contact.bureau == "บช.น.")
        #expect(contact.fiscalYear == 2564)
        #expect(contact.round == 6)
        #expect(!contact.verified)
    }

    @Test("a form refused for a missing field: its own fields, canonical names, unverified")
    func missingField() {
        let text = """
            ตัวชี้วัด : กต.ตร. พบประชาชน
            ปีงบประมาณ : ๒๕๖๔
            รอบการรายงาน : ๑๒ เดือน
            หน่วยปฏิบัติ : สถานีตำรวจภูธรหางดง
            สังกัด : ภาค ๕
            มือถือ : ๐๘๖-๕๕๕-๐๑๒๓
            """
        let found = contact(text)
        #expect(found == Contact(station: "สภ.หางดง", bureau: "ภ.5", fiscalYear: 2564, round: 12,
                                 phone: "0865550123", verified: false))
    }

    @Test("XML that is not well-formed still names its station and phone")
    func brokenXML() {
        let text = """
            <report xmlns="urn:rtp:kpi-report:1"><fiscalYear>2564</fiscalYear><round>6</round>
            <unit><station>สภ.หางดง</station><bureau>ภ.5</bureau></unit>
            <contact><name>ด.ต.ใจดี</name><phone>053-123-456</phone></contact>
            <steps><step number="1" done="true"
            """
        let found = contact(text)
        #expect(found?.station == "สภ.หางดง")
        #expect(found?.reporter == "ด.ต.ใจดี")
        #expect(found?.phone == "053123456")
        #expect(found?.verified == false)
    }

    @Test("markup, CDATA, undeclared, external, parameter and nested entities are not read; `?` stays where the file says nothing")
    func nothingExpanded() {
        let found = contact("<report><unit><station><![CDATA[x]]></station><bureau>&b;</bureau></unit></report>")
        #expect(found?.station == nil)
        #expect(found?.bureau == nil)
        #expect(found?.isEmpty == true)
        let declared = """
            <!DOCTYPE report [<!ENTITY s SYSTEM "file:///etc/passwd"><!ENTITY % p "x"><!ENTITY n "&s;"><!ENTITY r "ผู้รายงาน">]>
            <report><unit><station>&s;</station><bureau>&p;</bureau><province>&n;</province></unit>
            <contact><name>&r; &r;</name></contact></report>
            """
        let none = contact(declared)
        #expect(none?.station == nil && none?.bureau == nil && none?.province == nil && none?.reporter == nil)
    }

    @Test("a file over the size limit: the contact from its first bytes")
    func oversized() throws {
        let folder = try TemporaryFolder()
        let path = folder.url.appendingPathComponent("big.xml").path
        let head = "<report><unit><station>สภ.หางดง</station><bureau>ภ.5</bureau></unit><!--"
        let data = Data(head.utf8) + Data(repeating: 0x20, count: 2 << 20)
        try data.write(to: URL(fileURLWithPath: path))
        let verdict = try checker.check(fileAt: path, file: "big.xml")
        #expect(verdict.findings.first?.rule == .unreadable)
        #expect(verdict.contact?.station == "สภ.หางดง")
        #expect(verdict.contact?.bureau == "ภ.5")
    }

    @Test("64 KiB of `<` and one `>`: no element, and one pass (the search resumes after each `>`)")
    func manyOpenings() {
        let text = String(repeating: "<", count: 65_000) + ">" + String(repeating: "<station>", count: 1000)
        #expect(ContactReader.elementText("station", in: text) == nil)
    }
}
