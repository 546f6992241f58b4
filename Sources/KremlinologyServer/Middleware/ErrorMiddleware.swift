import HTTPTypes
import Hummingbird
import KremlinologyModel
import NIOCore

/// The one place where errors become responses: JSON under `/api/`, an HTML page elsewhere.
/// A user's mistake is a 4xx whose message says what to do; only a failure the user cannot
/// fix is a 500, and its details go to the log, never to the client.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = ServerContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let described = Self.describe(error)
            if described.status == .internalServerError { context.logger.error("\(request.uri.path): \(error)") }
            let status = Int(described.status.code)
            var response = request.uri.path.hasPrefix("/api/")
                ? Responses.json(ErrorBody(error: .init(status: status, message: described.message, candidates: described.candidates)),
                                 status: described.status)
                : Responses.html(Layout.errorPage(status: status, message: described.message, candidates: described.candidates),
                                 status: described.status)
            for field in described.headers { response.headers[field.name] = field.value }
            return response
        }
    }

    /// What a client is told about an error.
    struct Described {
        var status: HTTPResponse.Status
        var message: String
        var candidates: [String] = []
        /// Headers the response carries (`Allow`, `Retry-After`).
        var headers: HTTPFields = [:]
    }

    /// The status, message and candidates of any error.
    static func describe(_ error: any Error) -> Described {
        switch error {
        case let error as RequestError:
            return Described(status: error.status, message: error.message, headers: error.headers)
        case let error as any UserFacingError:
            return Described(status: status(of: error.kind),
                             message: error.kind == .failure ? "internal error; the server log has the details" : error.description,
                             candidates: error.candidates)
        case is NIOTooManyBytesError:
            return Described(status: .contentTooLarge,
                             message: "the request body is larger than \(ServerContext.maximumBodyBytes >> 20) MiB")
        case let error as HTTPError:
            return Described(status: error.status,
                             message: error.body ?? (error.status == .notFound ? "no such page" : error.status.reasonPhrase),
                             headers: error.headers)
        case let error as any HTTPResponseError:
            return Described(status: error.status, message: error.status.reasonPhrase)
        default:
            return Described(status: .internalServerError, message: "internal error; the server log has the details")
        }
    }

    /// The HTTP status of each kind of library error.
    static func status(of kind: ErrorKind) -> HTTPResponse.Status {
        switch kind {
        case .notFound: .notFound
        case .ambiguous, .conflict: .conflict
        case .invalidInput: .badRequest
        case .unavailable: .serviceUnavailable
        case .failure: .internalServerError
        }
    }

    /// The JSON body of an error response: `{"error": {"status", "message", "candidates"?}}`.
    struct ErrorBody: Encodable {
        struct Detail: Encodable {
            var status: Int
            var message: String
            /// For an ambiguous name or id: what it could mean.
            var candidates: [String]

            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(status, forKey: .status)
                try container.encode(message, forKey: .message)
                if !candidates.isEmpty { try container.encode(candidates, forKey: .candidates) }
            }

            private enum CodingKeys: String, CodingKey { case status, message, candidates }
        }
        var error: Detail
    }
}
