import Foundation
import FuzzSupport
import Ingest

/// Entry point: libFuzzer's driver on `fuzzValues`.
@_cdecl("FuzzValues_main")
public func main(argc: CInt, argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc: argc, argv: argv, target: { start, count in fuzzValues(start, count) })
}

/// The fuzz target: the input as text (invalid UTF-8 repaired with U+FFFD, as any decoder
/// upstream would never pass it, but the value parsers must not care) through every value
/// parser: `ThaiText`, `ThaiDateParser`, `ThaiNumber`, `PhoneNumber`.
///
/// Properties beyond "no crash, no hang":
/// * `ThaiText.normalize` is idempotent and leaves no U+200B/U+FEFF, no leading, trailing
///   or doubled space;
/// * a date read as a date is a real calendar day, and parsing its ISO and Thai forms gives it
///   back (where those forms are unambiguous);
/// * a number is never negative, and writing it back in Thai digits parses to the same value;
/// * a phone number keeps only ASCII digits, and a Thai number has 9–10 digits from 0.
/// (libFuzzer passes a nil pointer for the empty input.)
func fuzzValues(_ pointer: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: pointer, count: pointer == nil ? 0 : count)
    let text = String(decoding: bytes, as: UTF8.self)

    let normalized = ThaiText.normalize(text)
    if ThaiText.normalize(normalized) != normalized { propertyFailed("normalize is not idempotent") }
    if normalized.unicodeScalars.contains(where: { $0.value == 0x200B || $0.value == 0xFEFF }) {
        propertyFailed("normalize left an invisible character")
    }
    if normalized.hasPrefix(" ") || normalized.hasSuffix(" ") || normalized.contains("  ") {
        propertyFailed("normalize left stray spaces")
    }
    _ = ThaiText.matchKey(text)

    switch ThaiDateParser.parse(text) {
    case .date(let date, _):
        guard CalendarDate(year: date.year, month: date.month, day: date.day) == date else {
            propertyFailed("date \(date) is not a calendar day")
        }
        // ISO years of 2400 and more are read as Buddhist Era, and years below 1000 do not
        // have four digits: only years in between write back as themselves.
        if (1000..<2400).contains(date.year) {
            guard case .date(let again, false) = ThaiDateParser.parse(date.iso), again == date else {
                propertyFailed("ISO \(date.iso) does not parse back to itself")
            }
        }
        // The Thai form has a Buddhist-Era year; four digits from 2400 read back unconverted.
        if (2400...9999).contains(date.buddhistYear) {
            guard case .date(let again, false) = ThaiDateParser.parse(date.thai), again == date else {
                propertyFailed("Thai \(date.thai) does not parse back to itself")
            }
        }
    case .unreadable, .impossible:
        break
    }

    if let number = ThaiNumber.parseInteger(text) {
        if number < 0 { propertyFailed("negative number \(number)") }
        if ThaiNumber.parseInteger(ThaiDigits.thai(number)) != number {
            propertyFailed("\(number) in Thai digits does not parse back")
        }
    }

    if let phone = PhoneNumber(text) {
        if phone.digits.isEmpty || !phone.digits.allSatisfy({ $0.isASCII && $0.isNumber }) {
            propertyFailed("phone digits \(phone.digits)")
        }
        if phone.isThaiNumber, !((9...10).contains(phone.digits.count) && phone.digits.hasPrefix("0")) {
            propertyFailed("Thai number \(phone.digits)")
        }
    }
    return 0
}
