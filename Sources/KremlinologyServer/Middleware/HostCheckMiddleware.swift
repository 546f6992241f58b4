import HTTPTypes
import Hummingbird

/// Answers only requests addressed to a name this server is bound to, so that a web page
/// whose domain was re-pointed at 127.0.0.1 (DNS rebinding) cannot read the corpus through
/// a visitor's browser: the browser still sends the attacker's name in `Host`.
///
/// Accepted by default: `localhost`, `127.0.0.1`, `[::1]` and the bound host, each with or
/// without a port; `serve --allow-host NAME` adds names. A request without `Host` (HTTP/1.0
/// tools) is accepted: browsers always send one.
struct HostCheckMiddleware: RouterMiddleware {
    typealias Context = ServerContext
    let allowed: Set<String>

    /// The loopback names every server accepts.
    static let loopbackNames = ["localhost", "127.0.0.1", "::1"]

    init(boundHost: String, extraHosts: [String]) {
        allowed = Set((Self.loopbackNames + [boundHost] + extraHosts).map { Self.hostName(of: $0) })
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let authority = request.head.authority ?? request.headers[.init("Host")!], !authority.isEmpty else {
            return try await next(request, context)
        }
        let name = Self.hostName(of: authority)
        guard allowed.contains(name) else {
            throw RequestError(.misdirectedRequest,
                               "this server does not answer for host '\(name)'; start it with --allow-host \(name) to allow that name")
        }
        return try await next(request, context)
    }

    /// The host of an authority, lowercased, without port or IPv6 brackets: `[::1]:8080` → `::1`.
    static func hostName(of authority: String) -> String {
        let lowered = authority.lowercased()
        if lowered.hasPrefix("["), let close = lowered.firstIndex(of: "]") {
            return String(lowered[lowered.index(after: lowered.startIndex)..<close])
        }
        // A bare IPv6 address (two colons or more) has no port to strip.
        if lowered.filter({ $0 == ":" }).count > 1 { return lowered }
        return String(lowered.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
    }
}
