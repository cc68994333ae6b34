import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Puts a submission's bytes into the inbox as a sender who cares about power cuts would:
/// written aside under a hidden `.drop-….part` name (which the engine never takes), synced,
/// renamed in under its final name without replacing anything, and the inbox synced. A
/// processor sees either nothing or the whole file, and an earlier file of the same name is
/// never overwritten (the new one gets `NAME-2.txt`, `NAME-3.txt` …). For the web form's
/// uploads; see docs/reliability.md, "Submissions from the web".
public enum InboxDrop {
    /// Writes `data` into `inbox` under the cleaned `named`; returns the name it was given.
    /// Throws a `FileSystemError` (no space, no such folder …); then nothing of it is left in
    /// the inbox.
    public static func deliver(_ data: Data, named: String, into inbox: String) throws -> String {
        guard let entry = try FileSystem.snapshot(inbox), entry.kind == .directory else {
            throw FileSystemError(operation: "deliver into (not a directory)", path: inbox, code: ENOTDIR)
        }
        let temporary = try writeAside(data, in: inbox)
        let name = cleanName(named)
        let ext = (name as NSString).pathExtension
        let stem = ext.isEmpty ? name : String(name.dropLast(ext.count + 1))
        for counter in 1...maxAttempts {
            let candidate = counter == 1 ? name : (ext.isEmpty ? "\(stem)-\(counter)" : "\(stem)-\(counter).\(ext)")
            let code = FileSystem.renameWithoutReplacingCode(temporary, (inbox as NSString).appendingPathComponent(candidate))
            if code == EEXIST { continue }
            if code != 0 {
                Glibc.unlink(temporary)
                throw FileSystemError(operation: "rename into the inbox", path: temporary, code: code)
            }
            try FileSystem.syncDirectory(inbox)
            return candidate
        }
        Glibc.unlink(temporary)
        throw FileSystemError(operation: "find a free name in the inbox for \(name)", path: inbox, code: EEXIST)
    }

    /// How many names (`NAME`, `NAME-2` … ) are tried before giving up.
    static let maxAttempts = 10_000

    /// Bytes kept free in a cleaned name for the `-NNNNN` of a clash.
    static let clashReserve = 6

    /// A name the inbox will take as it is: the last part of a path a browser may send
    /// (`C:\Users\…\form.txt` → `form.txt`), without control characters, without leading
    /// dots or `~` (the engine leaves hidden and temporary names alone), never `.` or `..`,
    /// never ending `.part` or `.tmp` (`.txt` is added), at most 255 bytes with room for a
    /// clash suffix (shortened at a whole character, keeping the extension, as the engine
    /// shortens names: `NameLength.fitting`). An empty result becomes `submission`.
    public static func cleanName(_ name: String) -> String {
        let lastPart = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        var cleaned = String(String.UnicodeScalarView(lastPart.unicodeScalars.filter {
            !CharacterSet.controlCharacters.contains($0) && $0 != "\u{FEFF}"
        }))
        cleaned = cleaned.trimmingCharacters(in: .whitespaces)
        while let first = cleaned.first, first == "." || first == "~" || first.isWhitespace {
            cleaned.removeFirst()
        }
        if cleaned.isEmpty { cleaned = "submission" }
        if cleaned.hasSuffix(".part") || cleaned.hasSuffix(".tmp") { cleaned += ".txt" }
        cleaned = NameLength.fitting(cleaned, withinBytes: NameLength.nameMax - clashReserve)
        // Shortening could in theory end a name on `.tmp` again: such a name is not kept.
        return InboxProcessor.isIgnored(cleaned) || cleaned.isEmpty ? "submission" : cleaned
    }

    /// Writes and syncs `.drop-RANDOM.part` in `inbox`; returns its path.
    private static func writeAside(_ data: Data, in inbox: String) throws -> String {
        for _ in 0..<16 {
            let random = (0..<8).map { _ in String(format: "%02x", UInt8.random(in: 0...255)) }.joined()
            let path = (inbox as NSString).appendingPathComponent(".drop-\(random).part")
            let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
            if fd < 0 {
                if errno == EEXIST { continue }
                throw FileSystemError(operation: "create", path: path, code: errno)
            }
            do {
                try FileSystem.writeAll(fd, data, path: path)
                if fsync(fd) != 0 { throw FileSystemError(operation: "fsync", path: path, code: errno) }
                close(fd)
            } catch {
                close(fd)
                Glibc.unlink(path)
                throw error
            }
            return path
        }
        throw FileSystemError(operation: "create a temporary", path: inbox, code: EEXIST)
    }
}
