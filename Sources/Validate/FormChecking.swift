import Foundation

/// Turns the bytes of one file into a verdict. `FormChecker` is the real one; the inbox
/// engine takes any conformer, so its tests can run without reading real forms.
public protocol FormChecking: Sendable {
    /// - Parameters:
    ///   - data: the whole file, as it came in.
    ///   - file: the name to report the verdict under.
    func check(_ data: Data, file: String) -> Verdict
    /// Whom to call about a file judged without being read (over the size limit), from
    /// its first bytes (`ContactReader`).
    func contact(ofUnreadable data: Data) -> Contact
}

extension FormChecking {
    /// Whom to call about a file that was not read as a form (over the size limit): a
    /// checker that cannot tell says nothing.
    public func contact(ofUnreadable data: Data) -> Contact { Contact() }
}
