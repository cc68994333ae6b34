import Hummingbird
import NIOCore
import Office

/// What the middleware learns about one request and hands on to the routes.
public struct WebContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The peer's IP address (`127.0.0.1`); `nil` when there is no socket (in-process tests).
    public let peerAddress: String?
    /// The whole body, read by `BodyCollectorMiddleware` within the size and time limits.
    public var body: ByteBuffer?
    /// The fields of a page's form POST, parsed (and its CSRF token checked) by `CSRFMiddleware`.
    public var form: PostedForm?
    /// This browser's CSRF token (from its cookie, or new), for the pages' forms.
    public var csrfToken: String = ""
    /// The client's address for per-address limits: the peer, or behind a trusted proxy the
    /// last address of `X-Forwarded-For` (set by `ClientAddressMiddleware`).
    public var clientAddress: String
    /// Who is logged in, from the `session` cookie (`SessionMiddleware`); `nil` for nobody,
    /// and on the routes that do not look (the clerk's pages).
    public var user: OfficeUser?
    /// The CSRF token bound to the login session (kept with it in the ledger), for forms and
    /// API writes of the office that want a token tied to the session rather than to the browser.
    public var sessionCSRF: String?
    /// The session cookie's token when it named a live session, so that logout can end it.
    var sessionToken: String?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        peerAddress = source.channel.remoteAddress?.ipAddress
        clientAddress = peerAddress ?? "unknown"
    }

    /// Hummingbird's own decoders stop here too; the body collector refuses more first.
    public var maxUploadSize: Int { WebSettings.bodyLimit }
}
