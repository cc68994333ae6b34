import Foundation

/// Text as the pipeline compares it (FORMS.md section 2, "Text").
///
/// Stations type on many keyboards and copy from many documents: the same word may arrive
/// decomposed, with invisible characters, or with sara am typed as two marks. Every value is
/// normalized once, when it is read, so that everything after compares plain strings.
public enum ThaiText {
    /// NFC, U+200B and U+FEFF removed, runs of white space (incl. NBSP, tabs) folded to one
    /// space, trimmed, decomposed sara am (U+0E4D U+0E32) read as U+0E33.
    ///
    /// Order matters: NFC does not compose sara am (its decomposition is a compatibility
    /// one), so sara am is composed by hand after NFC. Zero-width characters are removed
    /// first so that one between a base and its mark cannot keep them apart. Nikhahit typed
    /// before a tone mark (`น` U+0E4D U+0E49 U+0E32, a common typing order) is read as the
    /// tone mark then sara am (`น้ำ`), which is how it renders.
    public static func normalize(_ text: String) -> String {
        var visible = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where !invisible.contains(scalar.value) {
            visible.append(scalar)
        }
        let composed = composeSaraAm(String(visible).precomposedStringWithCanonicalMapping)
        return foldWhiteSpace(composed)
    }

    /// `normalize`, then every space removed and letters lower-cased: the key used to match
    /// labels, indicator names and aliases (`กต.ตร.พบประชาชน` == `กต.ตร. พบประชาชน`,
    /// `Fiscal Year` == `fiscal year`). Lower-casing leaves Thai untouched.
    public static func matchKey(_ text: String) -> String {
        normalize(text).replacingOccurrences(of: " ", with: "").lowercased()
    }

    /// Zero-width space and the byte-order mark (also read as zero-width no-break space).
    private static let invisible: Set<UInt32> = [0x200B, 0xFEFF]

    private static let nikhahit: UInt32 = 0x0E4D
    private static let saraAa: UInt32 = 0x0E32
    private static let saraAm: Unicode.Scalar = "\u{0E33}"
    /// ่ ้ ๊ ๋ (mai ek … mai chattawa).
    private static let toneMarks: ClosedRange<UInt32> = 0x0E48...0x0E4B

    /// U+0E4D U+0E32 → U+0E33, and U+0E4D TONE U+0E32 → TONE U+0E33.
    private static func composeSaraAm(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar.value == nikhahit, index + 1 < scalars.count {
                let next = scalars[index + 1]
                if next.value == saraAa {
                    result.append(saraAm)
                    index += 2
                    continue
                }
                if toneMarks.contains(next.value), index + 2 < scalars.count,
                   scalars[index + 2].value == saraAa {
                    result.append(next)
                    result.append(saraAm)
                    index += 3
                    continue
                }
            }
            result.append(scalar)
            index += 1
        }
        return String(result)
    }

    /// Every run of white space (any Unicode white space: space, tab, NBSP, line ends …)
    /// becomes one space; leading and trailing white space is dropped.
    private static func foldWhiteSpace(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace {
                result.append(" ")
                pendingSpace = false
            }
            result.append(scalar)
        }
        return String(result)
    }
}
