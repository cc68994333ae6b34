import Foundation

/// `embed-schemas OUTPUT NAME=PATH…`: writes a Swift source declaring `DefaultSchemas.all`
/// (Sources/DefaultSchemas), one `Validate.BuiltInFile` per input, its text as a string literal.
/// (`@main`, not top-level code, so it builds with `-parse-as-library` too, as Fuzz/ builds.)
///
/// The files are text (XML and JSON): each must be valid UTF-8, and its text is written as a
/// single-line literal with `\`, `"`, control and format characters escaped, so the literal's
/// UTF-8 is the file's bytes exactly (BuiltInSchemasTests compares them with schemas/).
/// Any failure stops the build with a message naming the file.

/// The Swift string literal whose value is `text`.
func literal(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\\": out += "\\\\"
        case "\"": out += "\\\""
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default:
            switch scalar.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .unassigned, .privateUse:
                out += "\\u{" + String(scalar.value, radix: 16) + "}"
            default:
                out.unicodeScalars.append(scalar)
            }
        }
    }
    return out + "\""
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("embed-schemas: \(message)\n".utf8))
    exit(1)
}

@main
enum EmbedSchemasTool {
    static func main() {
        let arguments = CommandLine.arguments.dropFirst()
        guard let output = arguments.first, arguments.count >= 2 else {
            fail("usage: embed-schemas OUTPUT NAME=PATH…")
        }
        var source = """
            // Generated at build time by the EmbedSchemas plugin (Plugins/) from schemas/.
            // Not committed and not to be edited: change the files under schemas/ instead.

            import Validate

            extension DefaultSchemas {
                /// Every file built in, by its path under schemas/.
                static let all: [BuiltInFile] = [

            """
        for argument in arguments.dropFirst() {
            guard let equals = argument.firstIndex(of: "=") else { fail("\(argument): expected NAME=PATH") }
            let name = String(argument[..<equals])
            let path = String(argument[argument.index(after: equals)...])
            guard let data = FileManager.default.contents(atPath: path) else { fail("cannot read \(path)") }
            guard let text = String(validating: data, as: UTF8.self) else { fail("\(path) is not valid UTF-8") }
            source += "        BuiltInFile(path: \(literal(name)), text: \(literal(text))),\n"
        }
        source += "    ]\n}\n"
        do {
            try Data(source.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            fail("cannot write \(output): \(error.localizedDescription)")
        }
    }
}
