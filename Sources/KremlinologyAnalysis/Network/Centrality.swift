/// Betweenness centrality and how it was computed.
public struct Betweenness: Sendable, Codable, Hashable {
    /// Normalised betweenness per node, in `[0, 1]`.
    public var values: [Double]
    /// Whether every node was a source of shortest paths (exact), or a sample of pivots.
    public var exact: Bool
    /// Number of pivot nodes used: `nodeCount` when exact.
    public var pivots: Int
}

extension SignedGraph {
    /// Brandes' betweenness on the undirected, unweighted skeleton.
    ///
    /// Normalised as in NetworkX for undirected graphs: the count of shortest paths through a
    /// node, over unordered pairs, divided by `(n − 1)(n − 2) / 2`. With `pivots` below the
    /// node count, only that many sources are used (chosen by a seeded shuffle, so the same
    /// graph and seed give the same pivots) and the sums are scaled by `n / pivots`. O(V·E) exact,
    /// O(pivots·E) sampled.
    public func betweenness(pivots requested: Int? = nil, seed: UInt64 = 42) -> Betweenness {
        let n = nodeCount
        let skeleton = skeleton()
        var sources = Array(0..<n)
        let k = min(n, max(1, requested ?? n))
        if k < n {
            var rng = SplitMix64(seed: seed)
            for i in 0..<k {
                let j = i + Int(rng.next() % UInt64(n - i))
                sources.swapAt(i, j)
            }
            sources = Array(sources.prefix(k))
        }
        var centrality = [Double](repeating: 0, count: n)
        var sigma = [Double](repeating: 0, count: n)
        var distance = [Int](repeating: -1, count: n)
        var delta = [Double](repeating: 0, count: n)
        var order: [Int32] = []
        order.reserveCapacity(n)
        for s in sources {
            order.removeAll(keepingCapacity: true)
            sigma[s] = 1
            distance[s] = 0
            order.append(Int32(s))
            var head = 0
            while head < order.count {
                let v = Int(order[head])
                head += 1
                for slot in skeleton.range(of: v) {
                    let w = Int(skeleton.neighbours[slot])
                    if distance[w] < 0 {
                        distance[w] = distance[v] + 1
                        order.append(Int32(w))
                    }
                    if distance[w] == distance[v] + 1 { sigma[w] += sigma[v] }
                }
            }
            for index in stride(from: order.count - 1, through: 0, by: -1) {
                let w = Int(order[index])
                for slot in skeleton.range(of: w) {
                    let v = Int(skeleton.neighbours[slot])
                    if distance[v] == distance[w] - 1 { delta[v] += sigma[v] / sigma[w] * (1 + delta[w]) }
                }
                if w != s { centrality[w] += delta[w] }
            }
            for v in order.map(Int.init) {
                sigma[v] = 0
                distance[v] = -1
                delta[v] = 0
            }
        }
        // Each unordered pair was counted from both ends (exact case); scale samples up to n sources.
        let pairs = Double(n - 1) * Double(n - 2)
        let scale = (Double(n) / Double(k)) / (pairs > 0 ? pairs : 1)
        return Betweenness(values: centrality.map { $0 * scale }, exact: k == n, pivots: k)
    }

    /// Communities by weighted label propagation on the undirected skeleton, deterministic:
    /// nodes are visited in id order, each takes the label with the most relation weight among
    /// its neighbours (keeping its own on a tie with the best, else the smallest label), until
    /// no label changes. Communities are numbered by size, largest first. O(E) per pass.
    public func communities(maxPasses: Int = 100) -> (labels: [Int], passes: Int) {
        let n = nodeCount
        let skeleton = skeleton()
        var label = Array(0..<n)
        var votes = [Double](repeating: 0, count: n)
        var touched: [Int] = []
        var passes = 0
        var changed = true
        while changed, passes < maxPasses {
            changed = false
            passes += 1
            for v in 0..<n {
                let range = skeleton.range(of: v)
                guard !range.isEmpty else { continue }
                for slot in range {
                    let l = label[Int(skeleton.neighbours[slot])]
                    if votes[l] == 0 { touched.append(l) }
                    votes[l] += skeleton.weights[slot]
                }
                var top = 0.0
                for l in touched where votes[l] > top { top = votes[l] }
                var best = label[v]
                if votes[best] < top {
                    best = Int.max
                    for l in touched where votes[l] == top && l < best { best = l }
                }
                for l in touched { votes[l] = 0 }
                touched.removeAll(keepingCapacity: true)
                if best != label[v] {
                    label[v] = best
                    changed = true
                }
            }
        }
        var size: [Int: Int] = [:]
        for l in label { size[l, default: 0] += 1 }
        let ranked = size.keys.sorted { (size[$1] ?? 0, $0) < (size[$0] ?? 0, $1) }
        var number: [Int: Int] = [:]
        for (index, l) in ranked.enumerated() { number[l] = index }
        return (label.map { number[$0] ?? 0 }, passes)
    }
}

/// A small, fast, seedable generator (Steele, Lea & Flood's SplitMix64), for reproducible sampling.
struct SplitMix64 {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
