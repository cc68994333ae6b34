import Foundation
import Testing

/// `pipeline validate`, run as the real binary on real files.
@Suite struct ValidateCommandTests {
    static let inbox = PipelineProcess.packageRoot.appendingPathComponent("inbox")

    /// The plain-text example of docs/forms.md#the-plain-text-form, verbatim (`Tests/Fixtures`, shared by the test targets).
    static let formsTextExample = (try? String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/forms-text-example.txt"), encoding: .utf8)) ?? ""

    /// The record docs/forms.md#the-verdict-as-json shows for both examples.
    static let formsExampleRecord = #"{"indicator":"กต.ตร. พบประชาชน","fiscal_year":2564,"round":6,"station":"สภ.เมืองเชียงใหม่","bureau":"ภ.5","province":"เชียงใหม่","reported_on":"2021-04-20","steps":[{"number":1,"done":true,"date":"2020-11-15","evidence":"บันทึกข้อตกลงกับ อบต.สุเทพ","on_time":true},{"number":2,"done":true,"date":"2021-01-10","evidence":null,"on_time":true},{"number":3,"done":false,"date":null,"evidence":null,"on_time":null},{"number":4,"done":false,"date":null,"evidence":null,"on_time":null},{"number":5,"done":false,"date":null,"evidence":null,"on_time":null}],"level":2,"score":25,"target":"below","reporter":"ร.ต.อ.สมชาย ใจดี","phone":"0812345678"}"#

    @Test func formsXMLExamplePrintsTheRecordOfTheContract() throws {
        let file = Self.inbox.appendingPathComponent("muang-chiangmai-r6.xml").path
        let result = try PipelineProcess.run(["validate", "--format", "json", file])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout == #"{"file":"\#(file)","format":"xml","accepted":true,"findings":[],"record":\#(Self.formsExampleRecord)}"# + "\n")
    }

    @Test func formsTextExamplePrintsTheRecordOfTheContract() throws {
        let folder = try TemporaryFolder()
        try folder.write("example.txt", Self.formsTextExample)
        let result = try PipelineProcess.run(["validate", "--format", "json", "example.txt"], in: folder.url)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout == #"{"file":"example.txt","format":"text","accepted":true,"findings":[],"record":\#(Self.formsExampleRecord)}"# + "\n")
    }

    @Test func jsonGivesOneLinePerFileAndExitOneWhenAnyIsRejected() throws {
        let names = ["muang-chiangmai-r6.xml", "yala-r6.txt", "bangrak-r6.xml"]
        let result = try PipelineProcess.run(["validate", "--format", "json"] + names, in: Self.inbox)
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        let objects = try lines.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(objects.map { $0?["file"] as? String } == names)
        #expect(objects.map { $0?["accepted"] as? Bool } == [true, false, false])
        let rules = objects.map { object in
            Set(((object?["findings"] as? [[String: Any]]) ?? []).compactMap { $0["rule"] as? String })
        }
        #expect(rules[1] == ["bad-date", "bad-unit"])
        #expect(rules[2] == ["unsafe-xml"])
    }

    @Test func humanOutputIsCompilerStyleThaiThenEnglishWithASummary() throws {
        let result = try PipelineProcess.run(["validate", "yala-r6.txt"], in: Self.inbox)
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let dateLine = try #require(lines.firstIndex { $0.hasPrefix("yala-r6.txt:10: error[bad-date]: วันที่ของขั้นตอนที่ ๒ ") })
        #expect(lines[dateLine].contains("๒๙ ก.พ. ๒๕๖๔"))
        #expect(lines[dateLine + 1].hasPrefix("    ") && lines[dateLine + 1].contains("does not exist"))
        #expect(lines.contains { $0.hasPrefix("yala-r6.txt:7: error[bad-unit]: ") && $0.contains("ยะลา") })
        #expect(lines.contains { $0.hasPrefix("yala-r6.txt: ไม่ผ่าน / rejected — 2 errors, 0 warnings") })
    }

    @Test func everyFindingLineHasOneShape() throws {
        // Findings with a line and without, with a step and without, errors and warnings.
        let result = try PipelineProcess.run(["validate", "sathon-r12.txt", "phuket-r12.txt", "yala-r6.txt"], in: Self.inbox)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let findingLines = lines.filter { !$0.hasPrefix("    ") && !$0.contains(" / accepted") && !$0.contains(" / rejected") }
        #expect(findingLines.count >= 8, "\(lines)")
        let shape = try Regex(#"^[a-z0-9-]+\.txt(:[0-9]+)?: (error|warning)\[[a-z-]+\]: \S"#)
        for line in findingLines {
            #expect(line.firstMatch(of: shape) != nil, "\(line)")
            #expect(!line.contains("step "), "\(line)")
            #expect(line.unicodeScalars.contains { (0x0E00...0x0E7F).contains($0.value) }, "Thai: \(line)")
        }
        #expect(findingLines.contains { $0.hasPrefix("sathon-r12.txt: warning[behind-plan]: ขั้นตอนที่ ๔ ") })
    }

    @Test func everySampleEndsAsItsNameSays() throws {
        let accepted = ["muang-chiangmai-r6.xml", "lumphini-r12.txt", "hangdong-r6-windows874.txt", "korat-r12-utf16.xml",
                        "phuket-r12.txt"]
        let rejected = ["yala-r6.txt", "bangrak-r6.xml", "sathon-r12.txt", "khonkaen-r6.xml"]
        let listed = Set(accepted + rejected)
        let shipped = try FileManager.default.contentsOfDirectory(atPath: Self.inbox.path)
        #expect(Set(shipped) == listed, "every sample has its expected outcome here")
        for name in accepted {
            let result = try PipelineProcess.run(["validate", name], in: Self.inbox)
            #expect(result.status == 0, "\(name): \(result.stdout)")
        }
        for name in rejected {
            let result = try PipelineProcess.run(["validate", name], in: Self.inbox)
            #expect(result.status == 1, "\(name): \(result.stdout)")
        }
    }

    @Test func theSamplesShowALateStepAcceptedAndAStepOutOfTheYearRejected() throws {
        let result = try PipelineProcess.run(["validate", "--format", "json", "phuket-r12.txt", "khonkaen-r6.xml"], in: Self.inbox)
        #expect(result.status == 1)
        let objects = try result.stdout.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
        try #require(objects.count == 2)
        func findings(_ object: [String: Any]) -> [(rule: String?, severity: String?, step: Int?)] {
            ((object["findings"] as? [[String: Any]]) ?? []).map { ($0["rule"] as? String, $0["severity"] as? String, $0["step"] as? Int) }
        }
        func onTime(_ object: [String: Any]) -> [Bool?] {
            (((object["record"] as? [String: Any])?["steps"] as? [[String: Any]]) ?? []).map { $0["on_time"] as? Bool }
        }
        let late = objects[0]
        #expect(late["accepted"] as? Bool == true)
        #expect(findings(late).contains { $0 == ("window", "warning", 2) })
        #expect(onTime(late) == [true, false, true, true, nil])
        let outOfYear = objects[1]
        #expect(outOfYear["accepted"] as? Bool == false)
        #expect(findings(outOfYear).map(\.rule) == ["out-of-year"])
        #expect(findings(outOfYear).first?.step == 1)
        #expect(onTime(outOfYear) == [false, true, nil, nil, nil])
    }

    @Test func aMissingFileIsReportedAndExitsTwo() throws {
        let result = try PipelineProcess.run(["validate", "no-such-form.txt", "muang-chiangmai-r6.xml"], in: Self.inbox)
        #expect(result.status == 2)
        #expect(result.stderr.contains("no-such-form.txt"))
        // The other file is still checked.
        #expect(result.stdout.contains("muang-chiangmai-r6.xml: ผ่าน / accepted"))
    }

    /// The one object `--format json` prints for a file that cannot be read.
    static func errorObject(_ line: Substring) throws -> (file: String?, accepted: Bool?, code: String?, thai: String?, english: String?) {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["file", "accepted", "error"])
        let error = try #require(object["error"] as? [String: Any])
        #expect(Set(error.keys) == ["code", "message_th", "message_en"])
        return (object["file"] as? String, object["accepted"] as? Bool, error["code"] as? String,
                error["message_th"] as? String, error["message_en"] as? String)
    }

    @Test func jsonForAMissingFileOrAFolderIsOneErrorObjectAndExitsTwo() throws {
        let folder = try TemporaryFolder()
        try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("sub"), withIntermediateDirectories: false)
        try FileManager.default.createSymbolicLink(atPath: folder.url.appendingPathComponent("dangling").path,
                                                   withDestinationPath: "nowhere")
        try folder.write("example.txt", Self.formsTextExample)
        let result = try PipelineProcess.run(["validate", "--format", "json", "missing.txt", "sub", "dangling", "example.txt"],
                                             in: folder.url)
        #expect(result.status == 2)
        #expect(result.stderr.isEmpty, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        try #require(lines.count == 4)
        let missing = try Self.errorObject(lines[0])
        #expect(missing.file == "missing.txt" && missing.accepted == false && missing.code == "not-found")
        #expect(missing.thai?.contains("ไม่มีไฟล์นี้") == true && missing.english?.contains("no such file") == true)
        let sub = try Self.errorObject(lines[1])
        #expect(sub.file == "sub" && sub.code == "is-a-folder")
        #expect(sub.english?.contains("it is a folder, not a file") == true)
        #expect(try Self.errorObject(lines[2]).code == "not-found")
        // The readable file is still checked, in its place.
        #expect(lines[3].hasPrefix(#"{"file":"example.txt","format":"text","accepted":true"#))
    }

    /// `setpriv`, to run the binary as `nobody` when the tests run as root (root reads any file).
    static let setpriv = "/usr/bin/setpriv"
    static let canDropPermission = getuid() != 0 || FileManager.default.isExecutableFile(atPath: setpriv)

    @Test(.enabled(if: canDropPermission, "running as root without setpriv: no permission can be taken away"))
    func jsonForAnUnreadableFileSaysNoPermission() throws {
        let folder = try TemporaryFolder()
        let file = try folder.write("locked.txt", Self.formsTextExample)
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: file.path)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.url.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path) }
        let arguments = ["validate", "--format", "json", file.path]
        let process = Process()
        if getuid() == 0 {
            process.executableURL = URL(fileURLWithPath: Self.setpriv)
            process.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", PipelineProcess.binary.path] + arguments
        } else {
            process.executableURL = PipelineProcess.binary
            process.arguments = arguments
        }
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 2, "\(stdout)")
        let object = try Self.errorObject(try #require(stdout.split(separator: "\n").first))
        #expect(object.code == "no-permission")
        #expect(object.thai?.contains("ไม่มีสิทธิ์อ่าน") == true)
    }

    @Test func aBrokenRuleSetIsNamedAndExitsTwo() throws {
        let folder = try TemporaryFolder()
        let rules = try folder.write("fy2564.json", #"{"format": "rtp-kpi-ruleset/1", "fiscal_year": "#)
        let form = Self.inbox.appendingPathComponent("muang-chiangmai-r6.xml").path
        let result = try PipelineProcess.run(["validate", "--rules", rules.path, form])
        #expect(result.status == 2)
        #expect(result.stderr.contains("fy2564.json"))
        #expect(result.stdout.isEmpty)
    }

    @Test func filesFromAListOrStandardInputAfterTheArguments() throws {
        let folder = try TemporaryFolder()
        let list = try folder.write("list.txt", "yala-r6.txt\r\n\nbangrak-r6.xml\n")
        let result = try PipelineProcess.run(["validate", "--format", "json", "--files-from", list.path, "muang-chiangmai-r6.xml"],
                                             in: Self.inbox)
        #expect(result.status == 1)
        let files = result.stdout.split(separator: "\n").compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["file"] as? String
        }
        #expect(files == ["muang-chiangmai-r6.xml", "yala-r6.txt", "bangrak-r6.xml"])

        let missingList = try PipelineProcess.run(["validate", "--files-from", folder.url.appendingPathComponent("none").path])
        #expect(missingList.status == 2)
        #expect(missingList.stderr.contains("cannot read the file list"))
    }

    @Test func aFileOverTheLimitIsJudgedByItsSizeWithoutBeingRead() throws {
        let folder = try TemporaryFolder()
        let big = folder.url.appendingPathComponent("big.txt")
        #expect(FileManager.default.createFile(atPath: big.path, contents: nil))
        let handle = try FileHandle(forWritingTo: big)
        try handle.truncate(atOffset: 3 << 30) // 3 GiB, sparse
        try handle.close()
        let clock = ContinuousClock()
        let start = clock.now
        let result = try PipelineProcess.run(["validate", "--format", "json", "big.txt"], in: folder.url)
        #expect(clock.now - start < .seconds(10), "not read whole")
        #expect(result.status == 1)
        #expect(result.stdout.contains(#""rule":"unreadable""#) && result.stdout.contains("3221225472 bytes"))
    }

    @Test func aFolderIsNotAFormAndExitsTwo() throws {
        let result = try PipelineProcess.run(["validate", "inbox"], in: PipelineProcess.packageRoot)
        #expect(result.status == 2)
        #expect(result.stderr.contains("it is a folder, not a file"))
    }

    @Test func noFileIsAUsageError() throws {
        let result = try PipelineProcess.run(["validate"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("Missing expected argument"))
    }
}
