import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file-system operation that failed, with the path and the system's reason.
public struct FileSystemError: Error, CustomStringConvertible, Sendable {
    /// What was being done (`rename`, `open`, `fsync` …).
    public let operation: String
    public let path: String
    /// `errno` at the failure.
    public let code: Int32

    public var description: String {
        "ทำงานกับไฟล์ไม่สำเร็จ / \(operation) \(path): \(String(cString: strerror(code)))"
    }
}

/// What kind of directory entry a path names, read with `lstat` (never following a link).
public enum EntryKind: Sendable, Equatable {
    case regular
    case symlink
    case fifo
    case directory
    case socket
    case device
    case other

    /// The kind as a notice names it: `symbolic link`, `FIFO (named pipe)` …
    public var label: String {
        switch self {
        case .regular: return "regular file"
        case .symlink: return "symbolic link"
        case .fifo: return "FIFO (named pipe)"
        case .directory: return "directory"
        case .socket: return "socket"
        case .device: return "device"
        case .other: return "special file"
        }
    }
}

/// The identity and shape of an entry at one moment; the quiet period compares these.
struct EntrySnapshot: Equatable {
    var kind: EntryKind
    var size: Int64
    var modifiedNanoseconds: Int64
    var inode: UInt64
}

/// Thin, checked wrappers over the POSIX calls the inbox relies on. Everything that moves a
/// file goes through `rename(2)` so that a file is always in exactly one place.
enum FileSystem {
    /// `lstat` the path; `nil` when it does not exist.
    static func snapshot(_ path: String) throws -> EntrySnapshot? {
        var info = stat()
        if lstat(path, &info) != 0 {
            if errno == ENOENT { return nil }
            throw FileSystemError(operation: "lstat", path: path, code: errno)
        }
        return EntrySnapshot(
            kind: kind(of: info.st_mode),
            size: Int64(info.st_size),
            modifiedNanoseconds: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec),
            inode: UInt64(info.st_ino))
    }

    static func kind(of mode: mode_t) -> EntryKind {
        switch mode & S_IFMT {
        case S_IFREG: return .regular
        case S_IFLNK: return .symlink
        case S_IFIFO: return .fifo
        case S_IFDIR: return .directory
        case S_IFSOCK: return .socket
        case S_IFCHR, S_IFBLK: return .device
        default: return .other
        }
    }

    /// The number of names (hard links) of the entry, read with `lstat`; nil when it is gone.
    static func linkCount(_ path: String) -> Int? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return Int(info.st_nlink)
    }

    static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    /// Creates the directory and its parents when missing.
    static func makeDirectory(_ path: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw FileSystemError(operation: "mkdir", path: path, code: EIO)
        }
    }

    /// The names in a directory, sorted, without `.` and `..`. Links are not followed.
    static func list(_ directory: String) throws -> [String] {
        guard let dir = opendir(directory) else {
            throw FileSystemError(operation: "opendir", path: directory, code: errno)
        }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = String(decoding: directoryEntryName(entry), as: UTF8.self)
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    /// `rename(2)`: atomic within one file system; fails with `EXDEV` across file systems.
    static func rename(_ from: String, to: String) throws {
        if Glibc.rename(from, to) != 0 {
            throw FileSystemError(operation: "rename → \(to)", path: from, code: errno)
        }
    }

    typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

    /// glibc's `renameat2`, which the Swift Glibc module does not expose; looked up once.
    static let renameat2: RenameAt2? = {
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: RenameAt2.self)
    }()

    /// `rename` that fails with `EEXIST` instead of replacing an existing destination
    /// (`RENAME_NOREPLACE`): a stored original is never overwritten. Where the kernel or the
    /// file system lacks it, an existence check comes first (one writer holds the state lock).
    static func renameWithoutReplacing(_ from: String, to: String) throws {
        if let renameat2 {
            if renameat2(AT_FDCWD, from, AT_FDCWD, to, 1 /* RENAME_NOREPLACE */) == 0 { return }
            let failure = errno
            if failure != EINVAL && failure != ENOSYS {
                throw FileSystemError(operation: "rename → \(to)", path: from, code: failure)
            }
        }
        if exists(to) { throw FileSystemError(operation: "rename → \(to)", path: from, code: EEXIST) }
        try rename(from, to: to)
    }

    static func unlink(_ path: String) throws {
        if Glibc.unlink(path) != 0 && errno != ENOENT {
            throw FileSystemError(operation: "unlink", path: path, code: errno)
        }
    }

    /// Flushes a directory's entries (a rename into or out of it) to the disk.
    static func syncDirectory(_ path: String) throws {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd < 0 { throw FileSystemError(operation: "open directory", path: path, code: errno) }
        defer { close(fd) }
        if fsync(fd) != 0 { throw FileSystemError(operation: "fsync", path: path, code: errno) }
    }

    /// Reads a regular file without following a symlink and without blocking on a FIFO that
    /// took its place since the `lstat`. Every byte goes through `consume` (the hash); only
    /// the first `limit` bytes are kept. Returns the kept bytes and the whole size. A file
    /// whose size is already `limit` or more is not read at all (a 2 GB file, sparse or not,
    /// costs one `fstat`, not a pass over 2 GB): the result is no bytes and its size.
    static func readRegularFile(_ path: String, keepingAtMost limit: Int,
                                consume: (UnsafeRawBufferPointer) -> Void) throws -> (data: Data, size: Int64) {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        if fd < 0 { throw FileSystemError(operation: "open", path: path, code: errno) }
        defer { close(fd) }
        var info = stat()
        if fstat(fd, &info) != 0 { throw FileSystemError(operation: "fstat", path: path, code: errno) }
        guard kind(of: info.st_mode) == .regular else {
            throw FileSystemError(operation: "open (not a regular file)", path: path, code: EINVAL)
        }
        if Int64(info.st_size) >= Int64(limit) { return (Data(), Int64(info.st_size)) }
        var data = Data()
        var total: Int64 = 0
        let chunk = 1 << 16
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunk, alignment: 1)
        defer { buffer.deallocate() }
        while true {
            let count = read(fd, buffer.baseAddress, chunk)
            if count < 0 {
                if errno == EINTR { continue }
                throw FileSystemError(operation: "read", path: path, code: errno)
            }
            if count == 0 { break }
            let slice = UnsafeRawBufferPointer(rebasing: buffer[0..<count])
            consume(slice)
            if data.count < limit {
                data.append(contentsOf: slice.prefix(limit - data.count))
            }
            total += Int64(count)
        }
        return (data, total)
    }

    /// Writes a file durably and atomically: a temporary beside it, `fsync`, `rename`, then
    /// the directory is synced. A crash leaves the old file or the new one, never half.
    /// With `syncDirectory: false` the directory is left for the caller to sync once for
    /// several files (the file itself is still synced before the rename).
    static func writeAtomically(_ data: Data, to path: String, syncDirectory syncsDirectory: Bool = true) throws {
        let temporary = path + ".writing"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o644)
        if fd < 0 { throw FileSystemError(operation: "create", path: temporary, code: errno) }
        do {
            try writeAll(fd, data, path: temporary)
            if fsync(fd) != 0 { throw FileSystemError(operation: "fsync", path: temporary, code: errno) }
            close(fd)
        } catch {
            // A full disk: leave no half-written `.writing` file behind for a clerk to find.
            close(fd)
            Glibc.unlink(temporary)
            throw error
        }
        try rename(temporary, to: path)
        if syncsDirectory { try syncDirectory((path as NSString).deletingLastPathComponent) }
    }

    /// Appends bytes to a file and `fsync`s it.
    static func append(_ data: Data, to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_NOFOLLOW | O_CLOEXEC, 0o644)
        if fd < 0 { throw FileSystemError(operation: "open for append", path: path, code: errno) }
        defer { close(fd) }
        let before = lseek(fd, 0, SEEK_END)
        do {
            try writeAll(fd, data, path: path)
        } catch {
            // A full disk cut the line short: take the half line back, so that the next
            // append does not run on from it (recovery would rebuild it, but later).
            if before >= 0 { _ = ftruncate(fd, before) }
            throw error
        }
        if fsync(fd) != 0 { throw FileSystemError(operation: "fsync", path: path, code: errno) }
    }

    static func writeAll(_ fd: Int32, _ data: Data, path: String) throws {
        try data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            guard let base = bytes.baseAddress else { return }
            var offset = 0
            while offset < bytes.count {
                let written = write(fd, base + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw FileSystemError(operation: "write", path: path, code: errno)
                }
                offset += written
            }
        }
    }

    /// Moves an entry to another file system, for when `rename` says `EXDEV`: a regular file
    /// is copied to `destination + ".partial"`, synced, renamed into place, and only then
    /// is the source unlinked; a symlink or FIFO is recreated (never read or followed).
    /// A crash leaves either a `.partial` that recovery deletes, or the file in both places,
    /// which the ledger then sees as a byte-identical duplicate — never no copy at all.
    static func moveAcrossFileSystems(_ source: String, to destination: String) throws {
        guard let entry = try snapshot(source) else {
            throw FileSystemError(operation: "move", path: source, code: ENOENT)
        }
        let partial = destination + ".partial"
        if exists(destination) { throw FileSystemError(operation: "move → \(destination)", path: source, code: EEXIST) }
        switch entry.kind {
        case .regular:
            let input = open(source, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
            if input < 0 { throw FileSystemError(operation: "open", path: source, code: errno) }
            defer { close(input) }
            let output = open(partial, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o644)
            if output < 0 { throw FileSystemError(operation: "create", path: partial, code: errno) }
            defer { close(output) }
            var buffer = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let count = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
                if count < 0 {
                    if errno == EINTR { continue }
                    throw FileSystemError(operation: "read", path: source, code: errno)
                }
                if count == 0 { break }
                try writeAll(output, Data(buffer[0..<count]), path: partial)
            }
            if fsync(output) != 0 { throw FileSystemError(operation: "fsync", path: partial, code: errno) }
        case .symlink:
            var target = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let length = readlink(source, &target, target.count - 1)
            if length < 0 { throw FileSystemError(operation: "readlink", path: source, code: errno) }
            let destinationText = String(decoding: target[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if symlink(destinationText, partial) != 0 {
                throw FileSystemError(operation: "symlink", path: partial, code: errno)
            }
        case .fifo:
            if mkfifo(partial, 0o600) != 0 { throw FileSystemError(operation: "mkfifo", path: partial, code: errno) }
        default:
            throw FileSystemError(operation: "move across file systems (\(entry.kind.label))", path: source, code: EXDEV)
        }
        try rename(partial, to: destination)
        try syncDirectory((destination as NSString).deletingLastPathComponent)
        try unlink(source)
    }

    /// `rename` without replacing, or the careful copy when the two paths are on different
    /// file systems.
    static func move(_ source: String, to destination: String) throws {
        do {
            try renameWithoutReplacing(source, to: destination)
        } catch let error as FileSystemError where error.code == EXDEV {
            try moveAcrossFileSystems(source, to: destination)
        }
    }
}
