/// A tie of office or confidence that a text states ("Nikolai Patrushev, Putin's security
/// adviser"): `holder` —ADVISER_OF→ `principal`. ONTOLOGY.md keeps these apart from the 24
/// relation types, so they never enter relation counts, exports or scores; the dossier reads
/// them to answer "who advises X?".
public struct StructuralTie: Sendable, Hashable, Codable {
    /// Canonical name of the person who holds the tie (the adviser).
    public var holder: String
    /// The holder as written.
    public var holderText: String
    /// Which tie: `ADVISER_OF`, `SPOKESPERSON_OF`, …
    public var type: StructuralTieType
    /// Canonical name of the actor the tie is to (whom the adviser advises).
    public var principal: String
    /// The principal as written.
    public var principalText: String
    /// Asserted or reported; negated where the text denies the tie ("is not an adviser to").
    public var modality: Modality
    /// The sentence, exactly as in the normalised text.
    public var quote: String
    /// Where the quote stands in the normalised text (UTF-8 bytes).
    public var range: TextRange
    /// The pattern that found it, for `explain`: `tie:title`, `tie:apposition`, `tie:copula`.
    public var rule: String

    public init(holder: String, holderText: String, type: StructuralTieType, principal: String, principalText: String,
                modality: Modality = .asserted, quote: String, range: TextRange, rule: String) {
        self.holder = holder
        self.holderText = holderText
        self.type = type
        self.principal = principal
        self.principalText = principalText
        self.modality = modality
        self.quote = quote
        self.range = range
        self.rule = rule
    }
}
