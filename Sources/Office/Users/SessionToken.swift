import Crypto

/// A session's cookie value: 128 random bits from the system's CSPRNG
/// (`SystemRandomNumberGenerator`, `getrandom(2)` on Linux), as 32 lower-case hex digits.
/// The ledger keeps only its SHA-256, so a copy of the ledger opens no session.
struct SessionToken {
    /// 32 lower-case hex digits.
    static func random() -> String {
        var generator = SystemRandomNumberGenerator()
        return hex(generator.next() as UInt64) + hex(generator.next() as UInt64)
    }

    /// Whether `text` has a token's shape (32 lower-case hex digits), checked before any
    /// hashing or lookup.
    static func isWellFormed(_ text: String) -> Bool {
        text.utf8.count == 32 && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }

    /// Hex SHA-256 of the token's text: what `sessions.token_sha256` holds.
    static func digest(_ token: String) -> String {
        SHA256.hash(data: Array(token.utf8)).map { byte in
            let digits = String(byte, radix: 16)
            return byte < 16 ? "0" + digits : digits
        }.joined()
    }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
