import HTTPTypes

/// An error with a status and a message written for whoever sent the request.
///
/// The error middleware renders it as `{"error": {"status": 400, "message": …}}` under
/// `/api/`, and as an HTML page elsewhere, with `headers` added (`Allow`, `Retry-After`).
public struct RequestError: Error, Sendable, CustomStringConvertible {
    public var status: HTTPResponse.Status
    public var message: String
    /// Headers the response must carry, e.g. `Allow` on a 405.
    public var headers: HTTPFields

    public init(_ status: HTTPResponse.Status, _ message: String, headers: HTTPFields = [:]) {
        self.status = status
        self.message = message
        self.headers = headers
    }

    public var description: String { "\(status.code) \(message)" }

    /// 400: a parameter is missing or malformed.
    public static func badRequest(_ message: String) -> RequestError { RequestError(.badRequest, message) }
    /// 404: nothing has this name or id.
    public static func notFound(_ message: String) -> RequestError { RequestError(.notFound, message) }
    /// 403: writing is not allowed.
    public static func forbidden(_ message: String) -> RequestError { RequestError(.forbidden, message) }
    /// 503: the server is too busy or the request ran out of time; retry after `retryAfter` seconds.
    public static func unavailable(_ message: String, retryAfter: Int) -> RequestError {
        RequestError(.serviceUnavailable, message, headers: [.retryAfter: String(retryAfter)])
    }
}
