import Foundation

/// The system's iconv as an encoder independent of the code under test: test data in a
/// legacy encoding (Windows-874, UTF-16 …) made the way other programs make it.
public enum SystemIconv {
    public struct Failed: Error, CustomStringConvertible {
        public let encoding: String
        public let status: Int32
        public var description: String { "iconv to \(encoding) exited with \(status)" }
    }

    /// `text` in `encoding` (iconv's name for it: `CP874`, `UTF-16LE` …).
    public static func encode(_ text: String, to encoding: String) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
        process.arguments = ["-f", "UTF-8", "-t", encoding]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(text.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw Failed(encoding: encoding, status: process.terminationStatus) }
        return data
    }
}
