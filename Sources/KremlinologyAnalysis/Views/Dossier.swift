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
        /// False for an open-world actor: a name no pack knows, found acting in the text (issue 11),
        /// shown marked as unreviewed until an analyst promotes it into a pack.
        public var reviewed = true
    }

    /// A member of the inner circle and why.
    public struct CircleMember: Sendable, Codable, Hashable {
        public var name: String
        /// `trusted by X` or `adviser to X`, with the role held in the actor's state, e.g. `foreign minister of Russia`.
        public var tie: String
        /// Quotes of the TRUST relations and ADVISER_OF ties; empty for officials known only from affiliations.
        public var citations: [Citation]
        /// Independent sources stating the tie: distinct videos, else distinct documents.
        public var sources: Int = 0
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
    /// People affiliated with the actor's state (its officials), apart from the inner circle;
    /// never people whose own country is another state.
    public var officials: [CircleMember] = []
    /// The state whose officials ``officials`` lists.
    public var officialsOf: String?
    /// The strongest quotes (asserted first, heaviest weights first).
    public var strongestQuotes: [CitedRelation]
    /// Which outlets tell the actor's relations, and with which polarity.
    public var outlets: [OutletView]
    /// Relations the sources deny: shown apart, never counted.
    public var denied: [CitedRelation]
    /// With roll-up, the actors folded into each state; nil without.
    public var rollUp: RollUp?
    /// Structural ties the sources state with the actor as holder or principal ("Patrushev,
    /// Putin's adviser"), denied ones included (marked by their modality).
    public var ties: [CitedTie] = []
    /// What changes when only A–C sources count; nil when the relations are not graded.
    public var reliableSourcesOnly: ReliableSourcesOnly?
}

extension Dossier {
    /// Builds the dossier of `name` from every relation involving it.
    public init(actor name: String, relations: [StoredRelation], ties: [StoredTie] = [], directory: ActorDirectory, quotes: Int = 10) {
        let record = directory[name]
        profile = Profile(name: name, kind: record?.kind, wikidata: record?.wikidata,
                          wikidataURL: ActorDirectory.wikidataURL(record?.wikidata), country: record?.country,
                          aliases: record?.aliases ?? [], affiliations: record?.affiliations ?? [],
                          reviewed: !directory.isUnreviewed(name))
        let outgoing = relations.filter { $0.relation.source == name }
        let incoming = relations.filter { $0.relation.target == name && $0.relation.source != name }
        relationsOut = Tally.byCounterpart(outgoing) { $0.target }
        relationsIn = Tally.byCounterpart(incoming) { $0.source }
        balanceOut = Tally.balance(outgoing)
        balanceIn = Tally.balance(incoming)
        instruments = Tally.instruments(outgoing)
        let facts = Facts.only(relations)
        let claims = ClaimSet(facts)
        strongestQuotes = Strength.sorted(claims.representatives).prefix(quotes).map(claims.cited)
        outlets = Tally.byOutlet(facts)
        reliableSourcesOnly = ReliableSourcesOnly(facts, balances: [
            ("\(name) acts:", { $0.relation.source == name }),
            ("acted on:", { $0.relation.target == name && $0.relation.source != name }),
        ])
        denied = ClaimSet(relations.filter { !Facts.counts($0) }).cited
        innerCircle = Self.circle(of: name, facts: facts, ties: ties, directory: directory)
        self.ties = ties.map(CitedTie.init)
        officialsOf = directory.homeState(of: name)
        officials = Self.officials(of: officialsOf, except: Set(innerCircle.map(\.name)).union([name]), directory: directory)
        // Members of the circle are left out of the officials; their role goes on their tie.
        for (index, member) in innerCircle.enumerated() {
            if let role = Self.role(of: member.name, in: officialsOf, directory) { innerCircle[index].tie += "; \(role)" }
        }
    }

    /// Who `name` trusts: the targets of its TRUST relations and the people stated to be its
    /// advisers (Y ADVISER_OF `name`), as asserted or reported statements (never negated,
    /// expected or hypothetical), ranked by the independent sources that state the tie.
    private static func circle(of name: String, facts: [StoredRelation], ties: [StoredTie],
                               directory: ActorDirectory) -> [CircleMember] {
        var members: [String: CircleMember] = [:]
        var sources: [String: Set<String>] = [:]
        func add(_ other: String, _ tie: String, _ citation: Citation, source: String) {
            guard other != name, directory[other]?.kind == .person || directory[other] == nil else { return }
            var member = members[other] ?? CircleMember(name: other, tie: tie, citations: [])
            if !member.tie.contains(tie) { member.tie += "; " + tie }
            member.citations.append(citation)
            members[other] = member
            sources[other, default: []].insert(source)
        }
        for stored in facts where [.asserted, .reported].contains(stored.relation.modality) {
            let r = stored.relation
            // Only the actor's own trust answers "who does X trust?": "Y trusts X" does not.
            guard r.type == .trust, r.source == name else { continue }
            add(r.target, "trusted by \(name)", Citation(stored), source: ClaimKey.source(of: stored))
        }
        for stored in ties where [.asserted, .reported].contains(stored.tie.modality) {
            guard stored.tie.type == .adviserOf, stored.tie.principal == name else { continue }
            add(stored.tie.holder, "adviser to \(name)", Citation(stored), source: stored.sourceKey)
        }
        for name in members.keys { members[name]?.sources = sources[name]?.count ?? 0 }
        return members.values.sorted {
            ($1.sources, $1.citations.count, $0.name) < ($0.sources, $0.citations.count, $1.name)
        }
    }

    /// The people affiliated with `state` whose own country is that state's (or unknown), but
    /// for `except`: a US ambassador to Russia is an official of the United States.
    private static func officials(of state: String?, except: Set<String>, directory: ActorDirectory) -> [CircleMember] {
        guard let state else { return [] }
        var members: [String: CircleMember] = [:]
        for (person, role) in directory.members(of: state) where !except.contains(person) {
            guard belongs(person, to: state, directory) else { continue }
            if var member = members[person] {
                if !member.tie.contains(role) { member.tie += "; \(role) of \(state)" }
                members[person] = member
            } else {
                members[person] = CircleMember(name: person, tie: "\(role) of \(state)", citations: [])
            }
        }
        return members.values.sorted { $0.name < $1.name }
    }

    /// Whether `person`'s own country, where the pack gives one, is `state`'s.
    private static func belongs(_ person: String, to state: String, _ directory: ActorDirectory) -> Bool {
        guard let own = directory[person]?.country, let home = directory[state]?.country else { return true }
        return own == home
    }

    /// The role `person` holds in `state`, for the tie of an inner-circle member.
    private static func role(of person: String, in state: String?, _ directory: ActorDirectory) -> String? {
        guard let state, belongs(person, to: state, directory) else { return nil }
        return directory.members(of: state).first { $0.name == person }.map { "\($0.role) of \(state)" }
    }
}
