import ArgumentParser
import Dispatch
import Foundation
import Inbox
import Logging
import Office
import Web

/// `pipeline serve INBOX`: the inbox watcher and the web server (pages and API) in one
/// process, until SIGINT or SIGTERM.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "เปิดหน้าเว็บตรวจและรับแบบรายงาน / Serve the check pages and the API, and watch the inbox.",
        discussion: "Prints the address it listens on (with --listen HOST:0, a free port). SIGINT/SIGTERM: stops taking requests, finishes the current file and requests, exits 0.")

    @OptionGroup var arguments: InboxArguments
    @OptionGroup var resources: ResourceOptions

    @Option(help: ArgumentHelp("The address to listen on; port 0 takes a free port.", valueName: "host:port"))
    var listen: String = "127.0.0.1:8080"

    @Option(help: "Submissions one client address may make per --submission-window seconds.")
    var submissionLimit: Int = 30

    @Option(help: "Seconds over which --submission-limit counts.")
    var submissionWindow: Int = 60

    @Option(help: ArgumentHelp(
        "Logins one client address may try per minute, whatever the names (an office behind one NAT address may need more).",
        valueName: "n"))
    var loginLimit: Int = WebSettings().loginsPerWindow

    @Option(help: "Checks (pages and /api/validate) handled at once; beyond it, 503 with Retry-After.")
    var checksInFlight: Int = 256

    @Option(name: .customLong("trusted-proxy"), help: ArgumentHelp(
        "A proxy's address whose X-Forwarded-For names the client (repeat for several).", valueName: "address"))
    var trustedProxies: [String] = []

    @Option(help: "Seconds a file written in place must stay unchanged before it is taken.")
    var quietPeriod: Double = 2

    @Option(help: "Seconds between full rescans of the inbox.")
    var rescanInterval: Double = 30

    @Option(name: .customLong("office-contact"), help: ArgumentHelp(
        "How stations reach the receiving office, printed on every notice from now on; kept in the state (\"\" clears it).",
        valueName: "text"))
    var officeContact: String?

    var hostAndPort: (host: String, port: Int)? {
        guard let colon = listen.lastIndex(of: ":"), let port = Int(listen[listen.index(after: colon)...]),
              (0...65535).contains(port) else { return nil }
        var host = String(listen[..<colon])
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        return host.isEmpty ? nil : (host, port)
    }

    func validate() throws {
        guard hostAndPort != nil else { throw ValidationError("--listen takes HOST:PORT, e.g. 127.0.0.1:8080 (port 0: any free port)") }
        guard submissionLimit > 0, submissionWindow > 0, loginLimit > 0, checksInFlight > 0 else {
            throw ValidationError("--submission-limit, --submission-window, --login-limit and --checks-in-flight must be more than 0")
        }
        guard quietPeriod >= 0, rescanInterval > 0 else { throw ValidationError("--quiet-period ≥ 0 and --rescan-interval > 0") }
    }

    func run() throws {
        ConsoleLogHandler.bootstrap()
        guard let (host, port) = hostAndPort else { throw ExitCode(2) }
        let checker = try resources.makeChecker()
        let processor = try arguments.openProcessor(checker: checker)
        if let officeContact {
            try OfficeDesk(ledger: processor.ledger, ruleBook: checker.ruleBook)
                .setOfficeContact(officeContact, by: OfficeUser.consoleUser)
        }
        let desk = SubmissionDesk(inbox: processor.inbox, state: processor.state, ledger: processor.ledger)
        let engine = WebEngine(checker: checker, desk: desk, ledger: processor.ledger)
        var settings = WebSettings()
        settings.submissionsPerWindow = submissionLimit
        settings.submissionWindow = submissionWindow
        settings.loginsPerWindow = loginLimit
        settings.checksInFlight = checksInFlight
        settings.trustedProxies = Set(trustedProxies)
        let server = IntakeServer(processor: processor, engine: engine, settings: settings,
                                  watchOptions: WatchOptions(quietPeriod: quietPeriod, rescanInterval: rescanInterval))
        // The server's service group stops both on the first SIGINT/SIGTERM (the server, then
        // the watcher); this one only makes a second signal exit at once.
        let secondSignal = StopSignal.install()
        let outcome = withExtendedLifetime(secondSignal) {
            blockingRun {
                try await server.run(host: host, port: port) { boundHost, boundPort in
                    let shown = boundHost.contains(":") ? "[\(boundHost)]" : boundHost
                    printRaw("pipeline serve: listening on http://\(shown):\(boundPort)/\n")
                }
            }
        }
        switch outcome {
        case .success(let tally):
            printRaw(summaryLine(tally) + "\n")
        case .failure(let error):
            Console.shared.log("pipeline serve: \(error)")
            throw ExitCode(2)
        }
    }
}

/// Runs `body` on the cooperative pool and waits for it on this (non-pool) thread.
private func blockingRun<Value: Sendable>(_ body: @escaping @Sendable () async throws -> Value) -> Result<Value, any Error> {
    let done = DispatchSemaphore(value: 0)
    let box = ResultBox<Value>()
    Task {
        do {
            box.result = .success(try await body())
        } catch {
            box.result = .failure(error)
        }
        done.signal()
    }
    done.wait()
    return box.result ?? .failure(CancellationError())
}

/// Written once by the task, read after the semaphore: the semaphore orders the two.
private final class ResultBox<Value: Sendable>: @unchecked Sendable {
    var result: Result<Value, any Error>?
}
