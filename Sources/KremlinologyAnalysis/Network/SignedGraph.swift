/// A directed graph with signed, weighted edges over nodes `0..<nodeCount`: the numeric core
/// that every metric runs on. Arrays, not objects, so that a million edges fit and stream.
public struct SignedGraph: Sendable {
    /// One directed edge: `count` relations from `source` to `target` whose polarities sum to `polarity`.
    public struct Edge: Sendable, Hashable {
        public var source: Int
        public var target: Int
        public var count: Int
        public var polarity: Int
        public init(source: Int, target: Int, count: Int, polarity: Int) {
            self.source = source
            self.target = target
            self.count = count
            self.polarity = polarity
        }
    }

    /// Undirected skeleton in compressed-sparse-row form: the neighbours of `v` are
    /// `neighbours[offsets[v]..<offsets[v+1]]`, with the summed count and polarity of both directions.
    public struct Skeleton: Sendable {
        public var offsets: [Int]
        public var neighbours: [Int32]
        public var weights: [Double]
        public var polarities: [Int]
        /// Number of undirected ties.
        public var tieCount: Int { neighbours.count / 2 }
        /// The neighbours of `v`, as a range into ``neighbours``.
        public func range(of v: Int) -> Range<Int> { offsets[v]..<offsets[v + 1] }
    }

    public let nodeCount: Int
    /// Edges with distinct (source, target); self-loops are kept here but ignored by the skeleton.
    public let edges: [Edge]

    /// A graph of `nodeCount` nodes; edges with the same source and target are merged.
    public init(nodeCount: Int, edges input: [Edge]) {
        self.nodeCount = nodeCount
        let sorted = input.filter { $0.source >= 0 && $0.target >= 0 && $0.source < nodeCount && $0.target < nodeCount }
            .sorted { ($0.source, $0.target) < ($1.source, $1.target) }
        var merged: [Edge] = []
        merged.reserveCapacity(sorted.count)
        for edge in sorted {
            if let last = merged.last, last.source == edge.source, last.target == edge.target {
                merged[merged.count - 1].count += edge.count
                merged[merged.count - 1].polarity += edge.polarity
            } else {
                merged.append(edge)
            }
        }
        edges = merged
    }

    /// The undirected skeleton without self-loops: one tie per unordered pair.
    public func skeleton() -> Skeleton {
        var keyed: [(key: UInt64, count: Int, polarity: Int)] = []
        keyed.reserveCapacity(edges.count)
        for e in edges where e.source != e.target {
            let (a, b) = e.source < e.target ? (e.source, e.target) : (e.target, e.source)
            keyed.append((UInt64(a) << 32 | UInt64(b), e.count, e.polarity))
        }
        keyed.sort { $0.key < $1.key }
        var pairs: [(a: Int, b: Int, count: Int, polarity: Int)] = []
        pairs.reserveCapacity(keyed.count)
        for item in keyed {
            let a = Int(item.key >> 32), b = Int(item.key & 0xFFFF_FFFF)
            if let last = pairs.last, last.a == a, last.b == b {
                pairs[pairs.count - 1].count += item.count
                pairs[pairs.count - 1].polarity += item.polarity
            } else {
                pairs.append((a, b, item.count, item.polarity))
            }
        }
        var offsets = [Int](repeating: 0, count: nodeCount + 1)
        for p in pairs {
            offsets[p.a + 1] += 1
            offsets[p.b + 1] += 1
        }
        for v in 0..<nodeCount { offsets[v + 1] += offsets[v] }
        var cursor = offsets
        var neighbours = [Int32](repeating: 0, count: pairs.count * 2)
        var weights = [Double](repeating: 0, count: pairs.count * 2)
        var polarities = [Int](repeating: 0, count: pairs.count * 2)
        for p in pairs {
            for (from, to) in [(p.a, p.b), (p.b, p.a)] {
                let slot = cursor[from]
                neighbours[slot] = Int32(to)
                weights[slot] = Double(p.count)
                polarities[slot] = p.polarity
                cursor[from] += 1
            }
        }
        return Skeleton(offsets: offsets, neighbours: neighbours, weights: weights, polarities: polarities)
    }
}

/// In-, out- and total degree of a node, by distinct neighbours and by relation count.
public struct Degree: Sendable, Codable, Hashable {
    public var inDegree = 0
    public var outDegree = 0
    /// `inDegree + outDegree`.
    public var total = 0
    /// Relations received.
    public var inWeight = 0
    /// Relations made.
    public var outWeight = 0
}

extension SignedGraph {
    /// Degrees of every node (self-loops count once in and once out). O(V + E).
    public func degrees() -> [Degree] {
        var result = [Degree](repeating: Degree(), count: nodeCount)
        for e in edges {
            result[e.source].outDegree += 1
            result[e.source].outWeight += e.count
            result[e.target].inDegree += 1
            result[e.target].inWeight += e.count
        }
        for v in result.indices { result[v].total = result[v].inDegree + result[v].outDegree }
        return result
    }

    /// Weighted PageRank: a walker follows an out-edge with probability proportional to its
    /// relation count, or jumps anywhere with probability `1 − damping`; the rank of nodes
    /// without out-edges (dangling) is spread uniformly. Iterates until the L1 change is below
    /// `tolerance` (or `maxIterations`). Ranks sum to 1. O(E) per iteration.
    public func pageRank(damping: Double = 0.85, tolerance: Double = 1e-10, maxIterations: Int = 1000) -> (ranks: [Double], iterations: Int) {
        let n = nodeCount
        guard n > 0 else { return ([], 0) }
        var outWeight = [Double](repeating: 0, count: n)
        for e in edges { outWeight[e.source] += Double(e.count) }
        var rank = [Double](repeating: 1 / Double(n), count: n)
        var next = [Double](repeating: 0, count: n)
        var iterations = 0
        while iterations < maxIterations {
            iterations += 1
            var dangling = 0.0
            for v in 0..<n where outWeight[v] == 0 { dangling += rank[v] }
            let base = (1 - damping) / Double(n) + damping * dangling / Double(n)
            for v in 0..<n { next[v] = base }
            for e in edges { next[e.target] += damping * rank[e.source] * Double(e.count) / outWeight[e.source] }
            var change = 0.0
            for v in 0..<n { change += abs(next[v] - rank[v]) }
            swap(&rank, &next)
            if change < tolerance { break }
        }
        return (rank, iterations)
    }
}
