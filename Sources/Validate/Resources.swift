import Foundation

/// Where the data files the checker needs are: the form XSD, the text-form vocabulary and the
/// rule sets. All of it is data under `schemas/`, so a new fiscal year needs a new file, not a
/// new build.
public struct Resources: Sendable {
    /// `schemas/report.xsd`.
    public let formSchema: URL
    /// `schemas/text-form.json`.
    public let textVocabulary: URL
    /// A rule-set file, or a folder of them (`schemas/rules`).
    public let rules: URL

    /// The environment variable that names the schemas folder for an installed binary.
    public static let environmentVariable = "PIPELINE_SCHEMAS"

    public init(schemasDirectory: URL, rules: URL? = nil) {
        formSchema = schemasDirectory.appendingPathComponent("report.xsd")
        textVocabulary = schemasDirectory.appendingPathComponent("text-form.json")
        self.rules = rules ?? schemasDirectory.appendingPathComponent("rules")
    }

    /// Finds the schemas folder: the one given, else `$PIPELINE_SCHEMAS`, else a `schemas`
    /// folder beside the executable or above it (a build tree: `.build/<triple>/debug/pipeline`),
    /// else `schemas` in the working directory.
    public static func locateSchemas(explicit: String?, executable: URL? = Resources.executableURL,
                                     environment: [String: String] = ProcessInfo.processInfo.environment,
                                     workingDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        throws(ResourceError) -> URL
    {
        if let explicit {
            let url = URL(fileURLWithPath: explicit, relativeTo: workingDirectory).standardizedFileURL
            guard isSchemasFolder(url) else { throw ResourceError.notSchemasFolder(url) }
            return url
        }
        if let fromEnvironment = environment[environmentVariable], !fromEnvironment.isEmpty {
            let url = URL(fileURLWithPath: fromEnvironment, relativeTo: workingDirectory).standardizedFileURL
            guard isSchemasFolder(url) else { throw ResourceError.notSchemasFolder(url) }
            return url
        }
        var candidates: [URL] = []
        if var folder = executable?.resolvingSymlinksInPath().deletingLastPathComponent() {
            for _ in 0..<6 {
                candidates.append(folder.appendingPathComponent("schemas"))
                candidates.append(folder.appendingPathComponent("share/rtp-kpi-intake/schemas"))
                folder = folder.deletingLastPathComponent()
            }
        }
        candidates.append(workingDirectory.appendingPathComponent("schemas"))
        guard let found = candidates.first(where: isSchemasFolder) else {
            throw ResourceError.schemasNotFound(searched: candidates)
        }
        return found.standardizedFileURL
    }

    /// This process's executable, from `/proc/self/exe` on Linux.
    public static var executableURL: URL? {
        Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
    }

    static func isSchemasFolder(_ url: URL) -> Bool {
        FileManager.default.fileExists(atPath: url.appendingPathComponent("report.xsd").path)
    }
}

/// A data file the checker needs is missing or broken: the program cannot run (exit 2).
public enum ResourceError: Error, CustomStringConvertible {
    case schemasNotFound(searched: [URL])
    case notSchemasFolder(URL)
    case cannotLoad(URL, String)

    public var description: String {
        switch self {
        case .schemasNotFound(let searched):
            return "ไม่พบโฟลเดอร์ schemas / cannot find the schemas folder (looked in: "
                + searched.map(\.path).joined(separator: ", ")
                + "); give it with --schemas DIR or $\(Resources.environmentVariable)"
        case .notSchemasFolder(let url):
            return "\(url.path) ไม่ใช่โฟลเดอร์ schemas / is not a schemas folder: it has no report.xsd"
        case .cannotLoad(let url, let detail):
            return "โหลด \(url.path) ไม่ได้ / cannot load \(url.path): \(detail)"
        }
    }
}
