import Hummingbird
import KremlinologyAnalysis
import KremlinologyModel

/// `/api/v1` routes over the analysis: dossier, brief, network, timeline, compare.
struct AnalysisAPI {
    let corpus: Corpus

    func addRoutes(to group: RouterGroup<ServerContext>) {
        group.get("dossier", use: dossier)
        group.get("brief", use: brief)
        group.get("network", use: network)
        group.get("timeline", use: timeline)
        group.get("compare", use: compare)
    }

    @Sendable func dossier(_ request: Request, context: ServerContext) async throws -> Response {
        let query = QueryParameters(request.uri.query)
        let actor = try query.required("actor")
        let limit = try query.integer("limit", default: 50, in: 1...Paging.maximumLimit)
        let (rollUp, reviewed, grade) = (try query.rollUp(), try query.reviewedOnly(), try query.minimumGrade())
        let dossier = try await corpus.read {
            try AnalysisViews.dossier(actor, rollUp: rollUp, reviewedOnly: reviewed, minimumGrade: grade, in: $0)
        }
        return Responses.json(dossier.capped(limit))
    }

    @Sendable func brief(_ request: Request, context: ServerContext) async throws -> Response {
        let query = QueryParameters(request.uri.query)
        let (a, b) = (try query.required("a"), try query.required("b"))
        let paging = try Paging(query, defaultLimit: 50)
        let (rollUp, reviewed, grade) = (try query.rollUp(), try query.reviewedOnly(), try query.minimumGrade())
        let brief = try await corpus.read {
            try AnalysisViews.brief(a, b, rollUp: rollUp, reviewedOnly: reviewed, minimumGrade: grade, in: $0)
        }
        return Responses.json(brief.paged(paging))
    }

    /// The network as JSON, or with `format=gexf|graphml` the same view as a file to download.
    @Sendable func network(_ request: Request, context: ServerContext) async throws -> Response {
        let filters = try NetworkQuery(QueryParameters(request.uri.query))
        let selection = try await corpus.read { try AnalysisViews.networkSelection(filters, in: $0) }
        if let download = filters.download {
            return Responses.download(download.render(selection.network), contentType: download.contentType, fileName: download.fileName)
        }
        return Responses.json(NetworkView(selection, filters: filters))
    }

    @Sendable func timeline(_ request: Request, context: ServerContext) async throws -> Response {
        let query = QueryParameters(request.uri.query)
        let paging = try Paging(query, defaultLimit: 50)
        let actor = query.string("actor")
        let pair = try query.string("a").map { ($0, try query.required("b")) }
        let (rollUp, reviewed, grade) = (try query.rollUp(), try query.reviewedOnly(), try query.minimumGrade())
        let timeline = try await corpus.read {
            try AnalysisViews.timeline(actor: actor, pair: pair, rollUp: rollUp, reviewedOnly: reviewed, minimumGrade: grade, in: $0)
        }
        return Responses.json(TimelinePage(actors: timeline.actors, page: Page(paging, items: paging.slice(timeline.entries),
                                                                                total: timeline.entries.count),
                                           rollUp: timeline.rollUp))
    }

    @Sendable func compare(_ request: Request, context: ServerContext) async throws -> Response {
        let query = QueryParameters(request.uri.query)
        let outlets = query.list("outlets") + query.list("outlet")
        guard outlets.count >= 2 else { throw RequestError.badRequest("'outlets' must name at least two outlets, e.g. outlets=RT,ISW") }
        let actor = query.string("actor")
        let limit = try query.integer("limit", default: 50, in: 1...Paging.maximumLimit)
        let (rollUp, reviewed, grade) = (try query.rollUp(), try query.reviewedOnly(), try query.minimumGrade())
        var comparison = try await corpus.read {
            try $0.analyzer.reviewed(only: reviewed).graded(atLeast: grade).compare(outlets: outlets, actor: actor, rollUp: rollUp)
        }
        comparison.dyads = Array(comparison.dyads.prefix(limit))
        return Responses.json(comparison)
    }
}

/// The analysis views, memoised; shared by the API and the pages. An unknown or ambiguous
/// actor is an ``AnalysisError`` that ``ErrorMiddleware`` answers with 404 or 409.
enum AnalysisViews {
    static func dossier(_ actor: String, rollUp: Bool = false, reviewedOnly: Bool = false, minimumGrade: AdmiraltyGrade? = nil,
                        in corpus: Corpus) throws -> Dossier {
        try corpus.memo("dossier|\(actor)|\(rollUp)|\(reviewedOnly)|\(minimumGrade?.description ?? "")") {
            try corpus.analyzer.reviewed(only: reviewedOnly).graded(atLeast: minimumGrade).dossier(actor, rollUp: rollUp)
        }
    }

    static func brief(_ a: String, _ b: String, rollUp: Bool = false, reviewedOnly: Bool = false, minimumGrade: AdmiraltyGrade? = nil,
                      in corpus: Corpus) throws -> Brief {
        try corpus.memo("brief|\(a)\u{1}\(b)|\(rollUp)|\(reviewedOnly)|\(minimumGrade?.description ?? "")") {
            try corpus.analyzer.reviewed(only: reviewedOnly).graded(atLeast: minimumGrade).brief(a, b, rollUp: rollUp)
        }
    }

    static func timeline(actor: String?, pair: (String, String)?, rollUp: Bool = false, reviewedOnly: Bool = false,
                         minimumGrade: AdmiraltyGrade? = nil, in corpus: Corpus) throws -> Timeline {
        let key = "timeline|\(actor ?? "")|\(pair?.0 ?? "")\u{1}\(pair?.1 ?? "")|\(rollUp)|\(reviewedOnly)|\(minimumGrade?.description ?? "")"
        return try corpus.memo(key) {
            try corpus.analyzer.reviewed(only: reviewedOnly).graded(atLeast: minimumGrade).timeline(actor: actor, pair: pair, rollUp: rollUp)
        }
    }

    static func network(_ filters: NetworkQuery, in corpus: Corpus) throws -> NetworkView {
        NetworkView(try networkSelection(filters, in: corpus), filters: filters)
    }

    /// The selection the filters ask for. Every `actor` is resolved as the dossier resolves
    /// it (unknown: 404, ambiguous: 409); rolled up, a person's state is a centre too.
    static func networkSelection(_ filters: NetworkQuery, in corpus: Corpus) throws -> NetworkSelection {
        let analyzer = corpus.analyzer.reviewed(only: filters.reviewedOnly).graded(atLeast: filters.minimumGrade)
        var centres: [String] = []
        for typed in filters.actors {
            let name = try analyzer.resolve(typed)
            for centre in [name] + (filters.rollUp ? [analyzer.directory.state(of: name)].compactMap { $0 } : [])
            where !centres.contains(centre) { centres.append(centre) }
        }
        if filters.admitsNothing { return NetworkSelection(Network(nodes: [], edges: []), filters: filters, centres: centres) }
        var selection = NetworkSelection(try corpus.network(filters.options, key: filters.cacheKey, reviewedOnly: filters.reviewedOnly,
                                                                 minimumGrade: filters.minimumGrade), filters: filters, centres: centres)
        if filters.from != nil || filters.to != nil {
            let undated = filters.withoutDates
            selection.years = try corpus.network(undated.options, key: undated.cacheKey, reviewedOnly: filters.reviewedOnly,
                                              minimumGrade: filters.minimumGrade).years
        }
        return selection
    }
}

/// A page of a timeline.
struct TimelinePage: Encodable, Sendable {
    var actors: [String]
    var page: Page<CitedRelation>
    var rollUp: RollUp?

    private enum CodingKeys: String, CodingKey { case actors, limit, offset, count, total, items, rollUp }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(actors, forKey: .actors)
        try container.encodeIfPresent(rollUp, forKey: .rollUp)
        try container.encode(page.limit, forKey: .limit)
        try container.encode(page.offset, forKey: .offset)
        try container.encode(page.count, forKey: .count)
        try container.encode(page.total, forKey: .total)
        try container.encode(page.items, forKey: .items)
    }
}

extension Dossier {
    /// The dossier with each list cut to `limit` entries.
    func capped(_ limit: Int) -> Dossier {
        var copy = self
        copy.relationsOut = Array(relationsOut.prefix(limit))
        copy.relationsIn = Array(relationsIn.prefix(limit))
        copy.instruments = Array(instruments.prefix(limit))
        copy.innerCircle = Array(innerCircle.prefix(limit))
        copy.strongestQuotes = Array(strongestQuotes.prefix(limit))
        copy.outlets = Array(outlets.prefix(limit))
        copy.denied = Array(denied.prefix(limit))
        return copy
    }
}

extension Brief {
    /// The brief with a page of its relations and at most `paging.limit` contradictions.
    func paged(_ paging: Paging) -> Brief {
        var copy = self
        copy.relations = paging.slice(relations)
        copy.contradictions = Array(contradictions.prefix(paging.limit))
        copy.periods = Array(periods.suffix(Paging.maximumLimit))
        return copy
    }
}
