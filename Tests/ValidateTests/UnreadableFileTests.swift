import Foundation
import Ingest
import Testing
@testable import Validate

/// A file that cannot be read: its code, its messages and its one JSON object.
@Suite("a file that cannot be read")
struct UnreadableFileTests {
    struct Failure: Error {}

    @Test("a missing file, a dangling link and a folder are told apart")
    func classification() throws {
        let folder = try TemporaryFolder()
        let link = folder.url.appendingPathComponent("dangling").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "nowhere")
        #expect(UnreadableFile(file: "m", path: folder.url.appendingPathComponent("missing").path, error: Failure()).code == .notFound)
        #expect(UnreadableFile(file: "d", path: link, error: Failure()).code == .notFound)
        #expect(UnreadableFile(file: "f", path: folder.url.path, error: Failure()).code == .isAFolder)
    }

    @Test("one JSON object: file, accepted false, the error's code and messages, Thai first")
    func jsonLine() {
        let line = UnreadableFile(file: "in/ไฟล์ \"1\".txt", code: .noPermission).jsonLine()
        #expect(line == #"{"file":"in/ไฟล์ \"1\".txt","accepted":false,"error":{"code":"no-permission","message_th":"ไม่มีสิทธิ์อ่านไฟล์นี้ — กรุณาขอสิทธิ์อ่านไฟล์ หรือคัดลอกไฟล์มาไว้ในที่ที่อ่านได้","message_en":"there is no permission to read it — get read permission, or copy it somewhere readable"}}"#)
    }

    @Test("every code has a Thai and an English message, the system's words in the English only",
          arguments: [UnreadableFile.Code.notFound, .isAFolder, .noPermission, .cannotRead])
    func messages(code: UnreadableFile.Code) {
        let message = UnreadableFile(file: "f", code: code, detail: "Input/output error").message
        #expect(!message.thai.isEmpty && !message.english.isEmpty)
        #expect(!message.thai.contains("Input/output"))
        #expect(message.thai.contains("กรุณา"))
    }
}
