import Foundation
import KremlinologyModel

/// A reproducible synthetic benchmark of the network metrics (see `kremlinology bench-network`).
public enum NetworkBenchmark {
    /// A seeded random graph: half the relations start at a few hub actors, the rest are
    /// uniform; types (and so polarities) are drawn uniformly.
    public static func graph(actors: Int, relations: Int, seed: UInt64 = 7) -> SignedGraph {
        var rng = SplitMix64(seed: seed)
        let types = RelationType.allCases
        let hubs = max(1, actors / 1000)
        var edges: [SignedGraph.Edge] = []
        edges.reserveCapacity(relations)
        for i in 0..<relations {
            let source = i % 2 == 0 ? Int(rng.next() % UInt64(hubs)) : Int(rng.next() % UInt64(actors))
            var target = Int(rng.next() % UInt64(actors))
            if target == source { target = (target + 1) % actors }
            let type = types[Int(rng.next() % UInt64(types.count))]
            edges.append(.init(source: source, target: target, count: 1, polarity: type.polarity))
        }
        return SignedGraph(nodeCount: actors, edges: edges)
    }

    /// Runs every metric once and returns printable lines with the timings.
    public static func run(actors: Int, relations: Int, pivots: Int?) -> [String] {
        var lines: [String] = []
        func time<T>(_ label: String, _ body: () -> T) -> T {
            let start = Date()
            let value = body()
            let padded = label.count >= 38 ? label : label + String(repeating: " ", count: 38 - label.count)
            lines.append(padded + String(format: "%8.2f s", Date().timeIntervalSince(start)))
            return value
        }
        lines.append("synthetic graph: \(actors) actors, \(relations) relations")
        let graph = time("build (merge edges)") { Self.graph(actors: actors, relations: relations) }
        lines.append("distinct directed edges: \(graph.edges.count)")
        _ = time("skeleton (undirected CSR)") { graph.skeleton() }
        _ = time("degree") { graph.degrees() }
        let pr = time("pagerank (tol 1e-10)") { graph.pageRank() }
        lines.append("  pagerank iterations: \(pr.iterations)")
        let communities = time("communities (label propagation)") { graph.communities() }
        lines.append("  passes: \(communities.passes), communities: \(Set(communities.labels).count)")
        let balance = time("structural balance (triangles)") { graph.balance(limit: 100) }
        lines.append("  triangles: \(balance.triangles), balanced share: \(balance.balancedShare.map { String(format: "%.4f", $0) } ?? "n/a")")
        let label = pivots.map { "betweenness (\($0) pivots, sampled)" } ?? "betweenness (exact)"
        let bc = time(label) { graph.betweenness(pivots: pivots) }
        lines.append("  exact: \(bc.exact), pivots: \(bc.pivots)")
        return lines
    }
}
