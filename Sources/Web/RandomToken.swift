/// Unguessable tokens: receipts and CSRF tokens, 128 bits from the system's CSPRNG
/// (`SystemRandomNumberGenerator` reads `getrandom(2)` on Linux).
enum RandomToken {
    /// 32 lower-case hex digits: 128 random bits.
    static func hex128() -> String {
        var generator = SystemRandomNumberGenerator()
        let high = generator.next() as UInt64
        let low = generator.next() as UInt64
        return hex(high) + hex(low)
    }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// Compares in time that does not depend on where the strings differ.
    static func equal(_ lhs: String, _ rhs: String) -> Bool {
        let left = Array(lhs.utf8), right = Array(rhs.utf8)
        guard left.count == right.count else { return false }
        var difference: UInt8 = 0
        for index in left.indices { difference |= left[index] ^ right[index] }
        return difference == 0
    }
}
