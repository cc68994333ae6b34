import Ingest

/// The rules for what a user is made of, checked before anything is stored or hashed.
///
/// * A name is 1–64 characters of ASCII letters, digits and `. _ -`, kept in lower case
///   (`Somchai` and `somchai` are one user): it appears in the audit and in shell commands,
///   so it has no space, no Thai look-alike and nothing a terminal or a page would read as
///   markup.
/// * A password is 8–72 bytes of UTF-8 with no control character. bcrypt reads only the
///   first 72 bytes, so a longer password would be accepted for any text that starts with
///   the same 72 bytes: it is refused with a message rather than cut silently. A 50 KB
///   password is refused before it reaches bcrypt.
/// * A `bureau` user names one bureau, `บช.น.` or `ภ.1` … `ภ.9` (Thai digits are fine);
///   `hq` and `admin` name none.
public enum UserInput {
    public static let maximumNameLength = 64
    public static let minimumPasswordBytes = 8
    /// What bcrypt reads (its key is at most 72 bytes).
    public static let maximumPasswordBytes = 72

    /// The bureaus a `bureau` user can belong to, in their canonical spelling.
    public static let bureaus: [String] = ["บช.น."] + (1...9).map { "ภ.\($0)" }

    /// The name as stored (lower case), or why it cannot be one.
    public static func name(_ text: String) throws(UserError) -> String {
        guard isValidName(text) else { throw .badName(text) }
        return text.lowercased()
    }

    /// Whether `text` has the shape of a name: 1–64 of `A–Z a–z 0–9 . _ -`.
    public static func isValidName(_ text: String) -> Bool {
        let scalars = text.unicodeScalars
        guard !scalars.isEmpty, scalars.count <= maximumNameLength else { return false }
        return scalars.allSatisfy { scalar in
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", ".", "_", "-": return true
            default: return false
            }
        }
    }

    /// Checks a new password; the length is counted in UTF-8 bytes, as bcrypt counts it.
    public static func password(_ text: String) throws(UserError) {
        let bytes = text.utf8.count
        if bytes > maximumPasswordBytes { throw .passwordTooLong(bytes: bytes) }
        if bytes < minimumPasswordBytes { throw .passwordTooShort }
        if text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            throw .passwordControlCharacter
        }
    }

    /// The bureau to store for `role`: `nil` for `hq` and `admin`, the canonical bureau for
    /// `bureau` (`ภ.๕` → `ภ.5`).
    public static func bureau(_ text: String?, for role: Role) throws(UserError) -> String? {
        let given = text.map { ThaiDigits.arabic($0.trimmingSpaces) }.flatMap { $0.isEmpty ? nil : $0 }
        switch role {
        case .hq, .admin:
            if given != nil { throw .bureauNotAllowed(role: role) }
            return nil
        case .bureau:
            guard let given else { throw .bureauMissing }
            guard bureaus.contains(given) else { throw .unknownBureau(text ?? "") }
            return given
        }
    }
}

extension String {
    /// Without spaces and tabs at either end.
    fileprivate var trimmingSpaces: String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(scalars)
    }
}
