import Foundation

/// Text as the pipeline compares it (docs/forms.md#values, "Text").
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
        normalizedThaiOrASCII(text) ?? normalizedGenerally(text)
    }

    /// The general path of `normalize`, for text in any script: Foundation's NFC, then sara am
    /// and white space by hand. Also the reference the fast path is tested against.
    static func normalizedGenerally(_ text: String) -> String {
        var visible = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where !invisible.contains(scalar.value) {
            visible.append(scalar)
        }
        let composed = composeSaraAm(String(visible).precomposedStringWithCanonicalMapping)
        return foldWhiteSpace(composed)
    }

    /// True when `normalize(text)` is empty — every scalar is invisible or white space —
    /// without building the normalized text. (NFC never turns a scalar that is not white
    /// space into white space or nothing, so the two agree.)
    public static func isBlank(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { invisible.contains($0.value) || $0.properties.isWhitespace }
    }

    /// `normalize`, then every space removed and letters lower-cased: the key used to match
    /// labels, indicator names and aliases (`กต.ตร.พบประชาชน` == `กต.ตร. พบประชาชน`,
    /// `Fiscal Year` == `fiscal year`). Lower-casing leaves Thai untouched.
    public static func matchKey(_ text: String) -> String {
        let normalized = normalize(text)
        guard spacesStandAlone(normalized) else {
            // A space before a combining mark: Foundation's search does not match a space
            // that is part of a composed character sequence; keep its exact answer.
            return normalized.replacingOccurrences(of: " ", with: "").lowercased()
        }
        return String(decoding: normalized.utf8.lazy.filter { $0 != 0x20 }, as: UTF8.self).lowercased()
    }

    /// True when every space in `text` is followed by nothing, an ASCII character, or a Thai
    /// character that starts a cluster (a consonant, a leading vowel, a digit or a sign) —
    /// so that removing the spaces byte by byte is what a character search would do.
    private static func spacesStandAlone(_ text: String) -> Bool {
        var afterSpace = false
        for scalar in text.unicodeScalars {
            if afterSpace, scalar.value >= 0x80,
               !(0x0E00...0x0E7F).contains(scalar.value) || thaiClusterContinuation(scalar.value) {
                return false
            }
            afterSpace = scalar == " "
        }
        return true
    }

    /// Thai vowel signs and marks written above, below or after a consonant (general
    /// category Mn, and sara am, a spacing mark): they never start a character of their own.
    private static func thaiClusterContinuation(_ value: UInt32) -> Bool {
        value == 0x0E31 || (0x0E33...0x0E3A).contains(value) || (0x0E47...0x0E4E).contains(value)
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

    // MARK: - Fast path: ASCII and Thai

    /// `normalize` for the text every form is made of — ASCII, the Thai block
    /// (U+0E00–U+0E7F), zero-width spaces and BOMs — in one pass over the UTF-8 bytes, without
    /// Foundation; nil for anything else, which takes the general path.
    ///
    /// Why it gives the same answer: in ASCII and the Thai block no character has a canonical
    /// decomposition and none is part of a canonical composition, so NFC can only reorder
    /// runs of combining marks by their combining class (Thai: U+0E38/U+0E39 = 103,
    /// U+0E3A = 9, the tone marks U+0E48–U+0E4B = 107). When every such run is already in
    /// order, NFC leaves the text as it is; when one is not, this returns nil. Then sara am
    /// and white space are handled exactly as `composeSaraAm` and `foldWhiteSpace` do, and
    /// ASCII white space (tab, LF, VT, FF, CR, space) is all the white space there can be.
    static func normalizedThaiOrASCII(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: bytes.count) { scalars -> String? in
                // Pass 1: UTF-8 → scalars, invisible ones dropped; refuse anything else.
                var count = 0
                var previousClass: UInt8 = 0
                var index = 0
                while index < bytes.count {
                    let lead = bytes[index]
                    let value: UInt32
                    if lead < 0x80 {
                        value = UInt32(lead)
                        index += 1
                    } else if lead == 0xE0, index + 2 < bytes.count,
                              bytes[index + 1] == 0xB8 || bytes[index + 1] == 0xB9 {
                        // U+0E00–U+0E7F: E0 B8 80–BF, E0 B9 80–BF (valid UTF-8: a String).
                        value = 0x0E00 | UInt32(bytes[index + 1] & 0x01) << 6 | UInt32(bytes[index + 2] & 0x3F)
                        index += 3
                    } else if lead == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0x8B {
                        index += 3 // U+200B
                        continue
                    } else if lead == 0xEF, index + 2 < bytes.count, bytes[index + 1] == 0xBB, bytes[index + 2] == 0xBF {
                        index += 3 // U+FEFF
                        continue
                    } else {
                        return nil
                    }
                    let combiningClass = thaiCombiningClass(value)
                    if combiningClass != 0, previousClass > combiningClass { return nil }
                    previousClass = combiningClass
                    scalars[count] = value
                    count += 1
                }
                // Pass 2: sara am composed, white space folded, UTF-8 written. The result is
                // never longer than the input.
                return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(bytes.count, 1)) { output -> String in
                    var length = 0
                    var pendingSpace = false
                    func emit(_ value: UInt32) {
                        if value < 0x80, asciiWhiteSpace(value) {
                            pendingSpace = length > 0
                            return
                        }
                        if pendingSpace {
                            output[length] = 0x20
                            length += 1
                            pendingSpace = false
                        }
                        if value < 0x80 {
                            output[length] = UInt8(value)
                            length += 1
                        } else {
                            output[length] = 0xE0
                            output[length + 1] = 0xB8 | UInt8(value >> 6 & 0x01)
                            output[length + 2] = 0x80 | UInt8(value & 0x3F)
                            length += 3
                        }
                    }
                    var position = 0
                    while position < count {
                        let value = scalars[position]
                        if value == nikhahit, position + 1 < count {
                            let next = scalars[position + 1]
                            if next == saraAa {
                                emit(saraAm.value)
                                position += 2
                                continue
                            }
                            if toneMarks.contains(next), position + 2 < count, scalars[position + 2] == saraAa {
                                emit(next)
                                emit(saraAm.value)
                                position += 3
                                continue
                            }
                        }
                        emit(value)
                        position += 1
                    }
                    return String(decoding: UnsafeBufferPointer(rebasing: output[..<length]), as: UTF8.self)
                }
            }
        }
    }

    /// The canonical combining class of a scalar in ASCII or the Thai block (0 for a starter).
    private static func thaiCombiningClass(_ value: UInt32) -> UInt8 {
        switch value {
        case 0x0E38, 0x0E39: return 103
        case 0x0E3A: return 9
        case 0x0E48...0x0E4B: return 107
        default: return 0
        }
    }

    /// ASCII white space in Unicode's sense: tab, LF, VT, FF, CR and space.
    private static func asciiWhiteSpace(_ value: UInt32) -> Bool {
        (0x09...0x0D).contains(value) || value == 0x20
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
