import Foundation
import Ingest

/// A file named for checking that cannot be read at all: missing, a folder, or not readable
/// for this user. It is not a form with findings — nothing of it was read — so it is reported
/// on its own (`docs/forms.md`, "The verdict as JSON"), and the command exits 2.
public struct UnreadableFile: Error, Sendable, Equatable {
    /// Stable codes, as the JSON writes them.
    public enum Code: String, Sendable {
        case notFound = "not-found"
        case isAFolder = "is-a-folder"
        case noPermission = "no-permission"
        /// Any other failure to open or read (an I/O error). Not in the contract's list, which
        /// names the three a clerk meets; kept apart so it is never mistaken for one of them.
        case cannotRead = "cannot-read"
    }

    /// The file as the caller named it.
    public var file: String
    public var code: Code
    /// For `cannotRead`: the system's words, in the English message only.
    public var detail: String?

    public init(file: String, code: Code, detail: String? = nil) {
        self.file = file
        self.code = code
        self.detail = detail
    }

    /// Why `path` could not be read, after `error` from opening or reading it.
    public init(file: String, path: String, error: any Error) {
        var status = stat()
        if lstat(path, &status) != 0 && errno == ENOENT {
            self.init(file: file, code: .notFound)
        } else if FileManager.default.fileExists(atPath: path, isDirectory: nil),
                  (try? FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType) == .typeDirectory {
            self.init(file: file, code: .isAFolder)
        } else if access(path, R_OK) != 0 && (errno == EACCES || errno == EPERM) {
            self.init(file: file, code: .noPermission)
        } else if !FileManager.default.fileExists(atPath: path) {
            // A symbolic link to nothing.
            self.init(file: file, code: .notFound)
        } else {
            self.init(file: file, code: .cannotRead, detail: error.localizedDescription)
        }
    }

    /// What happened and what to do, Thai first.
    public var message: Message {
        switch code {
        case .notFound:
            return Message(thai: "ไม่มีไฟล์นี้ — กรุณาตรวจชื่อไฟล์และโฟลเดอร์",
                           english: "there is no such file — check the file's name and folder")
        case .isAFolder:
            return Message(thai: "เป็นโฟลเดอร์ ไม่ใช่ไฟล์ — กรุณาระบุไฟล์แบบรายงานที่อยู่ในโฟลเดอร์นั้น",
                           english: "it is a folder, not a file — name the form files in it")
        case .noPermission:
            return Message(thai: "ไม่มีสิทธิ์อ่านไฟล์นี้ — กรุณาขอสิทธิ์อ่านไฟล์ หรือคัดลอกไฟล์มาไว้ในที่ที่อ่านได้",
                           english: "there is no permission to read it — get read permission, or copy it somewhere readable")
        case .cannotRead:
            return Message(thai: "อ่านไฟล์ไม่ได้ — กรุณาตรวจไฟล์แล้วลองใหม่",
                           english: "it cannot be read" + (detail.map { " (\($0))" } ?? "") + " — check the file and try again")
        }
    }

    /// One line of JSON, no trailing newline:
    /// `{"file":…,"accepted":false,"error":{"code":…,"message_th":…,"message_en":…}}`.
    public func jsonLine() -> String {
        let message = message
        return JSONValue.object([
            ("file", .string(file)),
            ("accepted", .bool(false)),
            ("error", .object([
                ("code", .string(code.rawValue)),
                ("message_th", .string(message.thai)),
                ("message_en", .string(message.english)),
            ])),
        ]).text
    }
}
