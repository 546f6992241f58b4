/// Structural balance of the signed, undirected ties of a network.
///
/// A tie's sign is the sign of the summed polarity of all relations between the two actors,
/// both directions; ties that sum to zero are dropped. A triangle is balanced when the product
/// of its three signs is positive ("the friend of my friend is my friend; the enemy of my enemy
/// is my friend"), unbalanced otherwise.
public struct BalanceReport: Sendable, Codable, Hashable {
    /// One triangle of signed ties, by node index, with signs of the ties ab, bc and ca.
    public struct Triad: Sendable, Codable, Hashable {
        public var a: Int
        public var b: Int
        public var c: Int
        public var signs: [Int]
    }

    /// Signed ties considered (zero-sum ties excluded).
    public var signedTies: Int
    public var triangles: Int
    public var balanced: Int
    /// `balanced / triangles`, or nil when there is no triangle.
    public var balancedShare: Double?
    /// Unbalanced triangles, up to the limit asked for, in node order.
    public var unbalanced: [Triad]
    /// Whether ``unbalanced`` was cut at the limit.
    public var unbalancedTruncated: Bool
}

extension SignedGraph {
    /// Enumerates triangles of the signed skeleton by degree ordering (each triangle found once,
    /// O(E^1.5)), counting balanced ones and listing up to `limit` unbalanced ones.
    public func balance(limit: Int = 1000) -> BalanceReport {
        let skeleton = skeleton()
        let n = nodeCount
        // Signed ties only, oriented from lower to higher rank (degree, then index).
        var signedDegree = [Int](repeating: 0, count: n)
        for v in 0..<n {
            for slot in skeleton.range(of: v) where skeleton.polarities[slot] != 0 { signedDegree[v] += 1 }
        }
        func precedes(_ u: Int, _ v: Int) -> Bool { (signedDegree[u], u) < (signedDegree[v], v) }
        var offsets = [Int](repeating: 0, count: n + 1)
        var forward: [(to: Int32, sign: Int8)] = []
        var ties = 0
        for v in 0..<n {
            for slot in skeleton.range(of: v) where skeleton.polarities[slot] != 0 {
                let w = Int(skeleton.neighbours[slot])
                if precedes(v, w) {
                    forward.append((Int32(w), skeleton.polarities[slot] > 0 ? 1 : -1))
                    ties += 1
                }
            }
            offsets[v + 1] = forward.count
        }
        var mark = [Int8](repeating: 0, count: n)
        var triangles = 0, balanced = 0
        var unbalanced: [BalanceReport.Triad] = []
        var truncated = false
        for u in 0..<n {
            for slot in offsets[u]..<offsets[u + 1] { mark[Int(forward[slot].to)] = forward[slot].sign }
            for slot in offsets[u]..<offsets[u + 1] {
                let v = Int(forward[slot].to), uv = forward[slot].sign
                for inner in offsets[v]..<offsets[v + 1] {
                    let w = Int(forward[inner].to)
                    let uw = mark[w]
                    guard uw != 0 else { continue }
                    let vw = forward[inner].sign
                    triangles += 1
                    if uv * vw * uw > 0 {
                        balanced += 1
                    } else if unbalanced.count < limit {
                        let sorted = [(u, v, Int(uv)), (v, w, Int(vw)), (u, w, Int(uw))]
                        let nodes = [u, v, w].sorted()
                        func sign(_ x: Int, _ y: Int) -> Int {
                            sorted.first { Set([$0.0, $0.1]) == Set([x, y]) }?.2 ?? 0
                        }
                        unbalanced.append(.init(a: nodes[0], b: nodes[1], c: nodes[2],
                                                signs: [sign(nodes[0], nodes[1]), sign(nodes[1], nodes[2]), sign(nodes[2], nodes[0])]))
                    } else {
                        truncated = true
                    }
                }
            }
            for slot in offsets[u]..<offsets[u + 1] { mark[Int(forward[slot].to)] = 0 }
        }
        unbalanced.sort { ($0.a, $0.b, $0.c) < ($1.a, $1.b, $1.c) }
        return BalanceReport(signedTies: ties, triangles: triangles, balanced: balanced,
                             balancedShare: triangles > 0 ? Double(balanced) / Double(triangles) : nil,
                             unbalanced: unbalanced, unbalancedTruncated: truncated)
    }
}
