import Hummingbird
import Synchronization

/// A cap on requests being handled at once on the routes it guards (the checks): beyond
/// it, `503 busy` with `Retry-After: 1`, answered at once. It protects the server without
/// limiting any one address, so a benchmark from one address measures the server.
final class InFlightLimiter: Sendable {
    let capacity: Int
    private let running = Atomic<Int>(0)

    init(capacity: Int) { self.capacity = max(1, capacity) }

    func enter() -> Bool {
        if running.add(1, ordering: .relaxed).newValue > capacity {
            running.subtract(1, ordering: .relaxed)
            return false
        }
        return true
    }

    func leave() { running.subtract(1, ordering: .relaxed) }

    var current: Int { running.load(ordering: .relaxed) }
}

struct InFlightLimitMiddleware<Context: RequestContext>: RouterMiddleware {
    let limiter: InFlightLimiter

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard limiter.enter() else { throw WebError.busy(retryAfter: 1) }
        defer { limiter.leave() }
        return try await next(request, context)
    }
}
