import KremlinologyModel
import KremlinologyStore

/// How many claims lean cooperative and how many conflictual (a claim repeated by several
/// notes of one source counts once: see ``ClaimSet``).
public struct PolarityBalance: Sendable, Codable, Hashable {
    /// Claims of a cooperative type (+1).
    public var cooperative = 0
    /// Claims of a conflictual type (−1).
    public var conflictual = 0
    /// `cooperative − conflictual`.
    public var net = 0
    /// The sum of the claims' weighted scores (see ``Weights``).
    public var score: Double = 0

    public init() {}

    mutating func add(_ stored: StoredRelation) {
        if stored.relation.polarity > 0 { cooperative += 1 } else { conflictual += 1 }
        net = cooperative - conflictual
        score += Weights.score(stored.relation)
    }
}

/// Relations toward (or from) one counterpart, of one type.
public struct CounterpartGroup: Sendable, Codable, Hashable {
    /// The other actor.
    public var counterpart: String
    public var type: RelationType
    /// Number of claims that are facts (negated ones excluded), each counted once per source.
    public var count: Int
    /// `count × polarity` of the type.
    public var polarity: Int
    /// Up to three quotes of different claims, strongest first.
    public var citations: [Citation]
    /// The sources and notes behind ``count`` ("1 video, 6 notes"); its `sources` is the
    /// group's corroboration.
    public var evidence = ClaimEvidence()
}

/// How one outlet tells the relations of a view.
public struct OutletView: Sendable, Codable, Hashable {
    /// The outlet (`unknown outlet` when the document names none).
    public var outlet: String
    /// Claims the outlet tells (a claim repeated in several notes of one source counts once).
    public var relations: Int
    public var balance: PolarityBalance
    /// Up to three quotes, strongest first.
    public var citations: [Citation]
}

/// How often an instrument is used in the relations of a view.
public struct InstrumentUse: Sendable, Codable, Hashable {
    public var instrument: Instrument
    /// Claims that name the instrument.
    public var count: Int
    public var citations: [Citation]
}

/// Groupings shared by the views. Every function counts facts only (callers pass relations
/// through ``Facts/only(_:)`` or these functions do it themselves), and counts claims, not
/// notes: the relations are first reduced to one per claim (``ClaimSet``).
enum Tally {
    static let quotesPerFigure = 3
    static let unknownOutlet = "unknown outlet"

    static func cite(_ relations: [StoredRelation], limit: Int = quotesPerFigure) -> [Citation] {
        Strength.sorted(relations).prefix(limit).map(Citation.init)
    }

    /// Groups by counterpart (chosen by `counterpart`) and type; most relations first.
    static func byCounterpart(_ relations: [StoredRelation], counterpart: (Relation) -> String) -> [CounterpartGroup] {
        var groups: [String: [RelationType: [StoredRelation]]] = [:]
        for stored in relations where Facts.counts(stored) {
            groups[counterpart(stored.relation), default: [:]][stored.relation.type, default: []].append(stored)
        }
        return groups.flatMap { name, byType in
            byType.map { type, list in
                let claims = list.distinctClaims
                return CounterpartGroup(counterpart: name, type: type, count: claims.count, polarity: claims.count * type.polarity,
                                        citations: cite(claims), evidence: ClaimEvidence(list))
            }
        }.sorted { ($1.count, $0.counterpart, $0.type.rawValue) < ($0.count, $1.counterpart, $1.type.rawValue) }
    }

    static func byOutlet(_ relations: [StoredRelation]) -> [OutletView] {
        var groups: [String: [StoredRelation]] = [:]
        for stored in relations.distinctClaims where Facts.counts(stored) {
            groups[stored.outlet ?? unknownOutlet, default: []].append(stored)
        }
        return groups.map { outlet, list in
            OutletView(outlet: outlet, relations: list.count, balance: balance(list), citations: cite(list))
        }.sorted { ($1.relations, $0.outlet) < ($0.relations, $1.outlet) }
    }

    static func instruments(_ relations: [StoredRelation]) -> [InstrumentUse] {
        var groups: [Instrument: [StoredRelation]] = [:]
        for stored in relations.distinctClaims where Facts.counts(stored) {
            for instrument in Set(stored.relation.instruments) { groups[instrument, default: []].append(stored) }
        }
        return groups.map { InstrumentUse(instrument: $0.key, count: $0.value.count, citations: cite($0.value)) }
            .sorted { ($1.count, $0.instrument.rawValue) < ($0.count, $1.instrument.rawValue) }
    }

    static func balance(_ relations: [StoredRelation]) -> PolarityBalance {
        var balance = PolarityBalance()
        for stored in relations.distinctClaims where Facts.counts(stored) { balance.add(stored) }
        return balance
    }
}
