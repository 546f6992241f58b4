import Hummingbird
import KremlinologyStore

/// The analyst's corrections through the API (issue 15), behind the server's token:
/// `POST /api/v1/relations/{id}/judgement?verdict=wrong|right&note=…` and
/// `DELETE /api/v1/documents/{id}`, `POST /api/v1/outlets/{name}/grade?reliability=E&note=…`.
/// The evidence is never edited; judgements and grades are kept beside it.
struct CurationAPI {
    let corpus: Corpus
    let writeAccess: WriteAccess

    func addRoutes(to group: RouterGroup<ServerContext>) {
        let guarded = group.group().add(middleware: WriteAccessMiddleware(access: writeAccess))
        guarded.post("relations/{id}/judgement", use: judge)
        guarded.delete("documents/{id}", use: delete)
        guarded.post("outlets/{name}/grade", use: gradeOutlet)
    }

    /// An analyst's grade of an outlet's reliability (`reset=true` returns it to the pack's default).
    @Sendable func gradeOutlet(_ request: Request, context: ServerContext) async throws -> Response {
        guard let name = context.parameters.get("name"), !name.isEmpty else { throw RequestError.badRequest("name the outlet to grade") }
        let query = QueryParameters(request.uri.query)
        let reliability = try query.outletReliability()
        let note = query.string("note").map { String($0.prefix(2_000)) }
        do {
            return Responses.json(try await corpus.gradeOutlet(name.removingPercentEncoding ?? name, reliability: reliability, note: note))
        } catch StoreError.notFound(let message) {
            throw RequestError(.notFound, message)
        }
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
