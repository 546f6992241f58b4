import KremlinologyModel
import KremlinologyStore

/// Which relations a network is built from. Negated relations never count, whatever is asked.
public struct NetworkOptions: Sendable {
    /// Fold people into the state they are affiliated to (Putin → Russia).
    public var rollUpStates: Bool
    /// Only these types; empty for all.
    public var types: Set<RelationType>
    /// Only these modalities; empty for every modality but `negated`.
    public var modalities: Set<Modality>
    /// Only documents of these outlets (case-insensitive); empty for all.
    public var outlets: [String]
    /// Earliest date (ISO prefix such as `2014` or `2021-02`), compared with ``Dating``; undated relations are then left out.
    public var from: String?
    /// Latest date (ISO prefix), inclusive: `2016` takes in all of 2016.
    public var to: String?

    public init(rollUpStates: Bool = false, types: Set<RelationType> = [], modalities: Set<Modality> = [],
                outlets: [String] = [], from: String? = nil, to: String? = nil) {
        self.rollUpStates = rollUpStates
        self.types = types
        self.modalities = modalities
        self.outlets = outlets
        self.from = from
        self.to = to
    }

    /// Whether `stored` enters the network.
    public func admits(_ stored: StoredRelation) -> Bool {
        let r = stored.relation
        guard Facts.counts(stored) else { return false }
        if !types.isEmpty, !types.contains(r.type) { return false }
        if !modalities.isEmpty, !modalities.contains(r.modality) { return false }
        if !outlets.isEmpty {
            guard let outlet = stored.outlet?.lowercased(), outlets.contains(where: { $0.lowercased() == outlet }) else { return false }
        }
        if from != nil || to != nil {
            guard let date = Dating(stored).date else { return false }
            if let from, date < from { return false }
            if let to, String(date.prefix(to.count)) > to { return false }
        }
        return true
    }
}

/// Actors as nodes and their relations as signed, weighted, directed edges, with evidence.
public struct Network: Sendable, Codable {
    /// One actor.
    public struct Node: Sendable, Codable, Hashable {
        public var id: Int
        public var name: String
        public var kind: ActorKind?
        public var wikidata: String?
        /// False for an open-world actor (a name no pack knows), drawn marked as unreviewed.
        public var reviewed: Bool

        public init(id: Int, name: String, kind: ActorKind? = nil, wikidata: String? = nil, reviewed: Bool = true) {
            self.id = id
            self.name = name
            self.kind = kind
            self.wikidata = wikidata
            self.reviewed = reviewed
        }
    }

    /// All relations from one actor to another.
    public struct Edge: Sendable, Codable, Hashable {
        public var source: Int
        public var target: Int
        /// Number of claims (one per source, however many notes repeat it).
        public var weight: Int
        /// Sum of their polarities: its sign is the edge's sign.
        public var polarity: Int
        /// Number of claims per type.
        public var types: [String: Int]
        /// Independent sources (videos, URLs, documents: ``StoredRelation/sourceKey``) behind
        /// the claims of the edge; `network?min_sources=N` keeps the edges with at least N.
        public var sources: Int
        /// Up to three quotes.
        public var citations: [Citation]

        public init(source: Int, target: Int, weight: Int, polarity: Int, types: [String: Int], sources: Int = 1,
                    citations: [Citation] = []) {
            self.source = source
            self.target = target
            self.weight = weight
            self.polarity = polarity
            self.types = types
            self.sources = sources
            self.citations = citations
        }
    }

    public var nodes: [Node]
    public var edges: [Edge]
    /// The years its claims are dated in (stated, else the document's; ``Dating``), nil when
    /// none is dated: the range a date control offers.
    public var years: ClosedRange<Int>?

    /// The numeric graph the metrics run on.
    public var graph: SignedGraph {
        SignedGraph(nodeCount: nodes.count, edges: edges.map {
            SignedGraph.Edge(source: $0.source, target: $0.target, count: $0.weight, polarity: $0.polarity)
        })
    }

    /// Builds the network in one pass over `relations`. With ``NetworkOptions/rollUpStates``,
    /// a person's relations become their state's, and ties of a state to itself are dropped.
    public init(relations: [StoredRelation], directory: ActorDirectory, options: NetworkOptions = NetworkOptions()) {
        var index: [String: Int] = [:]
        var nodes: [Node] = []
        var edgeIndex: [Int: Int] = [:]  // source * 2^32 + target → position in edges
        var edges: [Edge] = []
        // One claim is one unit of weight, after roll-up: the six notes of one video that
        // repeat a remark, or Putin's and Russia's rolled-up claims from one source, count once.
        var claims = Set<ClaimKey>()
        var sourceKeys: [Set<String>] = []  // per edge
        var years: ClosedRange<Int>?
        func node(_ name: String) -> Int {
            if let id = index[name] { return id }
            let id = nodes.count
            let actor = directory[name]
            nodes.append(Node(id: id, name: name, kind: actor?.kind, wikidata: actor?.wikidata, reviewed: !directory.isUnreviewed(name)))
            index[name] = id
            return id
        }
        for stored in relations where options.admits(stored) {
            let r = stored.relation
            var source = r.source, target = r.target
            if options.rollUpStates {
                let date = Dating(stored).date
                source = directory.state(of: source, on: date) ?? source
                target = directory.state(of: target, on: date) ?? target
                if source == target { continue }
            }
            var claim = ClaimKey(stored)
            claim.statement.source = source
            claim.statement.target = target
            guard claims.insert(claim).inserted else { continue }
            if let year = Int(Dating(stored).period) {
                years = years.map { min($0.lowerBound, year)...max($0.upperBound, year) } ?? year...year
            }
            let s = node(source), t = node(target)
            let key = s << 32 | t
            if let position = edgeIndex[key] {
                edges[position].weight += 1
                edges[position].polarity += r.polarity
                edges[position].types[r.type.rawValue, default: 0] += 1
                if edges[position].citations.count < Tally.quotesPerFigure { edges[position].citations.append(Citation(stored)) }
                sourceKeys[position].insert(claim.sourceKey)
            } else {
                edgeIndex[key] = edges.count
                sourceKeys.append([claim.sourceKey])
                edges.append(Edge(source: s, target: t, weight: 1, polarity: r.polarity, types: [r.type.rawValue: 1],
                                  citations: [Citation(stored)]))
            }
        }
        for position in edges.indices { edges[position].sources = sourceKeys[position].count }
        self.nodes = nodes
        self.edges = edges
        self.years = years
    }

    public init(nodes: [Node], edges: [Edge], years: ClosedRange<Int>? = nil) {
        self.nodes = nodes
        self.edges = edges
        self.years = years
    }
}

/// Every metric of a network, computed once, for the exports and the JSON report.
public struct NetworkMetrics: Sendable, Codable {
    public var degrees: [Degree]
    public var pageRank: [Double]
    public var pageRankIterations: Int
    public var betweenness: Betweenness
    /// Community number per node (0 = largest).
    public var communities: [Int]
    public var balance: BalanceReport

    /// Computes all metrics; betweenness uses `pivots` sources when given and smaller than the node count.
    public init(graph: SignedGraph, betweennessPivots: Int? = nil, unbalancedLimit: Int = 1000) {
        degrees = graph.degrees()
        (pageRank, pageRankIterations) = graph.pageRank()
        betweenness = graph.betweenness(pivots: betweennessPivots)
        communities = graph.communities().labels
        balance = graph.balance(limit: unbalancedLimit)
    }
}

/// The JSON export: nodes with their metrics, edges with their evidence, and the balance report
/// with unbalanced triads by name.
public struct NetworkReport: Sendable, Codable {
    public struct NodeReport: Sendable, Codable {
        public var node: Network.Node
        public var degree: Degree
        public var pageRank: Double
        public var betweenness: Double
        public var community: Int
    }
    public struct NamedTriad: Sendable, Codable, Hashable {
        /// Three actors; `signs` are those of the ties 0–1, 1–2 and 2–0.
        public var actors: [String]
        public var signs: [Int]
    }
    public var nodes: [NodeReport]
    public var edges: [Network.Edge]
    public var betweennessExact: Bool
    public var betweennessPivots: Int
    public var balance: BalanceReport
    public var unbalancedTriads: [NamedTriad]

    public init(network: Network, metrics: NetworkMetrics) {
        nodes = network.nodes.map { node in
            NodeReport(node: node, degree: metrics.degrees[node.id], pageRank: metrics.pageRank[node.id],
                       betweenness: metrics.betweenness.values[node.id], community: metrics.communities[node.id])
        }
        edges = network.edges
        betweennessExact = metrics.betweenness.exact
        betweennessPivots = metrics.betweenness.pivots
        balance = metrics.balance
        unbalancedTriads = metrics.balance.unbalanced.map { t in
            NamedTriad(actors: [t.a, t.b, t.c].map { network.nodes[$0].name }, signs: t.signs)
        }
    }
}
