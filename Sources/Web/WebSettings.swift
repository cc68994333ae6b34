/// The limits and switches of the web face, set on `pipeline serve`.
public struct WebSettings: Sendable {
    /// Request bodies over this are refused (`413 too-large`) before they are read whole:
    /// the form size limit of docs/forms.md#every-rule, 1 MiB.
    public static let bodyLimit = 1 << 20

    /// Submissions one client address may make per `submissionWindow` seconds (API and the
    /// `/new` page's send button together).
    public var submissionsPerWindow: Int = 30
    public var submissionWindow: Int = 60
    /// Logins (`POST /login`) one client address may try per `loginWindow` seconds, whatever
    /// the names: the per-name lock-out stops guessing one name, this stops trying many.
    public var loginsPerWindow: Int = 10
    public var loginWindow: Int = 60
    /// `/api/validate` and the check pages together: requests being checked at once; beyond
    /// it, `503` with `Retry-After`.
    public var checksInFlight: Int = 256
    /// A request body must have arrived whole within this many seconds (`408` after).
    public var bodyDeadline: Double = 30
    /// A connection that sends nothing for this many seconds is closed (a body that stops).
    public var idleTimeout: Double = 20
    /// Proxies (their peer addresses) whose `X-Forwarded-For` names the client.
    public var trustedProxies: Set<String> = []

    public init() {}
}
