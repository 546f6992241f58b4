import Foundation
import Testing
@testable import KremlinologyAnalysis

/// Nodes A=0, B=1, C=2, D=3, E=4 with signed ties; see the expectations for the hand count.
func handSignedGraph() -> SignedGraph {
    func e(_ s: Int, _ t: Int, _ p: Int, _ c: Int = 1) -> SignedGraph.Edge { .init(source: s, target: t, count: c, polarity: p) }
    return SignedGraph(nodeCount: 5, edges: [
        e(0, 1, 1), e(1, 2, 1), e(2, 0, -1),      // A+B, B+C, A−C
        e(0, 3, -1), e(3, 1, -2, 2), e(2, 3, 1),  // A−D, B−D (two relations), C+D
        e(0, 4, 1), e(4, 0, -1), e(1, 4, 1),      // A–E sums to zero: dropped; B+E
    ])
}

@Suite struct StructuralBalanceTests {
    @Test func balancedShareAndUnbalancedTriadsMatchAHandCount() {
        // Triangles among signed ties: ABC (+,+,−) unbalanced; ABD (+,−,−) balanced;
        // ACD (−,+,−) balanced; BCD (+,+,−) unbalanced. ABE is no triangle: A–E sums to 0.
        let report = handSignedGraph().balance()
        #expect(report.signedTies == 7)
        #expect(report.triangles == 4)
        #expect(report.balanced == 2)
        #expect(report.balancedShare == 0.5)
        #expect(report.unbalanced.map { [$0.a, $0.b, $0.c] } == [[0, 1, 2], [1, 2, 3]])
        #expect(report.unbalanced[0].signs == [1, 1, -1])
        #expect(!report.unbalancedTruncated)
    }

    @Test func aGraphWithoutTrianglesHasNoShare() {
        let graph = SignedGraph(nodeCount: 3, edges: [.init(source: 0, target: 1, count: 1, polarity: 1)])
        #expect(graph.balance().balancedShare == nil)
    }

    @Test func theUnbalancedListIsCutAtTheLimitButAllAreCounted() {
        let report = handSignedGraph().balance(limit: 1)
        #expect(report.unbalanced.count == 1)
        #expect(report.unbalancedTruncated)
        #expect(report.triangles == 4)
    }
}

@Suite struct CentralityTests {
    /// A plain power iteration on a dense matrix, as a reference.
    func referencePageRank(_ n: Int, _ edges: [(Int, Int, Double)], damping: Double = 0.85) -> [Double] {
        var out = [Double](repeating: 0, count: n)
        for (s, _, w) in edges { out[s] += w }
        var rank = [Double](repeating: 1 / Double(n), count: n)
        for _ in 0..<500 {
            var next = [Double](repeating: 0, count: n)
            for v in 0..<n {
                var sum = 0.0
                for u in 0..<n {
                    if out[u] == 0 { sum += rank[u] / Double(n); continue }
                    for (s, t, w) in edges where s == u && t == v { sum += rank[u] * w / out[u] }
                }
                next[v] = (1 - damping) / Double(n) + damping * sum
            }
            rank = next
        }
        return rank
    }

    @Test func pageRankMatchesAReferencePowerIterationWithWeightsAndDanglingNodes() {
        let edges: [(Int, Int, Double)] = [(0, 1, 3), (0, 2, 1), (1, 2, 1), (2, 0, 2), (3, 2, 1)]  // node 4 dangling, isolated
        let graph = SignedGraph(nodeCount: 5, edges: edges.map { .init(source: $0.0, target: $0.1, count: Int($0.2), polarity: 1) })
        let (ranks, _) = graph.pageRank()
        let reference = referencePageRank(5, edges)
        for v in 0..<5 { #expect(abs(ranks[v] - reference[v]) < 1e-9) }
        #expect(abs(ranks.reduce(0, +) - 1) < 1e-9)
    }

    @Test func pageRankOfATwoCycleIsHalfEach() {
        let graph = SignedGraph(nodeCount: 2, edges: [.init(source: 0, target: 1, count: 1, polarity: 1),
                                                      .init(source: 1, target: 0, count: 5, polarity: -5)])
        let (ranks, _) = graph.pageRank()
        #expect(abs(ranks[0] - 0.5) < 1e-12 && abs(ranks[1] - 0.5) < 1e-12)
    }

    @Test func degreesCountDistinctNeighboursAndRelations() {
        let degrees = handSignedGraph().degrees()
        #expect(degrees[0].outDegree == 3)  // A→B, A→D, A→E
        #expect(degrees[0].inDegree == 2)   // C→A, E→A
        #expect(degrees[0].total == 5)
        #expect(degrees[1].inDegree == 2)   // A→B, D→B
        #expect(degrees[1].inWeight == 3)   // D→B carries two relations
    }

    @Test func betweennessOfAPathCentreAndAStarHubIsOne() {
        let path = SignedGraph(nodeCount: 3, edges: [.init(source: 0, target: 1, count: 1, polarity: 1),
                                                     .init(source: 2, target: 1, count: 1, polarity: 1)])
        #expect(path.betweenness().values == [0, 1, 0])
        let star = SignedGraph(nodeCount: 5, edges: (1..<5).map { .init(source: 0, target: $0, count: 1, polarity: -1) })
        let values = star.betweenness().values
        #expect(values[0] == 1)
        #expect(values[1...].allSatisfy { $0 == 0 })
    }

    @Test func betweennessOfASquareWithADiagonalSplitsPaths() {
        // 0-1-2-3-0 and the diagonal 0-2: pair (1,3) has two shortest paths, via 0 and via 2.
        let edges = [(0, 1), (1, 2), (2, 3), (3, 0), (0, 2)].map { SignedGraph.Edge(source: $0.0, target: $0.1, count: 1, polarity: 1) }
        let values = SignedGraph(nodeCount: 4, edges: edges).betweenness().values
        // Raw: 0 and 2 each carry half of pair (1,3) = 0.5; normalised by (n−1)(n−2)/2 = 3.
        #expect(abs(values[0] - 0.5 / 3) < 1e-12 && abs(values[2] - 0.5 / 3) < 1e-12)
        #expect(values[1] == 0 && values[3] == 0)
    }

    @Test func sampledBetweennessIsDeterministicAndSaysSo() {
        let graph = NetworkBenchmark.graph(actors: 300, relations: 1500)
        let first = graph.betweenness(pivots: 20), second = graph.betweenness(pivots: 20)
        #expect(first == second)
        #expect(!first.exact && first.pivots == 20)
        #expect(graph.betweenness(pivots: 10_000).exact)
    }

    @Test func labelPropagationFindsTwoObviousCliques() {
        var edges: [SignedGraph.Edge] = []
        for clique in [0..<5, 5..<10] {
            for a in clique { for b in clique where a < b { edges.append(.init(source: a, target: b, count: 2, polarity: 2)) } }
        }
        edges.append(.init(source: 4, target: 5, count: 1, polarity: -1))  // a thin bridge
        let (labels, _) = SignedGraph(nodeCount: 10, edges: edges).communities()
        #expect(Set(labels[0..<5]).count == 1)
        #expect(Set(labels[5..<10]).count == 1)
        #expect(labels[0] != labels[5])
        #expect(SignedGraph(nodeCount: 10, edges: edges).communities().labels == labels)
    }
}
