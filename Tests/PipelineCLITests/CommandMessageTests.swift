import Foundation
import Testing
import TestSupport

/// What the real binary prints for a wrong command line or a wrong folder: Thai first, the
/// English beside it, and the exit status a script can tell apart.
@Suite struct CommandMessageTests {
    @Test func aWrongOptionIsToldInThaiAboveTheParsersMessage() throws {
        let result = try PipelineProcess.run(["validate", "--bogus", "a.xml"])
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("pipeline: คำสั่งไม่ถูกต้อง ดูวิธีใช้ด้วย --help / the command line is not valid:\n"
            + "Error: Unknown option '--bogus'\n"), "\(result.stderr)")
        #expect(result.stdout == "")
    }

    @Test func aMissingInboxIsNoSuchFolder() throws {
        let folder = try TemporaryFolder()
        let missing = folder.path + "/no-inbox"
        let result = try PipelineProcess.run(["run", missing, "--state", folder.path + "/state"] + schemaArguments)
        #expect(result.status == 2)
        #expect(result.stderr == "pipeline: ไม่พบโฟลเดอร์ \(missing) / no such folder: \(missing)\n")
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/state"), "no state folder made for nothing")
    }

    @Test func anInboxThatIsAFileIsNotAFolder() throws {
        let folder = try TemporaryFolder()
        let file = try folder.write("inbox", "not a folder").path
        let result = try PipelineProcess.run(["watch", file, "--state", folder.path + "/state"] + schemaArguments)
        #expect(result.status == 2)
        #expect(result.stderr == "pipeline: \(file) ไม่ใช่โฟลเดอร์ (ต้องเป็นโฟลเดอร์จริง ไม่ใช่ไฟล์หรือลิงก์) "
            + "/ not a folder: \(file) (the inbox must be a folder itself, not a file or a link)\n")
    }

    @Test(arguments: ["records", "rejections", "summary"])
    func aStateWithoutLedgerIsToldThaiFirst(_ command: String) throws {
        let folder = try TemporaryFolder()
        let result = try PipelineProcess.run([command, "--state", folder.path])
        #expect(result.status == 1)
        #expect(result.stderr == "pipeline: ไม่พบสมุดบันทึกที่ \(folder.path)/ledger.sqlite กรุณาระบุโฟลเดอร์สถานะของ "
            + "`pipeline run`/`watch` ด้วย --state / no ledger at \(folder.path)/ledger.sqlite: give the state folder "
            + "of `pipeline run`/`watch` with --state\n")
    }
}
