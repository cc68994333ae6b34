import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A file claimed into `work/`: step 1 done. Its name there is `CLAIM--NAME`.
struct Claim: Sendable {
    /// Unique, sortable in claim order; the ledger's key for the file's commit.
    var claimID: String
    /// The name it had in the inbox.
    var fileName: String
    /// `work/CLAIM--NAME`.
    var workPath: String
}

extension InboxProcessor {
    /// Step 1: renames each entry into `work/` (asking `shouldStop()` before each), then
    /// syncs `work/` and the inbox once. Returns the claims, once durable. A name that is
    /// ignored, holds a `/` or is gone is skipped; a claim that fails, or a sync that fails,
    /// is logged and counted in `failed` (an unsynced claim is in `work/`: the next start
    /// recovers it).
    func claim(_ names: [String], shouldStop: () -> Bool, failed: inout Int) -> [Claim] {
        var claims: [Claim] = []
        for name in names {
            if shouldStop() { break }
            guard !InboxProcessor.isIgnored(name), !name.contains("/") else { continue }
            let source = (inbox as NSString).appendingPathComponent(name)
            let claimID = InboxProcessor.newClaimID()
            let claim = Claim(claimID: claimID, fileName: name, workPath: workPath(claimID: claimID, name: name))
            do {
                guard try FileSystem.snapshot(source) != nil else { continue }
                try FileSystem.move(source, to: claim.workPath)
                claims.append(claim)
            } catch let error as FileSystemError where error.code == ENOENT {
                // Someone else took or removed it between the listing and the rename.
                continue
            } catch {
                failed += 1
                logger.error("could not claim \(name): \(error)")
            }
        }
        guard !claims.isEmpty else { return [] }
        do {
            try FileSystem.syncDirectory(state.work)
            try FileSystem.syncDirectory(inbox)
        } catch {
            failed += claims.count
            logger.error("could not sync the claims of \(claims.count) files: \(error)")
            return []
        }
        claims.forEach { _ in CrashPoint.reach(.afterClaim) }
        return claims
    }

    /// `work/CLAIM--NAME`, the name shortened (keeping its extension) where the whole would
    /// not fit a file name's 255 bytes.
    func workPath(claimID: String, name: String) -> String {
        let room = NameLength.nameMax - claimID.utf8.count - 2 - NameLength.workNameReserve
        let workName = "\(claimID)--\(NameLength.fitting(name, withinBytes: room))"
        return (state.work as NSString).appendingPathComponent(workName)
    }

    /// Sortable in claim order (time, then a per-process sequence, so that the files of one
    /// batch, claimed within a millisecond, are recovered in the order they were claimed),
    /// unique by its random tail; never contains `--`.
    static func newClaimID() -> String {
        let millis = Int64(Date().timeIntervalSince1970 * 1000)
        let sequence = claimSequence.add(1, ordering: .relaxed).newValue % 100_000_000
        let padded = String(repeating: "0", count: 8 - String(sequence).count) + String(sequence)
        let random = (0..<4).map { _ in String(format: "%02x", UInt8.random(in: 0...255)) }.joined()
        return "\(millis)-\(padded)\(random)"
    }

    private static let claimSequence = Atomic<Int>(0)

    /// Splits `CLAIM--NAME` from `work/`.
    static func parseWorkName(_ workName: String) -> (claimID: String, fileName: String)? {
        guard let range = workName.range(of: "--") else { return nil }
        let claim = String(workName[..<range.lowerBound])
        let name = String(workName[range.upperBound...])
        guard !claim.isEmpty, !name.isEmpty else { return nil }
        return (claim, name)
    }
}
