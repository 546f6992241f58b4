import KremlinologyAnalysis
import KremlinologyModel

/// What a reader is shown of a network: the ego network of the actors asked for (or the whole
/// filtered network), without the edges too few sources make, trimmed to its heaviest actors.
/// The API, the page and the downloads all take the same selection, so a download holds what
/// was drawn.
struct NetworkSelection: Sendable {
    /// The centres, resolved to canonical names (and, rolled up, also their states).
    var centres: [String]
    /// Nodes and edges of the selection before trimming to `limit` actors.
    var totalNodes: Int
    var totalEdges: Int
    /// The trimmed network, node ids from 0.
    var network: Network
    /// Claims on each trimmed node's edges in the untrimmed selection, by node id.
    var weights: [Int]
    /// The years the claims are dated in under the same filters but the dates: the range of
    /// the page's date sliders.
    var years: ClosedRange<Int>?

    init(_ full: Network, filters: NetworkQuery, centres: [String]) {
        self.centres = centres
        var selected = full.corroborated(minSources: filters.minSources)
        if !centres.isEmpty { selected = selected.ego(of: centres) }
        totalNodes = selected.nodes.count
        totalEdges = selected.edges.count
        let weightByName = Dictionary(zip(selected.nodes.map(\.name), selected.nodeWeights), uniquingKeysWith: +)
        network = selected.heaviest(limit: filters.limit, edgeLimit: filters.limit * 3, keeping: Set(centres))
        weights = network.nodes.map { weightByName[$0.name] ?? 0 }
        years = full.years
    }

    static let empty = NetworkSelection(Network(nodes: [], edges: []), filters: .none, centres: [])
}

/// A network trimmed to its heaviest nodes, as the API and the network page send it.
struct NetworkView: Codable, Sendable {
    struct Node: Codable, Sendable, Hashable {
        var id: Int
        var name: String
        var kind: ActorKind?
        var wikidata: String?
        /// False for an open-world actor (a name no pack knows), drawn marked as unreviewed.
        var reviewed = true
        /// Relations on the node's edges.
        var weight: Int
        /// Community of the node in the drawn view (label propagation, 0 the largest).
        var community: Int
    }

    /// The balance figure of the drawn view (``BalanceReport`` without the triads).
    struct Balance: Codable, Sendable, Hashable {
        var signedTies: Int
        var triangles: Int
        var balanced: Int
        var balancedShare: Double?
    }

    /// The ego network's centres (canonical names); empty for the whole network.
    var actors: [String]
    var minSources: Int
    var limit: Int
    /// Most edges sent: the heaviest edges among the kept nodes, up to 3 per node.
    var edgeLimit: Int
    /// Nodes and edges of the whole selection (filters, ego, sources), before trimming.
    var totalNodes: Int
    var totalEdges: Int
    var nodes: [Node]
    /// The heaviest edges between the kept nodes, each with up to two quotes; `source`/`target` are node ids.
    var edges: [Network.Edge]
    /// Number of communities among the drawn nodes.
    var communities: Int
    var balance: Balance
    /// The first and last year of the dated claims under the filters but the dates (absent
    /// when none is dated).
    var firstYear: Int?
    var lastYear: Int?

    init(_ selection: NetworkSelection, filters: NetworkQuery) {
        let network = selection.network
        let graph = network.graph
        let labels = graph.communities().labels
        let report = graph.balance(limit: 0)
        actors = selection.centres
        minSources = filters.minSources
        limit = filters.limit
        edgeLimit = filters.limit * 3
        totalNodes = selection.totalNodes
        totalEdges = selection.totalEdges
        nodes = network.nodes.map { node in
            Node(id: node.id, name: node.name, kind: node.kind, wikidata: node.wikidata, reviewed: node.reviewed, weight: selection.weights[node.id],
                 community: labels[node.id])
        }
        edges = network.edges
        communities = Set(labels).count
        balance = Balance(signedTies: report.signedTies, triangles: report.triangles, balanced: report.balanced,
                          balancedShare: report.balancedShare)
        firstYear = selection.years?.lowerBound
        lastYear = selection.years?.upperBound
    }

    static let empty = NetworkView(.empty, filters: .none)
}

extension NetworkQuery {
    /// No filter at all (the empty view's).
    static let none = try! NetworkQuery(QueryParameters(nil))
}
