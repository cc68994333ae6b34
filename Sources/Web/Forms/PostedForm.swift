import Foundation
import Hummingbird
import NIOCore

/// A file sent in a `multipart/form-data` field.
public struct UploadedFile: Sendable, Equatable {
    /// The name the browser gave (`filename=`), as sent; `nil` when the part had none.
    public var filename: String?
    public var bytes: [UInt8]
}

/// The fields of a form a page posted, from `application/x-www-form-urlencoded` or
/// `multipart/form-data`. A field given twice keeps its first value.
public struct PostedForm: Sendable, Equatable {
    public var values: [String: String] = [:]
    public var files: [String: UploadedFile] = [:]

    public init(values: [String: String] = [:], files: [String: UploadedFile] = [:]) {
        self.values = values
        self.files = files
    }

    public subscript(_ name: String) -> String? { values[name] }

    /// Parses `body` by its `Content-Type`.
    /// - Throws: `WebError` for a malformed body or a type a page never sends.
    static func parse(_ body: ByteBuffer, contentType: String?) throws(WebError) -> PostedForm {
        let type = contentType ?? ""
        let mediaType = type.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        let bytes = Array(body.readableBytesView)
        switch mediaType {
        case "application/x-www-form-urlencoded":
            guard let values = URLEncodedForm.parse(bytes) else { throw .malformedForm }
            return PostedForm(values: values)
        case "multipart/form-data":
            do {
                let boundary = try Multipart.boundary(fromContentType: type)
                var form = PostedForm()
                for part in try Multipart.parse(bytes, boundary: boundary) {
                    if let filename = part.filename {
                        if form.files[part.name] == nil { form.files[part.name] = UploadedFile(filename: filename, bytes: part.body) }
                    } else if form.values[part.name] == nil {
                        form.values[part.name] = String(decoding: part.body, as: UTF8.self)
                    }
                }
                return form
            } catch {
                throw .malformedMultipart(error.description)
            }
        default:
            throw .unsupportedMediaType(mediaType.isEmpty ? "(none)" : mediaType)
        }
    }
}

/// `application/x-www-form-urlencoded`: `a=1&b=x+y%20z`.
enum URLEncodedForm {
    /// The fields, or `nil` when a `%` escape is broken. Values are read as UTF-8 (a
    /// sequence that is not UTF-8 becomes U+FFFD, which the checker then reports).
    static func parse(_ bytes: [UInt8]) -> [String: String]? {
        var values: [String: String] = [:]
        for pair in bytes.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let parts = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = decode(parts[0]) else { return nil }
            guard let value = parts.count > 1 ? decode(parts[1]) : "" else { return nil }
            if values[name] == nil { values[name] = value }
        }
        return values
    }

    static func decode(_ bytes: ArraySlice<UInt8>) -> String? {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "+") {
                output.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%") {
                guard index + 2 < bytes.endIndex,
                      let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2]) else { return nil }
                output.append(high << 4 | low)
                index += 2
            } else {
                output.append(byte)
            }
            index += 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
