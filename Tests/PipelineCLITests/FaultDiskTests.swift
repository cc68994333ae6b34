import Foundation
import Glibc
import Inbox
import Testing

/// A full disk: writes fail (`EFBIG` under a file-size limit, `ENOSPC` on a full tmpfs).
/// A form must then stay in the inbox or in `work/`, no notice may be written for it, and
/// processing must resume once there is space again.
@Suite("faults: a full disk", .serialized)
struct FaultDiskTests {
    /// Drops one form that will be accepted and one that will be rejected; adds them to `sent`.
    static func dropPair(_ box: FaultPaths, _ tag: String, _ index: Int, into sent: inout [String: Int]) throws -> [String] {
        var names: [String] = []
        for (offset, form) in [faultForm(index * 3 + 1), faultForm(index * 3)].enumerated() {
            let name = "\(tag)-\(offset == 0 ? "ok" : "bad").txt"
            try box.drop(name, form)
            sent[sha256Hex(Data(form.utf8)), default: 0] += 1
            names.append(name)
        }
        return names
    }

    /// Where a form is now: "inbox", "work", "accepted", "rejected" (or "lost").
    static func place(of name: String, _ box: FaultPaths) -> String {
        if FileManager.default.fileExists(atPath: box.inbox + "/" + name) { return "inbox" }
        if StateAudit.entries(box.state + "/work").contains(where: { $0.hasSuffix("--" + name) }) { return "work" }
        for folder in ["accepted", "rejected"] where FileManager.default.fileExists(atPath: "\(box.state)/\(folder)/\(name)") {
            return folder
        }
        return "lost"
    }

    /// Two accepted forms, each carrying 40 KB of evidence: a commit of either writes more
    /// WAL frames than `commitFails` leaves room for.
    static func dropLargePair(_ box: FaultPaths, _ tag: String, _ index: Int, into sent: inout [String: Int]) throws -> [String] {
        var names: [String] = []
        for offset in 1...2 {
            let form = faultForm(index * 3 + offset).replacingOccurrences(
                of: "อบต.สุเทพ", with: "อบต.สุเทพ " + String(repeating: "ก", count: 13_000))
            let name = "\(tag)-large\(offset).txt"
            try box.drop(name, form)
            sent[sha256Hex(Data(form.utf8)), default: 0] += 1
            names.append(name)
        }
        return names
    }

    /// A limit under which SQLite can open the ledger (its 32 KB `-shm`) but not commit a
    /// large record: the WAL has room for 9 frames of 4 KB, the record needs more. (A small
    /// commit fits: the ledger's own set-up writes nothing to the WAL.)
    static let commitFails = 40_000

    /// The limits: 1 byte (the ledger cannot even be opened), 40 KB (the ledger commit
    /// fails), and 150 KB with a `records.jsonl` already larger (the commit succeeds, the
    /// record line cannot be appended).
    @Test("write failures (a file-size limit, EFBIG): forms stay, no notice, resumed by the next run with space",
          .disabled(if: underThreadSanitizer, "ThreadSanitizer's runtime cannot start under RLIMIT_FSIZE (BUS error)"),
          arguments: [1, commitFails, 150_000])
    func fileSizeLimit(_ limit: Int) async throws {
        let folder = try InboxFolder()
        let box = FaultPaths(folder)
        var sent: [String: Int] = [:]
        _ = try Self.dropPair(box, "first", 0, into: &sent)
        #expect(try await box.run().status == 0)
        if limit > Self.commitFails {
            // Enough accepted forms, each with 2 KB of evidence in its record, for
            // records.jsonl to pass the limit.
            for index in 1...(limit / 800) where index % 3 != 0 {
                let text = faultForm(1000 + index).replacingOccurrences(
                    of: "อบต.สุเทพ", with: "อบต.สุเทพ " + String(repeating: "ก", count: 700))
                try box.drop("more\(index).txt", text)
                sent[sha256Hex(Data(text.utf8)), default: 0] += 1
            }
            #expect(try await box.run().status == 0)
            let size = (try? FileManager.default.attributesOfItem(atPath: box.state + "/records.jsonl")[.size] as? Int) ?? 0
            #expect(size > limit, "records.jsonl (\(size) bytes) is past the limit")
        }

        let stuck = limit == Self.commitFails
            ? try Self.dropLargePair(box, "full", 999, into: &sent)
            : try Self.dropPair(box, "full", 999, into: &sent)
        let limited = try await runWithFileSizeLimit(limit, ["run", box.inbox, "--state", box.state, "--batch-size", "1"] + schemaArguments)
        #expect(limited.status != SIGXFSZ, "SIGXFSZ is ignored, so writes fail with EFBIG instead of killing the process")
        let audit = StateAudit(box)
        audit.expectNothingLostOrDoubled(sent: sent, "under a \(limit)-byte file-size limit")
        try audit.expectNoticesOnlyForCommitted("under a \(limit)-byte file-size limit")
        let ledger = try Ledger(path: box.state + "/ledger.sqlite")
        let committed = Set(try ledger.submissions().map(\.fileName))
        for name in stuck {
            let place = Self.place(of: name, box)
            if !committed.contains(name) {
                #expect(place == "inbox" || place == "work", "\(name) not committed, so still waiting: \(place)")
                #expect(!FileManager.default.fileExists(atPath: box.state + "/rejected/\(name).notice.txt"))
            }
        }
        switch limit {
        case ..<4096:
            #expect(limited.status == 1 && limited.stderr.contains("disk I/O error"), "the ledger cannot be opened: \(limited.stderr)")
            #expect(stuck.allSatisfy { Self.place(of: $0, box) == "inbox" }, "not even claimed")
        case Self.commitFails:
            #expect(limited.stderr.contains("could not commit the batch"), "\(limited.stderr)")
            #expect(stuck.allSatisfy { !committed.contains($0) && Self.place(of: $0, box) == "work" }, "claimed, not committed")
        default:
            #expect(limited.stderr.contains("File too large") && limited.stderr.contains("records.jsonl"), "\(limited.stderr)")
            #expect(stuck.allSatisfy { committed.contains($0) })
            #expect(Self.place(of: stuck[0], box) == "work", "accepted, its record line not written: it waits in work/")
            #expect(Self.place(of: stuck[1], box) == "rejected", "rejected: its notice fits, it needs no record line")
            let lines = try String(contentsOfFile: box.state + "/records.jsonl", encoding: .utf8)
            #expect(lines.hasSuffix("\n"), "no half line left behind")
        }
        if limit <= Self.commitFails {
            #expect(stuck.allSatisfy { !committed.contains($0) }, "nothing can be committed under \(limit) bytes: \(limited.stderr)")
        }

        let resumed = try await box.run()
        #expect(resumed.status == 0, "\(resumed.stderr)")
        try audit.expectSettled(sent: sent, "after the limit is lifted")
        #expect(stuck.allSatisfy { ["accepted", "rejected"].contains(Self.place(of: $0, box)) })
    }

    @Test("a real full file system (tmpfs, root only): run at several amounts of free space, then with space back",
          .enabled(if: SmallFileSystem.available, "needs root and mount(8) for a small tmpfs"))
    func fullTmpfs() async throws {
        try await Self.onSmallFileSystem { mountPoint, box in
            let audit = StateAudit(box)
            var sent: [String: Int] = [:]
            _ = try Self.dropPair(box, "first", 0, into: &sent)
            #expect(try await box.run().status == 0)

            var stuckSomewhere = 0
            for (round, leave) in [0, 4096, 8192, 12288, 16384, 32768, 65536].enumerated() {
                let names = try Self.dropPair(box, "leave\(leave)", round + 1, into: &sent)
                let filler = SmallFileSystem.fill(mountPoint, leaving: leave)
                let full = try await box.run()
                #expect(full.status == 0 || full.status == 1, "exits, never crashes: \(full.stderr)")
                audit.expectNothingLostOrDoubled(sent: sent, "\(leave) bytes free")
                let places = names.map { Self.place(of: $0, box) }
                // The ledger cannot even be opened for reading on a full disk (its -shm file):
                // look at it once there is room, before the next run changes anything.
                try FileManager.default.removeItem(atPath: filler)
                try audit.expectNoticesOnlyForCommitted("\(leave) bytes free")
                let ledger = try Ledger(path: box.state + "/ledger.sqlite")
                let committed = Set(try ledger.submissions().map(\.fileName))
                for (name, place) in zip(names, places) where !committed.contains(name) {
                    stuckSomewhere += 1
                    #expect(["inbox", "work"].contains(place), "\(name) with \(leave) bytes free: \(full.stderr)")
                }
                let resumed = try await box.run()
                #expect(resumed.status == 0, "\(resumed.stderr)")
                try audit.expectSettled(sent: sent, "space back after \(leave) bytes free")
            }
            #expect(stuckSomewhere > 0, "the disk was full enough to stop at least one form")
        }
    }

    @Test("a running watcher on a full tmpfs keeps running and takes the waiting forms once space returns (root only)",
          .enabled(if: SmallFileSystem.available, "needs root and mount(8) for a small tmpfs"))
    func watcherResumesWhenSpaceReturns() async throws {
        try await Self.onSmallFileSystem { mountPoint, box in
            let inbox = box.inbox
            var sent: [String: Int] = [:]
            let watcher = try RunningPipeline(["watch", inbox, "--state", box.state, "--quiet-period", "0.2",
                                               "--rescan-interval", "1"] + schemaArguments)
            let first = try Self.dropPair(box, "first", 0, into: &sent)
            #expect(await waitUntil(30) { first.allSatisfy { ["accepted", "rejected"].contains(Self.place(of: $0, box)) } })

            watcher.signal(SIGSTOP)
            let stuck = try Self.dropPair(box, "full", 1, into: &sent)
            let filler = SmallFileSystem.fill(mountPoint, leaving: 0)
            // The assertion below is that the forms wait: it means something only once the
            // watcher has tried them against the full disk, which it logs as an error.
            let errorsBefore = watcher.stderr.components(separatedBy: " error ").count
            watcher.signal(SIGCONT)
            #expect(await waitUntil(30) { watcher.stderr.components(separatedBy: " error ").count > errorsBefore },
                    "the watcher tried the forms on the full disk: \(watcher.stderr.suffix(1500))")
            #expect(watcher.process.isRunning, "a full disk does not stop the watcher: \(watcher.stderr.suffix(1500))")
            for name in stuck {
                #expect(["inbox", "work"].contains(Self.place(of: name, box)), "\(name) waits while the disk is full")
            }
            StateAudit(box).expectNothingLostOrDoubled(sent: sent, "watching a full disk")
            #expect(!FileManager.default.fileExists(atPath: box.state + "/rejected/full-bad.txt.notice.txt"), "no notice while full")
            #expect(StateAudit.entries(box.state + "/rejected").filter { $0.hasSuffix(".writing") }.isEmpty)

            try FileManager.default.removeItem(atPath: filler)
            #expect(await waitUntil(30) { stuck.allSatisfy { ["accepted", "rejected"].contains(Self.place(of: $0, box)) } },
                    "taken by a rescan once there is space: \(watcher.stderr)")
            watcher.signal(SIGTERM)
            #expect(await watcher.waitForExit())
            #expect(watcher.process.terminationStatus == 0)
            try StateAudit(box).expectSettled(sent: sent, "after space returned")
        }
    }

    /// Runs `body` with an inbox and a state on a fresh 8 MB tmpfs (root only), unmounted after.
    static func onSmallFileSystem(_ body: (_ mountPoint: String, _ box: FaultPaths) async throws -> Void) async throws {
        let root = try TemporaryFolder()
        let mountPoint = root.url.path + "/fs"
        try FileManager.default.createDirectory(atPath: mountPoint, withIntermediateDirectories: true)
        #expect(try SmallFileSystem.mount(mountPoint, bytes: 8 << 20))
        defer { _ = try? SmallFileSystem.unmount(mountPoint) }
        let box = FaultPaths(inbox: mountPoint + "/inbox", state: mountPoint + "/state")
        try FileManager.default.createDirectory(atPath: box.inbox, withIntermediateDirectories: true)
        try await body(mountPoint, box)
    }
}
