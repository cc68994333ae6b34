/// Which bureaus' rows a reader may see and change: every query of the office (rejections,
/// missing stations, summary, records, roster) takes one, so no route can forget it.
/// A `bureau` user's scope is its own bureau; `hq` and `admin`, and the CLI on the machine,
/// see all.
public enum BureauScope: Sendable, Equatable, Hashable {
    case all
    case bureau(String)

    /// Whether a row of `bureau` (nil: the file named none) is inside the scope. A row that
    /// names no bureau is seen only by `.all`: it cannot be shown to a bureau it may not be.
    public func contains(_ bureau: String?) -> Bool {
        switch self {
        case .all: return true
        case .bureau(let own): return bureau == own
        }
    }

    /// The one bureau of the scope, or nil for all.
    public var bureau: String? {
        if case .bureau(let own) = self { return own }
        return nil
    }
}
