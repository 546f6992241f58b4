import KremlinologyModel

/// One document (or JSON Lines record) handed to the extractor.
public struct ExtractionInput: Sendable {
    /// The normalised text that all ranges index.
    public var text: String
    /// File name or record id: what exports call `document`.
    public var documentName: String
    /// Who published it; the default attribution, and the actor "the speaker" names in a video note.
    public var outlet: String?
    /// ISO publication date (`2024-11-09`): resolves role descriptions and dates without a year.
    public var published: String?
    /// Paragraphs with byte ranges; nil splits the text on blank lines.
    public var passages: [Passage]?

    public init(text: String, documentName: String, outlet: String? = nil, published: String? = nil, passages: [Passage]? = nil) {
        self.text = text
        self.documentName = documentName
        self.outlet = outlet
        self.published = published
        self.passages = passages
    }
}

/// What the extractor found in one document.
public struct ExtractionResult: Sendable {
    /// Every actor mention, known or not (unknown ones carry rule `unknown:…`), in text order.
    public var mentions: [ActorMention]
    /// Relations, in text order.
    public var relations: [Relation]
    /// Attributed propositions ("Putin said …").
    public var claims: [Claim]
    /// Structural ties ("Patrushev, Putin's adviser"), kept apart from relations.
    public var ties: [StructuralTie]
    /// Per-sentence explanation; empty unless `explain` was asked for.
    public var trace: [SentenceTrace]
    /// The open-world actors of the document (names the pack does not know, found acting in it;
    /// mention rule `open-world`), with the kind their cues suggest and `reviewed` false.
    public var unreviewed: [Actor]

    public init(mentions: [ActorMention] = [], relations: [Relation] = [], claims: [Claim] = [], ties: [StructuralTie] = [],
                trace: [SentenceTrace] = [], unreviewed: [Actor] = []) {
        self.mentions = mentions
        self.relations = relations
        self.claims = claims
        self.ties = ties
        self.trace = trace
        self.unreviewed = unreviewed
    }

    /// Whether a mention names an actor: of the pack, or an open-world actor (rule `open-world`);
    /// not an unnamed fallback (`unknown:…`), and not the narrator of a note ("the speaker"), which
    /// resolves to the note's channel as the attribution of what the note says but is no actor of the corpus.
    public static func isKnown(_ mention: ActorMention) -> Bool {
        !mention.rule.hasPrefix("unknown") && mention.rule != "speaker"
    }
}

/// Why one sentence produced what it did: for `kremlinology explain`.
public struct SentenceTrace: Sendable, Codable {
    /// 0-based index of the sentence in the document.
    public var index: Int
    /// Byte range of the sentence.
    public var range: TextRange
    /// The sentence as written.
    public var text: String
    /// `Vladimir Putin ← "Putin" (gazetteer)` lines.
    public var actors: [String] = []
    /// Lexicon entries matched: `AID ← "aided" (relations.tsv:123 aid)`.
    public var predicates: [String] = []
    /// Cues: modality, attribution, time, instruments.
    public var cues: [String] = []
    /// Relations emitted, with their rule.
    public var relations: [String] = []
    /// Candidates dropped, with the reason.
    public var dropped: [String] = []

    public init(index: Int, range: TextRange, text: String) {
        self.index = index
        self.range = range
        self.text = text
    }

    /// A readable block for the terminal.
    public func render() -> String {
        var out = "[\(index)] \(text)\n"
        for a in actors { out += "  actor     \(a)\n" }
        for p in predicates { out += "  predicate \(p)\n" }
        for c in cues { out += "  cue       \(c)\n" }
        for r in relations { out += "  relation  \(r)\n" }
        for d in dropped { out += "  dropped   \(d)\n" }
        return out
    }
}
