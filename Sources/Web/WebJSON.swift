import Validate

/// The few JSON objects the web face writes itself (errors, receipts, statuses), keys in
/// the order docs/web.md#the-api shows them. A verdict is embedded as the exact text the CLI prints
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

    /// A JSON string, escaped as the verdict's strings are.
    static func quoted(_ value: String) -> String { JSONString.literal(value) }
}
