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
    /// With roll-up, the actors folded into each state; nil without.
    public var rollUp: RollUp?

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
                let claims = Facts.only(mine).distinctClaims
                return OutletView(outlet: outlets[i], relations: claims.count, balance: Tally.balance(claims),
                                  citations: Tally.cite(claims))
            }
            return Dyad(source: head.relation.source, target: head.relation.target, outlets: views,
                        disagreements: Self.disagreements(list, outletIndex: outletIndex))
        }.sorted { ($1.disagreements.count, $0.source, $0.target) < ($0.disagreements.count, $1.source, $1.target) }
    }

    /// For each pair of outlets: a type one asserts and the other denies, and the first
    /// cooperative against the first conflictual relation. Linear in the relations.
    static func disagreements(_ list: [StoredRelation], outletIndex: (StoredRelation) -> Int?) -> [Disagreement] {
        struct Firsts { var fact: [RelationType: StoredRelation] = [:]; var denial: [RelationType: StoredRelation] = [:]
                        var positive: StoredRelation?; var negative: StoredRelation? }
        var byOutlet: [Int: Firsts] = [:]
        for stored in list {
            guard let i = outletIndex(stored) else { continue }
            var f = byOutlet[i] ?? Firsts()
            let type = stored.relation.type
            if Facts.counts(stored) {
                if f.fact[type] == nil { f.fact[type] = stored }
                if type.polarity > 0, f.positive == nil { f.positive = stored }
                if type.polarity < 0, f.negative == nil { f.negative = stored }
            } else if f.denial[type] == nil {
                f.denial[type] = stored
            }
            byOutlet[i] = f
        }
        var found: [Disagreement] = []
        let outlets = byOutlet.keys.sorted()
        for a in outlets {
            for b in outlets where a != b {
                guard let x = byOutlet[a], let y = byOutlet[b] else { continue }
                for (type, fact) in x.fact.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                    if let denial = y.denial[type] {
                        found.append(Disagreement(kind: "negation", first: CitedRelation(fact), second: CitedRelation(denial)))
                    }
                }
                if a < b, let p = x.positive, let n = y.negative, x.negative == nil, y.positive == nil {
                    found.append(Disagreement(kind: "opposite-polarity", first: CitedRelation(p), second: CitedRelation(n)))
                }
                if a < b, let n = x.negative, let p = y.positive, x.positive == nil, y.negative == nil {
                    found.append(Disagreement(kind: "opposite-polarity", first: CitedRelation(n), second: CitedRelation(p)))
                }
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
        let facts = Facts.only(relations).distinctClaims
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
