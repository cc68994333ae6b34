import Foundation
import TestSupport

/// Runs the real `pipeline` binary, as a user would, and captures what it printed.
struct PipelineProcess {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The package root, for the bundled samples and schemas.
    static let packageRoot = RepositoryPaths.root

    /// The binary built beside this test bundle (the test target depends on it).
    static let binary = RepositoryPaths.pipelineBinary

    /// Runs `pipeline ARGUMENTS…` in `directory` with no standard input and waits for it.
    /// `environment` is added to this process's environment, or, with `inheritEnvironment`
    /// false, is the whole environment; `executable` is another copy of the binary.
    static func run(_ arguments: [String], in directory: URL? = nil,
                    environment: [String: String] = [:], inheritEnvironment: Bool = true,
                    executable: URL = binary) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        var env = inheritEnvironment ? ProcessInfo.processInfo.environment : [:]
        env.merge(environment) { _, new in new }
        process.environment = env
        // stderr goes to a file and stdout to a pipe read to the end, so neither can fill
        // up and stall the child.
        let errFile = FileManager.default.temporaryDirectory
            .appendingPathComponent("pipeline-stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: errFile.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errFile) }
        let errHandle = try FileHandle(forWritingTo: errFile)
        defer { try? errHandle.close() }
        let out = Pipe()
        process.standardOutput = out
        process.standardError = errHandle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let errData = try Data(contentsOf: errFile)
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }
}

/// A temporary folder that removes itself (TestSupport's), by the name these tests use.
typealias TemporaryFolder = TestSupport.TemporaryFolder
