import Testing
@testable import Web

/// The strict multipart/form-data reader: what browsers send is read; anything malformed is
/// an error saying what is wrong, never a guess.
@Suite("multipart/form-data") struct MultipartTests {
    static let boundary = "XyZ"

    static func body(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test func readsFieldsAndFiles() throws {
        let parts = try Multipart.parse(Self.body(
            "preamble\r\n--XyZ\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\nสวัสดี\r\nline 2\r\n"
            + "--XyZ\r\nContent-Disposition: form-data; name=\"form\"; filename=\"a;b.xml\"\r\nContent-Type: text/xml\r\n\r\n<x/>\r\n"
            + "--XyZ--\r\nepilogue"), boundary: Self.boundary)
        #expect(parts.count == 2)
        #expect(parts[0] == .init(name: "text", filename: nil, contentType: nil, body: Self.body("สวัสดี\r\nline 2")))
        #expect(parts[1].name == "form")
        #expect(parts[1].filename == "a;b.xml")
        #expect(parts[1].contentType == "text/xml")
        #expect(parts[1].body == Self.body("<x/>"))
    }

    @Test func emptyFileAndEmptyBodyParts() throws {
        let parts = try Multipart.parse(Self.body(
            "--XyZ\r\nContent-Disposition: form-data; name=\"form\"; filename=\"\"\r\n\r\n\r\n--XyZ--"), boundary: Self.boundary)
        #expect(parts == [.init(name: "form", filename: "", contentType: nil, body: [])])
    }

    @Test(arguments: [
        ("", "the boundary never appears"),
        ("no boundary here", "the boundary never appears"),
        ("--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nvalue", "the closing boundary is missing"),
        ("--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\nvalue without a blank line", "a part's headers do not end"),
        ("--XyZ\r\nContent-Disposition: attachment; name=\"a\"\r\n\r\nx\r\n--XyZ--", "a part is not form-data"),
        ("--XyZ\r\nContent-Disposition: form-data\r\n\r\nx\r\n--XyZ--", "a part has no Content-Disposition name"),
        ("--XyZ\r\nContent-Type: text/plain\r\n\r\nx\r\n--XyZ--", "a part has no Content-Disposition name"),
        ("--XyZ\r\nno colon here\r\n\r\nx\r\n--XyZ--", "a part's header line has no colon"),
        ("--XyZgarbage\r\n", "a boundary line is not followed by a line break"),
        ("--XyZ", "a boundary line is not followed by a line break"),
    ])
    func malformedBodies(_ text: String, _ why: String) {
        #expect(throws: Multipart.Malformed(why)) { try Multipart.parse(Self.body(text), boundary: Self.boundary) }
    }

    @Test func tooManyParts() {
        let part = "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx\r\n"
        let text = String(repeating: part, count: Multipart.maxParts + 1) + "--XyZ--"
        #expect(throws: Multipart.Malformed("more than \(Multipart.maxParts) parts")) {
            try Multipart.parse(Self.body(text), boundary: Self.boundary)
        }
    }

    @Test(arguments: [
        ("multipart/form-data; boundary=abc", "abc"),
        ("multipart/form-data; charset=utf-8; boundary=\"a b;c\"", "a b;c"),
        ("multipart/form-data;boundary=----WebKitFormBoundary7MA4YWxkTrZu0gW", "----WebKitFormBoundary7MA4YWxkTrZu0gW"),
    ])
    func boundaryFromContentType(_ contentType: String, _ boundary: String) throws {
        #expect(try Multipart.boundary(fromContentType: contentType) == boundary)
    }

    @Test(arguments: ["multipart/form-data", "multipart/form-data; boundary=",
                      "multipart/form-data; boundary=" + String(repeating: "x", count: 71)])
    func badBoundary(_ contentType: String) {
        #expect(throws: Multipart.Malformed.self) { try Multipart.boundary(fromContentType: contentType) }
    }

    @Test(arguments: [
        ("a=1&b=x+y%20z&c=", ["a": "1", "b": "x y z", "c": ""]),
        ("name=%E0%B8%AA%E0%B8%A0.&name=second", ["name": "สภ."]),
        ("", [:]),
    ])
    func urlEncoded(_ text: String, _ expected: [String: String]) {
        #expect(URLEncodedForm.parse(Array(text.utf8)) == expected)
    }

    @Test(arguments: ["a=%", "a=%4", "a=%zz", "%G1=x"])
    func brokenPercentEscapes(_ text: String) {
        #expect(URLEncodedForm.parse(Array(text.utf8)) == nil)
    }
}
