/// The kinds of actor that ONTOLOGY.md names.
public enum ActorKind: String, Sendable, Codable, CaseIterable {
    case state, person, organization, bloc, group
}

/// A tie of a person or organisation to a state or organisation, with a role and dates.
public struct Affiliation: Sendable, Hashable, Codable {
    /// Canonical name of the state or organisation, e.g. `Russia`.
    public var organization: String
    /// The role held, e.g. `head of state`, `foreign minister`, `spokesperson`.
    public var role: String
    /// ISO date the role began, when known.
    public var from: String?
    /// ISO date the role ended; nil while it lasts.
    public var until: String?

    public init(organization: String, role: String, from: String? = nil, until: String? = nil) {
        self.organization = organization
        self.role = role
        self.from = from
        self.until = until
    }

    /// Whether the role was held on `date` (ISO); undated roles hold always, and an unknown date matches any.
    public func isHeld(on date: String?) -> Bool {
        guard let date, !date.isEmpty else { return true }
        if let from, date < from { return false }
        if let until, date > until { return false }
        return true
    }
}

/// A known actor of the knowledge pack.
public struct Actor: Sendable, Hashable, Codable {
    /// Canonical name, e.g. `Vladimir Putin`.
    public var name: String
    /// State, person, organisation, bloc or group.
    public var kind: ActorKind
    /// Wikidata id, e.g. `Q7747`.
    public var wikidata: String?
    /// ISO 3166-1 alpha-3 code for states; a person's or organisation's country otherwise.
    public var country: String?
    /// Other names it goes by in text.
    public var aliases: [String]
    /// Roles held in states and organisations.
    public var affiliations: [Affiliation]
    /// False for an open-world actor: a name the pack does not know that the extractor found
    /// acting in a document (kind guessed from cues), listed by `actors --unreviewed` until an
    /// analyst promotes it into a pack. Views may mark or hide such actors.
    public var reviewed: Bool

    public init(name: String, kind: ActorKind, wikidata: String? = nil, country: String? = nil,
                aliases: [String] = [], affiliations: [Affiliation] = [], reviewed: Bool = true) {
        self.name = name
        self.kind = kind
        self.wikidata = wikidata
        self.country = country
        self.aliases = aliases
        self.affiliations = affiliations
        self.reviewed = reviewed
    }

    private enum CodingKeys: String, CodingKey { case name, kind, wikidata, country, aliases, affiliations, reviewed }

    /// Reads JSON written before `reviewed` existed (an actor without it is a reviewed one).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(name: try c.decode(String.self, forKey: .name), kind: try c.decode(ActorKind.self, forKey: .kind),
                  wikidata: try c.decodeIfPresent(String.self, forKey: .wikidata),
                  country: try c.decodeIfPresent(String.self, forKey: .country),
                  aliases: try c.decodeIfPresent([String].self, forKey: .aliases) ?? [],
                  affiliations: try c.decodeIfPresent([Affiliation].self, forKey: .affiliations) ?? [],
                  reviewed: try c.decodeIfPresent(Bool.self, forKey: .reviewed) ?? true)
    }
}

/// One place where an actor is named (or referred to) in a document.
public struct ActorMention: Sendable, Hashable, Codable {
    /// Canonical name of the actor.
    public var actor: String
    /// The words as written; for a pronoun or role description, the antecedent's words.
    public var text: String
    /// Where the mention stands in the normalised text.
    public var range: TextRange
    /// Which rule found it: `gazetteer`, `role:…`, `pronoun`, `speaker`.
    public var rule: String

    public init(actor: String, text: String, range: TextRange, rule: String) {
        self.actor = actor
        self.text = text
        self.range = range
        self.rule = rule
    }
}
