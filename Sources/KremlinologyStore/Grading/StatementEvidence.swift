import KremlinologyModel

/// What the corpus holds about statements, for their credibility: how many independent
/// sources make each (its corroboration, as ``StoredRelation/corroboration`` counts it), and,
/// for each source actor, type and target that some source denies, which sources deny it and
/// which affirm it (a contradiction is another source saying the opposite).
public struct StatementEvidence: Sendable {
    /// A source actor, type and target: what a denial contradicts, whatever its modality or date.
    public struct Dyad: Hashable, Sendable {
        public var source: String
        public var type: RelationType
        public var target: String

        public init(_ relation: Relation) { (source, type, target) = (relation.source, relation.type, relation.target) }
        public init(source: String, type: RelationType, target: String) { (self.source, self.type, self.target) = (source, type, target) }
    }

    /// Independent sources making each statement.
    public var sources: [StatementKey: Int] = [:]
    /// The sources that deny each dyad some source denies.
    public var denying: [Dyad: Set<String>] = [:]
    /// The sources that affirm (assert, report, expect or suppose) each dyad some source denies.
    public var affirming: [Dyad: Set<String>] = [:]

    public init(sources: [StatementKey: Int] = [:], denying: [Dyad: Set<String>] = [:], affirming: [Dyad: Set<String>] = [:]) {
        self.sources = sources
        self.denying = denying
        self.affirming = affirming
    }

    /// The evidence of `relations` alone, counted in memory (for a backend without the
    /// queries, and for tests): the same counts the store's queries give over the same rows.
    public init(_ relations: [StoredRelation]) {
        var bySource: [StatementKey: Set<String>] = [:]
        var deny: [Dyad: Set<String>] = [:], affirm: [Dyad: Set<String>] = [:]
        for stored in relations {
            let source = stored.sourceKey.isEmpty ? "document:" + stored.documentID : stored.sourceKey
            bySource[StatementKey(stored.relation), default: []].insert(source)
            if stored.relation.modality == .negated {
                deny[Dyad(stored.relation), default: []].insert(source)
            } else {
                affirm[Dyad(stored.relation), default: []].insert(source)
            }
        }
        sources = bySource.mapValues(\.count)
        denying = deny
        affirming = affirm.filter { deny[$0.key] != nil }
    }

    /// Independent sources making the statement of `stored` (at least 1: its own).
    public func corroboration(of stored: StoredRelation) -> Int {
        stored.corroboration ?? max(1, sources[StatementKey(stored.relation)] ?? 1)
    }

    /// Whether a source other than that of `stored` says the opposite: denies what it affirms,
    /// or affirms what it denies.
    public func isContradicted(_ stored: StoredRelation) -> Bool {
        let dyad = Dyad(stored.relation)
        let own = stored.sourceKey.isEmpty ? "document:" + stored.documentID : stored.sourceKey
        let opposite = stored.relation.modality == .negated ? affirming[dyad] : denying[dyad]
        return opposite.map { !$0.subtracting([own]).isEmpty } ?? false
    }
}
