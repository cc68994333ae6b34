import Foundation
import Testing
@testable import Ingest

/// Schema violations and well-formedness errors, with libxml2's lines and messages; the
/// schema compiled once and shared; concurrency; a broken schema file.
@Suite("XML schema and well-formedness")
struct XMLSchemaTests {
    /// A form that fails is not interpreted further: no form, only the findings.
    private func expectOnly(_ rule: Rule, _ reading: FormReading, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(reading.form == nil, sourceLocation: sourceLocation)
        #expect(!reading.findings.isEmpty, sourceLocation: sourceLocation)
        #expect(reading.findings.allSatisfy { $0.rule == rule }, "\(reading.findings)", sourceLocation: sourceLocation)
    }

    @Test("elements out of order: the line and libxml2's message, without the namespace noise")
    func wrongOrder() throws {
        let xml = try XMLFixtures.example(replacingLine: 4, with: [])
            .replacingOccurrences(of: "  <round>๖</round>", with: "  <round>๖</round>\n  <fiscalYear>๒๕๖๔</fiscalYear>")
        let reading = XMLFixtures.read(xml)
        expectOnly(.schema, reading)
        let finding = try #require(reading.findings.first)
        #expect(finding.line == 4)
        #expect(finding.messageEN.contains("Element 'round': This element is not expected. Expected is ( fiscalYear )."), "\(finding.messageEN)")
        #expect(!finding.messageEN.contains("{urn:rtp:kpi-report:1}"))
        #expect(finding.messageTH.contains("<fiscalYear>") && !finding.messageTH.contains("Element"))
    }

    @Test("an unknown element")
    func unknownElement() throws {
        let xml = try XMLFixtures.example(replacingLine: 11, with: [
            "  <reportedOn>๒๐ เม.ย. ๒๕๖๔</reportedOn>",
            "  <remark>ส่งล่าช้า</remark>",
        ])
        let reading = XMLFixtures.read(xml)
        expectOnly(.schema, reading)
        #expect(reading.findings.count == 1)
        #expect(reading.findings.first?.line == 12)
        #expect(reading.findings.first?.messageEN.contains("Element 'remark': This element is not expected.") == true)
    }

    @Test("done=\"maybe\" is not an xs:boolean")
    func doneMaybe() throws {
        let xml = try XMLFixtures.example(replacingLine: 14, with: ["    <step number=\"๒\" done=\"maybe\"><date>๑๐ ม.ค. ๒๕๖๔</date></step>"])
        let reading = XMLFixtures.read(xml)
        expectOnly(.schema, reading)
        #expect(reading.findings.count == 1)
        #expect(reading.findings.first?.line == 14)
        #expect(reading.findings.first?.messageEN.contains("'maybe' is not a valid value of the atomic type 'xs:boolean'") == true)
    }

    @Test("a missing station")
    func missingStation() throws {
        let reading = XMLFixtures.read(try XMLFixtures.example(replacingLine: 7, with: []))
        expectOnly(.schema, reading)
        #expect(reading.findings.first?.line == 7)
        #expect(reading.findings.first?.messageEN.contains("Element 'bureau': This element is not expected. Expected is ( station ).") == true)
    }

    @Test("a step without its required attributes")
    func stepWithoutAttributes() throws {
        let reading = XMLFixtures.read(try XMLFixtures.example(replacingLine: 15, with: ["    <step/>"]))
        expectOnly(.schema, reading)
        #expect(reading.findings.count == 2)
        #expect(reading.findings.allSatisfy { $0.line == 15 })
        #expect(reading.findings.contains { $0.messageEN.contains("'number' is required") })
        #expect(reading.findings.contains { $0.messageEN.contains("'done' is required") })
    }

    @Test("every schema error is reported, each with its own line")
    func everyError() throws {
        let xml = try XMLFixtures.example(replacingLine: 14, with: ["    <step number=\"๒\" done=\"maybe\"/>"])
            .replacingOccurrences(of: "<contact><name>", with: "<contact><nickname>x</nickname><name>")
        let reading = XMLFixtures.read(xml)
        expectOnly(.schema, reading)
        #expect(reading.findings.map(\.line) == [14, 18])
    }

    @Test("a root element in another namespace")
    func wrongNamespace() throws {
        let xml = try XMLFixtures.text("example.xml").replacingOccurrences(of: "urn:rtp:kpi-report:1", with: "urn:example:other")
        let reading = XMLFixtures.read(xml)
        expectOnly(.schema, reading)
        #expect(reading.findings.first?.line == 2)
    }

    @Test("not well-formed: the line and libxml2's message")
    func notWellFormed() throws {
        let xml = try XMLFixtures.example(replacingLine: 7, with: ["    <station>สภ.เมืองเชียงใหม่</statoin>"])
        let reading = XMLFixtures.read(xml)
        expectOnly(.malformed, reading)
        let finding = try #require(reading.findings.first)
        #expect(finding.line == 7)
        #expect(finding.messageEN.contains("Opening and ending tag mismatch: station line 7 and statoin"), "\(finding.messageEN)")
        #expect(reading.findings.count <= SafeXMLParser.maximumErrors)
    }

    @Test("not well-formed, many errors: the first ten listed, the rest counted")
    func manyErrorsCapped() {
        // Each line holds two errors libxml2 reports and recovers from (a duplicate
        // attribute, a '<' in an attribute value), so there are far more than ten.
        let xml = "<report xmlns=\"urn:rtp:kpi-report:1\">\n" + String(repeating: "<a b=\"1\" b=\"2\" c='<'/>\n", count: 50) + "</report>"
        let reading = XMLFixtures.read(xml)
        expectOnly(.malformed, reading)
        #expect(reading.findings.count == SafeXMLParser.maximumErrors + 1)
        #expect(reading.findings.first?.line == 2)
        let more = reading.findings.last
        #expect(more?.line == nil)
        #expect(more?.messageEN.hasSuffix("more XML errors are not listed — fix the ones above and send the file again; it is checked again in full.") == true)
    }

    @Test("tens of thousands of schema errors: the first hundred listed with lines, the rest counted")
    func manySchemaErrorsCapped() throws {
        // Every step has two errors: done="maybe" and an unexpected child.
        let steps = (0..<5_000).map { _ in "    <step number=\"1\" done=\"maybe\"><x/></step>" }
        let reading = XMLFixtures.read(try XMLFixtures.example(replacingLine: 15, with: steps))
        expectOnly(.schema, reading)
        #expect(reading.findings.count == XMLSchema.maximumErrors + 1)
        #expect(reading.findings.prefix(4).map(\.line) == [15, 15, 16, 16])
        let expectedMore = 2 * 5_000 - XMLSchema.maximumErrors
        #expect(reading.findings.last?.messageEN.hasPrefix("\(expectedMore) more violations") == true, "\(reading.findings.last?.messageEN ?? "")")
        #expect(reading.findings.last?.messageTH.contains(ThaiDigits.thai(expectedMore)) == true)
    }

    @Test("bytes that are no XML at all", arguments: [
        Data(), Data("just some text".utf8), Data([0x3C, 0x72, 0xFF, 0xFE, 0x00]), Data("<report".utf8),
    ])
    func notXMLAtAll(bytes: Data) {
        let reading = XMLFixtures.reader.read(bytes, encoding: .utf8)
        expectOnly(.malformed, reading)
    }

    @Test("TIS-620 bytes declared as UTF-8 are not well-formed")
    func wrongDeclaredEncoding() throws {
        let tis = try XMLFixtures.data("example-tis620.xml")
        let lying = Data(String(decoding: tis.prefix(38), as: UTF8.self).replacingOccurrences(of: "TIS-620", with: "UTF-8").utf8) + tis.dropFirst(38)
        #expect(String(decoding: lying.prefix(40), as: UTF8.self).hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"))
        let reading = XMLFixtures.reader.read(lying, encoding: .utf8)
        expectOnly(.malformed, reading)
        #expect(reading.findings.first?.line == 3)
    }

    @Test("the schema compiled once serves 100 reads with the same result")
    func compiledOnceReused() throws {
        let schema = try XMLSchema(contentsOf: XMLFixtures.schemaURL)
        let reader = XMLFormReader(schema: schema)
        let example = try XMLFixtures.data("example.xml")
        let invalid = Data(try XMLFixtures.example(replacingLine: 7, with: []).utf8)
        let first = reader.read(example, encoding: .utf8)
        let firstInvalid = reader.read(invalid, encoding: .utf8)
        #expect(first.form != nil)
        #expect(!firstInvalid.findings.isEmpty)
        for _ in 0..<100 {
            let again = reader.read(example, encoding: .utf8)
            #expect(again.form == first.form && again.findings.isEmpty)
            #expect(reader.read(invalid, encoding: .utf8).findings == firstInvalid.findings)
        }
    }

    @Test("concurrent reads from several tasks give the same results as reading one by one")
    func concurrentReads() async throws {
        let inputs: [Data] = [
            try XMLFixtures.data("example.xml"),
            try XMLFixtures.data("example-utf16le.xml"),
            try XMLFixtures.data("example-tis620.xml"),
            try XMLFixtures.data("minimal.xml"),
            try XMLFixtures.data("billion-laughs.xml"),
            try XMLFixtures.data("xinclude.xml"),
            Data(try XMLFixtures.example(replacingLine: 7, with: []).utf8),
            Data(try XMLFixtures.example(replacingLine: 7, with: ["<station>"]).utf8),
        ]
        let reader = XMLFixtures.reader
        let expected = inputs.map { reader.read($0, encoding: .utf8) }
        let results = await withTaskGroup(of: (Int, ReportForm?, [Finding]).self) { group in
            for task in 0..<8 {
                group.addTask {
                    // Each task reads every input several times, starting at a different one.
                    var mismatches: [Finding] = []
                    var lastForm: ReportForm?
                    for round in 0..<25 {
                        let index = (task + round) % inputs.count
                        let reading = reader.read(inputs[index], encoding: .utf8)
                        if reading.form != expected[index].form || reading.findings != expected[index].findings {
                            mismatches.append(contentsOf: reading.findings)
                            lastForm = reading.form
                        }
                    }
                    return (task, lastForm, mismatches)
                }
            }
            var all: [(Int, ReportForm?, [Finding])] = []
            for await result in group { all.append(result) }
            return all
        }
        #expect(results.count == 8)
        for (task, form, mismatches) in results {
            #expect(form == nil && mismatches.isEmpty, "task \(task) differed: \(mismatches)")
        }
        #expect(expected.filter { $0.form != nil }.count == 4)
    }

    @Test("libxml2 prints nothing to stderr, whatever the input")
    func nothingOnStandardError() throws {
        let inputs: [Data] = [
            Data(try XMLFixtures.example(replacingLine: 7, with: ["    <station>x</statoin>"]).utf8),
            Data(try XMLFixtures.example(replacingLine: 7, with: []).utf8),
            try XMLFixtures.data("xxe-file.xml"),
            try XMLFixtures.data("parameter-entity.xml"),
            Data("<report".utf8),
        ]
        let captured = try capturingStandardError {
            for input in inputs { _ = XMLFixtures.reader.read(input, encoding: .utf8) }
            _ = try? XMLSchema(contentsOf: XMLFixtures.directory.appendingPathComponent("example.xml"))
        }
        for libxml2Words in ["parser error", "tag mismatch", "Schemas validity error", "not expected", "Schemas parser error", "Entity", "DOCTYPE"] {
            #expect(!captured.contains(libxml2Words), "stderr: \(captured)")
        }
    }

    @Test("a missing XSD file: the error names the file")
    func missingSchemaFile() {
        let url = URL(fileURLWithPath: "/nonexistent/schemas/nope.xsd")
        #expect {
            try XMLSchema(contentsOf: url)
        } throws: { error in
            guard case .cannotRead(let path, _)? = error as? XMLSchemaError else { return false }
            return path == url.path && "\(error)".contains("/nonexistent/schemas/nope.xsd")
        }
    }

    @Test("a broken XSD file: the error names the file and gives libxml2's message and line")
    func brokenSchemaFile() throws {
        let url = try temporaryFile("broken.xsd", contents: "<?xml version=\"1.0\"?>\n<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\">\n<xs:element name=\"a\">\n</xs:schema>\n")
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        #expect {
            try XMLSchema(contentsOf: url)
        } throws: { error in
            guard case .notWellFormed(let path, let messages)? = error as? XMLSchemaError else { return false }
            return path == url.path && messages.first?.hasPrefix("line 4: ") == true
                && "\(error)".contains("broken.xsd") && "\(error)".contains("mismatch")
        }
    }

    @Test("well-formed XML that is no valid schema: the error names the file and libxml2's message")
    func invalidSchemaFile() throws {
        let url = try temporaryFile("invalid.xsd", contents: """
        <?xml version="1.0"?>
        <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
          <xs:element name="a" type="xs:noSuchType"/>
        </xs:schema>
        """)
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        #expect {
            try XMLSchema(contentsOf: url)
        } throws: { error in
            guard case .invalidSchema(let path, let messages)? = error as? XMLSchemaError else { return false }
            return path == url.path && messages.contains { $0.contains("noSuchType") && $0.hasPrefix("line 3: ") }
                && "\(error)".contains("invalid.xsd")
        }
    }

    @Test("the process-wide entity loader denies every load: an xs:include of a real file fails")
    func entityLoaderDeniesLoads() throws {
        let included = try temporaryFile("included.xsd", contents: """
        <?xml version="1.0"?>
        <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:element name="b" type="xs:string"/></xs:schema>
        """)
        let directory = included.deletingLastPathComponent()
        defer { try? FileManager.default.removeItem(at: directory) }
        let including = directory.appendingPathComponent("including.xsd")
        try Data("""
        <?xml version="1.0"?>
        <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
          <xs:include schemaLocation="\(included.absoluteString)"/>
          <xs:element name="a" type="xs:string"/>
        </xs:schema>
        """.utf8).write(to: including)
        #expect {
            try XMLSchema(contentsOf: including)
        } throws: { error in
            guard case .invalidSchema(let path, let messages)? = error as? XMLSchemaError else { return false }
            return path == including.path && messages.contains { $0.contains("included.xsd") }
        }
    }

    @Test("xsi:schemaLocation in a form changes nothing: it is checked against report.xsd alone")
    func schemaLocationIgnored() throws {
        let xml = try XMLFixtures.example(replacingLine: 2, with: [
            "<report xmlns=\"urn:rtp:kpi-report:1\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"urn:rtp:kpi-report:1 http://attacker.invalid/lax.xsd\">",
        ])
        let reading = XMLFixtures.read(xml)
        #expect(reading.findings.isEmpty, "\(reading.findings)")
        #expect(reading.form?[.station] == FieldValue("สภ.เมืองเชียงใหม่", line: 7))

        let invalid = xml.replacingOccurrences(of: "<remark/>", with: "").replacingOccurrences(of: "  <score>", with: "  <remark/>\n  <score>")
        #expect(XMLFixtures.read(invalid).rules == [.schema])
    }

    private func temporaryFile(_ name: String, contents: String) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("xml-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try Data(contents.utf8).write(to: url)
        return url
    }

    /// Runs `body` with file descriptor 2 redirected to a temporary file and returns what
    /// was written to it.
    private func capturingStandardError(_ body: () throws -> Void) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("stderr-\(UUID().uuidString).txt")
        try #require(FileManager.default.createFile(atPath: url.path, contents: nil))
        defer { try? FileManager.default.removeItem(at: url) }
        let handle = try FileHandle(forWritingTo: url)
        let saved = dup(2)
        try #require(saved >= 0)
        fflush(nil)
        dup2(handle.fileDescriptor, 2)
        defer {
            fflush(nil)
            dup2(saved, 2)
            close(saved)
            try? handle.close()
        }
        try body()
        fflush(nil)
        return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }
}
