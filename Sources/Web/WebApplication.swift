import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
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
/// cap on checks in flight.
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

    StaticController().addRoutes(to: plain, table: table)
    CheckController(engine: engine).addRoutes(pages: pages, checks: pageChecks, table: table)
    SubmissionController(engine: engine).addRoutes(pages: pages, sends: pageSends, table: table)
    APIController(engine: engine).addRoutes(checks: apiChecks, sends: apiSends, reads: plain, table: table)
    table.addMethodNotAllowed(to: router)
    return router
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
