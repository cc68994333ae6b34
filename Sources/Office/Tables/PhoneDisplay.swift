/// A phone as the office writes it in tables and spreadsheets: `081-234-5678` (a mobile),
/// `02-123-4567` (Bangkok), `053-123-456` (a provincial line). Excel drops the leading zero
/// of `0812345678`; with dashes the cell stays text and reads better. Anything that is not
/// 9 or 10 digits starting with 0 is left as it was stored.
public enum PhoneDisplay {
    public static func format(_ digits: String?) -> String {
        guard let digits, !digits.isEmpty else { return "" }
        guard digits.allSatisfy(\.isASCIIDigit), digits.hasPrefix("0"), (9...10).contains(digits.count) else { return digits }
        let characters = Array(digits)
        func part(_ range: Range<Int>) -> String { String(characters[range]) }
        if characters.count == 10 { return "\(part(0..<3))-\(part(3..<6))-\(part(6..<10))" }
        if digits.hasPrefix("02") { return "\(part(0..<2))-\(part(2..<5))-\(part(5..<9))" }
        return "\(part(0..<3))-\(part(3..<6))-\(part(6..<9))"
    }
}

private extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
