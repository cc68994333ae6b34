import Dispatch
import Foundation
import Logging
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Set by SIGINT or SIGTERM: the files already claimed are finished, then the command exits.
/// A second signal exits at once (the inbox is crash-safe, so nothing is lost either way).
public final class StopSignal: Sendable {
    private final class Flag: Sendable {
        let raised = Atomic<Bool>(false)
    }

    private let flag: Flag
    /// Kept alive so that the handlers stay installed; never touched after `init`.
    nonisolated(unsafe) private let sources: [any DispatchSourceSignal]

    private init(flag: Flag, sources: [any DispatchSourceSignal]) {
        self.flag = flag
        self.sources = sources
    }

    /// Installs the handlers (the default actions are turned off).
    public static func install(_ signals: [Int32] = [SIGINT, SIGTERM],
                               logger: Logger = Logger(label: "pipeline")) -> StopSignal {
        let flag = Flag()
        var sources: [any DispatchSourceSignal] = []
        for number in signals {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                if flag.raised.exchange(true, ordering: .sequentiallyConsistent) {
                    logger.notice("second signal: exiting now")
                    exit(128 + number)
                }
                logger.notice("signal \(number): finishing the files already claimed, then stopping")
            }
            source.resume()
            sources.append(source)
        }
        return StopSignal(flag: flag, sources: sources)
    }

    public var isRaised: Bool { flag.raised.load(ordering: .sequentiallyConsistent) }
}
