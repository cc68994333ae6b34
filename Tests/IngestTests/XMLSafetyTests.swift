import Foundation
import Testing
@testable import Ingest

/// DOCTYPE, entities and XInclude are refused (`unsafe-xml`) before anything is expanded,
/// loaded or interpreted.
@Suite("XML safety")
struct XMLSafetyTests {
    private func read(_ fixture: String) throws -> FormReading {
        XMLFixtures.reader.read(try XMLFixtures.data(fixture), encoding: .utf8)
    }

    /// Every finding is unsafe-xml, an error, and no form is built.
    private func expectRefused(_ reading: FormReading) {
        #expect(reading.form == nil)
        #expect(!reading.findings.isEmpty)
        #expect(reading.findings.allSatisfy { $0.rule == .unsafeXML && $0.severity == .error }, "\(reading.findings)")
        #expect(reading.findings.hasErrors)
    }

    @Test("a DOCTYPE with an internal subset is refused, with its line")
    func doctypeRefused() throws {
        let reading = try read("doctype-internal-subset.xml")
        expectRefused(reading)
        #expect(reading.findings == [Finding(.doctype(entities: []), line: 2)])
        #expect(reading.findings[0].messageEN.contains("DOCTYPE"))
    }

    @Test("XXE to a local file is refused and nothing of the file shows")
    func externalEntityToFile() throws {
        let reading = try read("xxe-file.xml")
        expectRefused(reading)
        #expect(reading.findings == [Finding(.doctype(entities: [DeclaredEntity(name: "x", replacement: nil)]), line: 2),
                                     Finding(.entityDeclaration, line: 3)])
        let passwd = (try? String(contentsOfFile: "/etc/passwd", encoding: .utf8)) ?? "root:x:0:0"
        let firstLine = passwd.split(separator: "\n").first.map(String.init) ?? "root:x:0:0"
        for finding in reading.findings {
            #expect(!finding.messageTH.contains(firstLine) && !finding.messageEN.contains(firstLine))
            #expect(!finding.messageEN.contains("root:") && !finding.messageTH.contains("root:"))
        }
    }

    @Test("billion laughs is refused in well under a second")
    func billionLaughs() throws {
        let bytes = try XMLFixtures.data("billion-laughs.xml")
        let clock = ContinuousClock()
        var reading: FormReading?
        let elapsed = clock.measure { reading = XMLFixtures.reader.read(bytes, encoding: .utf8) }
        let refused = try #require(reading)
        expectRefused(refused)
        #expect(refused.findings.map(\.line) == [2, 3])
        #expect(refused.findings.last == Finding(.entityDeclaration, line: 3))
        // Every entity is named in the message, none defined or expanded.
        let names = ["lol"] + (1...9).map { "lol\($0)" }
        #expect(names.allSatisfy { refused.findings[0].messageEN.contains("&\($0); →") })
        #expect(elapsed < .seconds(1), "took \(elapsed)")
    }

    @Test("quadratic blowup (one large entity referenced many times) is refused at once")
    func quadraticBlowup() {
        let value = String(repeating: "x", count: 50_000)
        let references = String(repeating: "&big;", count: 50_000)
        let xml = """
        <?xml version="1.0"?>
        <!DOCTYPE report [<!ENTITY big "\(value)">]>
        <report xmlns="urn:rtp:kpi-report:1"><indicator>\(references)</indicator></report>
        """
        let clock = ContinuousClock()
        var reading: FormReading?
        let elapsed = clock.measure { reading = XMLFixtures.read(xml) }
        let big = DeclaredEntity(name: "big", replacement: value)
        #expect(big.replacement == String(repeating: "x", count: DeclaredEntity.maximumLength) + "…")
        #expect(reading?.findings == [Finding(.doctype(entities: [big]), line: 2), Finding(.entityDeclaration, line: 2)])
        #expect(reading?.form == nil)
        #expect(elapsed < .seconds(1), "took \(elapsed)")
    }

    @Test("a parameter entity pointing to the network is refused")
    func parameterEntity() throws {
        let reading = try read("parameter-entity.xml")
        expectRefused(reading)
        #expect(reading.findings == [Finding(.doctype(entities: []), line: 2), Finding(.entityDeclaration, line: 3)])
    }

    @Test("an external DTD is refused without being fetched")
    func externalDTD() throws {
        let reading = try read("external-dtd.xml")
        expectRefused(reading)
        #expect(reading.findings == [Finding(.doctype(entities: []), line: 2)])
    }

    @Test("an XInclude element is refused, with its line")
    func xincludeRefused() throws {
        let reading = try read("xinclude.xml")
        expectRefused(reading)
        #expect(reading.findings == [Finding(.xinclude, line: 4)])
    }

    @Test("both XInclude namespaces libxml2 knows are refused", arguments: [
        "http://www.w3.org/2001/XInclude", "http://www.w3.org/2003/XInclude",
    ])
    func xincludeNamespaces(namespace: String) throws {
        let xml = try XMLFixtures.example(replacingLine: 17, with: [
            "  <score>๒๕</score>",
            "  <include xmlns=\"\(namespace)\" href=\"other.xml\"/>",
        ])
        let reading = XMLFixtures.read(xml)
        #expect(reading.findings == [Finding(.xinclude, line: 18)])
        #expect(reading.form == nil)
    }

    @Test("an undeclared namespace prefix is not well-formed, with libxml2's message")
    func undeclaredPrefix() throws {
        let xml = try XMLFixtures.example(replacingLine: 4, with: ["  <fiscalYear><xi:include href=\"/etc/passwd\"/></fiscalYear>"])
        let reading = XMLFixtures.read(xml)
        #expect(reading.form == nil)
        #expect(reading.rules == [.malformed])
        #expect(reading.findings.first?.line == 4)
        #expect(reading.findings.first?.messageEN.contains("Namespace prefix xi on include is not defined") == true, "\(reading.findings)")
    }

    @Test("an entity reference without a declaration is simply not well-formed")
    func undeclaredEntity() throws {
        let xml = try XMLFixtures.example(replacingLine: 3, with: ["  <indicator>&x;</indicator>"])
        let reading = XMLFixtures.read(xml)
        #expect(reading.form == nil)
        #expect(reading.rules == [.malformed])
        #expect(reading.findings.first?.line == 3)
        #expect(reading.findings.first?.messageEN.contains("'x'") == true)
    }
}
