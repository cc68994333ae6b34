/// Thai digits ๐–๙ (U+0E50–U+0E59) and their Arabic equivalents.
public enum ThaiDigits {
    static let thaiZero: UInt32 = 0x0E50
    static let arabicZero: UInt32 = 0x30

    /// `2564` → `๒๕๖๔`.
    public static func thai(_ number: Int) -> String {
        map(String(number), from: arabicZero, to: thaiZero)
    }

    /// Replaces every Thai digit by its Arabic digit and leaves everything else alone:
    /// `ภ.๕` → `ภ.5`, `๑๕/11/๒๕๖๓` → `15/11/2563`.
    public static func arabic(_ text: String) -> String {
        map(text, from: thaiZero, to: arabicZero)
    }

    private static func map(_ text: String, from: UInt32, to: UInt32) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if (from...from + 9).contains(scalar.value) {
                scalars.append(Unicode.Scalar(scalar.value - from + to)!)
            } else {
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }
}
