import Hummingbird

/// Guards the write routes: a request passes only with the server's token, given as
/// `Authorization: Bearer <token>` or, from the upload form, as its `token` field. Routes
/// behind it never check the token themselves.
struct WriteAccessMiddleware: RouterMiddleware {
    typealias Context = ServerContext
    let access: WriteAccess

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let header = request.headers[.authorization] {
            try access.authorize(bearer: header)
            return try await next(request, context)
        }
        if request.headers[.contentType]?.lowercased().hasPrefix("application/x-www-form-urlencoded") == true {
            // The body is collected once here; the route reads the same buffer again.
            var request = request
            let body = try await request.collectBody(upTo: context.maxUploadSize)
            try access.authorize(bearer: QueryParameters(String(buffer: body)).string("token").map { "Bearer " + $0 })
            return try await next(request, context)
        }
        try access.authorize(bearer: nil)
        return try await next(request, context)
    }
}
