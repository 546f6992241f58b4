import Hummingbird
import KremlinologyModel
import KremlinologyStore

/// `/api/v1` routes over the store itself: figures, search, documents, actors, relations.
struct CorpusAPI {
    let corpus: Corpus

    func addRoutes(to group: RouterGroup<ServerContext>) {
        group.get("stats") { _, _ in Responses.json(try await corpus.read { try $0.stats() }) }
        group.get("search", use: search)
        group.get("documents", use: documents)
        group.get("documents/{id}", use: document)
        group.get("actors", use: actors)
        group.get("relations", use: relations)
        group.get("outlets", use: outlets)
    }

    @Sendable func search(_ request: Request, context: ServerContext) async throws -> Response {
        let query = QueryParameters(request.uri.query)
        let text = try query.required("q")
        // Checked here, on the event loop: a query over the caps never waits for a read thread.
        _ = try FTSQuery.terms(from: text)
        let paging = try Paging(query, defaultLimit: 10)
        let outlet = query.string("outlet")
        let results = try await corpus.read { corpus in
            try corpus.store.searchResults(SearchQuery(text: text, limit: paging.limit, offset: paging.offset, outlet: outlet))
        }
        return Responses.json(SearchPage(query: text, page: Page(paging, items: results.hits, total: results.total.count),
                                         totalIsLowerBound: results.total.isLowerBound))
    }

    @Sendable func documents(_ request: Request, context: ServerContext) async throws -> Response {
        let paging = try Paging(QueryParameters(request.uri.query), defaultLimit: 50)
        let (items, total) = try await corpus.read { corpus in
            (try corpus.store.documents(limit: paging.limit, offset: paging.offset), try corpus.store.documentCount())
        }
        return Responses.json(Page(paging, items: items, total: total))
    }

    @Sendable func document(_ request: Request, context: ServerContext) async throws -> Response {
        let key = try context.parameters.require("id")
        let paging = try Paging(QueryParameters(request.uri.query), defaultLimit: 200)
        let detail = try await corpus.read { corpus in try DocumentDetail.load(key, from: corpus.store, paging: paging) }
        return Responses.json(detail)
    }

    @Sendable func actors(_ request: Request, context: ServerContext) async throws -> Response {
        let query = QueryParameters(request.uri.query)
        let paging = try Paging(query, defaultLimit: 50)
        let kind = try query.choice("kind", as: ActorKind.self)
        let (all, total) = try await corpus.read { corpus in
            (try corpus.actors(kind: kind, limit: paging.offset + paging.limit), try corpus.store.countActors(kind: kind))
        }
        return Responses.json(Page(paging, items: paging.slice(all), total: total))
    }

    @Sendable func relations(_ request: Request, context: ServerContext) async throws -> Response {
        let query = QueryParameters(request.uri.query)
        let paging = try Paging(query, defaultLimit: 50)
        let filter = RelationFilter(source: query.string("source"), target: query.string("target"),
                                    type: try query.choice("type", as: RelationType.self, uppercase: true),
                                    modality: try query.choice("modality", as: Modality.self),
                                    outlet: query.string("outlet"), documentID: query.string("document"),
                                    includeNegated: false,
                                    minSources: try query.integer("min_sources", default: 1, in: 1...1_000_000),
                                    limit: paging.limit, offset: paging.offset)
        let minimum = try query.minimumGrade()
        let (items, total) = try await corpus.read { corpus in
            let (items, total) = try corpus.grading.listing(filter, atLeast: minimum, in: corpus.store)
            return (items, try total ?? corpus.store.countRelations(filter))
        }
        return Responses.json(Page(paging, items: items, total: total))
    }

    @Sendable func outlets(_ request: Request, context: ServerContext) async throws -> Response {
        let paging = try Paging(QueryParameters(request.uri.query), defaultLimit: 50)
        let all = try await corpus.read { try $0.outlets() }
        return Responses.json(Page(paging, items: paging.slice(all), total: all.count))
    }
}

/// The search results with the query they answer. `total` counts the matching passages up to
/// the search's candidate bound; past it `total_is_lower_bound` is true: more than `total` match.
struct SearchPage: Encodable, Sendable {
    var query: String
    var page: Page<SearchHit>
    var totalIsLowerBound: Bool

    private enum CodingKeys: String, CodingKey {
        case query, limit, offset, count, total, items
        case totalIsLowerBound = "total_is_lower_bound"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(query, forKey: .query)
        try container.encode(page.limit, forKey: .limit)
        try container.encode(page.offset, forKey: .offset)
        try container.encode(page.count, forKey: .count)
        try container.encode(page.total ?? page.count, forKey: .total)
        try container.encode(totalIsLowerBound, forKey: .totalIsLowerBound)
        try container.encode(page.items, forKey: .items)
    }
}

/// A document with its text, passages and a page of its relations.
struct DocumentDetail: Encodable, Sendable {
    var document: StoredDocument
    var text: String
    var passages: [Passage]
    var relations: Page<StoredRelation>

    /// Loads the document `key` (id, id prefix, file name or path); 404 when unknown.
    static func load(_ key: String, from store: any CorpusStore, paging: Paging) throws -> DocumentDetail {
        guard let stored = try store.document(matching: key), let content = try store.content(ofDocument: stored.document.id) else {
            throw RequestError.notFound("no document '\(key)'")
        }
        let relations = try store.relations(RelationFilter(documentID: stored.document.id, limit: paging.limit, offset: paging.offset))
        return DocumentDetail(document: stored, text: content.text, passages: content.passages,
                              relations: Page(paging, items: relations, total: stored.relationCount))
    }
}
