import KremlinologyModel
import KremlinologyStore

/// Where a figure comes from: one quote, in one document, at one place.
///
/// Every count, score and edge in the analysis views carries citations so that an analyst can
/// open the source at the quote (`link` is a timestamp deep link for video notes).
public struct Citation: Sendable, Codable, Hashable {
    /// The store's id of the relation the quote supports.
    public var relationID: Int64
    /// File name of the document, as ingested.
    public var document: String
    /// The store's document id.
    public var documentID: String
    /// Who published the document.
    public var outlet: String?
    /// ISO publication date of the document, when known.
    public var published: String?
    /// Short place label: `00:55:55` or `¶3`.
    public var locator: String
    /// Deep link that opens the source at the quote, when the source has one.
    public var link: String?
    /// The evidence, exactly as in the text.
    public var quote: String
    /// How the text presents the relation.
    public var modality: Modality
    /// Who asserts it.
    public var attribution: String?
    /// Whether an analyst judged the fact right (facts judged wrong never reach a view).
    public var confirmed = false
    /// The fact's Admiralty grade ("B2"), when the view graded its sources; nil for a tie.
    public var grade: AdmiraltyGrade?

    /// The citation of a stored relation.
    public init(_ stored: StoredRelation) {
        self.init(relationID: stored.id, document: stored.fileName, documentID: stored.documentID, outlet: stored.outlet,
                  published: stored.published, locator: stored.locator, quote: stored.relation.quote,
                  modality: stored.relation.modality, attribution: stored.relation.attribution)
        confirmed = stored.judgement == .right
        grade = stored.grade
    }

    /// The citation of a stored structural tie. Ties are no relations: `relationID` is 0, so
    /// that links open the document, not a relation's anchor.
    public init(_ stored: StoredTie) {
        self.init(relationID: 0, document: stored.fileName, documentID: stored.documentID, outlet: stored.outlet,
                  published: stored.published, locator: stored.locator, quote: stored.tie.quote, modality: stored.tie.modality,
                  attribution: stored.outlet)
    }

    private init(relationID: Int64, document: String, documentID: String, outlet: String?, published: String?,
                 locator: Locator, quote: String, modality: Modality, attribution: String?) {
        self.relationID = relationID
        self.document = document
        self.documentID = documentID
        self.outlet = outlet
        self.published = published
        self.locator = locator.label
        self.link = locator.url
        self.quote = quote
        self.modality = modality
        self.attribution = attribution
    }
}

/// A structural tie for a view: who holds it, to whom, and its citation.
public struct CitedTie: Sendable, Codable, Hashable {
    public var holder: String
    public var type: StructuralTieType
    public var principal: String
    public var modality: Modality
    public var citation: Citation

    public init(_ stored: StoredTie) {
        holder = stored.tie.holder
        type = stored.tie.type
        principal = stored.tie.principal
        modality = stored.tie.modality
        citation = Citation(stored)
    }

    /// `an adviser to`, `the spokesperson of`: the tie in words, before its principal.
    public var role: String {
        switch type {
        case .adviserOf: "an adviser to"
        case .spokespersonOf: "the spokesperson of"
        case .memberOf: "a member of"
        case .leaderOf: "the leader of"
        case .officialOf: "an official of"
        case .ownerOf: "the owner of"
        }
    }
}

/// The rule every view applies before counting: a negated relation is never a fact.
public enum Facts {
    /// Whether `stored` may be counted, scored or drawn as an edge.
    public static func counts(_ stored: StoredRelation) -> Bool { stored.relation.modality != .negated }

    /// The relations that are facts, in their order.
    public static func only(_ relations: [StoredRelation]) -> [StoredRelation] { relations.filter(counts) }
}

/// A relation summarised for a view: who, what, whom, how presented, and its citation.
public struct CitedRelation: Sendable, Codable, Hashable {
    public var source: String
    public var target: String
    public var type: RelationType
    public var polarity: Int
    public var modality: Modality
    public var instruments: [Instrument]
    /// When it happened, with where that date came from.
    public var when: Dating
    public var citation: Citation
    /// Notes (documents) of the same source repeating this claim (see ``ClaimSet``).
    public var notes = 1
    /// Independent sources in the view making the same statement (its corroboration).
    public var corroboration = 1

    public init(_ stored: StoredRelation) {
        source = stored.relation.source
        target = stored.relation.target
        type = stored.relation.type
        polarity = stored.relation.polarity
        modality = stored.relation.modality
        instruments = stored.relation.instruments
        when = Dating(stored)
        citation = Citation(stored)
    }
}

/// Orders relations for "strongest quotes": asserted before reported before the rest,
/// then heavier weights first, then by document and position so the order is stable.
enum Strength {
    static func rank(_ modality: Modality) -> Int {
        switch modality {
        case .asserted: 0
        case .reported: 1
        case .expected: 2
        case .hypothetical: 3
        case .negated: 4
        }
    }

    static func sorted(_ relations: [StoredRelation]) -> [StoredRelation] {
        relations.sorted { a, b in
            let ka = (rank(a.relation.modality), -abs(Weights.weight(of: a.relation.type)))
            let kb = (rank(b.relation.modality), -abs(Weights.weight(of: b.relation.type)))
            if ka != kb { return ka < kb }
            return (a.fileName, a.relation.range.start, a.id) < (b.fileName, b.relation.range.start, b.id)
        }
    }
}
