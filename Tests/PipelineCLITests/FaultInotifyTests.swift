import Foundation
import Glibc
import Inbox
import Testing

/// More events than the kernel's inotify queue holds while the watcher is stopped.
@Suite("faults: an inotify queue overflow", .serialized)
struct FaultInotifyTests {
    /// The kernel's per-instance queue length (`fs.inotify.max_queued_events`, 16384 by
    /// default; it is system-wide, so the test never changes it).
    static let queueLength = (try? String(contentsOfFile: "/proc/sys/fs/inotify/max_queued_events", encoding: .utf8))
        .flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) } ?? 16384

    @Test("SIGSTOP the watcher, overflow its queue, drop forms after the overflow, SIGCONT: every form is taken by the rescan",
          .enabled(if: queueLength <= 200_000, "the queue is too long to overflow quickly here"))
    func overflowWhileStopped() async throws {
        let box = try InboxFolder()
        // No periodic rescan during the test: only the overflow can make the watcher see
        // the forms dropped after the queue was full.
        let watcher = try RunningPipeline(["watch", box.inbox, "--state", box.state, "--quiet-period", "0.2",
                                           "--rescan-interval", "3600"] + schemaArguments)
        #expect(await waitUntil(30) { watcher.stderr.contains("watching") })
        watcher.signal(SIGSTOP)

        // Each ignored `.tmp` file queues two events (IN_CREATE, IN_CLOSE_WRITE): enough of
        // them overflow the queue without adding thousands of forms to process.
        let filler = Self.queueLength / 2 + 100
        let inbox = box.inbox
        let created = try await offPool { () -> Int in
            var created = 0
            for index in 0..<filler {
                let fd = open(inbox + "/ignored-\(index).tmp", O_WRONLY | O_CREAT | O_CLOEXEC, 0o644)
                if fd >= 0 { created += 1; close(fd) }
            }
            return created
        }
        #expect(created == filler)
        var sent: [String: Int] = [:]
        for index in 0..<30 {
            let text = faultForm(index)
            try box.drop(String(format: "late%02d.txt", index), text)
            sent[sha256Hex(Data(text.utf8)), default: 0] += 1
        }
        watcher.signal(SIGCONT)

        let audit = StateAudit(box)
        #expect(await waitUntil(120, every: .milliseconds(200)) {
            StateAudit.entries(box.state + "/accepted").count + StateAudit.entries(box.state + "/rejected")
                .filter { !$0.hasSuffix(".notice.txt") }.count == 30
        }, "all 30 forms taken after SIGCONT: \(watcher.stderr.suffix(2000))")
        #expect(watcher.stderr.contains("inotify queue overflowed"), "the overflow was seen and answered with a rescan")
        #expect(watcher.process.isRunning)
        watcher.signal(SIGTERM)
        #expect(await watcher.waitForExit(60))
        #expect(watcher.process.terminationStatus == 0)
        try audit.expectSettled(sent: sent, "after the overflow")
        #expect(StateAudit.entries(box.inbox).filter { $0.hasSuffix(".tmp") }.count == filler, "ignored names are left alone")
    }
}
