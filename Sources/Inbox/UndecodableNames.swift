import Foundation
import Logging
#if canImport(Glibc)
import Glibc
#endif

/// Inbox entries whose names are not valid UTF-8 (a Windows-874 name copied from an old
/// Thai Windows machine, say). Swift strings cannot hold such a name, so `readdir` would
/// hand back a repaired name that does not exist and the file would wait in the inbox
/// forever. Before the inbox is listed, each such entry is renamed in place, atomically
/// and without replacing anything, to its name with every non-ASCII byte written as `%XX`
/// (`\xA1\xA2.txt` → `%A1%A2.txt`); it is then taken like any other file.
enum UndecodableNames {
    /// Renames every entry of `directory` whose name is not valid UTF-8; returns the new
    /// names. An entry that cannot be renamed is logged and left (it is retried next time).
    @discardableResult
    static func renameAll(in directory: String, logger: Logger) -> [String] {
        guard let dir = opendir(directory) else { return [] }
        var undecodable: [[UInt8]] = []
        while let entry = readdir(dir) {
            let bytes = directoryEntryName(entry)
            if String(validating: bytes, as: UTF8.self) == nil { undecodable.append(bytes) }
        }
        closedir(dir)
        var renamed: [String] = []
        for bytes in undecodable {
            let escaped = NameLength.fitting(escapedName(bytes), withinBytes: NameLength.nameMax - 4)
            let ext = (escaped as NSString).pathExtension
            let stem = ext.isEmpty ? escaped : String(escaped.dropLast(ext.count + 1))
            var done = false
            for counter in 1...100 where !done {
                let candidate = counter == 1 ? escaped : (ext.isEmpty ? "\(stem)-\(counter)" : "\(stem)-\(counter).\(ext)")
                let code = rename(rawName: bytes, in: directory, to: candidate)
                if code == EEXIST { continue }
                done = true
                if code == 0 {
                    logger.notice("renamed an inbox entry whose name is not UTF-8", metadata: ["new_name": "\(candidate)"])
                    renamed.append(candidate)
                } else {
                    logger.error("could not rename an inbox entry whose name is not UTF-8: \(String(cString: strerror(code)))",
                                 metadata: ["new_name": "\(candidate)"])
                }
            }
        }
        if !renamed.isEmpty {
            // The new names are synced, so that a power cut cannot bring the old one back
            // (harmless, it would be renamed again, but a clerk might see it change twice).
            try? FileSystem.syncDirectory(directory)
        }
        return renamed
    }

    /// `rename(2)` from a name given as bytes, never replacing the destination; 0 or errno.
    private static func rename(rawName: [UInt8], in directory: String, to newName: String) -> Int32 {
        let source = Array(directory.utf8) + [UInt8(ascii: "/")] + rawName + [0]
        let destination = directory + "/" + newName
        return source.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { pointer -> Int32 in
                guard let from = pointer.baseAddress else { return EINVAL }
                return destination.withCString { FileSystem.renameWithoutReplacingCode(from, $0) }
            }
        }
    }

    /// The name with every byte that is not ASCII, and `%` itself, written as `%XX`: the
    /// original bytes can be read back from it (`%C3%D2%C2%A7%D2%B9.txt` is รายงาน.txt in
    /// Windows-874). Partly valid UTF-8 is escaped too: read as UTF-8, a Windows-874 name
    /// would turn into unrelated letters.
    static func escapedName(_ bytes: [UInt8]) -> String {
        var out = ""
        for byte in bytes {
            if byte < 0x80 && byte != UInt8(ascii: "%") {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out += String(format: "%%%02X", byte)
            }
        }
        return out
    }
}
