/// The `name` a client gives a form (`?name=`, an upload's file name), checked before it is
/// used: one plain file name, never a path. No part of a request becomes a path: the name
/// only follows the receipt in the inbox (`RECEIPT--NAME`) and names the verdict's `file`.
enum SubmissionName {
    static let fallback = "form"
    /// Bytes of UTF-8; with the receipt and the claim id it still fits a file name.
    static let maxBytes = 120

    /// The name to use, or `WebError.badName`: `nil` or blank gives `form`; a name with `/`,
    /// `\`, a control character, `.`/`..`, or a temporary-file ending the inbox ignores
    /// (`.part`, `.tmp`), or over 120 bytes, is refused (the sender is told, nothing stored).
    static func clean(_ raw: String?) throws(WebError) -> String {
        guard let raw else { return fallback }
        let name = raw.trimmedOfBlanks
        if name.isEmpty { return fallback }
        let refused = name.contains("/") || name.contains("\\") || name == "." || name == ".."
            || name.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
            || name.hasSuffix(".part") || name.hasSuffix(".tmp")
            || name.utf8.count > maxBytes
        if refused { throw .badName(String(name.unicodeScalars.prefix(80).map { $0.value < 0x20 ? "?" : Character($0) }), maxBytes: maxBytes) }
        return name
    }

    /// The shown name of an uploaded file: its last path part (old browsers send
    /// `C:\fakepath\x.xml`), or `form`.
    static func display(uploaded filename: String?) -> String {
        guard let filename else { return fallback }
        let last = filename.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let visible = String(last.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }.map(Character.init))
        return visible.trimmedOfBlanks.isEmpty ? fallback : visible.trimmedOfBlanks
    }
}
