/// A contact phone number, stored as digits only (docs/forms.md#values, "Phone numbers").
///
/// `๐๘๖-๕๕๕-๐๑๒๓` → `0865550123`; `+66 86 555 0123` → `0865550123`. Digits may be Thai or
/// Arabic; spaces, dashes, dots and parentheses are dropped; a leading `+66` (the country
/// code) becomes the trunk `0`. Any other character (a letter, a second `+`, `ต่อ 12`) keeps
/// the digits but makes the number not a Thai number, so the station gets a `bad-phone`
/// warning rather than a silently altered number.
public struct PhoneNumber: Sendable, Equatable {
    /// Digits only, Arabic.
    public let digits: String
    /// False when the text held a character a phone number does not use.
    private let hasOnlyPhoneCharacters: Bool

    /// 9 or 10 digits starting with 0 (a landline or a mobile number), written only with
    /// digits and the separators above.
    public var isThaiNumber: Bool {
        hasOnlyPhoneCharacters && (9...10).contains(digits.count) && digits.hasPrefix("0")
    }

    /// Nil when the text has no digit at all.
    public init?(_ text: String) {
        var rest = Substring(ThaiDigits.arabic(ThaiText.normalize(text)))
        var countryCode = false
        if rest.hasPrefix("+") {
            rest = rest.dropFirst()
            countryCode = true
        }
        var digits = ""
        var clean = true
        for character in rest {
            if character.isASCIIDigit {
                digits.append(character)
            } else if !PhoneNumber.separators.contains(character) {
                clean = false
            }
        }
        guard !digits.isEmpty else { return nil }
        if countryCode {
            if digits.hasPrefix(PhoneNumber.thaiCountryCode) {
                digits.removeFirst(PhoneNumber.thaiCountryCode.count)
                // `+66 (0)86 …` already carries the trunk 0.
                if !digits.hasPrefix("0") { digits = "0" + digits }
            } else {
                clean = false   // another country's number
            }
        }
        self.digits = digits
        self.hasOnlyPhoneCharacters = clean
    }

    private static let separators: Set<Character> = [" ", "-", ".", "(", ")"]
    private static let thaiCountryCode = "66"
}
