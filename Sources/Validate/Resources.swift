import Foundation
import Ingest

/// Where the data the checker needs comes from: the form XSD, the text-form vocabulary and the
/// rule sets. All of it is data under `schemas/`. The `pipeline` program carries a copy of
/// that folder, built in at build time (the `DefaultSchemas` module), so a lone binary checks
/// forms with no setting; a folder given by `--schemas`, `--rules` or `$PIPELINE_SCHEMAS`
/// replaces the built-in files.
public struct Resources: Sendable {
    /// One of the data files: on disk, or built into the program.
    public enum Source: Sendable, Equatable, CustomStringConvertible {
        /// A file (or, for the rules, a folder of rule sets) on disk.
        case file(URL)
        /// The copy of `schemas/<path>` among the built-in files (`rules` for every rule set).
        case builtIn(path: String)

        /// The path, or `schemas/report.xsd (built in)`.
        public var description: String {
            switch self {
            case .file(let url): return url.path
            case .builtIn(let path): return "schemas/\(path) (built in)"
            }
        }
    }

    /// `schemas/report.xsd`.
    public let formSchema: Source
    /// `schemas/text-form.json`.
    public let textVocabulary: Source
    /// A rule-set file, or a folder of them (`schemas/rules`).
    public let rules: Source
    /// The files the `.builtIn` sources are read from.
    let builtInFiles: [BuiltInFile]

    /// The environment variable that names the schemas folder for an installed binary.
    public static let environmentVariable = "PIPELINE_SCHEMAS"

    /// The files of a schemas folder on disk; `rules`, when given, instead of its `rules/`.
    public init(schemasDirectory: URL, rules: URL? = nil) {
        formSchema = .file(schemasDirectory.appendingPathComponent("report.xsd"))
        textVocabulary = .file(schemasDirectory.appendingPathComponent("text-form.json"))
        self.rules = .file(rules ?? schemasDirectory.appendingPathComponent("rules"))
        builtInFiles = []
    }

    /// The built-in copies of the files of `schemas/` (`DefaultSchemas.files`); `rules`, when
    /// given, instead of the built-in rule sets.
    public static func builtIn(_ files: [BuiltInFile], rules: URL? = nil) -> Resources {
        Resources(formSchema: .builtIn(path: "report.xsd"), textVocabulary: .builtIn(path: "text-form.json"),
                  rules: rules.map(Source.file) ?? .builtIn(path: "rules"), builtInFiles: files)
    }

    private init(formSchema: Source, textVocabulary: Source, rules: Source, builtInFiles: [BuiltInFile]) {
        self.formSchema = formSchema
        self.textVocabulary = textVocabulary
        self.rules = rules
        self.builtInFiles = builtInFiles
    }

    /// The resources a command uses: the schemas folder given (`--schemas`), else the one
    /// `$PIPELINE_SCHEMAS` names, else the built-in copies `files`; the rule sets given
    /// (`--rules`) replace the folder's or the built-in ones. Relative paths are taken from
    /// `workingDirectory`.
    ///
    /// - Throws: `ResourceError.notSchemasFolder` when the folder given has no `report.xsd`,
    ///   naming the setting it came from. Nothing else is searched: the program behaves the
    ///   same in every folder.
    public static func resolve(schemas explicit: String?, rules: String?, builtIn files: [BuiltInFile],
                               environment: [String: String] = ProcessInfo.processInfo.environment,
                               workingDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        throws(ResourceError) -> Resources
    {
        func absolute(_ path: String) -> URL {
            URL(fileURLWithPath: path, relativeTo: workingDirectory).standardizedFileURL
        }
        let ruleSets = rules.map(absolute)
        let given: (folder: String, setting: String)?
        if let explicit {
            given = (explicit, "--schemas")
        } else if let fromEnvironment = environment[environmentVariable], !fromEnvironment.isEmpty {
            given = (fromEnvironment, "$" + environmentVariable)
        } else {
            given = nil
        }
        guard let given else { return .builtIn(files, rules: ruleSets) }
        let folder = absolute(given.folder)
        guard isSchemasFolder(folder) else { throw ResourceError.notSchemasFolder(folder, setting: given.setting) }
        return Resources(schemasDirectory: folder, rules: ruleSets)
    }

    static func isSchemasFolder(_ url: URL) -> Bool {
        FileManager.default.fileExists(atPath: url.appendingPathComponent("report.xsd").path)
    }

    // MARK: Loading

    /// The built-in file at `path` under `schemas/`.
    func builtInFile(_ path: String) throws(ResourceError) -> BuiltInFile {
        guard let file = builtInFiles.first(where: { $0.path == path }) else {
            throw ResourceError.cannotLoad(.builtIn(path: path), "the build did not include it")
        }
        return file
    }

    /// Reads and compiles the form XSD.
    func compileFormSchema() throws(ResourceError) -> XMLSchema {
        do {
            switch formSchema {
            case .file(let url): return try XMLSchema(contentsOf: url)
            case .builtIn(let path):
                let file = try builtInFile(path)
                return try XMLSchema(data: file.data, url: URL(fileURLWithPath: "schemas/" + path))
            }
        } catch let error as ResourceError {
            throw error
        } catch {
            throw ResourceError.cannotLoad(formSchema, "\(error)")
        }
    }

    /// Reads and checks the text-form vocabulary.
    func loadTextVocabulary() throws(ResourceError) -> TextFormVocabulary {
        do {
            switch textVocabulary {
            case .file(let url): return try TextFormVocabulary.load(from: url)
            case .builtIn(let path):
                let file = try builtInFile(path)
                return try TextFormVocabulary.load(contents: file.data, file: textVocabulary.description)
            }
        } catch let error as ResourceError {
            throw error
        } catch {
            throw ResourceError.cannotLoad(textVocabulary, "\(error)")
        }
    }

    /// Reads and checks every rule set.
    func loadRuleBook() throws(ResourceError) -> RuleBook {
        do throws(RuleSetError) {
            switch rules {
            case .file(let url): return try RuleBook.load(from: url)
            case .builtIn(let folder):
                return try RuleBook.load(files: builtInFiles
                    .filter { $0.path.hasPrefix(folder + "/") }
                    .map { (name: String($0.path.dropFirst(folder.count + 1)), contents: $0.data) })
            }
        } catch {
            throw ResourceError.cannotLoad(rules, "\(error)")
        }
    }
}

/// A copy of one file of `schemas/` carried in the program (`DefaultSchemas.files`).
public struct BuiltInFile: Sendable {
    /// The path under `schemas/`: `report.xsd`, `rules/fy2564.json`.
    public let path: String
    /// The file's text; its UTF-8 is the file's bytes.
    public let text: String

    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }

    /// The file's bytes.
    public var data: Data { Data(text.utf8) }
}

/// A data file the checker needs is missing or broken: the program cannot run (exit 2).
public enum ResourceError: Error, CustomStringConvertible {
    /// The schemas folder given (by `setting`: `--schemas` or `$PIPELINE_SCHEMAS`) has no report.xsd.
    case notSchemasFolder(URL, setting: String)
    /// A file was found but cannot be read or used.
    case cannotLoad(Resources.Source, String)

    public var description: String {
        switch self {
        case .notSchemasFolder(let url, let setting):
            return "\(setting): \(url.path) ไม่ใช่โฟลเดอร์ schemas (ไม่มี report.xsd) "
                + "/ is not a schemas folder: it has no report.xsd"
        case .cannotLoad(let source, let detail):
            return "โหลด \(source) ไม่ได้ / cannot load \(source): \(detail)"
        }
    }
}
