/// A piece of HTML that is safe by construction: text can only enter it escaped
/// (`Markup.text`, or a `String` inside a `@MarkupBuilder` block), tag and attribute names
/// are the program's own literals, and attribute values are always quoted and escaped. So a
/// station named `<script>` is shown as text, whatever the page.
///
/// Chosen over templates (swift-mustache) because every page is a Swift function the
/// compiler checks, nothing needs bundling as a resource, and no template can forget to
/// escape: there is no way to write unescaped form text into a page.
struct Markup: Sendable {
    private(set) var html: String

    private init(trusted html: String) { self.html = html }

    static let empty = Markup(trusted: "")

    /// Text, escaped for element content and attribute values alike.
    static func text(_ value: String) -> Markup { Markup(trusted: escape(value)) }

    /// `<!DOCTYPE html>`, the one piece of markup not built from elements.
    static let doctype = Markup(trusted: "<!DOCTYPE html>")

    /// An element; `attributes` with a `nil` value are left out, `""` gives a bare attribute
    /// (`checked`). Void elements (`input`, `meta` …) take no content.
    static func element(_ name: StaticString, _ attributes: [(StaticString, String?)] = [], content: Markup = .empty) -> Markup {
        var html = "<\(name)"
        for (attribute, value) in attributes {
            guard let value else { continue }
            html += value.isEmpty ? " \(attribute)" : " \(attribute)=\"\(escape(value))\""
        }
        html += ">"
        if voidElements.contains("\(name)") { return Markup(trusted: html) }
        return Markup(trusted: html + content.html + "</\(name)>")
    }

    static func + (lhs: Markup, rhs: Markup) -> Markup { Markup(trusted: lhs.html + rhs.html) }

    static func joined(_ parts: [Markup]) -> Markup { Markup(trusted: parts.map(\.html).joined()) }

    private static let voidElements: Set<String> = ["meta", "link", "input", "br", "hr", "img"]

    /// `&`, `<`, `>`, `"` and `'` as character references.
    static func escape(_ value: String) -> String {
        var output = ""
        output.reserveCapacity(value.utf8.count)
        for character in value {
            switch character {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&#39;"
            default: output.append(character)
            }
        }
        return output
    }
}

/// Builds `Markup` from a block of parts: `Markup` as it is, `String` as escaped text.
@resultBuilder
enum MarkupBuilder {
    static func buildExpression(_ markup: Markup) -> Markup { markup }
    static func buildExpression(_ text: String) -> Markup { .text(text) }
    static func buildBlock(_ parts: Markup...) -> Markup { .joined(parts) }
    static func buildOptional(_ part: Markup?) -> Markup { part ?? .empty }
    static func buildEither(first: Markup) -> Markup { first }
    static func buildEither(second: Markup) -> Markup { second }
    static func buildArray(_ parts: [Markup]) -> Markup { .joined(parts) }
}

/// `el("p", ["class": "x"]) { "text" }`: an element with built content.
func el(_ name: StaticString, _ attributes: [(StaticString, String?)] = [], @MarkupBuilder _ content: () -> Markup = { .empty }) -> Markup {
    .element(name, attributes, content: content())
}
