/// PLOVER's quad classes plus our attitude class.
public enum QuadClass: String, Sendable, Codable {
    case verbalCooperation = "verbal cooperation"
    case materialCooperation = "material cooperation"
    case verbalConflict = "verbal conflict"
    case materialConflict = "material conflict"
    case attitude
}

/// The 24 relation types of ONTOLOGY.md: 18 PLOVER events and 6 attitudes.
public enum RelationType: String, Sendable, Codable, CaseIterable {
    case agree = "AGREE", consult = "CONSULT", support = "SUPPORT", concede = "CONCEDE"
    case cooperate = "COOPERATE", aid = "AID", retreat = "RETREAT"
    case investigate = "INVESTIGATE", demand = "DEMAND", disapprove = "DISAPPROVE"
    case reject = "REJECT", threaten = "THREATEN"
    case protest = "PROTEST", crime = "CRIME", sanction = "SANCTION", mobilize = "MOBILIZE"
    case coerce = "COERCE", assault = "ASSAULT"
    case trust = "TRUST", respect = "RESPECT", fear = "FEAR", distrust = "DISTRUST"
    case hostility = "HOSTILITY", leverage = "LEVERAGE"

    /// +1 for cooperative types, −1 for conflictual ones.
    public var polarity: Int {
        switch self {
        case .agree, .consult, .support, .concede, .cooperate, .aid, .retreat, .trust, .respect: 1
        default: -1
        }
    }

    /// The PLOVER quad class (or `attitude`).
    public var quadClass: QuadClass {
        switch self {
        case .agree, .consult, .support, .concede: .verbalCooperation
        case .cooperate, .aid, .retreat: .materialCooperation
        case .investigate, .demand, .disapprove, .reject, .threaten: .verbalConflict
        case .protest, .crime, .sanction, .mobilize, .coerce, .assault: .materialConflict
        case .trust, .respect, .fear, .distrust, .hostility, .leverage: .attitude
        }
    }

    /// Whether the type is one of PLOVER's events (not one of our attitudes).
    public var isEvent: Bool { quadClass != .attitude }
}

/// Ties of membership and office, kept apart from relations.
public enum StructuralTieType: String, Sendable, Codable, CaseIterable {
    case memberOf = "MEMBER_OF", leaderOf = "LEADER_OF", officialOf = "OFFICIAL_OF"
    case adviserOf = "ADVISER_OF", spokespersonOf = "SPOKESPERSON_OF", ownerOf = "OWNER_OF"
}

/// How the text presents a relation.
public enum Modality: String, Sendable, Codable, CaseIterable {
    /// Stated as fact.
    case asserted
    /// Hearsay: "reportedly", "allegedly", "according to".
    case reported
    /// Future or planned: "is expected to", "will".
    case expected
    /// Possible: "could", "may", "if …".
    case hypothetical
    /// Denied: "did not invade", "opted against". Never shown as a fact.
    case negated
}

/// The means by which an actor acts on another.
public enum Instrument: String, Sendable, Codable, CaseIterable {
    case hybridWarfare = "hybrid-warfare", cyber, disinformation, kompromat, economic, migration
    case food, military, mercenaries, frozenConflict = "frozen-conflict", corruption, diplomacy
    case deniability, nuclear
}

/// One directed relation, with the evidence that supports it.
public struct Relation: Sendable, Hashable, Codable {
    /// Canonical name of the actor that acts.
    public var source: String
    /// Wikidata id of the source, when known.
    public var sourceWikidata: String?
    /// The source as written in the text (the antecedent's words for pronouns).
    public var sourceText: String
    /// Canonical name of the actor acted upon.
    public var target: String
    /// Wikidata id of the target, when known.
    public var targetWikidata: String?
    /// The target as written in the text.
    public var targetText: String
    /// What the source does to the target.
    public var type: RelationType
    /// Asserted, reported, expected, hypothetical or negated.
    public var modality: Modality
    /// Who asserts it: the outlet by default, the quoted speaker for reported speech.
    public var attribution: String?
    /// Means used.
    public var instruments: [Instrument]
    /// The event's date or period as the text states it (`2014`, `2024-11-08`).
    public var time: String?
    /// Where the event took place, when the text names a region, city or territory of the pack's
    /// places list (`Crimea`, `Bakhmut`): the place a target that is a place stood for (the
    /// relation's target is then the state the place belongs to), or the place the event is said
    /// to happen in ("… attacked Ukrainian positions *near Bakhmut*").
    public var location: String?
    /// The evidence, exactly as in the normalised text.
    public var quote: String
    /// Where the quote stands in the normalised text (UTF-8 bytes).
    public var range: TextRange
    /// The rule that produced the relation, for `explain`.
    public var rule: String

    public init(source: String, sourceWikidata: String? = nil, sourceText: String,
                target: String, targetWikidata: String? = nil, targetText: String,
                type: RelationType, modality: Modality = .asserted, attribution: String? = nil,
                instruments: [Instrument] = [], time: String? = nil, location: String? = nil,
                quote: String, range: TextRange, rule: String) {
        self.source = source
        self.sourceWikidata = sourceWikidata
        self.sourceText = sourceText
        self.target = target
        self.targetWikidata = targetWikidata
        self.targetText = targetText
        self.type = type
        self.modality = modality
        self.attribution = attribution
        self.instruments = instruments
        self.time = time
        self.location = location
        self.quote = quote
        self.range = range
        self.rule = rule
    }

    /// +1 or −1, from the type.
    public var polarity: Int { type.polarity }
}

/// A proposition attributed to a speaker, with its quote.
public struct Claim: Sendable, Hashable, Codable {
    /// Canonical name of who says it.
    public var speaker: String
    /// The proposition, exactly as in the normalised text.
    public var quote: String
    /// Where the quote stands (UTF-8 bytes).
    public var range: TextRange
    /// How the proposition is presented.
    public var modality: Modality
    /// The outlet that reports the claim.
    public var attribution: String?

    public init(speaker: String, quote: String, range: TextRange, modality: Modality, attribution: String?) {
        self.speaker = speaker
        self.quote = quote
        self.range = range
        self.modality = modality
        self.attribution = attribution
    }
}
