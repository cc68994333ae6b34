#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Windows-874 (TIS-620 plus a few punctuation marks in 0x80–0x9F), the older Thai Windows
/// encoding, decoded strictly through the C library's iconv (`CP874`).
///
/// Strict means an unassigned byte (0x81, 0xDB–0xDE, 0xFC–0xFF …) fails the whole file with
/// the byte and its line: it is never dropped or replaced, because a changed character in a
/// station name or a date would pass unnoticed.
enum Windows874 {
    /// The iconv name of the encoding.
    static let iconvName = "CP874"

    /// The text, or where the first byte that is not Windows-874 stands.
    static func decode(_ bytes: [UInt8]) -> Result<String, DecodingFailure> {
        guard let converter = iconv_open("UTF-8", iconvName),
              converter != UnsafeMutableRawPointer(bitPattern: -1) else {
            return .failure(DecodingFailure(
                detail: "Windows-874 cannot be decoded on this system (iconv \(iconvName) unavailable)"))
        }
        defer { iconv_close(converter) }

        var input = bytes.map { CChar(bitPattern: $0) }
        // Every Windows-874 byte becomes at most three UTF-8 bytes.
        var output = [CChar](repeating: 0, count: bytes.count * 3 + 4)
        let inputCount = input.count, outputCount = output.count

        let (status, failedErrno, consumed, produced) = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer: UnsafeMutablePointer<CChar>? = inBuffer.baseAddress
                var inLeft = inputCount
                var outPointer: UnsafeMutablePointer<CChar>? = outBuffer.baseAddress
                var outLeft = outputCount
                errno = 0
                let status = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                let failedErrno = errno
                return (status, failedErrno, inputCount - inLeft, outputCount - outLeft)
            }
        }

        guard status != -1 else {
            let reason: String
            switch failedErrno {
            case EILSEQ: reason = "is not a Windows-874 character"
            case EINVAL: reason = "ends the file in the middle of a character"
            default: reason = "stopped the decoder (errno \(failedErrno))"
            }
            let byte = consumed < bytes.count ? FormDecoder.hex(bytes[consumed]) : "end"
            let line = FormDecoder.lineNumber(ofOffset: consumed, in: bytes)
            return .failure(DecodingFailure(detail: "Windows-874, line \(line): byte \(byte) \(reason)"))
        }
        let utf8 = output[..<produced].map { UInt8(bitPattern: $0) }
        guard let text = String(validating: utf8, as: UTF8.self) else {
            return .failure(DecodingFailure(detail: "Windows-874: the decoder gave invalid UTF-8"))
        }
        return .success(text)
    }
}
