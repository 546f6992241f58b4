import KremlinologyAnalysis
import KremlinologyModel

/// The network filters of `/api/v1/network` and the network page, read from the query string.
struct NetworkQuery: Sendable, Hashable {
    var types: [RelationType]
    /// `positive`, `negative`, or nil for both.
    var polarity: Int?
    var outlets: [String]
    var from: String?
    var to: String?
    var rollUp: Bool
    /// `reviewed=only`: no open-world (unreviewed) actors.
    var reviewedOnly = false
    /// Most nodes drawn: the heaviest ones (by the weight of their edges) are kept.
    var limit: Int
    /// The actors whose ego network is asked for (`actor`, repeatable; names may hold commas,
    /// so values are not split); empty for the whole network.
    var actors: [String]
    /// Only edges made by at least this many independent sources.
    var minSources: Int
    /// `min_grade=B3`: only facts graded at least that well.
    var minimumGrade: AdmiraltyGrade?
    /// `format=gexf|graphml` downloads the view; nil (or `json`) answers JSON.
    var download: NetworkDownload?

    init(_ query: QueryParameters) throws {
        types = try query.choices("type", as: RelationType.self, uppercase: true)
        switch query.string("polarity")?.lowercased() {
        case nil, "any", "all": polarity = nil
        case "positive", "+", "1", "cooperation": polarity = 1
        case "negative", "-", "-1", "conflict": polarity = -1
        case let other?: throw RequestError.badRequest("'polarity' must be positive or negative, got '\(other)'")
        }
        outlets = query.list("outlet")
        from = try query.datePrefix("from")
        to = try query.datePrefix("to")
        rollUp = try query.rollUp()
        reviewedOnly = try query.reviewedOnly()
        limit = try query.integer("limit", default: 60, in: 1...Paging.maximumLimit)
        actors = query.values("actor")
        guard actors.count <= Self.maximumActors else {
            throw RequestError.badRequest("at most \(Self.maximumActors) 'actor' values, got \(actors.count)")
        }
        minSources = try query.integer("min_sources", default: 1, in: 1...1000)
        minimumGrade = try query.minimumGrade()
        let format = try query.choice("format", as: NetworkDownload.Format.self)
        download = format.flatMap(NetworkDownload.init)
    }

    /// Most centres of one ego network (a reader expanding node after node).
    static let maximumActors = 50

    /// The same filters without `from` and `to`.
    var withoutDates: NetworkQuery {
        var copy = self
        copy.from = nil
        copy.to = nil
        return copy
    }

    /// The filters as query parameters (without `format`), for links that keep them.
    var parameters: [(String, String?)] {
        actors.map { ("actor", $0) } + [
            ("type", types.isEmpty ? nil : types.map(\.rawValue).joined(separator: ",")),
            ("polarity", polarity.map { $0 > 0 ? "positive" : "negative" }),
            ("outlet", outlets.isEmpty ? nil : outlets.joined(separator: ",")),
            ("from", from), ("to", to), ("rollup", rollUp ? "states" : nil),
            ("min_sources", minSources > 1 ? String(minSources) : nil), ("min_grade", minimumGrade?.description),
            ("limit", String(limit)),
        ]
    }

    /// The analysis options: the polarity becomes the set of types of that sign.
    var options: NetworkOptions {
        var chosen = Set(types)
        if let polarity {
            let signed = Set(RelationType.allCases.filter { $0.polarity == polarity })
            chosen = chosen.isEmpty ? signed : chosen.intersection(signed)
            if chosen.isEmpty { chosen = [] }
        }
        return NetworkOptions(rollUpStates: rollUp, types: chosen, outlets: outlets, from: from, to: to)
    }

    /// Whether the filters rule out every type (a polarity and types of the other sign).
    var admitsNothing: Bool {
        guard let polarity, !types.isEmpty else { return false }
        return !types.contains { $0.polarity == polarity }
    }

    /// The cache key of the whole (untrimmed) network.
    var cacheKey: String {
        [types.map(\.rawValue).sorted().joined(separator: ","), polarity.map(String.init) ?? "",
         outlets.map { $0.lowercased() }.sorted().joined(separator: ","), from ?? "", to ?? "", rollUp ? "1" : "0",
         reviewedOnly ? "reviewed" : "all", minimumGrade?.description ?? ""]
            .joined(separator: "|")
    }
}

/// The files `/api/v1/network?format=…` answers with: the drawn view, for Gephi or yEd.
struct NetworkDownload: Sendable, Hashable {
    enum Format: String, CaseIterable, Sendable { case json, gexf, graphml }
    var format: Format

    /// Nil for `json`, which is the ordinary answer.
    init?(_ format: Format) {
        guard format != .json else { return nil }
        self.format = format
    }

    var contentType: String { format == .gexf ? "application/gexf+xml; charset=utf-8" : "application/graphml+xml; charset=utf-8" }
    var fileName: String { "network.\(format.rawValue)" }

    func render(_ network: Network) -> String {
        let metrics = NetworkMetrics(graph: network.graph, unbalancedLimit: 100)
        return format == .gexf ? NetworkExport.gexf(network, metrics: metrics) : NetworkExport.graphML(network, metrics: metrics)
    }
}
