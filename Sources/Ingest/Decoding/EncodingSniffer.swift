/// An encoding a file looks written in that the forms do not use (docs/forms.md, "Encodings
/// recognized and named"): the file is `unreadable`, and the message names what it looks
/// like rather than calling it binary data.
public enum UnacceptedEncoding: Sendable, Equatable {
    /// UTF-32, by its byte-order mark or by three zero bytes in every four.
    case utf32(bigEndian: Bool)
    /// UTF-7: ASCII with Thai letters in `+…-` runs of base64 (`+DgEOFQ-`).
    case utf7
    /// EBCDIC (IBM mainframes; Thai in IBM-1160): spaces as 0x40, lines ending in 0x15 or
    /// 0x25, no ASCII space or line feed.
    case ebcdic
    /// The zero bytes of UTF-16 without a byte-order mark, but the bytes do not decode.
    case utf16WithoutBOM(bigEndian: Bool, flaw: UTF16Flaw)

    /// Why bytes that look like UTF-16 are not.
    public enum UTF16Flaw: Sendable, Equatable {
        /// UTF-16 has two bytes per unit; the file has this many bytes.
        case oddByteCount(Int)
        /// A surrogate without its partner: the file was cut or is not UTF-16.
        case unpairedSurrogate
    }

    /// The encoding's name as messages give it: `UTF-32 (little-endian)`, `UTF-7`, `EBCDIC`,
    /// `UTF-16 without a byte-order mark`.
    public var name: String {
        switch self {
        case .utf32(let bigEndian): return "UTF-32 (\(bigEndian ? "big" : "little")-endian)"
        case .utf7: return "UTF-7"
        case .ebcdic: return "EBCDIC"
        case .utf16WithoutBOM: return "UTF-16 without a byte-order mark"
        }
    }
}

/// Recognizes from raw bytes the encodings `FormDecoder` must tell apart before it tries
/// UTF-8 and Windows-874: UTF-32, UTF-16 without a byte-order mark, UTF-7 and EBCDIC.
///
/// Forms are Thai and ASCII text, so the patterns are sharp. In UTF-16 every character of
/// a form is U+00xx or U+0Exx: one byte of each pair is 0x00 or 0x0E. In UTF-32 two bytes of
/// every four are zero. UTF-7 is ASCII whose `+` runs decode to Thai letters. EBCDIC writes
/// its space as 0x40 and ends lines with 0x15 or 0x25, never 0x20 or 0x0A.
enum EncodingSniffer {
    // MARK: UTF-32

    /// UTF-32 by its byte-order mark (`FF FE 00 00`, `00 00 FE FF`) or, without one, by the
    /// zeros of Basic-Multilingual-Plane text: bytes 2 and 3 (little-endian) or 0 and 1
    /// (big-endian) of every four are zero, in at least two characters.
    static func utf32(_ bytes: [UInt8]) -> UnacceptedEncoding? {
        if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) { return .utf32(bigEndian: false) }
        if bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) { return .utf32(bigEndian: true) }
        guard bytes.count >= 8, bytes.count % 4 == 0 else { return nil }
        func zeros(at offsets: [Int]) -> Bool {
            stride(from: 0, to: bytes.count, by: 4).allSatisfy { group in offsets.allSatisfy { bytes[group + $0] == 0 } }
        }
        func hasCharacters(at offsets: [Int]) -> Bool {
            stride(from: 0, to: bytes.count, by: 4).contains { group in offsets.contains { bytes[group + $0] != 0 } }
        }
        if zeros(at: [2, 3]), hasCharacters(at: [0, 1]) { return .utf32(bigEndian: false) }
        if zeros(at: [0, 1]), hasCharacters(at: [2, 3]) { return .utf32(bigEndian: true) }
        return nil
    }

    // MARK: UTF-16 without a byte-order mark

    /// The byte order of UTF-16 without a byte-order mark (`true`: big-endian), nil when the
    /// bytes do not look like it.
    ///
    /// Each two-byte unit has a high byte (the second in little-endian) and a low byte. For
    /// Thai and ASCII the high byte is 0x00 or 0x0E; other punctuation (U+2013, U+FF1A …)
    /// is rare. So: at least one high byte is zero, nine in ten high bytes are 0x00 or 0x0E,
    /// and zero low bytes (NUL, U+0100, a cut surrogate …) are rarer than zero high bytes and
    /// at most one in twenty (or one, in a short file). UTF-8 and Windows-874 text never
    /// holds a zero byte, so no text file that decodes today is taken for UTF-16.
    static func utf16ByteOrder(_ bytes: [UInt8]) -> Bool? {
        let units = bytes.count / 2
        // Most files have no zero byte at all: decided in one fast pass.
        guard units >= 2, bytes.contains(0) else { return nil }
        for bigEndian in [false, true] {
            let highOffset = bigEndian ? 0 : 1
            var zeroHigh = 0, thaiHigh = 0, zeroLow = 0
            for unit in 0..<units {
                let high = bytes[unit * 2 + highOffset], low = bytes[unit * 2 + 1 - highOffset]
                if high == 0x00 { zeroHigh += 1 } else if high == 0x0E { thaiHigh += 1 }
                if low == 0x00 { zeroLow += 1 }
            }
            if zeroHigh > 0, (zeroHigh + thaiHigh) * 10 >= units * 9,
               zeroLow < zeroHigh, zeroLow <= max(1, units / 20) {
                return bigEndian
            }
        }
        return nil
    }

    // MARK: UTF-7

    /// UTF-7, for bytes that are all ASCII: its byte-order mark (`+/v8`, `+/v9`, `+/v+`,
    /// `+/v/`), or `+` runs of base64 that decode to at least two Thai letters in all (and to
    /// nothing but Thai and printable ASCII). A phone number `+66…` decodes to neither.
    static func looksLikeUTF7(_ bytes: [UInt8]) -> Bool {
        if bytes.count >= 4, bytes.starts(with: Array("+/v".utf8)), Array("89+/".utf8).contains(bytes[3]) {
            return true
        }
        var thaiLetters = 0
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "+") else {
                index += 1
                continue
            }
            var end = index + 1
            while end < bytes.count, base64Value(bytes[end]) != nil { end += 1 }
            thaiLetters += thaiLettersInUTF7Run(bytes[(index + 1)..<end])
            if thaiLetters >= 2 { return true }
            index = max(end, index + 1)
        }
        return false
    }

    /// The Thai letters a `+` run decodes to, 0 when it is not a run of Thai and ASCII.
    private static func thaiLettersInUTF7Run(_ run: ArraySlice<UInt8>) -> Int {
        guard run.count >= 3 else { return 0 }
        var bits = 0, bitCount = 0, thai = 0
        for byte in run {
            bits = (bits << 6 | Int(base64Value(byte)!)) & 0x3F_FFFF
            bitCount += 6
            if bitCount >= 16 {
                bitCount -= 16
                let unit = (bits >> bitCount) & 0xFFFF
                if (0x0E01...0x0E5B).contains(unit) {
                    thai += 1
                } else if !(0x20...0x7E).contains(unit) {
                    return 0
                }
            }
        }
        // What is left over pads the last unit with zero bits.
        return bits & ((1 << bitCount) - 1) == 0 ? thai : 0
    }

    private static func base64Value(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return byte - UInt8(ascii: "A")
        case UInt8(ascii: "a")...UInt8(ascii: "z"): return byte - UInt8(ascii: "a") + 26
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0") + 52
        case UInt8(ascii: "+"): return 62
        case UInt8(ascii: "/"): return 63
        default: return nil
        }
    }

    // MARK: EBCDIC

    /// EBCDIC, for bytes that are not UTF-8: no ASCII space (0x20) or line feed (0x0A), at
    /// least one byte in twenty an EBCDIC space (0x40), and below 0x40 only EBCDIC's tab
    /// (0x05), carriage return (0x0D), new line (0x15) and line feed (0x25). A Thai text in
    /// Windows-874 has ASCII spaces and line ends, so it never looks like this.
    static func looksLikeEBCDIC(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 8 else { return false }
        var spaces = 0
        for byte in bytes {
            switch byte {
            case 0x40: spaces += 1
            case 0x05, 0x0D, 0x15, 0x25: break
            case 0x00..<0x40: return false
            default: break
            }
        }
        return spaces * 20 >= bytes.count
    }
}
