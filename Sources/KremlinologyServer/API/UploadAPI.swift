import Foundation
import Hummingbird

/// `POST /api/v1/documents?name=file.md`: the raw body is the file; needs the server's token.
struct UploadAPI {
    let corpus: Corpus
    let writeAccess: WriteAccess

    func addRoutes(to group: RouterGroup<ServerContext>) {
        group.group().add(middleware: WriteAccessMiddleware(access: writeAccess)).post("documents", use: upload)
    }

    @Sendable func upload(_ request: Request, context: ServerContext) async throws -> Response {
        let name = try WriteAccess.fileName(QueryParameters(request.uri.query).string("name"))
        var request = request
        let body = try await request.collectBody(upTo: context.maxUploadSize)
        guard body.readableBytes > 0 else { throw RequestError.badRequest("the request body is empty: send the file's content") }
        let result = try await corpus.ingest(bytes: Array(buffer: body), fileName: name)
        return Responses.json(result, status: result.outcome == "added" || result.outcome == "replaced" ? .created : .ok)
    }
}

/// Who may write: nobody unless the server was started with a token, then whoever presents it.
public struct WriteAccess: Sendable {
    /// The token given with `--token` or `$KREMLINOLOGY_TOKEN`; nil makes the server read-only.
    public var token: String?

    public init(token: String?) { self.token = token }

    /// Checks an `Authorization` header (or a form's token field with `bearer: "Bearer " + token`).
    /// The scheme is case-insensitive (RFC 9110: `bearer` is `Bearer`).
    func authorize(bearer header: String?) throws {
        guard let token else {
            throw RequestError.forbidden("this server is read-only: start it with --token T (or $KREMLINOLOGY_TOKEN) to allow uploads")
        }
        let prefix = "bearer "
        guard let header, header.lowercased().hasPrefix(prefix),
              Self.constantTimeEqual(String(header.dropFirst(prefix.count)).trimmingCharacters(in: .whitespaces), token) else {
            throw RequestError(.unauthorized, "uploads need the header 'Authorization: Bearer <token>' with the server's token")
        }
    }

    /// A safe file name for an upload: no folders, no leading dot, at most 200 characters.
    static func fileName(_ raw: String?) throws -> String {
        guard let raw else { return "upload.txt" }
        let allowed = raw.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || "0123456789-_. ".unicodeScalars.contains($0) }
        guard allowed, !raw.hasPrefix("."), raw.count <= 200 else {
            throw RequestError.badRequest("'name' must be a plain file name such as note.md (letters, digits, '-', '_', '.'), got '\(raw)'")
        }
        return raw
    }

    private static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let (x, y) = (Array(a.utf8), Array(b.utf8))
        var difference = UInt8(x.count == y.count ? 0 : 1)
        for i in 0..<min(x.count, y.count) { difference |= x[i] ^ y[i] }
        return difference == 0
    }
}
