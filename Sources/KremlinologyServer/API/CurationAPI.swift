import Hummingbird
import KremlinologyModel
import KremlinologyPipeline
import KremlinologyStore

/// The analyst's corrections through the API (issue 15), behind the server's token:
/// `POST /api/v1/relations/{id}/judgement?verdict=wrong|right&note=…` and
/// `DELETE /api/v1/documents/{id}`, `POST /api/v1/outlets/{name}/grade?reliability=E&note=…`,
/// and decisions about actors: `GET /api/v1/curation` (the log),
/// `POST /api/v1/curation?action=merge&actor=B&into=A…`, `POST /api/v1/curation/{id}/undo`.
/// The evidence is never edited; judgements, grades and decisions are kept beside it.
struct CurationAPI {
    let corpus: Corpus
    let writeAccess: WriteAccess

    func addRoutes(to group: RouterGroup<ServerContext>) {
        let guarded = group.group().add(middleware: WriteAccessMiddleware(access: writeAccess))
        guarded.post("relations/{id}/judgement", use: judge)
        guarded.delete("documents/{id}", use: delete)
        guarded.post("outlets/{name}/grade", use: gradeOutlet)
        group.get("curation", use: log)
        guarded.post("curation", use: curate)
        guarded.post("curation/{id}/undo", use: undo)
    }

    @Sendable func log(_ request: Request, context: ServerContext) async throws -> Response {
        let decisions = try await corpus.read { try $0.store.curations(includingUndone: true) }
        return Responses.json(CurationLog(decisions: decisions, holding: decisions.filter(\.holds).count))
    }

    @Sendable func curate(_ request: Request, context: ServerContext) async throws -> Response {
        let decision = try Self.decision(from: QueryParameters(request.uri.query))
        return Responses.json(try await corpus.curate(decision))
    }

    @Sendable func undo(_ request: Request, context: ServerContext) async throws -> Response {
        guard let raw = context.parameters.get("id"), let id = Int64(raw), id > 0 else {
            throw RequestError.badRequest("the decision id must be a positive number (the 'id' of /api/v1/curation)")
        }
        // An unknown or undone decision is the store's not-found: a 404 through ErrorMiddleware.
        return Responses.json(try await corpus.undoCuration(id: id))
    }

    /// A decision from the parameters of the API and of the actor page's forms.
    static func decision(from query: QueryParameters) throws -> CurationDecision {
        guard let action = try query.choice("action", as: CurationAction.self) else {
            throw RequestError.badRequest("'action' is required: \(CurationAction.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        func text(_ name: String) -> String? { query.string(name).map { String($0.prefix(300)) } }
        let actor = try query.required("actor")
        let needed: [CurationAction: String] = [.merge: "into", .split: "alias", .rename: "name", .aliasAdd: "alias", .aliasRemove: "alias"]
        if let name = needed[action], text(name) == nil { throw RequestError.badRequest("'\(name)' is required to \(action.rawValue)") }
        if action == .split, text("name") == nil { throw RequestError.badRequest("'name' (the new actor's) is required to split") }
        return CurationDecision(action: action, actor: String(actor.prefix(300)), other: text("into"), newName: text("name"),
                                alias: text("alias"), kind: try query.choice("kind", as: ActorKind.self),
                                note: query.string("note").map { String($0.prefix(2_000)) }, author: "api")
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

/// The curation log as the API answers it.
struct CurationLog: Codable, Sendable {
    var decisions: [CurationDecision]
    /// How many decisions hold (are not undone).
    var holding: Int
}
