import Foundation
import FuzzSupport
import Ingest

/// Entry point: libFuzzer's driver on `fuzzDecode`.
@_cdecl("FuzzDecode_main")
public func main(argc: CInt, argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc: argc, argv: argv, target: { start, count in fuzzDecode(start, count) })
}

/// The fuzz target: arbitrary bytes through `FormDecoder.decode`.
///
/// Properties beyond "no crash, no hang":
/// * decoded text never holds a control character other than tab, CR and LF (the decoder
///   promises to report those as `binaryContent`);
/// * decoded text is never empty after normalization (that is `emptyFile`);
/// * a tiny size limit rejects any non-empty input as too large, naming its real size.
/// (libFuzzer passes a nil pointer for the empty input.)
func fuzzDecode(_ pointer: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: pointer, count: pointer == nil ? 0 : count)
    let data = Data(buffer: bytes)
    switch FormDecoder.decode(data) {
    case .decoded(let decoded):
        for scalar in decoded.text.unicodeScalars {
            let value = scalar.value
            let control = (value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0D)
                || (0x7F...0x9F).contains(value)
            if control { propertyFailed("decoded text holds control U+\(String(value, radix: 16))") }
        }
        if ThaiText.normalize(decoded.text).isEmpty { propertyFailed("decoded text is blank") }
    case .unreadable:
        break
    }
    if count > 0 {
        guard case .unreadable(.tooLarge(let size, let limit)) = FormDecoder.decode(data, sizeLimit: count - 1),
              size == count, limit == count - 1
        else { propertyFailed("size limit \(count - 1) did not reject \(count) bytes") }
    }
    return 0
}
