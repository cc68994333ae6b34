import Ingest

/// Why a change to the users was refused, Thai first then English (as every message of the
/// product): the CLI prints it after `pipeline:`, and the web shows it on the page. One
/// catalogue, so a reviewer reads all the users part can say in one place. A failed login is
/// not one of these: it is a `LoginResult`, and it never says which half was wrong.
public enum UserError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The name is empty, too long, or has a character outside `A–Z a–z 0–9 . _ -`.
    case badName(String)
    /// The name is taken, by a user or by a removed one (a removed user keeps its row).
    case nameTaken(String)
    /// No user of this name, or only a removed one.
    case unknownUser(String)
    /// Shorter than `UserInput.minimumPasswordBytes`.
    case passwordTooShort
    /// Longer than `UserInput.maximumPasswordBytes`; refused before it is hashed.
    case passwordTooLong(bytes: Int)
    /// A NUL or another control character: bcrypt would stop at a NUL and ignore the rest.
    case passwordControlCharacter
    /// `--role bureau` without `--bureau`.
    case bureauMissing
    /// A bureau that is not `บช.น.` or `ภ.1` … `ภ.9`.
    case unknownBureau(String)
    /// `hq` and `admin` see every bureau, so they take none.
    case bureauNotAllowed(role: Role)

    public var description: String {
        let (thai, english) = parts
        return "\(thai) / \(english)"
    }

    /// The Thai sentence and the English one.
    public var parts: (thai: String, english: String) {
        switch self {
        case .badName(let name):
            let shown = UserError.quoted(name)
            return ("ชื่อผู้ใช้ \(shown) ใช้ไม่ได้: ต้องยาว ๑–\(ThaiDigits.thai(UserInput.maximumNameLength)) ตัว มีเฉพาะตัวอักษรอังกฤษ ตัวเลข และ . _ -",
                    "the user name \(shown) cannot be used: 1–\(UserInput.maximumNameLength) characters of A–Z, a–z, 0–9 and . _ -")
        case .nameTaken(let name):
            return ("มีผู้ใช้ชื่อ \(name) อยู่แล้ว (หรือเคยมีและถูกลบไปแล้ว) ให้ใช้ชื่ออื่น",
                    "the name \(name) is taken (by a user, or by one removed earlier); choose another")
        case .unknownUser(let name):
            return ("ไม่มีผู้ใช้ชื่อ \(name)", "there is no user named \(name)")
        case .passwordTooShort:
            return ("รหัสผ่านสั้นเกินไป ต้องยาวอย่างน้อย \(ThaiDigits.thai(UserInput.minimumPasswordBytes)) ไบต์",
                    "the password is too short: at least \(UserInput.minimumPasswordBytes) bytes")
        case .passwordTooLong(let bytes):
            return ("รหัสผ่านยาวเกินไป (\(ThaiDigits.thai(bytes)) ไบต์) รับได้ไม่เกิน \(ThaiDigits.thai(UserInput.maximumPasswordBytes)) ไบต์ (อักษรไทยหนึ่งตัวเป็น ๓ ไบต์) เพราะ bcrypt อ่านเพียงเท่านั้น",
                    "the password is too long (\(bytes) bytes): at most \(UserInput.maximumPasswordBytes) bytes (a Thai character is 3), all that bcrypt reads")
        case .passwordControlCharacter:
            return ("รหัสผ่านมีอักขระควบคุม (เช่น NUL หรือแท็บ) ใช้ไม่ได้",
                    "the password has a control character (such as NUL or a tab) and cannot be used")
        case .bureauMissing:
            return ("ผู้ใช้บทบาท bureau ต้องระบุ --bureau (บช.น. หรือ ภ.๑ ถึง ภ.๙)",
                    "a user of role bureau needs --bureau (บช.น. or ภ.1 to ภ.9)")
        case .unknownBureau(let bureau):
            let shown = UserError.quoted(bureau)
            return ("ไม่รู้จักหน่วย \(shown) ต้องเป็น บช.น. หรือ ภ.๑ ถึง ภ.๙",
                    "unknown bureau \(shown): it must be บช.น. or ภ.1 to ภ.9")
        case .bureauNotAllowed(let role):
            return ("ผู้ใช้บทบาท \(role.rawValue) เห็นทุกหน่วยอยู่แล้ว ไม่ต้องระบุ --bureau",
                    "a user of role \(role.rawValue) sees every bureau and takes no --bureau")
        }
    }

    /// What a user typed, quoted and cut short, so that a 50 KB name does not become a 50 KB
    /// message.
    static func quoted(_ text: String) -> String {
        let cut = text.count > 80 ? String(text.prefix(80)) + "…" : text
        return "\"" + cut + "\""
    }
}
