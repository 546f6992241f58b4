import Hummingbird
import KremlinologyStore

/// The analyst's corrections through the API (issue 15), behind the server's token:
/// `POST /api/v1/relations/{id}/judgement?verdict=wrong|right&note=…` and
/// `DELETE /api/v1/documents/{id}`. The evidence is never edited; judgements are kept beside it.
struct CurationAPI {
    let corpus: Corpus
    let writeAccess: WriteAccess

    func addRoutes(to group: RouterGroup<ServerContext>) {
        let guarded = group.group().add(middleware: WriteAccessMiddleware(access: writeAccess))
        guarded.post("relations/{id}/judgement", use: judge)
        guarded.delete("documents/{id}", use: delete)
    }

    @Sendable func judge(_ request: Request, context: ServerContext) async throws -> Response {
        guard let raw = context.parameters.get("id"), let id = Int64(raw), id > 0 else {
            throw RequestError.badRequest("the relation id must be a positive number (the 'id' of /api/v1/relations)")
        }
        let query = QueryParameters(request.uri.query)
        guard let verdict = try query.choice("verdict", as: Verdict.self) else {
            throw RequestError.badRequest("'verdict' is required: wrong or right")
        }
        let note = query.string("note").map { String($0.prefix(2_000)) }
        do {
            return Responses.json(try await corpus.judge(relationID: id, verdict: verdict, note: note))
        } catch StoreError.notFound(let message) {
            throw RequestError(.notFound, message)
        }
    }

    @Sendable func delete(_ request: Request, context: ServerContext) async throws -> Response {
        guard let key = context.parameters.get("id"), !key.isEmpty else { throw RequestError.badRequest("name the document to delete") }
        let deleted = try await corpus.deleteDocument(key)
        return Responses.json(["deleted": deleted])
    }
}
