import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import Office
import ServiceLifecycle

/// The router of the web face: the middleware every answer passes through, then one
/// controller per audience (the clerk's pages, submissions, the API; the office's pages
/// will be another controller behind a session middleware).
///
/// Middleware, outermost first — so no route can forget any of it:
/// 1. security headers on every answer (errors and 404 included);
/// 2. errors → JSON under `/api/`, a Thai + English page elsewhere;
/// 3. the client's address (`X-Forwarded-For` only from a trusted proxy);
/// 4. writes from another site refused (`Origin`, `Sec-Fetch-Site`);
/// 5. the body read within 1 MiB and the deadline;
/// then per group: CSRF for the pages' forms, the per-address limit on submissions, the
/// cap on checks in flight; for the office, the session (who is logged in) and the door
/// (nobody: `303` to `/login` for a page, `401` for the API), and logins limited per address.
public func buildRouter(engine: WebEngine, settings: WebSettings = WebSettings()) -> Router<WebContext> {
    let router = Router(context: WebContext.self, options: [.autoGenerateHeadEndpoints])
    router.add(middleware: SecurityHeadersMiddleware<WebContext>())
    router.add(middleware: ErrorResponseMiddleware<WebContext>())
    router.add(middleware: ClientAddressMiddleware(trustedProxies: settings.trustedProxies))
    router.add(middleware: OriginCheckMiddleware<WebContext>())
    router.add(middleware: BodyCollectorMiddleware(limit: WebSettings.bodyLimit,
                                                   deadline: .milliseconds(Int64(settings.bodyDeadline * 1000))))

    let submissionLimit = RateLimitMiddleware(limiter: RateLimiter(limit: settings.submissionsPerWindow,
                                                                   window: Double(settings.submissionWindow)))
    let checkCap = InFlightLimitMiddleware<WebContext>(limiter: InFlightLimiter(capacity: settings.checksInFlight))
    let table = RouteTable()

    let plain = router.group()
    let pages = router.group().add(middleware: CSRFMiddleware())
    let pageChecks = router.group().add(middleware: CSRFMiddleware()).add(middleware: checkCap)
    let pageSends = router.group().add(middleware: submissionLimit).add(middleware: CSRFMiddleware())
    let apiChecks = router.group().add(middleware: checkCap)
    let apiSends = router.group().add(middleware: submissionLimit)

    // The office: pages and API behind a login. `officeAPI` has no CSRF token: its writes
    // are guarded by OriginCheckMiddleware above and by the SameSite=Strict session cookie.
    let users = engine.ledger.map { UserStore(ledger: $0) }
    let session = SessionMiddleware(users: users)
    let loginLimit = RateLimitMiddleware(limiter: RateLimiter(limit: settings.loginsPerWindow, window: Double(settings.loginWindow)),
                                         refusal: { WebError.tooManyLogins(retryAfter: $0) })
    let loginPages = router.group().add(middleware: session).add(middleware: CSRFMiddleware())
    let loginSends = router.group().add(middleware: loginLimit).add(middleware: session).add(middleware: CSRFMiddleware())
    let officePages = router.group().add(middleware: session).add(middleware: RequireUserMiddleware()).add(middleware: CSRFMiddleware())
    let officeAPI = router.group().add(middleware: session).add(middleware: RequireUserMiddleware())

    StaticController().addRoutes(to: plain, table: table)
    CheckController(engine: engine).addRoutes(pages: pages, checks: pageChecks, table: table)
    SubmissionController(engine: engine).addRoutes(pages: pages, sends: pageSends, table: table)
    APIController(engine: engine).addRoutes(checks: apiChecks, sends: apiSends, reads: plain, table: table)
    LoginController(users: users).addRoutes(pages: loginPages, logins: loginSends, table: table)
    table.add(officePages, LoginPath.office, .get) { _, context in
        guard let user = context.user else { throw WebError.loginRequired }
        return .html(OfficeHomePage(user: user, csrfToken: context.csrfToken).render())
    }
    OfficeController(engine: engine).addRoutes(pages: officePages, api: officeAPI, table: table)
    addOfficeFallbacks(pages: officePages, api: officeAPI)
    table.addMethodNotAllowed(to: router)
    return router
}

/// Any other path under `/office/` and `/api/office/` answers behind the door too: nobody
/// logged in gets the login (`303`, or `401` for the API) and learns nothing of which office
/// routes exist; a user gets `404`. Routes the office adds take precedence over these.
private func addOfficeFallbacks(pages: RouterGroup<WebContext>, api: RouterGroup<WebContext>) {
    let methods: [HTTPRequest.Method] = [.get, .post, .put, .patch, .delete]
    for method in methods {
        pages.on("/office/**", method: method) { _, _ -> Response in throw WebError.notFound }
        api.on("/api/office", method: method) { _, _ -> Response in throw WebError.notFound }
        api.on("/api/office/**", method: method) { _, _ -> Response in throw WebError.notFound }
    }
}

/// The whole server: the router on HTTP/1.1 with an idle timeout (a client that stops
/// sending is cut) and a close after a refused body (`CloseAfterRefusalHandler`), bound to
/// `host:port` (port 0: any free port). `onListening` gets the address actually bound, once
/// the server accepts connections. `services` run beside the server and stop after it (the
/// inbox watcher).
public func buildApplication(engine: WebEngine, settings: WebSettings = WebSettings(),
                             host: String, port: Int, logger: Logger, services: [any Service] = [],
                             onListening: @escaping @Sendable (String, Int) async -> Void = { _, _ in }) -> some ApplicationProtocol {
    let idle = TimeAmount.milliseconds(Int64(settings.idleTimeout * 1000))
    return Application(
        router: buildRouter(engine: engine, settings: settings),
        server: .http1(configuration: .init(additionalChannelHandlers: [CloseAfterRefusalHandler()], idleTimeout: idle)),
        configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "pipeline"),
        services: services,
        onServerRunning: { channel in
            let address = channel.localAddress
            await onListening(address?.ipAddress ?? host, address?.port ?? port)
        },
        logger: logger)
}
