import Foundation
import Inbox
import Ingest
import Validate

/// What the web face works with: the same checker the CLI uses, the rule sets (for step
/// names and windows on the pages), and — when `serve` runs with an inbox — the desk that
/// takes submissions and answers for them.
public struct WebEngine: Sendable {
    public let checker: FormChecker
    public let ruleBook: RuleBook
    public let desk: SubmissionDesk?
    /// The state's ledger, for the office's pages and API (users, sessions, follow-up);
    /// `nil` when `serve` runs without a state (tests of the clerk's pages alone).
    public let ledger: Ledger?

    public init(checker: FormChecker, desk: SubmissionDesk?, ledger: Ledger? = nil) {
        self.checker = checker
        self.ruleBook = checker.ruleBook
        self.desk = desk
        self.ledger = ledger
    }

    /// Checks `bytes` under `name`, exactly as `pipeline validate` checks a file.
    func check(_ bytes: [UInt8], name: String) -> Verdict {
        checker.check(Data(bytes), file: name)
    }

    /// The roster of the state, when there is one (empty without a state, or unreadable).
    var roster: StationRoster { (try? ledger?.roster()) ?? StationRoster([]) }

    /// The roster's station names, for the `/new` page's station field.
    var rosterStations: [String] { roster.entries.map(\.station) }

    /// The check, and the form's lines as the checker decoded them, for the pages: as the
    /// inbox will judge it, so with the roster's `unknown-station` too (the API answers
    /// exactly `pipeline validate`, which has no roster).
    func checkForPage(_ bytes: [UInt8], name: String) -> VerdictView {
        let data = Data(bytes)
        let verdict = roster.check(checker.check(data, file: name))
        var lines: [String] = []
        if case .decoded(let decoded) = FormDecoder.decode(data) {
            lines = VerdictView.lines(of: decoded.text)
        }
        return VerdictView(verdict: verdict, lines: lines, ruleBook: ruleBook)
    }
}
