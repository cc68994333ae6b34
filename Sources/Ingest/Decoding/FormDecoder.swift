import Foundation

/// A form's bytes read as text, with the encoding they were read in.
public struct DecodedText: Sendable {
    /// The whole file, byte-order mark removed; line ends (LF, CRLF, CR) left as they were.
    public let text: String
    public let encoding: TextEncoding

    public init(text: String, encoding: TextEncoding) {
        self.text = text
        self.encoding = encoding
    }
}

/// What became of a file's bytes: text, or the reason it cannot be read (rule `unreadable`).
public enum DecodeOutcome: Sendable {
    case decoded(DecodedText)
    case unreadable(Problem)
}

/// Bytes → text, for both form formats (docs/forms.md#the-plain-text-form, last paragraph;
/// docs/forms.md#every-rule, rule `unreadable`).
public enum FormDecoder {
    /// 1 MiB: a form is a page of text; anything larger carries something a form does not.
    public static let defaultSizeLimit = 1 << 20

    /// Size limit first (`.tooLarge`), empty (`.emptyFile`, also for a file of only BOM and
    /// white space), then the encoding (`decodeBytes`): a BOM (UTF-8, UTF-16 LE/BE; UTF-32 is
    /// refused), UTF-16 without a BOM by its zero bytes, strict UTF-8 (unless it is UTF-7),
    /// EBCDIC (refused), else Windows-874 via glibc iconv (strict: an invalid byte is
    /// `.undecodable`, never dropped or replaced). Then binary detection on the decoded text:
    /// NUL or a control character other than tab, CR and LF (`.binaryContent(line:)`). Last,
    /// an XML declaration that names an encoding the bytes are not in
    /// (`.declaredEncodingMismatch`, `XMLDeclaration`). Line ends LF, CRLF and CR are left in
    /// the text (readers split on all three).
    ///
    /// A file that is neither UTF-8 nor Windows-874 and holds a control byte is reported as
    /// binary rather than undecodable: "this is not a text file" is the better explanation
    /// for a picture or a spreadsheet sent by mistake. A file in an encoding the forms do not
    /// use is named as such (`.unacceptedEncoding`), even though its bytes hold zeros or
    /// control bytes: "save it as UTF-8" is the fix.
    public static func decode(_ data: Data, sizeLimit: Int = defaultSizeLimit) -> DecodeOutcome {
        guard data.count <= sizeLimit else {
            return .unreadable(.tooLarge(size: data.count, limit: sizeLimit))
        }
        guard !data.isEmpty else { return .unreadable(.emptyFile) }
        let bytes = [UInt8](data)

        let decoded: DecodedText
        switch decodeBytes(bytes) {
        case .success(let text):
            decoded = text
        case .failure(.unaccepted(let encoding)):
            return .unreadable(.unacceptedEncoding(encoding))
        case .failure(.binary(let line)):
            return .unreadable(.binaryContent(line: line))
        case .failure(.undecodable(let failure)):
            // Control bytes mean the same in UTF-8 and Windows-874, not in UTF-16.
            if !hasUTF16BOM(bytes), let line = firstControlLine(inBytes: bytes) {
                return .unreadable(.binaryContent(line: line))
            }
            return .unreadable(.undecodable(detail: failure.detail))
        }

        if ThaiText.isBlank(decoded.text) { return .unreadable(.emptyFile) }
        if let line = firstControlLine(in: decoded.text) {
            return .unreadable(.binaryContent(line: line))
        }
        if let contradiction = XMLDeclaration.contradiction(in: decoded) {
            return .unreadable(.declaredEncodingMismatch(declared: contradiction.declared, actual: contradiction.actual))
        }
        return .decoded(decoded)
    }

    // MARK: - Encodings

    /// Why `decodeBytes` gives no text.
    private enum BytesFailure: Error {
        /// Not text in the encoding the bytes were read in.
        case undecodable(DecodingFailure)
        /// An encoding the forms do not use.
        case unaccepted(UnacceptedEncoding)
        /// Control characters in what would otherwise be a UTF-16 file without a BOM that
        /// cannot be decoded: binary data more likely than text.
        case binary(line: Int)
    }

    private static func decodeBytes(_ bytes: [UInt8]) -> Result<DecodedText, BytesFailure> {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            guard let text = String(validating: bytes.dropFirst(3), as: UTF8.self) else {
                return .failure(.undecodable(DecodingFailure(detail: "UTF-8 with BOM, \(invalidUTF8Detail(bytes))")))
            }
            return .success(DecodedText(text: text, encoding: .utf8WithBOM))
        }
        // UTF-32's little-endian BOM starts with UTF-16's: UTF-32 first.
        if let utf32 = EncodingSniffer.utf32(bytes) { return .failure(.unaccepted(utf32)) }
        if bytes.starts(with: [0xFF, 0xFE]) {
            return decodeUTF16(bytes.dropFirst(2), littleEndian: true).mapError(BytesFailure.undecodable)
        }
        if bytes.starts(with: [0xFE, 0xFF]) {
            return decodeUTF16(bytes.dropFirst(2), littleEndian: false).mapError(BytesFailure.undecodable)
        }
        if let bigEndian = EncodingSniffer.utf16ByteOrder(bytes) {
            return decodeUTF16WithoutBOM(bytes, bigEndian: bigEndian)
        }
        if let text = String(validating: bytes, as: UTF8.self) {
            if bytes.allSatisfy({ $0 < 0x80 }), EncodingSniffer.looksLikeUTF7(bytes) {
                return .failure(.unaccepted(.utf7))
            }
            return .success(DecodedText(text: text, encoding: .utf8))
        }
        if EncodingSniffer.looksLikeEBCDIC(bytes) { return .failure(.unaccepted(.ebcdic)) }
        return Windows874.decode(bytes)
            .map { DecodedText(text: $0, encoding: .windows874) }
            .mapError(BytesFailure.undecodable)
    }

    /// UTF-16 recognized by its zero bytes (`EncodingSniffer.utf16ByteOrder`). An odd byte
    /// count or an unpaired surrogate makes it `.utf16WithoutBOM`, unless the units that do
    /// decode hold control characters: then it is binary data that happens to have zeros.
    private static func decodeUTF16WithoutBOM(_ bytes: [UInt8], bigEndian: Bool) -> Result<DecodedText, BytesFailure> {
        let evenCount = bytes.count - bytes.count % 2
        switch decodeUTF16(bytes[..<evenCount], littleEndian: !bigEndian) {
        case .success(let decoded):
            guard evenCount < bytes.count else { return .success(decoded) }
            if let line = firstControlLine(in: decoded.text) { return .failure(.binary(line: line)) }
            return .failure(.unaccepted(.utf16WithoutBOM(bigEndian: bigEndian, flaw: .oddByteCount(bytes.count))))
        case .failure:
            return .failure(.unaccepted(.utf16WithoutBOM(bigEndian: bigEndian, flaw: .unpairedSurrogate)))
        }
    }

    private static func hasUTF16BOM(_ bytes: [UInt8]) -> Bool {
        bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
    }

    /// UTF-16 after its BOM: an even number of bytes, surrogates in pairs.
    private static func decodeUTF16(_ bytes: ArraySlice<UInt8>, littleEndian: Bool) -> Result<DecodedText, DecodingFailure> {
        let name = littleEndian ? "UTF-16LE" : "UTF-16BE"
        guard bytes.count % 2 == 0 else {
            return .failure(DecodingFailure(detail: "\(name), odd number of bytes (\(bytes.count + 2))"))
        }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let first = UInt16(bytes[index]), second = UInt16(bytes[index + 1])
            units.append(littleEndian ? first | second << 8 : first << 8 | second)
            index += 2
        }
        guard let text = String(validating: units, as: UTF16.self) else {
            return .failure(DecodingFailure(detail: "\(name), unpaired surrogate"))
        }
        return .success(DecodedText(
            text: text, encoding: littleEndian ? .utf16LittleEndian : .utf16BigEndian))
    }

    /// Where a UTF-8-with-BOM file stops being UTF-8: `line 3: byte 0xA1`.
    private static func invalidUTF8Detail(_ bytes: [UInt8]) -> String {
        var offset = 3
        while offset < bytes.count {
            let length = validUTF8PrefixLength(bytes[offset...])
            if length == 0 { break }
            offset += length
        }
        let byte = offset < bytes.count ? bytes[offset] : 0
        return "line \(lineNumber(ofOffset: offset, in: bytes)): byte \(hex(byte))"
    }

    /// Length of the valid UTF-8 sequence at the start of `bytes`, 0 when it is invalid.
    private static func validUTF8PrefixLength(_ bytes: ArraySlice<UInt8>) -> Int {
        for length in 1...4 where length <= bytes.count {
            if String(validating: bytes.prefix(length), as: UTF8.self) != nil { return length }
        }
        return 0
    }

    // MARK: - Binary content

    /// The 1-based line of the first NUL or control character other than tab, CR and LF
    /// (C0 controls, DEL, and the C1 controls U+0080–U+009F).
    static func firstControlLine(in text: String) -> Int? {
        var line = 1
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A:
                if !previousWasCR { line += 1 }
            case 0x0D:
                line += 1
            case 0x09:
                break
            case 0x00...0x1F, 0x7F...0x9F:
                return line
            default:
                break
            }
            previousWasCR = scalar.value == 0x0D
        }
        return nil
    }

    /// The same on raw bytes, for files that decode in no encoding: C0 controls and DEL
    /// (single bytes in every ASCII-compatible encoding).
    private static func firstControlLine(inBytes bytes: [UInt8]) -> Int? {
        guard let offset = bytes.firstIndex(where: { ($0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D) || $0 == 0x7F })
        else { return nil }
        return lineNumber(ofOffset: offset, in: bytes)
    }

    /// 1-based line of a byte offset, counting LF, CRLF and CR as one line end each.
    static func lineNumber(ofOffset offset: Int, in bytes: [UInt8]) -> Int {
        var line = 1
        var index = 0
        while index < min(offset, bytes.count) {
            if bytes[index] == 0x0D {
                line += 1
                if index + 1 < offset, bytes[index + 1] == 0x0A { index += 1 }
            } else if bytes[index] == 0x0A {
                line += 1
            }
            index += 1
        }
        return line
    }

    static func hex(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return "0x" + (digits.count < 2 ? "0" + digits : digits)
    }
}

/// Why bytes are not text in an encoding: the `detail` of `Problem.undecodable`, short and
/// technical (`Windows-874, line 3: byte 0xDB`), naming where the bad byte is.
struct DecodingFailure: Error {
    let detail: String
}
