import ArgumentParser
import Foundation
import Validate

/// `pipeline validate`: check forms and say what is wrong, without storing anything.
/// A station clerk runs it on a form before sending it.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "ตรวจแบบรายงาน / Check report forms and print the verdict.",
        discussion: """
            Exit status: 0 when every file is accepted, 1 when any is rejected, \
            2 when the check could not run (a file that cannot be read, a broken rule set). \
            With --format json, a file that cannot be read is one object with an "error" \
            (code not-found, is-a-folder or no-permission).
            """
    )

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case human
        case json
    }

    @Option(help: "human: like a compiler's messages, Thai then English; json: one object per file per line.")
    var format: OutputFormat = .human

    @OptionGroup var resources: ResourceOptions

    @Option(name: .customLong("files-from"), help: ArgumentHelp(
        "Also check the files named in this list, one name a line (- for standard input), after those given as arguments. Use it for thousands of files: the argument parser's time grows with the square of the number of arguments.",
        valueName: "list"))
    var filesFrom: String?

    @Argument(help: ArgumentHelp("The form files (XML or plain text).", valueName: "file"))
    var files: [String] = []

    func validate() throws {
        if files.isEmpty && filesFrom == nil {
            throw ValidationError("ไม่ได้ระบุไฟล์แบบรายงาน ให้ระบุไฟล์ หรือ --files-from LIST / Missing expected argument '<file> ...': give the form files, or --files-from LIST")
        }
    }

    func run() throws {
        var names = files
        if let filesFrom {
            guard let listed = Self.readList(filesFrom) else { throw ExitCode(2) }
            names += listed
        }
        let checker = try resources.makeChecker()
        var anyRejected = false
        var anyUnread = false
        var output = StandardOutput()
        defer { output.flush() }
        for file in names {
            let verdict: Verdict
            do {
                verdict = try checker.check(fileAt: file, file: file)
            } catch {
                let unreadable = UnreadableFile(file: file, path: file, error: error)
                switch format {
                case .human:
                    output.flush() // what was printed so far comes first, on a terminal too
                    let message = unreadable.message
                    StandardError.print("pipeline: อ่านไฟล์ไม่ได้ / cannot read \(file): \(message.thai) / \(message.english)")
                case .json:
                    print(unreadable.jsonLine(), to: &output)
                }
                anyUnread = true
                continue
            }
            anyRejected = anyRejected || !verdict.accepted
            switch format {
            case .human: VerdictPrinter.printHuman(verdict, to: &output)
            case .json: print(verdict.jsonLine(), to: &output)
            }
        }
        if anyUnread { throw ExitCode(2) }
        if anyRejected { throw ExitCode(1) }
    }

    /// The names in a `--files-from` list: one a line, a CR before the LF dropped, empty
    /// lines skipped. `nil`, with a message on stderr, when the list cannot be read.
    static func readList(_ path: String) -> [String]? {
        let data: Data
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: path))
            } catch {
                StandardError.print("pipeline: อ่านรายชื่อไฟล์ไม่ได้ / cannot read the file list \(path): \(error.localizedDescription)")
                return nil
            }
        }
        return data.split(separator: UInt8(ascii: "\n")).compactMap { line in
            let name = line.last == UInt8(ascii: "\r") ? line.dropLast() : line[...]
            return name.isEmpty ? nil : String(decoding: name, as: UTF8.self)
        }
    }
}
