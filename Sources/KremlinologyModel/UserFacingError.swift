/// What kind of trouble an error is, so that each client maps it once: the CLI to a message
/// and an exit status, the server to an HTTP status.
public enum ErrorKind: String, Sendable, Codable {
    /// Nothing has this name, id or path (HTTP 404).
    case notFound
    /// Several things match; the error lists the candidates (HTTP 409).
    case ambiguous
    /// The input or query is malformed or out of bounds (HTTP 400).
    case invalidInput
    /// The request contradicts the state of the store (HTTP 409).
    case conflict
    /// A store, server or file cannot be reached now; trying again later may work (HTTP 503).
    case unavailable
    /// Something failed that the user cannot fix by changing the input (HTTP 500).
    case failure
}

/// An error whose message is written for the person using the tool: it names the thing and
/// says what to do next, without naming any one client's commands (the CLI and the server
/// add their own hints by ``kind``).
public protocol UserFacingError: Error, CustomStringConvertible, Sendable {
    /// How a client should treat it.
    var kind: ErrorKind { get }
    /// For ``ErrorKind/ambiguous``: what the input could have meant.
    var candidates: [String] { get }
}

extension UserFacingError {
    public var candidates: [String] { [] }
}
