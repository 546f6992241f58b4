import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// Adds the security headers to every response and turns every error into a clear message:
/// JSON under `/api/`, an HTML page elsewhere. Nothing escapes as an unexplained 500.
struct SecurityMiddleware: RouterMiddleware {
    typealias Context = ServerContext

    /// Scripts and styles only from this server; no plug-ins, no framing, no `<base>`.
    static let contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch {
            let (status, message) = Self.describe(error)
            if status == .internalServerError { context.logger.error("\(request.uri.path): \(error)") }
            response = request.uri.path.hasPrefix("/api/")
                ? Responses.json(ErrorBody(error: .init(status: Int(status.code), message: message)), status: status)
                : Responses.html(Layout.errorPage(status: Int(status.code), message: message), status: status)
        }
        response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.referrerPolicy] = "no-referrer"
        response.headers[.xFrameOptions] = "DENY"
        return response
    }

    /// The status and the user-facing message of any error.
    static func describe(_ error: any Error) -> (HTTPResponse.Status, String) {
        switch error {
        case let error as RequestError:
            return (error.status, error.message)
        case is NIOTooManyBytesError:
            return (.contentTooLarge, "the request body is larger than \(ServerContext.maximumBodyBytes >> 20) MiB")
        case let error as HTTPError:
            let message = error.body ?? (error.status == .notFound ? "no such page" : error.status.reasonPhrase)
            return (error.status, message)
        case let error as any HTTPResponseError:
            return (error.status, error.status.reasonPhrase)
        default:
            return (.internalServerError, "internal error; the server log has the details")
        }
    }

    /// The JSON body of an error response.
    struct ErrorBody: Encodable {
        struct Detail: Encodable {
            var status: Int
            var message: String
        }
        var error: Detail
    }
}

extension HTTPField.Name {
    static let xContentTypeOptions = HTTPField.Name("X-Content-Type-Options")!
    static let xFrameOptions = HTTPField.Name("X-Frame-Options")!
    static let referrerPolicy = HTTPField.Name("Referrer-Policy")!
}
