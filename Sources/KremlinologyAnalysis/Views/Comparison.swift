import KremlinologyModel
import KremlinologyStore

/// The same dyads as told by two or more outlets, side by side.
public struct OutletComparison: Sendable, Codable, Hashable {
    /// One directed dyad told by more than one of the outlets.
    public struct Dyad: Sendable, Codable, Hashable {
        public var source: String
        public var target: String
        /// Each outlet's balance of the dyad's relations, in the order the outlets were given.
        public var outlets: [OutletView]
        /// Claims one outlet asserts and another denies, or tells with the opposite polarity.
        public var disagreements: [Disagreement]
    }

    /// One outlet's statement against another's.
    public struct Disagreement: Sendable, Codable, Hashable {
        /// `negation` (same type, one denies) or `opposite-polarity`.
        public var kind: String
        public var first: CitedRelation
        public var second: CitedRelation
    }

    public var outlets: [String]
    public var actor: String?
    public var dyads: [Dyad]

    /// Compares how `outlets` (case-insensitive) tell the dyads they share.
    public init(outlets: [String], actor: String? = nil, relations: [StoredRelation]) {
        self.outlets = outlets
        self.actor = actor
        let keys = outlets.map { $0.lowercased() }
        func outletIndex(_ stored: StoredRelation) -> Int? { keys.firstIndex(of: (stored.outlet ?? "").lowercased()) }
        var byDyad: [String: [StoredRelation]] = [:]
        for stored in relations where outletIndex(stored) != nil {
            if let actor, stored.relation.source != actor, stored.relation.target != actor { continue }
            byDyad[stored.relation.source + "\u{1}" + stored.relation.target, default: []].append(stored)
        }
        dyads = byDyad.values.compactMap { list -> Dyad? in
            let told = Set(list.compactMap(outletIndex))
            guard told.count > 1, let head = list.first else { return nil }
            let views = outlets.indices.compactMap { i -> OutletView? in
                let mine = list.filter { outletIndex($0) == i }
                guard !mine.isEmpty else { return nil }
                return OutletView(outlet: outlets[i], relations: Facts.only(mine).count, balance: Tally.balance(mine),
                                  citations: Tally.cite(mine))
            }
            return Dyad(source: head.relation.source, target: head.relation.target, outlets: views,
                        disagreements: Self.disagreements(list, outletIndex: outletIndex))
        }.sorted { ($1.disagreements.count, $0.source, $0.target) < ($0.disagreements.count, $1.source, $1.target) }
    }

    static func disagreements(_ list: [StoredRelation], outletIndex: (StoredRelation) -> Int?) -> [Disagreement] {
        var found: [Disagreement] = []
        var seen: Set<String> = []
        for (i, x) in list.enumerated() {
            for y in list[(i + 1)...] where outletIndex(x) != outletIndex(y) {
                let kind: String
                if x.relation.type == y.relation.type, Facts.counts(x) != Facts.counts(y) {
                    kind = "negation"
                } else if Facts.counts(x), Facts.counts(y), x.relation.polarity != y.relation.polarity {
                    kind = "opposite-polarity"
                } else { continue }
                let types = [x.relation.type.rawValue, y.relation.type.rawValue].sorted().joined(separator: "/")
                guard seen.insert(kind + types).inserted else { continue }
                found.append(Disagreement(kind: kind, first: CitedRelation(x), second: CitedRelation(y)))
            }
        }
        return found
    }
}

/// An actor's own words next to its deeds: what it says toward each target, and the material
/// conflict the corpus records by the same actor toward the same target.
public struct SaysVsDoes: Sendable, Codable, Hashable {
    /// One target of the actor's words.
    public struct Target: Sendable, Codable, Hashable {
        public var target: String
        /// Relations attributed to the actor, and cooperative verbal relations by it (offers of
        /// dialogue, agreement, support).
        public var says: [CitedRelation]
        /// Material-conflict relations by the actor toward the target.
        public var does: [CitedRelation]
    }

    public var actor: String
    /// Targets with both words and deeds first.
    public var targets: [Target]

    /// Builds the view from relations involving or attributed to `actor`.
    public init(actor: String, relations: [StoredRelation]) {
        self.actor = actor
        let facts = Facts.only(relations)
        var says: [String: [StoredRelation]] = [:]
        var does: [String: [StoredRelation]] = [:]
        let key = actor.lowercased()
        for stored in facts {
            let r = stored.relation
            if r.attribution?.lowercased() == key || (r.source == actor && r.type.quadClass == .verbalCooperation) {
                says[r.target, default: []].append(stored)
            }
            if r.source == actor, r.type.quadClass == .materialConflict { does[r.target, default: []].append(stored) }
        }
        targets = says.keys.filter { $0 != actor }.map { target in
            Target(target: target, says: Strength.sorted(says[target] ?? []).map(CitedRelation.init),
                   does: Strength.sorted(does[target] ?? []).map(CitedRelation.init))
        }.sorted { ($0.does.isEmpty ? 1 : 0, -$0.says.count, $0.target) < ($1.does.isEmpty ? 1 : 0, -$1.says.count, $1.target) }
    }
}
