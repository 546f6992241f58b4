import HTTPTypes
import Hummingbird

/// Refuses a request whose target or headers are larger than ``RequestBounds`` allows,
/// before any route parses them: 414 for the URL, 431 for the headers.
struct RequestLimitsMiddleware: RouterMiddleware {
    typealias Context = ServerContext
    let bounds: RequestBounds

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let target = request.head.path ?? ""
        if target.utf8.count > bounds.maximumURLBytes {
            throw RequestError(.uriTooLong, "the URL is \(target.utf8.count) bytes long; the limit is \(bounds.maximumURLBytes)")
        }
        let headerBytes = request.headers.reduce(0) { $0 + $1.name.rawName.utf8.count + $1.value.utf8.count + 4 }
        if headerBytes > bounds.maximumHeaderBytes {
            throw RequestError(.requestHeaderFieldsTooLarge,
                               "the request headers are \(headerBytes) bytes; the limit is \(bounds.maximumHeaderBytes)")
        }
        return try await next(request, context)
    }
}

/// Admits at most ``RequestBounds/expensiveConcurrency`` expensive requests at once, with a
/// short line behind them; when the line is full the request gets 503 and `Retry-After`, so
/// that a burst queues in bounded memory and cheap pages stay fast.
struct ExpensiveRequestMiddleware: RouterMiddleware {
    typealias Context = ServerContext
    let gate: AdmissionGate
    let retryAfterSeconds: Int

    /// The paths whose cost grows with the corpus or the query (the API's and the pages').
    static let expensivePaths: Set<String> = [
        "/api/v1/search", "/api/v1/network", "/api/v1/dossier", "/api/v1/brief", "/api/v1/timeline", "/api/v1/compare",
        "/search", "/network", "/actor", "/pair", "/timeline",
    ]

    init(bounds: RequestBounds) {
        gate = AdmissionGate(slots: bounds.expensiveConcurrency, queue: bounds.expensiveQueue)
        retryAfterSeconds = bounds.retryAfterSeconds
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard Self.expensivePaths.contains(request.uri.path) else { return try await next(request, context) }
        guard await gate.acquire() else {
            throw RequestError.unavailable("the server is busy with other searches; retry in \(retryAfterSeconds) s",
                                           retryAfter: retryAfterSeconds)
        }
        defer { gate.release() }
        return try await next(request, context)
    }
}
