import HTTPTypes

/// An error with a status and a message written for whoever sent the request.
///
/// The error middleware renders it as `{"error": {"status": 400, "message": …}}` under
/// `/api/`, and as an HTML page elsewhere.
public struct RequestError: Error, Sendable, CustomStringConvertible {
    public var status: HTTPResponse.Status
    public var message: String

    public init(_ status: HTTPResponse.Status, _ message: String) {
        self.status = status
        self.message = message
    }

    public var description: String { "\(status.code) \(message)" }

    /// 400: a parameter is missing or malformed.
    public static func badRequest(_ message: String) -> RequestError { RequestError(.badRequest, message) }
    /// 404: nothing has this name or id.
    public static func notFound(_ message: String) -> RequestError { RequestError(.notFound, message) }
    /// 403: writing is not allowed.
    public static func forbidden(_ message: String) -> RequestError { RequestError(.forbidden, message) }
}
