import Hummingbird
import Synchronization

/// At most `limit` requests per client address in any `window` seconds; past it,
/// `429 rate-limited` with `Retry-After` (the seconds until the oldest counted request
/// leaves the window). Put on the routes that store something (submissions), shared by all
/// of them, so the API and the `/new` page count together.
final class RateLimiter: Sendable {
    let limit: Int
    let window: Double
    private let clock = ContinuousClock()
    /// Per address: the times of the requests counted in the last window, oldest first.
    private let recent = Mutex<[String: [ContinuousClock.Instant]]>([:])

    init(limit: Int, window: Double) {
        self.limit = max(1, limit)
        self.window = window
    }

    /// Counts a request from `address`, or says how many seconds to wait.
    func admit(_ address: String) -> Int? {
        let now = clock.now
        let span = Duration.milliseconds(Int64(window * 1000))
        return recent.withLock { recent in
            var times = recent[address, default: []].filter { now - $0 < span }
            defer {
                recent[address] = times.isEmpty ? nil : times
                if recent.count > 10_000 { recent = recent.filter { !$0.value.isEmpty && now - $0.value.last! < span } }
            }
            guard times.count < limit else {
                let wait = span - (now - times[0])
                return max(1, Int((Double(wait.components.seconds) + Double(wait.components.attoseconds) / 1e18).rounded(.up)))
            }
            times.append(now)
            return nil
        }
    }
}

struct RateLimitMiddleware: RouterMiddleware {
    typealias Context = WebContext
    let limiter: RateLimiter
    /// The refusal, from the seconds to wait: submissions and logins say it in their own words.
    var refusal: @Sendable (Int) -> WebError = { WebError.rateLimited(retryAfter: $0) }

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        if request.method == .post, let wait = limiter.admit(context.clientAddress) {
            throw refusal(wait)
        }
        return try await next(request, context)
    }
}
