import KremlinologyModel
import KremlinologyStore

/// "How does Russia treat Belarus?" is answered by Putin↔Lukashenko and Lavrov as much as by
/// "Russia" (issue 13): with roll-up, every person affiliated with a state (on the relation's
/// date, see ``ActorDirectory/state(of:on:)``) stands for that state, and ties of a state to
/// itself are dropped. The views that take it say which actors were folded in.
public struct RollUp: Sendable, Codable, Hashable {
    /// The actors folded into each state, by name: `Russia: [Sergei Lavrov, Vladimir Putin]`.
    public var folded: [String: [String]] = [:]

    public init() {}

    /// Whether nothing was folded.
    public var isEmpty: Bool { folded.isEmpty }

    /// `Russia ← Sergei Lavrov, Vladimir Putin; Belarus ← Alexander Lukashenko`.
    public var summary: String {
        folded.keys.sorted().map { "\($0) ← " + (folded[$0] ?? []).joined(separator: ", ") }.joined(separator: "; ")
    }

    /// `relations` with people replaced by their states, those of them that `keep` admits (after
    /// the roll-up), and the actors folded into the kept ones: what the view shows.
    public static func states(_ relations: [StoredRelation], directory: ActorDirectory,
                              keep: (Relation) -> Bool = { _ in true }) -> (relations: [StoredRelation], rollUp: RollUp) {
        var folded: [String: Set<String>] = [:]
        var out: [StoredRelation] = []
        out.reserveCapacity(relations.count)
        for stored in relations {
            let date = Dating(stored).date
            var copy = stored
            for keyPath in [\Relation.source, \Relation.target] {
                let name = stored.relation[keyPath: keyPath]
                if let state = directory.state(of: name, on: date) { copy.relation[keyPath: keyPath] = state }
            }
            guard copy.relation.source != copy.relation.target, keep(copy.relation) else { continue }
            out.append(copy)
            for (name, state) in [(stored.relation.source, copy.relation.source), (stored.relation.target, copy.relation.target)]
            where name != state {
                folded[state, default: []].insert(name)
            }
        }
        var rollUp = RollUp()
        rollUp.folded = folded.mapValues { $0.sorted() }
        return (out, rollUp)
    }

    /// The actors whose relations a rolled-up view of `name` needs: itself and, for a state,
    /// every person ever affiliated with it.
    static func members(of name: String, directory: ActorDirectory) -> [String] {
        guard directory[name]?.kind == .state else { return [name] }
        return [name] + Set(directory.members(of: name).map(\.name)).sorted()
    }
}
