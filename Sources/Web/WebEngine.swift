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

    /// The check, and the form's lines as the checker decoded them, for the pages.
    func checkForPage(_ bytes: [UInt8], name: String) -> VerdictView {
        let data = Data(bytes)
        let verdict = checker.check(data, file: name)
        var lines: [String] = []
        if case .decoded(let decoded) = FormDecoder.decode(data) {
            lines = VerdictView.lines(of: decoded.text)
        }
        return VerdictView(verdict: verdict, lines: lines, ruleBook: ruleBook)
    }
}
