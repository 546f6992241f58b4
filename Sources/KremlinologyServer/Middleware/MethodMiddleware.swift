import HTTPTypes
import Hummingbird

/// Turns the router's 404 for a path that exists under other methods into 405 with `Allow`
/// (HTTP's answer to `DELETE /api/v1/stats`); a path no route matches stays a 404.
///
/// HEAD is answered by the router itself (`autoGenerateHeadEndpoints`), so it is listed
/// wherever GET is.
struct MethodMiddleware: RouterMiddleware {
    typealias Context = ServerContext
    let table: RouteTable

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            let methods = table.methods(forPath: request.uri.path)
            guard !methods.isEmpty, !methods.contains(request.method) else { throw error }
            let allow = methods.map(\.rawValue).sorted().joined(separator: ", ")
            throw RequestError(.methodNotAllowed, "\(request.method.rawValue) is not allowed on \(request.uri.path); allowed: \(allow)",
                               headers: [.allow: allow])
        }
    }
}

/// The routes of the router, filled once the routes are registered, as path patterns.
final class RouteTable: Sendable {
    private let routes = Locked<[(components: [Substring], method: HTTPRequest.Method)]>([])

    /// Records the router's routes (`router.routes`), adding HEAD beside each GET.
    func record(_ descriptions: [(path: String, method: HTTPRequest.Method)]) {
        let expanded = descriptions.flatMap { route in route.method == .get ? [route, (route.path, .head)] : [route] }
        routes.withLock { $0 = expanded.map { (Self.components($0.path), $0.method) } }
    }

    /// The methods some route accepts on `path`.
    func methods(forPath path: String) -> Set<HTTPRequest.Method> {
        let target = Self.components(path)
        return routes.withLock { routes in
            Set(routes.filter { Self.matches($0.components, target) }.map(\.method))
        }
    }

    private static func components(_ path: String) -> [Substring] { path.split(separator: "/") }

    /// A `{name}`, `:name` or `*` component matches any one component.
    private static func matches(_ pattern: [Substring], _ target: [Substring]) -> Bool {
        guard pattern.count == target.count else { return false }
        return zip(pattern, target).allSatisfy { p, t in p == t || p.hasPrefix("{") || p.hasPrefix(":") || p == "*" }
    }
}
