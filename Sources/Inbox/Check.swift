import Crypto
import Dispatch
import Foundation
import Ingest
import Validate
#if canImport(Glibc)
import Glibc
#endif

/// One claimed file, read and checked: what the commit and the settling need.
struct Checked: Sendable {
    var claim: Claim
    var sha256: String?
    var size: Int64?
    var verdict: Verdict
}

extension InboxProcessor {
    /// Step 2 for a batch: every claimed file read, hashed and checked in parallel (the
    /// checker is shared read-only, each task fills its own slot). The results are in claim
    /// order, each beside its claim; `nil` for a file that is gone.
    func check(_ claims: [Claim]) -> [(claim: Claim, result: Result<Checked?, any Error>)] {
        let checker = self.checker, readLimit = self.readLimit
        // Read once a batch, so a roster imported while `watch` or `serve` runs counts from
        // the next batch on; a roster that cannot be read checks nothing (and says so).
        let roster: StationRoster
        do {
            roster = try ledger.roster()
        } catch {
            logger.error("could not read the roster: \(error); stations are not checked against it in this batch")
            roster = StationRoster([])
        }
        let slots = CheckSlots(count: claims.count)
        DispatchQueue.concurrentPerform(iterations: claims.count) { index in
            slots[index] = Result {
                try InboxProcessor.check(claims[index], checker: checker, roster: roster, readLimit: readLimit)
            }
        }
        return zip(claims, slots.results).map { (claim: $0, result: $1) }
    }

    /// A file in `work/` read (never following a link), hashed and checked. Touches neither
    /// the ledger nor the folders, so several run at once. `nil` when the entry is gone.
    static func check(_ claim: Claim, checker: any FormChecking, roster: StationRoster = StationRoster([]),
                      readLimit: Int) throws -> Checked? {
        let workPath = claim.workPath, fileName = claim.fileName
        guard let entry = try FileSystem.snapshot(workPath) else { return nil }
        var sha256: String?
        var size: Int64?
        var verdict: Verdict
        if entry.kind != .regular {
            verdict = Verdict(file: fileName, format: nil, encoding: nil,
                              findings: [Finding(.notRegularFile(kind: entry.kind.label))], record: nil)
        } else if let links = FileSystem.linkCount(workPath), links > 1 {
            // A hard link shares its bytes with a name outside the inbox: those bytes were
            // not sent, may be anyone's file, and would change the stored "original" when
            // written through the other name. Not read; filed under rejected/ like a symlink.
            verdict = Verdict(file: fileName, format: nil, encoding: nil,
                              findings: [Finding(.notRegularFile(kind: "hard link, \(links) names"))], record: nil)
        } else {
            var hasher = SHA256()
            do {
                let read = try FileSystem.readRegularFile(workPath, keepingAtMost: readLimit + 1) { hasher.update(bufferPointer: $0) }
                size = read.size
                if read.size > Int64(readLimit) {
                    // Not read whole (see readRegularFile), so not hashed either.
                    sha256 = nil
                    var refused = Verdict(file: fileName, format: nil, encoding: nil,
                                          findings: [Finding(.tooLarge(size: Int(read.size), limit: readLimit))], record: nil)
                    refused.contact = checker.contact(ofUnreadable: FileSystem.readPrefix(workPath, atMost: ContactReader.plainTextLimit))
                    verdict = refused
                } else {
                    sha256 = hexDigest(hasher.finalize())
                    verdict = roster.check(checker.check(read.data, file: fileName))
                }
            } catch let error as FileSystemError {
                sha256 = nil
                verdict = Verdict(file: fileName, format: nil, encoding: nil,
                                  findings: [Finding(.cannotRead(detail: String(cString: strerror(error.code))))], record: nil)
            }
        }
        return Checked(claim: claim, sha256: sha256, size: size, verdict: verdict)
    }

    /// Lower-case hex, two digits a byte.
    static func hexDigest<Digest: Sequence>(_ digest: Digest) -> String where Digest.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        for byte in digest {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}

/// One result slot per claimed file, filled by the parallel checks (each task writes only
/// its own index) and read after they have all finished.
private final class CheckSlots: @unchecked Sendable {
    private var slots: [Result<Checked?, any Error>?]
    private let lock = NSLock()

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    subscript(index: Int) -> Result<Checked?, any Error>? {
        get { lock.withLock { slots[index] } }
        set { lock.withLock { slots[index] = newValue } }
    }

    /// Every slot, in order; one never filled reads as a file that is gone.
    var results: [Result<Checked?, any Error>] {
        lock.withLock { slots.map { $0 ?? .success(nil) } }
    }
}
