import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import Web

/// `POST /api/validate?name=NAME` answers, for every sample and test form, exactly the line
/// `pipeline validate --format json NAME` prints for the same file (the real binary).
@Suite("POST /api/validate is the CLI's verdict") struct APIMatchesCLITests {
    static let forms = Repo.samples + Repo.testForms

    @Test func thereAreFormsToCompare() {
        #expect(Self.forms.count >= 15)
    }

    @Test(arguments: forms.map(\.lastPathComponent))
    func sameObjectAsTheCLI(_ name: String) async throws {
        let file = try #require(Self.forms.first { $0.lastPathComponent == name })
        let cli = try PipelineBinary.output(["validate", "--format", "json", "--schemas", Repo.schemas.path, name],
                                            in: file.deletingLastPathComponent())
        #expect(cli.hasPrefix("{\"file\":"))
        let bytes = try Data(contentsOf: file)
        let query = name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? name
        try await testApplication(checkOnlyEngine()).test(.router) { client in
            try await client.execute(uri: "/api/validate?name=\(query)", method: .post, body: ByteBuffer(bytes: bytes)) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/json; charset=utf-8")
                #expect(response.text == cli)
            }
        }
    }

    @Test func nameDefaultsToForm() async throws {
        let bytes = try Data(contentsOf: Repo.inbox.appendingPathComponent("lumphini-r12.txt"))
        try await testApplication(checkOnlyEngine()).test(.router) { client in
            try await client.execute(uri: "/api/validate", method: .post, body: ByteBuffer(bytes: bytes)) { response in
                #expect(response.text.hasPrefix("{\"file\":\"form\",\"format\":\"text\",\"accepted\":true"))
            }
        }
    }
}
