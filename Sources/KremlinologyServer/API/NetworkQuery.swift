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
    /// Most nodes drawn: the heaviest ones (by the weight of their edges) are kept.
    var limit: Int

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
        limit = try query.integer("limit", default: 60, in: 1...Paging.maximumLimit)
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
         outlets.map { $0.lowercased() }.sorted().joined(separator: ","), from ?? "", to ?? "", rollUp ? "1" : "0"]
            .joined(separator: "|")
    }
}

/// A network trimmed to its heaviest nodes, as the API and the network page send it.
struct NetworkView: Codable, Sendable {
    struct Node: Codable, Sendable, Hashable {
        var id: Int
        var name: String
        var kind: ActorKind?
        var wikidata: String?
        /// Relations on the node's edges.
        var weight: Int
    }

    var limit: Int
    /// Most edges sent: the heaviest edges among the kept nodes, up to 3 per node.
    var edgeLimit: Int
    /// Nodes and edges of the whole filtered network, before trimming.
    var totalNodes: Int
    var totalEdges: Int
    var nodes: [Node]
    /// The heaviest edges between the kept nodes, each with up to two quotes; `source`/`target` are node ids.
    var edges: [Network.Edge]

    init(_ network: Network, limit: Int) {
        var weight = [Int](repeating: 0, count: network.nodes.count)
        for edge in network.edges {
            weight[edge.source] += edge.weight
            weight[edge.target] += edge.weight
        }
        let kept = network.nodes.sorted { (weight[$1.id], $0.name) < (weight[$0.id], $1.name) }.prefix(limit)
        let keptIDs = Set(kept.map(\.id))
        self.limit = limit
        edgeLimit = limit * 3
        totalNodes = network.nodes.count
        totalEdges = network.edges.count
        nodes = kept.map { Node(id: $0.id, name: $0.name, kind: $0.kind, wikidata: $0.wikidata, weight: weight[$0.id]) }
        let between = network.edges.filter { keptIDs.contains($0.source) && keptIDs.contains($0.target) }
        edges = between.sorted { ($1.weight, $0.source, $0.target) < ($0.weight, $1.source, $1.target) }.prefix(limit * 3).map { edge in
            var edge = edge
            edge.citations = Array(edge.citations.prefix(2))
            return edge
        }
    }

    static let empty = NetworkView(Network(nodes: [], edges: []), limit: 0)
}
