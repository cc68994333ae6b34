import Foundation

/// Where the repository's data files are, found from this source file's own path, so that a
/// fuzz binary runs from any working directory.
public enum Repository {
    /// The repository root: Fuzz/Sources/FuzzSupport/Repository.swift → ../../../..
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()   // FuzzSupport
        .deletingLastPathComponent()   // Sources
        .deletingLastPathComponent()   // Fuzz
        .deletingLastPathComponent()   // root

    /// `schemas/`.
    public static var schemas: URL { root.appendingPathComponent("schemas", isDirectory: true) }
}

/// Stops the fuzzer with a message libFuzzer keeps beside the crashing input. Used for
/// property violations (not a crash of the code under test, but a wrong answer).
public func propertyFailed(_ message: @autoclosure () -> String, file: StaticString = #file, line: UInt = #line) -> Never {
    fatalError("property violated: \(message())", file: file, line: line)
}
