import Foundation
import Hummingbird
import HummingbirdTesting
import Inbox
import Logging
import Testing
import Validate
@testable import Web

/// The repository, for the samples, the test forms and the schemas.
enum Repo {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let schemas = root.appendingPathComponent("schemas")
    static let inbox = root.appendingPathComponent("inbox")

    /// The sample inbox's forms.
    static var samples: [URL] { files(in: inbox) }

    /// The test forms: the shared fixtures and the reader's XML fixtures (attacks included).
    static var testForms: [URL] {
        files(in: root.appendingPathComponent("Tests/Fixtures"))
            + files(in: root.appendingPathComponent("Tests/IngestTests/Fixtures/xml"))
    }

    static func files(in folder: URL) -> [URL] {
        ((try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? [])
            .filter { !$0.hasDirectoryPath && !$0.lastPathComponent.hasPrefix(".") }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    static let checker: FormChecker = {
        do {
            return try FormChecker(resources: Resources(schemasDirectory: schemas))
        } catch {
            fatalError("the repository's schemas do not load: \(error)")
        }
    }()
}

/// A temporary folder that removes itself.
final class TemporaryFolder: @unchecked Sendable {
    let url: URL
    var path: String { url.path }

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("pipeline-web-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}

/// An inbox and state in a temporary folder, the processor that owns them (no watcher: a
/// test runs `runOnce` when it wants the files taken), and the engine over them.
final class TestIntake: @unchecked Sendable {
    let folder: TemporaryFolder
    let processor: InboxProcessor
    let engine: WebEngine

    var inbox: String { processor.inbox }

    init() throws {
        folder = try TemporaryFolder()
        let inbox = folder.url.appendingPathComponent("inbox")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        var logger = Logger(label: "test.inbox")
        logger.logLevel = .critical
        processor = try InboxProcessor(inbox: inbox.path, state: StateDirectory(folder.url.appendingPathComponent("state").path),
                                       checker: Repo.checker, logger: logger)
        engine = try WebEngine(checker: Repo.checker,
                               desk: SubmissionDesk(inbox: processor.inbox, state: processor.state, ledger: processor.ledger))
    }

    /// Names in the inbox, hidden ones included (a half-written file would show here).
    func inboxEntries() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: inbox).filter { $0 != InboxProcessor.lockName }.sorted()
    }
}

/// The app in process, as `serve` builds it, for `.router` and `.live` tests.
func testApplication(_ engine: WebEngine, settings: WebSettings = WebSettings()) -> some ApplicationProtocol {
    var logger = Logger(label: "test.web")
    logger.logLevel = .critical
    return buildApplication(engine: engine, settings: settings, host: "127.0.0.1", port: 0, logger: logger)
}

/// An engine without an inbox: checks only.
func checkOnlyEngine() throws -> WebEngine {
    try WebEngine(checker: Repo.checker, desk: nil)
}

extension TestResponse {
    var text: String { String(buffer: body) }
}

/// A `multipart/form-data` body as a browser writes it.
struct MultipartBody {
    let boundary = "----formboundary\(UUID().uuidString.prefix(8))"
    var parts: [(name: String, filename: String?, bytes: [UInt8])] = []

    mutating func add(_ name: String, _ value: String) { parts.append((name, nil, Array(value.utf8))) }
    mutating func addFile(_ name: String, filename: String, _ bytes: [UInt8]) { parts.append((name, filename, bytes)) }

    var contentType: String { "multipart/form-data; boundary=\(boundary)" }

    var buffer: ByteBuffer {
        var bytes: [UInt8] = []
        for part in parts {
            var header = "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(part.name)\""
            if let filename = part.filename { header += "; filename=\"\(filename)\"\r\nContent-Type: application/octet-stream" }
            header += "\r\n\r\n"
            bytes += Array(header.utf8) + part.bytes + Array("\r\n".utf8)
        }
        bytes += Array("--\(boundary)--\r\n".utf8)
        return ByteBuffer(bytes: bytes)
    }
}

/// A page's CSRF token and the cookie that goes with it, from a GET of `path`.
func csrf(_ client: some TestClientProtocol, path: String = "/") async throws -> (token: String, cookie: String) {
    try await client.execute(uri: path, method: .get) { response in
        let setCookie = response.headers[.setCookie] ?? ""
        let token = String(setCookie.dropFirst("csrf=".count).prefix(32))
        #expect(response.text.contains("name=\"csrf\" value=\"\(token)\""))
        return (token, "csrf=\(token)")
    }
}

/// The form fields of a POST, urlencoded.
func urlEncoded(_ fields: [(String, String)]) -> ByteBuffer {
    let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")
    let text = fields.map { name, value in
        "\(name)=\(value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")"
    }.joined(separator: "&")
    return ByteBuffer(string: text)
}
