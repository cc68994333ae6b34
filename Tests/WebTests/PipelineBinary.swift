import Foundation

/// The real `pipeline` binary, built beside this test bundle (the target depends on it).
enum PipelineBinary {
    static let url: URL = {
        let testBinary = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        var folder = testBinary.resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<3 {
            let candidate = folder.appendingPathComponent("pipeline")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return Repo.root.appendingPathComponent(".build/debug/pipeline")
    }()

    /// Runs `pipeline ARGUMENTS…` in `directory` and returns its standard output.
    static func output(_ arguments: [String], in directory: URL) throws -> String {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
