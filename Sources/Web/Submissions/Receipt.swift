/// The receipt of a sent form: 32 lower-case hex digits, 128 random bits, unguessable. It
/// is the prefix of the form's name in the inbox (`RECEIPT--NAME`), so the ledger's row for
/// the file names its receipt and nothing else needs storing.
public struct Receipt: Sendable, Hashable, CustomStringConvertible {
    public let value: String

    /// A new, random receipt.
    public static func make() -> Receipt { Receipt(trusted: RandomToken.hex128()) }

    private init(trusted value: String) { self.value = value }

    /// A receipt as a client wrote it, or `nil` when it has the wrong shape.
    public init?(_ text: String) {
        guard text.utf8.count == 32, text.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }) else {
            return nil
        }
        value = text
    }

    public var description: String { value }

    /// `RECEIPT--`: what the inbox name starts with.
    public var namePrefix: String { value + "--" }

    /// The page a clerk follows the form on.
    public var url: String { "/submissions/\(value)" }
}
