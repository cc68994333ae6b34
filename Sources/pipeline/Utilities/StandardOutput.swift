import Foundation

/// Messages for the operator go to stderr, never mixed into results on stdout.
enum StandardError {
    static func print(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}

/// stdout as a `TextOutputStream`, so printers can be handed any stream. Buffered: written
/// in blocks of 64 KiB and by `flush()` (one `write(2)` per `print` was a system call per
/// verdict and another per newline); the bytes are the same.
struct StandardOutput: TextOutputStream {
    private var buffer: [UInt8] = []
    private static let blockSize = 1 << 16

    mutating func write(_ string: String) {
        buffer.append(contentsOf: string.utf8)
        if buffer.count >= StandardOutput.blockSize { flush() }
    }

    /// Writes out what is buffered.
    mutating func flush() {
        guard !buffer.isEmpty else { return }
        FileHandle.standardOutput.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }
}
