/// Parts of a network a reader can take in at once: the edges enough sources make, the ego
/// network of some actors, the heaviest actors. Each returns a network of its own, with node
/// ids renumbered from 0, so the metrics and the exports run on it as on any network; its
/// ``Network/years`` stay those of the network it was taken from.
extension Network {
    /// Relations (claims) on each node's edges, indexed by node id.
    public var nodeWeights: [Int] {
        var weight = [Int](repeating: 0, count: nodes.count)
        for edge in edges {
            weight[edge.source] += edge.weight
            weight[edge.target] += edge.weight
        }
        return weight
    }

    /// The edges made by at least `minSources` independent sources (``Edge/sources``), and the
    /// actors they join; 1 keeps everything.
    public func corroborated(minSources: Int) -> Network {
        guard minSources > 1 else { return self }
        let kept = edges.filter { $0.sources >= minSources }
        return subnetwork(nodes: Set(kept.flatMap { [$0.source, $0.target] }), edges: kept)
    }

    /// The ego network of `centres` (canonical names): those actors, every actor tied to one of
    /// them in either direction, and every edge among all of these. A centre without a tie is
    /// left out; no centre at all gives the empty network.
    public func ego(of centres: [String]) -> Network {
        let wanted = Set(centres)
        let centreIDs = Set(nodes.filter { wanted.contains($0.name) }.map(\.id))
        var kept = centreIDs
        for edge in edges where centreIDs.contains(edge.source) || centreIDs.contains(edge.target) {
            kept.insert(edge.source)
            kept.insert(edge.target)
        }
        return subnetwork(nodes: kept, edges: edges.filter { kept.contains($0.source) && kept.contains($0.target) })
    }

    /// The `limit` heaviest actors (by the claims on their edges; the actors named in `keeping`
    /// first, whatever their weight) and the heaviest `edgeLimit` edges among them, those of
    /// the kept names first, each with at most `quotes` quotes.
    public func heaviest(limit: Int, edgeLimit: Int, keeping: Set<String> = [], quotes: Int = 2) -> Network {
        let weight = nodeWeights
        let order = nodes.sorted { a, b in
            let (ka, kb) = (keeping.contains(a.name), keeping.contains(b.name))
            if ka != kb { return ka }
            return (weight[b.id], a.name) < (weight[a.id], b.name)
        }
        let kept = Set(order.prefix(limit).map(\.id))
        let keptNames = Set(nodes.filter { keeping.contains($0.name) }.map(\.id))
        let between = edges.filter { kept.contains($0.source) && kept.contains($0.target) }
        let chosen = between.sorted { a, b in
            let (ka, kb) = (keptNames.contains(a.source) || keptNames.contains(a.target),
                            keptNames.contains(b.source) || keptNames.contains(b.target))
            if ka != kb { return ka }
            return (b.weight, a.source, a.target) < (a.weight, b.source, b.target)
        }.prefix(edgeLimit).map { edge in
            var edge = edge
            edge.citations = Array(edge.citations.prefix(quotes))
            return edge
        }
        return subnetwork(nodes: kept, edges: Array(chosen), order: order.prefix(limit).map(\.id))
    }

    /// The nodes `kept` (in `order` when given, else by id) and `edges` among them, renumbered.
    func subnetwork(nodes kept: Set<Int>, edges: [Edge], order: [Int]? = nil) -> Network {
        let ids = order ?? kept.sorted()
        var renumber: [Int: Int] = [:]
        var newNodes: [Node] = []
        for id in ids where kept.contains(id) {
            var node = nodes[id]
            renumber[id] = newNodes.count
            node.id = newNodes.count
            newNodes.append(node)
        }
        let newEdges = edges.compactMap { edge -> Edge? in
            guard let s = renumber[edge.source], let t = renumber[edge.target] else { return nil }
            var edge = edge
            edge.source = s
            edge.target = t
            return edge
        }
        return Network(nodes: newNodes, edges: newEdges, years: years)
    }
}
