import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The folders and files the inbox keeps under `--state DIR`:
///
/// ```
/// DIR/work/          files claimed from the inbox, while they are processed
/// DIR/accepted/      accepted originals, byte for byte
/// DIR/rejected/      rejected originals, each with NAME.notice.txt beside it
/// DIR/ledger.sqlite  the ledger (GRDB, WAL, synchronous=FULL)
/// DIR/records.jsonl  one line per accepted record, in the order accepted
/// DIR/state.lock     held by the one process that works on this state
/// ```
public struct StateDirectory: Sendable {
    public let root: String

    public init(_ root: String) {
        self.root = (root as NSString).standardizingPath
    }

    /// The default when `--state` is not given: a `state` folder beside the inbox, so that
    /// claiming a file is a `rename` on one file system.
    public static func beside(inbox: String) -> StateDirectory {
        let absolute = URL(fileURLWithPath: inbox).standardizedFileURL.path
        return StateDirectory(((absolute as NSString).deletingLastPathComponent as NSString).appendingPathComponent("state"))
    }

    public var work: String { path("work") }
    public var accepted: String { path("accepted") }
    public var rejected: String { path("rejected") }
    public var ledger: String { path("ledger.sqlite") }
    public var records: String { path("records.jsonl") }
    public var lock: String { path("state.lock") }

    /// The folder an outcome's files go to.
    public func folder(_ folder: StoredFolder) -> String {
        folder == .accepted ? accepted : rejected
    }

    func path(_ name: String) -> String { (root as NSString).appendingPathComponent(name) }

    /// Creates the folders that are missing, each one synced into its parent.
    public func create() throws {
        for directory in [root, work, accepted, rejected] {
            try FileSystem.makeDirectory(directory)
        }
    }
}

/// Where an original ends up: every input ends in exactly one of these.
public enum StoredFolder: String, Sendable, Codable {
    case accepted
    case rejected
}

/// An exclusive `flock` on a file, held for the life of the value's owner. Used twice: on
/// `INBOX/.pipeline.lock` (one processor per inbox) and on the state's `state.lock` (one
/// processor per state, because recovery takes what is in `work/`).
public final class ProcessLock: Sendable {
    public let path: String
    private let descriptor: Int32

    /// Another process holds the lock.
    public struct Held: Error, CustomStringConvertible, Sendable {
        public let path: String
        /// The pid the holder wrote into the lock file, when it could be read.
        public let holder: String?
        public var description: String {
            let who = holder.map { " (pid \($0))" } ?? ""
            return "อีกกระบวนการหนึ่ง\(who) กำลังทำงานกับโฟลเดอร์นี้อยู่ ให้หยุดกระบวนการนั้นก่อน หรือรอให้เสร็จ "
                + "/ another pipeline process\(who) is already working here; lock \(path) is held"
        }
    }

    /// Takes the lock or throws `Held` at once (never waits).
    public init(path: String) throws {
        let fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o644)
        if fd < 0 { throw FileSystemError(operation: "open lock", path: path, code: errno) }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let failure = errno
            var buffer = [UInt8](repeating: 0, count: 32)
            let count = pread(fd, &buffer, buffer.count, 0)
            close(fd)
            if failure == EWOULDBLOCK {
                let pid = count > 0 ? String(decoding: buffer[0..<count], as: UTF8.self)
                    .trimmingCharacters(in: .whitespacesAndNewlines) : nil
                throw Held(path: path, holder: pid?.isEmpty == false ? pid : nil)
            }
            throw FileSystemError(operation: "flock", path: path, code: failure)
        }
        _ = ftruncate(fd, 0)
        let pid = "\(getpid())\n"
        _ = pid.withCString { pwrite(fd, $0, strlen($0), 0) }
        self.path = path
        self.descriptor = fd
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
