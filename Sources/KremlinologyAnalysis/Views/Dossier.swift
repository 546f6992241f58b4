import KremlinologyModel
import KremlinologyStore

/// Everything the corpus says about one actor, each figure with its quotes.
public struct Dossier: Sendable, Codable, Hashable {
    /// Who the actor is.
    public struct Profile: Sendable, Codable, Hashable {
        public var name: String
        public var kind: ActorKind?
        public var wikidata: String?
        /// `https://www.wikidata.org/wiki/Q…`, when the id is known.
        public var wikidataURL: String?
        public var country: String?
        public var aliases: [String]
        public var affiliations: [Affiliation]
    }

    /// A member of the inner circle and why.
    public struct CircleMember: Sendable, Codable, Hashable {
        public var name: String
        /// `trusted by`, `trusts`, or the role held in the actor's state, e.g. `foreign minister`.
        public var tie: String
        /// Quotes of TRUST relations; empty for ties known only from affiliations.
        public var citations: [Citation]
    }

    public var profile: Profile
    /// Relations the actor is the source of, by target and type.
    public var relationsOut: [CounterpartGroup]
    /// Relations the actor is the target of, by source and type.
    public var relationsIn: [CounterpartGroup]
    public var balanceOut: PolarityBalance
    public var balanceIn: PolarityBalance
    /// Instruments of the relations the actor is the source of.
    public var instruments: [InstrumentUse]
    public var innerCircle: [CircleMember]
    /// The strongest quotes (asserted first, heaviest weights first).
    public var strongestQuotes: [CitedRelation]
    /// Which outlets tell the actor's relations, and with which polarity.
    public var outlets: [OutletView]
    /// Relations the sources deny: shown apart, never counted.
    public var denied: [CitedRelation]
}

extension Dossier {
    /// Builds the dossier of `name` from every relation involving it.
    public init(actor name: String, relations: [StoredRelation], directory: ActorDirectory, quotes: Int = 10) {
        let record = directory[name]
        profile = Profile(name: name, kind: record?.kind, wikidata: record?.wikidata,
                          wikidataURL: ActorDirectory.wikidataURL(record?.wikidata), country: record?.country,
                          aliases: record?.aliases ?? [], affiliations: record?.affiliations ?? [])
        let outgoing = relations.filter { $0.relation.source == name }
        let incoming = relations.filter { $0.relation.target == name && $0.relation.source != name }
        relationsOut = Tally.byCounterpart(outgoing) { $0.target }
        relationsIn = Tally.byCounterpart(incoming) { $0.source }
        balanceOut = Tally.balance(outgoing)
        balanceIn = Tally.balance(incoming)
        instruments = Tally.instruments(outgoing)
        let facts = Facts.only(relations)
        strongestQuotes = Strength.sorted(facts).prefix(quotes).map(CitedRelation.init)
        outlets = Tally.byOutlet(facts)
        denied = relations.filter { !Facts.counts($0) }.map(CitedRelation.init)
        innerCircle = Self.circle(of: name, facts: facts, directory: directory)
    }

    private static func circle(of name: String, facts: [StoredRelation], directory: ActorDirectory) -> [CircleMember] {
        var members: [String: CircleMember] = [:]
        for stored in facts where stored.relation.type == .trust {
            let r = stored.relation
            let (other, tie) = r.source == name ? (r.target, "trusted by \(name)") : (r.source, "trusts \(name)")
            guard other != name else { continue }
            var member = members[other] ?? CircleMember(name: other, tie: tie, citations: [])
            if !member.tie.contains(tie) { member.tie += "; " + tie }
            member.citations.append(Citation(stored))
            members[other] = member
        }
        if let state = directory.homeState(of: name) {
            for (person, role) in directory.members(of: state) where person != name {
                var member = members[person] ?? CircleMember(name: person, tie: "\(role) of \(state)", citations: [])
                if members[person] != nil, !member.tie.contains(role) { member.tie += "; \(role) of \(state)" }
                members[person] = member
            }
        }
        return members.values.sorted { ($1.citations.count, $0.name) < ($0.citations.count, $1.name) }
    }
}
