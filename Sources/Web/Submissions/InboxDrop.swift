import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Puts bytes into the inbox as one complete file, the way a careful station's copy would:
///
/// 1. write them to a hidden name in the inbox (`.NAME.upload`: the watcher ignores
///    dot-files), created exclusively, never following a link;
/// 2. `fsync` the file;
/// 3. `rename` it to `NAME` without replacing anything (`RENAME_NOREPLACE`): the watcher
///    sees the whole file appear at once (`IN_MOVED_TO`), or nothing;
/// 4. `fsync` the inbox folder, so the name survives a power cut.
///
/// On any failure the hidden file is removed and the error thrown: the inbox never holds a
/// half-written form under a name the watcher takes.
///
/// Written here until the inbox library offers the same protocol publicly; then this file
/// goes and `SubmissionDesk` calls that one.
enum InboxDrop {
    struct Failure: Error, CustomStringConvertible {
        let operation: String
        let code: Int32
        var description: String { "\(operation): \(String(cString: strerror(code)))" }
    }

    static func drop(_ bytes: [UInt8], named name: String, into inbox: String) throws(Failure) {
        let final = (inbox as NSString).appendingPathComponent(name)
        let hidden = (inbox as NSString).appendingPathComponent(".\(name).upload")
        let fd = open(hidden, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        if fd < 0 { throw Failure(operation: "create \(hidden)", code: errno) }
        var written = 0
        var failure: Failure?
        bytes.withUnsafeBytes { buffer in
            while written < buffer.count {
                let count = write(fd, buffer.baseAddress! + written, buffer.count - written)
                if count < 0 {
                    if errno == EINTR { continue }
                    failure = Failure(operation: "write \(hidden)", code: errno)
                    return
                }
                written += count
            }
        }
        if failure == nil && fsync(fd) != 0 { failure = Failure(operation: "fsync \(hidden)", code: errno) }
        if close(fd) != 0 && failure == nil { failure = Failure(operation: "close \(hidden)", code: errno) }
        if let failure {
            unlink(hidden)
            throw failure
        }
        do {
            try renameWithoutReplacing(hidden, to: final)
        } catch {
            unlink(hidden)
            throw error
        }
        let directory = open(inbox, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directory < 0 { throw Failure(operation: "open \(inbox)", code: errno) }
        defer { close(directory) }
        if fsync(directory) != 0 { throw Failure(operation: "fsync \(inbox)", code: errno) }
    }

    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

    /// glibc's `renameat2`, which the Swift Glibc module does not expose.
    private static let renameat2: RenameAt2? = {
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: RenameAt2.self)
    }()

    /// `rename` that fails with `EEXIST` rather than replace `to`. Without `renameat2` (an
    /// old kernel, a file system without it) an existence check comes first: the name starts
    /// with a fresh random receipt, so no other writer makes it in between.
    private static func renameWithoutReplacing(_ from: String, to: String) throws(Failure) {
        if let renameat2 {
            if renameat2(AT_FDCWD, from, AT_FDCWD, to, 1 /* RENAME_NOREPLACE */) == 0 { return }
            if errno != EINVAL && errno != ENOSYS { throw Failure(operation: "rename → \(to)", code: errno) }
        }
        if access(to, F_OK) == 0 { throw Failure(operation: "rename → \(to)", code: EEXIST) }
        if rename(from, to) != 0 { throw Failure(operation: "rename → \(to)", code: errno) }
    }
}
