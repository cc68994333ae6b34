import Foundation
import Ingest
import Testing
import Validate

/// The attack and oddity corpus, at the checker level: the whole bytes → verdict path that
/// the inbox and `pipeline validate` use. Each hostile form must end rejected (or accepted
/// where it is a valid form) within `Attack.timeBound`, reach no file and no socket, and
/// leave nothing of the secret in any output. docs/reliability.md lists them.
@Suite("Attack corpus", .serialized)
struct AttackTests {
    // MARK: Baselines: the forms every attack starts from are accepted

    @Test func baselineXMLIsAccepted() async {
        await Attack.expect(await Attack.check(Data(AttackCorpus.validXML().utf8), file: "valid.xml"), rejectedBy: [])
    }

    @Test func baselineTextIsAccepted() async {
        await Attack.expect(await Attack.check(Data(AttackCorpus.validText().utf8), file: "valid.txt"), rejectedBy: [])
    }

    @Test func baselineUTF16IsAccepted() async {
        await Attack.expect(await Attack.check(AttackCorpus.utf16LE, file: "valid-utf16.xml"), rejectedBy: [])
    }

    // MARK: Files

    @Test func xxeToFileIsRefused() async throws {
        let secret = try SecretFile()
        let result = await Attack.check(Data(AttackCorpus.xxeFile(secret.fileURL).utf8), file: "xxe-file.xml")
        await Attack.expect(result, rejectedBy: [.unsafeXML], secret: secret.marker)
    }

    @Test func xxeToFileByPlainPathIsRefused() async throws {
        let secret = try SecretFile()
        let result = await Attack.check(Data(AttackCorpus.xxeFile(secret.url.path).utf8), file: "xxe-path.xml")
        await Attack.expect(result, rejectedBy: [.unsafeXML], secret: secret.marker)
    }

    @Test func externalDTDFromFileIsRefused() async throws {
        let secret = try SecretFile()
        let result = await Attack.check(Data(AttackCorpus.externalDTD(secret.fileURL).utf8), file: "dtd-file.xml")
        await Attack.expect(result, rejectedBy: [.unsafeXML], secret: secret.marker)
    }

    @Test func xincludeOfFileIsRefused() async throws {
        let secret = try SecretFile()
        let result = await Attack.check(Data(AttackCorpus.xinclude(secret.fileURL).utf8), file: "xinclude-file.xml")
        await Attack.expect(result, rejectedBy: [.unsafeXML], secret: secret.marker)
    }

    // MARK: Network (a loopback listener that must see no connection)

    @Test func loopbackListenerCountsConnections() async throws {
        // The instrument itself: a connection made is a connection counted, so the
        // zero counts below mean something.
        let listener = try LoopbackListener()
        #expect(connectToLoopback(port: listener.port))
        #expect(listener.takeConnections() == 1)
        #expect(listener.takeConnections() == 0)
    }

    @Test func xxeToLoopbackMakesNoConnection() async throws {
        let listener = try LoopbackListener()
        let result = await Attack.check(Data(AttackCorpus.xxeNetwork(listener.url("xxe")).utf8), file: "xxe-net.xml")
        await Attack.expect(result, rejectedBy: [.unsafeXML])
        #expect(listener.takeConnections() == 0)
    }

    @Test func parameterEntityExfiltrationIsRefused() async throws {
        let secret = try SecretFile()
        let listener = try LoopbackListener()
        let xml = AttackCorpus.parameterEntityExfiltration(file: secret.fileURL, dtd: listener.url("evil.dtd"))
        await Attack.expect(await Attack.check(Data(xml.utf8), file: "pe-exfil.xml"), rejectedBy: [.unsafeXML], secret: secret.marker)
        #expect(listener.takeConnections() == 0)
    }

    @Test func externalDTDFromLoopbackMakesNoConnection() async throws {
        let listener = try LoopbackListener()
        let result = await Attack.check(Data(AttackCorpus.externalDTD(listener.url("report.dtd")).utf8), file: "dtd-net.xml")
        await Attack.expect(result, rejectedBy: [.unsafeXML])
        #expect(listener.takeConnections() == 0)
    }

    @Test func externalPublicDTDMakesNoConnection() async throws {
        let listener = try LoopbackListener()
        let result = await Attack.check(Data(AttackCorpus.externalPublicDTD(listener.url("report.dtd")).utf8), file: "dtd-public.xml")
        await Attack.expect(result, rejectedBy: [.unsafeXML])
        #expect(listener.takeConnections() == 0)
    }

    @Test func xincludeOfLoopbackMakesNoConnection() async throws {
        let listener = try LoopbackListener()
        let result = await Attack.check(Data(AttackCorpus.xinclude(listener.url("part.xml")).utf8), file: "xinclude-net.xml")
        await Attack.expect(result, rejectedBy: [.unsafeXML])
        #expect(listener.takeConnections() == 0)
    }

    @Test func schemaLocationHintIsNotFetched() async throws {
        // A hint is not an attack by itself: the form is valid against the repository's
        // XSD, which is the only schema used, so it is accepted, and nothing is fetched.
        let listener = try LoopbackListener()
        let result = await Attack.check(Data(AttackCorpus.schemaLocation(listener.url("evil.xsd")).utf8), file: "xsd-hint.xml")
        await Attack.expect(result, rejectedBy: [])
        #expect(listener.takeConnections() == 0)
    }

    @Test func stylesheetInstructionIsNotFetched() async throws {
        let listener = try LoopbackListener()
        let result = await Attack.check(Data(AttackCorpus.stylesheetInstruction(listener.url("s.xsl")).utf8), file: "xsl-pi.xml")
        await Attack.expect(result, rejectedBy: [])
        #expect(listener.takeConnections() == 0)
    }

    // MARK: Expansion

    @Test func billionLaughsIsRefusedQuickly() async {
        await Attack.expect(await Attack.check(Data(AttackCorpus.billionLaughs.utf8), file: "laughs.xml"), rejectedBy: [.unsafeXML])
    }

    @Test func quadraticBlowupIsRefusedQuickly() async {
        await Attack.expect(await Attack.check(Data(AttackCorpus.quadraticBlowup.utf8), file: "quadratic.xml"), rejectedBy: [.unsafeXML])
    }

    // MARK: Size and depth

    @Test func tenThousandNestedElementsAreRejected() async {
        await Attack.expect(await Attack.check(Data(AttackCorpus.deepNesting.utf8), file: "deep.xml"), rejectedBy: [.malformed, .schema])
    }

    @Test func tenThousandStepsAreRejected() async {
        await Attack.expect(await Attack.check(Data(AttackCorpus.manySteps.utf8), file: "steps.xml"), rejectedBy: [.schema, .badStep])
    }

    @Test func twentyMegabyteTextNodeIsTooLarge() async {
        let data = AttackCorpus.hugeTextNodeXML(megabytes: 20)
        let result = await Attack.check(data, file: "huge.xml")
        await Attack.expect(result, rejectedBy: [.unreadable])
        #expect(result.verdict.findings.contains { $0.rule == .unreadable && $0.messageEN.contains("\(data.count)") },
                "the finding names the size")
    }

    @Test func twentyMegabyteTextNodeWithRoomIsHandled() async {
        // With a 32 MiB limit the bytes reach libxml2, which takes the 20 MB text node (the
        // form is otherwise valid): accepted, the whole name kept, no crash, linear time.
        let result = await Attack.check(AttackCorpus.hugeTextNodeXML(megabytes: 20), file: "huge.xml", with: Attack.roomyChecker)
        await Attack.expect(result, rejectedBy: [], within: Attack.hugeInputBound)
        let reporterBytes = result.verdict.record?.reporter?.utf8.count
        #expect(reporterBytes == 20_000_000)
    }

    @Test func twentyMegabyteTextLineWithRoomIsHandled() async {
        // A 20 MB reporter name is a valid text form: nothing limits a value's length but
        // the file's size. Accepted, the whole name kept, no crash, linear time.
        let result = await Attack.check(AttackCorpus.hugeLineText(megabytes: 20), file: "huge.txt", with: Attack.roomyChecker)
        await Attack.expect(result, rejectedBy: [], within: Attack.hugeInputBound)
        let reporterBytes = result.verdict.record?.reporter?.utf8.count
        #expect(reporterBytes == 20_000_000)
    }

    @Test(arguments: [FormFormat.xml, .text])
    func largestDefaultFormIsDecidedInTime(format: FormFormat) async {
        // The most the default limit lets in: a form padded to just under 1 MiB with a
        // Thai reporter name (three UTF-8 bytes a character, the slowest text to normalize).
        let limit = FormDecoder.defaultSizeLimit
        let base = format == .xml ? Data(AttackCorpus.validXML().utf8) : Data(AttackCorpus.validText().utf8)
        let room = (limit - base.count) / 3 - 1
        let padded = format == .xml
            ? Data(AttackCorpus.validXML().replacingOccurrences(of: "สมชาย", with: String(repeating: "ก", count: room)).utf8)
            : Data(AttackCorpus.validText(reporter: String(repeating: "ก", count: room)).utf8)
        #expect(padded.count <= limit && padded.count > limit - 64)
        await Attack.expect(await Attack.check(padded, file: "largest.\(format.rawValue)"), rejectedBy: [])
    }

    // MARK: Encodings

    @Test(arguments: [
        [0xFF] as [UInt8],    // never valid in UTF-8, undefined in Windows-874
        [0xA1],               // a lone lead byte in UTF-8; ก in Windows-874
        [0xC0, 0xBC],         // overlong `<`
        [0xED, 0xA0, 0x80],   // a UTF-16 surrogate encoded in UTF-8
        [0xE0, 0xB8],         // a Thai letter cut short
    ])
    func invalidUTF8InUTF8XMLIsRejected(bytes: [UInt8]) async {
        let result = await Attack.check(AttackCorpus.xmlWithBytesInName(bytes), file: "bad-utf8.xml")
        await Attack.expect(result, rejectedBy: [.unreadable, .malformed])
    }

    @Test func invalidUTF8InTextIsUnreadable() async {
        // 0xFF is in no encoding a text form may use.
        await Attack.expect(await Attack.check(AttackCorpus.textWithBytesInName([0xFF]), file: "bad-utf8.txt"), rejectedBy: [.unreadable])
    }

    @Test(arguments: ["UTF-16", "UTF-16LE", "TIS-620", "ISO-8859-11", "EBCDIC-US", "no-such-encoding"])
    func wrongDeclaredEncodingIsNeverAcceptedAsGarbage(encoding: String) async {
        // Declared one way, written in UTF-8. Rejected, or (where libxml2 sees through the
        // declaration) accepted with the real indicator: never accepted as mojibake.
        let result = await Attack.check(AttackCorpus.declared(encoding), file: "declared-\(encoding).xml")
        #expect(result.elapsed < Attack.timeBound)
        if result.verdict.accepted {
            #expect(result.verdict.record?.indicator == AttackCorpus.indicator)
            #expect(result.verdict.record?.reporter == "ร.ต.อ.สมชาย ใจดี")
            Attack.expectRoundTrip(result.verdict)
        } else {
            #expect(result.verdict.findings.hasErrors)
        }
        // ISO-8859-11 read from UTF-8 bytes gives C1 controls: refused, never echoed.
        let control = Attack.firstControlCharacter(in: result.verdict)
        #expect(control == nil)
    }

    @Test(arguments: ["&#x9B;", "&#x7F;", "&#x80;", "&#x9F;"])
    func controlCharacterReferenceIsRefused(reference: String) async {
        // Legal in XML 1.0 (C0 references are not, and are `malformed`), but a control
        // character in a value would reach messages and terminals (U+009B is CSI on some).
        // (U+0085, NEL, is white space: text normalization folds it to a space.)
        let xml = AttackCorpus.validXML().replacingOccurrences(of: "ร.ต.อ.สมชาย", with: "ร.ต.อ.\(reference)31mสมชาย")
        await Attack.expect(await Attack.check(Data(xml.utf8), file: "control.xml"), rejectedBy: [.unreadable])
    }

    @Test func escapeCharacterReferenceIsMalformed() async {
        let xml = AttackCorpus.validXML().replacingOccurrences(of: "ร.ต.อ.สมชาย", with: "ร.ต.อ.&#x1B;[31mสมชาย")
        await Attack.expect(await Attack.check(Data(xml.utf8), file: "escape.xml"), rejectedBy: [.malformed])
    }

    @Test func tis620DeclaredWithUTF8InsideIsRejected() async {
        // UTF-8 Thai read as TIS-620 holds bytes TIS-620 does not define (0x81 in ก's
        // E0 B8 81): not a form that can be read.
        await Attack.expect(await Attack.check(AttackCorpus.declared("TIS-620"), file: "tis620-utf8.xml"),
                      rejectedBy: [.unreadable, .malformed, .unknownIndicator])
    }

    @Test func oddUTF16IsUnreadable() async {
        await Attack.expect(await Attack.check(AttackCorpus.utf16LE.dropLast(), file: "odd-utf16.xml"), rejectedBy: [.unreadable])
    }

    // MARK: Truncation, NUL, empty

    @Test func truncatedXMLIsRejectedAtEveryCut() async {
        let data = Data(AttackCorpus.validXML().utf8)
        let end = data.count - 12   // before `</report>\n`: every cut leaves the root open
        for cut in stride(from: 1, to: end, by: 37) {
            let result = await Attack.check(data.prefix(cut), file: "cut-\(cut).xml")
            #expect(result.elapsed < Attack.timeBound)
            #expect(!result.verdict.accepted, "cut at \(cut) accepted")
        }
    }

    @Test func truncatedTextIsDecidedAtEveryCut() async {
        // A text form cut short may still hold every required field (a cut in the phone
        // line): each cut must be decided, quickly, and an accepted one keep its record.
        let data = Data(AttackCorpus.validText().utf8)
        for cut in stride(from: 1, to: data.count, by: 29) {
            let result = await Attack.check(data.prefix(cut), file: "cut-\(cut).txt")
            #expect(result.elapsed < Attack.timeBound)
            Attack.expectRoundTrip(result.verdict)
        }
    }

    @Test(arguments: [0, 200, 600])
    func nulByteInXMLIsUnreadable(offset: Int) async {
        var data = Data(AttackCorpus.validXML().utf8)
        data.insert(0, at: offset)
        await Attack.expect(await Attack.check(data, file: "nul.xml"), rejectedBy: [.unreadable])
    }

    @Test func nulByteInTextIsUnreadable() async {
        var data = Data(AttackCorpus.validText().utf8)
        data.insert(0, at: 100)
        await Attack.expect(await Attack.check(data, file: "nul.txt"), rejectedBy: [.unreadable])
    }

    @Test func nulCharacterInUTF16IsUnreadable() async {
        var data = AttackCorpus.utf16LE
        data.insert(contentsOf: [0x00, 0x00], at: 400)
        await Attack.expect(await Attack.check(data, file: "nul-utf16.xml"), rejectedBy: [.unreadable])
    }

    @Test(arguments: [Data(), Data([0xEF, 0xBB, 0xBF]), Data([0xFF, 0xFE]), Data(" \n\t\r\n".utf8)])
    func emptyFilesAreUnreadable(data: Data) async {
        await Attack.expect(await Attack.check(data, file: "empty"), rejectedBy: [.unreadable])
    }
}
