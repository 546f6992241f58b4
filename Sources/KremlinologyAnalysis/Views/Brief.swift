import KremlinologyModel
import KremlinologyStore

/// The relationship of two actors, both ways: every relation, a score per period, the
/// instruments, each outlet's telling, and the statements that contradict each other.
public struct Brief: Sendable, Codable, Hashable {
    /// The cooperation–conflict score of one period (a year, or `undated`).
    public struct PeriodScore: Sendable, Codable, Hashable {
        public var period: String
        /// Claims counted (negated ones never are; one per source however many notes repeat it).
        public var relations: Int
        /// Sum of positive scores.
        public var cooperation: Double
        /// Sum of negative scores (≤ 0).
        public var conflict: Double
        /// `cooperation + conflict`.
        public var score: Double
        /// Whether any relation of the period was dated by its document rather than the text.
        public var usesDocumentDates: Bool
        /// The quotes behind the score, strongest first.
        public var citations: [Citation]
    }

    /// Two statements that cannot both be right.
    public struct Contradiction: Sendable, Codable, Hashable {
        public enum Kind: String, Sendable, Codable {
            /// One source asserts or reports a relation, another denies the same type.
            case negation
            /// The same direction in the same period has relations of opposite polarity.
            case oppositePolarity = "opposite-polarity"
        }
        public var kind: Kind
        public var period: String
        public var first: CitedRelation
        public var second: CitedRelation
    }

    public var actorA: String
    public var actorB: String
    /// Every claim both ways, in date order, each with its notes and corroboration; negated
    /// ones are marked by their modality.
    public var relations: [CitedRelation]
    public var balanceAToB: PolarityBalance
    public var balanceBToA: PolarityBalance
    public var periods: [PeriodScore]
    public var instruments: [InstrumentUse]
    public var outlets: [OutletView]
    public var contradictions: [Contradiction]
    /// With roll-up, the actors folded into each state; nil without.
    public var rollUp: RollUp?
    /// What changes when only A–C sources count; nil when the relations are not graded.
    public var reliableSourcesOnly: ReliableSourcesOnly?
}

extension Brief {
    /// Builds the brief of `a` and `b` from relations that involve either (others are ignored).
    public init(_ a: String, _ b: String, relations all: [StoredRelation]) {
        actorA = a
        actorB = b
        let dyad = all.filter { ($0.relation.source == a && $0.relation.target == b) || ($0.relation.source == b && $0.relation.target == a) }
        let facts = Facts.only(dyad)
        relations = ClaimSet(dyad).cited.sorted { ($0.when, $0.citation.document) < ($1.when, $1.citation.document) }
        balanceAToB = Tally.balance(facts.filter { $0.relation.source == a })
        balanceBToA = Tally.balance(facts.filter { $0.relation.source == b })
        instruments = Tally.instruments(facts)
        outlets = Tally.byOutlet(facts)
        periods = Self.score(facts)
        contradictions = Self.contradictions(dyad)
        reliableSourcesOnly = ReliableSourcesOnly(facts, balances: [("\(a) → \(b)", { $0.relation.source == a }),
                                                                   ("\(b) → \(a)", { $0.relation.source == b })])
    }

    static func score(_ facts: [StoredRelation]) -> [PeriodScore] {
        var byPeriod: [String: [StoredRelation]] = [:]
        for stored in facts.distinctClaims { byPeriod[Dating(stored).period, default: []].append(stored) }
        return byPeriod.map { period, list in
            let scores = list.map { Weights.score($0.relation) }
            let cooperation = scores.filter { $0 > 0 }.reduce(0, +)
            let conflict = scores.filter { $0 < 0 }.reduce(0, +)
            return PeriodScore(period: period, relations: list.count, cooperation: cooperation, conflict: conflict,
                               score: cooperation + conflict,
                               usesDocumentDates: list.contains { Dating($0).basis != .stated },
                               citations: Tally.cite(list))
        }.sorted { ($0.period == Dating.undated ? "~" : $0.period) < ($1.period == Dating.undated ? "~" : $1.period) }
    }

    /// Negations of a reported fact (same direction and type), and opposite polarities in the
    /// same direction and dated period: one pair per kind, direction, period and pair of types,
    /// each pair made of the first relations (in document order) that show it. Linear in the relations.
    static func contradictions(_ dyad: [StoredRelation]) -> [Contradiction] {
        let sorted = dyad.sorted { ($0.fileName, $0.relation.range.start, $0.id) < ($1.fileName, $1.relation.range.start, $1.id) }
        var firstFact: [String: StoredRelation] = [:], firstDenial: [String: StoredRelation] = [:]
        var byPeriod: [String: [RelationType: StoredRelation]] = [:]
        var keys: [String] = [], periodKeys: [String] = []
        for stored in sorted {
            let r = stored.relation
            let key = "\(r.source)\u{1}\(r.target)\u{1}\(r.type.rawValue)"
            if firstFact[key] == nil, firstDenial[key] == nil { keys.append(key) }
            if Facts.counts(stored) {
                if firstFact[key] == nil { firstFact[key] = stored }
                let period = Dating(stored).period
                guard period != Dating.undated else { continue }
                let periodKey = "\(r.source)\u{1}\(r.target)\u{1}\(period)"
                if byPeriod[periodKey] == nil { periodKeys.append(periodKey) }
                if byPeriod[periodKey, default: [:]][r.type] == nil { byPeriod[periodKey, default: [:]][r.type] = stored }
            } else if firstDenial[key] == nil {
                firstDenial[key] = stored
            }
        }
        var found: [Contradiction] = []
        for key in keys {
            guard let fact = firstFact[key], let denial = firstDenial[key] else { continue }
            found.append(Contradiction(kind: .negation, period: Dating(fact).period, first: CitedRelation(fact), second: CitedRelation(denial)))
        }
        for key in periodKeys {
            let types = byPeriod[key] ?? [:]
            let positive = types.keys.filter { $0.polarity > 0 }.sorted { $0.rawValue < $1.rawValue }
            let negative = types.keys.filter { $0.polarity < 0 }.sorted { $0.rawValue < $1.rawValue }
            for p in positive {
                for n in negative {
                    guard let x = types[p], let y = types[n] else { continue }
                    found.append(Contradiction(kind: .oppositePolarity, period: Dating(x).period, first: CitedRelation(x), second: CitedRelation(y)))
                }
            }
        }
        return found
    }
}
