/// The few JSON objects the web face writes itself (errors, receipts, statuses), keys in
/// the order WEB.md shows them. A verdict is embedded as the exact text the CLI prints
/// (`Verdict.jsonLine()`), never re-encoded.
enum WebJSON {
    /// A member's value: a string, `null`, or JSON text taken as it is.
    enum Value {
        case string(String)
        case raw(String)
        case null
    }

    static func object(_ members: [(String, Value)]) -> String {
        var text = "{"
        for (index, (key, value)) in members.enumerated() {
            if index > 0 { text += "," }
            text += quoted(key) + ":"
            switch value {
            case .string(let string): text += quoted(string)
            case .raw(let json): text += json
            case .null: text += "null"
            }
        }
        return text + "}"
    }

    /// `{"error":{"code","message_th","message_en"}}`.
    static func error(_ error: WebError) -> String {
        object([("error", .raw(object([
            ("code", .string(error.code)),
            ("message_th", .string(error.messageTH)),
            ("message_en", .string(error.messageEN)),
        ])))])
    }

    /// A JSON string: `"`, `\` and control characters escaped, the rest as is (UTF-8).
    static func quoted(_ value: String) -> String {
        var text = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case "\u{2028}": text += "\\u2028"
            case "\u{2029}": text += "\\u2029"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: text.unicodeScalars.append(scalar)
            }
        }
        return text + "\""
    }
}
