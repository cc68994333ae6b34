/// Thai digits ๐–๙ (U+0E50–U+0E59) and their Arabic equivalents.
public enum ThaiDigits {
    /// `2564` → `๒๕๖๔`.
    public static func thai(_ number: Int) -> String {
        map(String(number), toThai: true)
    }

    /// Replaces every Arabic digit by its Thai digit, for numbers quoted in Thai text:
    /// `25:00` → `๒๕:๐๐`.
    public static func thai(digitsIn text: String) -> String {
        map(text, toThai: true)
    }

    /// Replaces every Thai digit by its Arabic digit and leaves everything else alone:
    /// `ภ.๕` → `ภ.5`, `๑๕/11/๒๕๖๓` → `15/11/2563`.
    public static func arabic(_ text: String) -> String {
        map(text, toThai: false)
    }

    /// Works on UTF-8 bytes: Thai digits are E0 B9 90–99, Arabic ones 30–39, and in valid
    /// UTF-8 an E0 always starts a three-byte scalar, so every other byte is copied as is.
    private static func map(_ text: String, toThai: Bool) -> String {
        var text = text
        return text.withUTF8 { bytes in
            var output: [UInt8] = []
            if toThai {
                output.reserveCapacity(bytes.count * 3)
                for byte in bytes {
                    if (0x30...0x39).contains(byte) {
                        output.append(contentsOf: [0xE0, 0xB9, 0x90 + (byte - 0x30)])
                    } else {
                        output.append(byte)
                    }
                }
            } else {
                output.reserveCapacity(bytes.count)
                var index = 0
                while index < bytes.count {
                    let byte = bytes[index]
                    if byte == 0xE0, index + 2 < bytes.count, bytes[index + 1] == 0xB9,
                       (0x90...0x99).contains(bytes[index + 2]) {
                        output.append(0x30 + (bytes[index + 2] - 0x90))
                        index += 3
                    } else {
                        output.append(byte)
                        index += 1
                    }
                }
            }
            return String(decoding: output, as: UTF8.self)
        }
    }
}
