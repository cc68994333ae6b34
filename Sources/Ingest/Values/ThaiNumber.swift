/// Whole numbers as forms write them (docs/forms.md#values, "Numbers").
public enum ThaiNumber {
    /// Whole number from Thai, Arabic or mixed digits; allows surrounding spaces, a trailing
    /// `คะแนน` or `%`, and a decimal part of zeros (`75.00`, `๗๕.๐`). `75.5`, `abc`, `` →
    /// nil. Very long digit strings give nil (never a trap).
    ///
    /// No sign, no thousands separator: no number on a form is negative or that large, so
    /// such text is more likely a typing slip than a value, and the validator reports it.
    public static func parseInteger(_ text: String) -> Int? {
        var value = ThaiDigits.arabic(ThaiText.normalize(text))
        for unit in units where value.hasSuffix(unit) {
            value = String(value.dropLast(unit.count)).trimmingSpaces
            break
        }
        var whole = Substring(value)
        if let dot = value.firstIndex(of: ".") {
            let fraction = value[value.index(after: dot)...]
            guard !fraction.isEmpty, fraction.allSatisfy({ $0 == "0" }) else { return nil }
            whole = value[..<dot]
        }
        guard !whole.isEmpty, whole.allSatisfy(\.isASCIIDigit) else { return nil }
        // Int(_:) returns nil on overflow rather than trapping.
        return Int(whole)
    }

    /// Units a score may carry after its number.
    private static let units = ["คะแนน", "%"]
}

extension Character {
    /// `0` … `9` only (not Thai or other Unicode digits: convert those first).
    var isASCIIDigit: Bool { isASCII && ("0"..."9").contains(self) }
}

extension String {
    /// Without leading and trailing ASCII spaces (text is already normalized: no other
    /// white space is left).
    var trimmingSpaces: String {
        var slice = Substring(self)
        while slice.first == " " { slice = slice.dropFirst() }
        while slice.last == " " { slice = slice.dropLast() }
        return String(slice)
    }
}
