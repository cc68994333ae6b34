/// A strict reader of `multipart/form-data` (RFC 7578 over RFC 2046): the boundary comes
/// from the `Content-Type`; every part needs `Content-Disposition: form-data; name="…"`;
/// the body must end with the closing delimiter. Anything else is an error that says what
/// is wrong, never a guess.
enum Multipart {
    /// One part: its field name, the file name if it is a file, and its bytes.
    struct Part: Equatable {
        var name: String
        var filename: String?
        var contentType: String?
        var body: [UInt8]
    }

    /// What is wrong with a multipart body, in English for the error's detail.
    struct Malformed: Error, CustomStringConvertible, Equatable {
        let description: String
        init(_ description: String) { self.description = description }
    }

    /// More parts than any page sends: refused rather than parsed.
    static let maxParts = 64

    /// The `boundary` parameter of a `multipart/form-data` Content-Type (quoted or not),
    /// 1–70 characters as RFC 2046 allows.
    static func boundary(fromContentType contentType: String) throws(Malformed) -> String {
        for parameter in parameters(contentType).dropFirst() where parameter.name == "boundary" {
            let value = parameter.value
            guard (1...70).contains(value.utf8.count), !value.hasSuffix(" ") else {
                throw Malformed("the boundary must be 1 to 70 characters")
            }
            return value
        }
        throw Malformed("no boundary in the Content-Type")
    }

    static func parse(_ body: [UInt8], boundary: String) throws(Malformed) -> [Part] {
        let dashBoundary = Array("--\(boundary)".utf8)
        let delimiter = Array("\r\n--\(boundary)".utf8)
        // The first delimiter: at the very start, or after a preamble and CRLF.
        var position: Int
        if body.starts(with: dashBoundary) {
            position = dashBoundary.count
        } else if let found = find(delimiter, in: body, from: 0) {
            position = found + delimiter.count
        } else {
            throw Malformed("the boundary never appears")
        }
        var parts: [Part] = []
        while true {
            // After a delimiter: `--` closes the body; otherwise optional white space, CRLF.
            if body[position...].starts(with: [0x2D, 0x2D]) { return parts }
            while position < body.count, body[position] == 0x20 || body[position] == 0x09 { position += 1 }
            guard body[position...].starts(with: [0x0D, 0x0A]) else {
                throw Malformed("a boundary line is not followed by a line break")
            }
            position += 2
            let headerBytes: [UInt8]
            let contentStart: Int
            if body[position...].starts(with: [0x0D, 0x0A]) {
                headerBytes = []
                contentStart = position + 2
            } else if let headerEnd = find([0x0D, 0x0A, 0x0D, 0x0A], in: body, from: position) {
                headerBytes = Array(body[position..<headerEnd])
                contentStart = headerEnd + 4
            } else {
                throw Malformed("a part's headers do not end")
            }
            guard let contentEnd = find(delimiter, in: body, from: contentStart) else {
                throw Malformed("the closing boundary is missing")
            }
            parts.append(try part(headers: headerBytes, body: Array(body[contentStart..<contentEnd])))
            if parts.count > maxParts { throw Malformed("more than \(maxParts) parts") }
            position = contentEnd + delimiter.count
        }
    }

    private static func part(headers: [UInt8], body: [UInt8]) throws(Malformed) -> Part {
        guard let text = String(validating: headers, as: UTF8.self) else {
            throw Malformed("a part's headers are not UTF-8")
        }
        var name: String?
        var filename: String?
        var contentType: String?
        for line in text.split(separator: "\r\n", omittingEmptySubsequences: true) {
            guard let colon = line.firstIndex(of: ":") else { throw Malformed("a part's header line has no colon") }
            let field = line[..<colon].lowercased()
            let value = String(line[line.index(after: colon)...])
            switch field {
            case "content-disposition":
                let parameters = parameters(value)
                guard parameters.first?.name.lowercased() == "form-data" else {
                    throw Malformed("a part is not form-data")
                }
                for parameter in parameters.dropFirst() {
                    switch parameter.name {
                    case "name": name = parameter.value
                    case "filename": filename = parameter.value
                    default: break
                    }
                }
            case "content-type":
                contentType = value.trimmedOfBlanks
            default:
                break
            }
        }
        guard let name else { throw Malformed("a part has no Content-Disposition name") }
        return Part(name: name, filename: filename, contentType: contentType, body: body)
    }

    /// `type; a=1; b="x;y"` → `[(type, ""), (a, 1), (b, x;y)]`: names lower-cased, quotes
    /// removed (a backslash escapes the next character inside quotes).
    static func parameters(_ header: String) -> [(name: String, value: String)] {
        var items: [String] = []
        var current = ""
        var quoted = false
        var escaped = false
        for character in header {
            if escaped { current.append(character); escaped = false; continue }
            if quoted && character == "\\" { current.append(character); escaped = true; continue }
            if character == "\"" { quoted.toggle() }
            if character == ";" && !quoted { items.append(current); current = ""; continue }
            current.append(character)
        }
        items.append(current)
        return items.map { item in
            let trimmed = item.trimmedOfBlanks
            guard let equals = trimmed.firstIndex(of: "=") else { return (trimmed, "") }
            let name = trimmed[..<equals].trimmedOfBlanks.lowercased()
            var value = trimmed[trimmed.index(after: equals)...].trimmedOfBlanks
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
                value = String(value.dropFirst().dropLast())
                var unescaped = ""
                var escaping = false
                for character in value {
                    if escaping { unescaped.append(character); escaping = false } else if character == "\\" { escaping = true } else { unescaped.append(character) }
                }
                value = unescaped
            }
            return (name, value)
        }
    }

    /// The index where `needle` starts in `haystack` at or after `start`.
    static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, needle.count <= haystack.count else { return nil }
        var index = start
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == first && haystack[index..<(index + needle.count)].elementsEqual(needle) {
                return index
            }
            index += 1
        }
        return nil
    }
}

extension StringProtocol {
    /// Without spaces and tabs at either end.
    var trimmedOfBlanks: String {
        var slice = Substring(self)
        while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
        return String(slice)
    }
}
