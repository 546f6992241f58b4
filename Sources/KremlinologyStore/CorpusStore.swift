import KremlinologyModel

/// What happened to one document handed to ``CorpusStore/store(_:extraction:)``.
public enum IngestOutcome: Sendable, Equatable {
    /// A new document was stored.
    case added(documentID: String)
    /// The same path was stored before with the same bytes: nothing changed.
    case unchanged(documentID: String)
    /// The same path was stored before with other bytes: the old version was replaced.
    case replaced(documentID: String, previousID: String)
    /// Another path holds the same normalised text: nothing was stored.
    case duplicate(of: String)
}

/// The facts extracted from one document, stored together with it.
public struct ExtractionPayload: Sendable {
    /// Known actors mentioned in the document (their pack entries).
    public var actors: [Actor]
    /// Every place an actor is named or referred to.
    public var mentions: [ActorMention]
    /// Relations, each with its quote and range.
    public var relations: [Relation]
    /// Claims attributed to speakers.
    public var claims: [Claim]
    /// Structural ties ("Patrushev, Putin's adviser"), kept apart from relations.
    public var ties: [StructuralTie]

    public init(actors: [Actor] = [], mentions: [ActorMention] = [], relations: [Relation] = [], claims: [Claim] = [],
                ties: [StructuralTie] = []) {
        self.actors = actors
        self.mentions = mentions
        self.relations = relations
        self.claims = claims
        self.ties = ties
    }
}

/// Facts handed over in parts while a document is written: the producer calls `write` once
/// per part, inside the document's transaction (see ``DocumentStore/store(_:extractionParts:)``).
public typealias ExtractionParts = (_ write: (ExtractionPayload) throws -> Void) throws -> Void

/// A document as stored, with its counts.
public struct StoredDocument: Sendable, Codable, Hashable {
    public var document: Document
    /// SHA-256 of the file's bytes when it was ingested.
    public var contentHash: String
    /// Size of the normalised text in bytes.
    public var byteCount: Int
    public var passageCount: Int
    public var relationCount: Int
}

/// One ranked passage returned by ``CorpusStore/search(_:)``.
public struct SearchHit: Sendable, Codable, Hashable {
    public var documentID: String
    public var fileName: String
    public var title: String?
    public var outlet: String?
    public var passageIndex: Int
    public var section: String?
    /// The passage's range in the normalised text.
    public var range: TextRange
    /// A short excerpt with the matched terms between `[` and `]`.
    public var snippet: String
    /// Relevance, lower is better: BM25 as SQLite reports it, or PostgreSQL's `ts_rank_cd` negated.
    public var score: Double
    /// Where the first match stands: timestamp and deep link for video notes.
    public var locator: Locator
}

/// Options of a full-text search.
public struct SearchQuery: Sendable {
    /// Words to find (all of them), or `"a phrase"` in double quotes.
    public var text: String
    public var limit: Int
    public var offset: Int
    /// Only passages of documents from this outlet (case-insensitive).
    public var outlet: String?
    /// Most matching passages ranked by relevance (at least `offset + limit`): a query that
    /// matches more is ranked among a sample of this many, and its total is a lower bound.
    /// docs/SEARCH.md says which sample and why.
    public var candidateBound: Int

    /// The default ``candidateBound``: ranking 2,000 passages takes a few milliseconds,
    /// ranking every one of 128,000 passages that hold "this" took half a second.
    public static let defaultCandidateBound = 2_000
    /// The largest bound a backend uses, far above any corpus: a bound of `Int.max` means "rank every match".
    public static let maximumCandidateBound = 1_000_000_000

    public init(text: String, limit: Int = 10, offset: Int = 0, outlet: String? = nil,
                candidateBound: Int = SearchQuery.defaultCandidateBound) {
        self.text = text
        self.limit = limit
        self.offset = offset
        self.outlet = outlet
        self.candidateBound = candidateBound
    }
}

/// How many passages match a search: exactly `count`, or, when more matched than were
/// ranked (``SearchQuery/candidateBound``), more than `count`.
public struct SearchTotal: Sendable, Codable, Hashable, CustomStringConvertible {
    public var count: Int
    /// Whether more than `count` passages match: the total was not counted beyond the bound.
    public var isLowerBound: Bool

    public init(count: Int, isLowerBound: Bool) {
        self.count = count
        self.isLowerBound = isLowerBound
    }

    /// "37", or "more than 2,000".
    public var description: String { (isLowerBound ? "more than " : "") + figure }

    /// The count with its thousands grouped ("2,000"), by hand: the same whatever the locale.
    public var figure: String {
        var digits = String(count)
        var grouped = ""
        while digits.count > 3 {
            grouped = "," + digits.suffix(3) + grouped
            digits.removeLast(3)
        }
        return digits + grouped
    }
}

/// One page of a search and how many passages match in all.
public struct SearchResults: Sendable, Hashable {
    public var hits: [SearchHit]
    public var total: SearchTotal

    public init(hits: [SearchHit], total: SearchTotal) {
        self.hits = hits
        self.total = total
    }
}

/// Figures about the whole corpus.
public struct CorpusStats: Sendable, Codable, Hashable {
    public var documents: Int
    public var documentsByKind: [String: Int]
    public var passages: Int
    public var textBytes: Int
    public var actors: Int
    public var mentions: Int
    /// Stored relation rows, every note's copy and every modality included.
    public var relations: Int
    public var relationsByType: [String: Int]
    public var outlets: [String: Int]
    /// Claims between actors that are facts (not denied): one per source and statement, as
    /// the views count them (see ``StatementKey``).
    public var claims: Int
    public var claimsByType: [String: Int]
    /// Independent sources: videos, URLs, near-identical texts, else documents.
    public var sources: Int
    /// Structural ties stated (ADVISER_OF, …), apart from relations.
    public var ties: Int
}

/// A stored relation with where it was found.
public struct StoredRelation: Sendable, Codable, Hashable {
    public var id: Int64
    public var documentID: String
    public var fileName: String
    public var outlet: String?
    public var published: String?
    public var relation: Relation
    public var locator: Locator
    /// The source the relation's document belongs to (``SourceIdentity``): `video:ID`,
    /// `url:host/path` or `document:ID`. Notes of one video share it, so the views count a
    /// claim once per source however many notes repeat it.
    public var sourceKey: String = ""
    /// Independent sources in the whole corpus stating the same source actor, type, target
    /// and modality; filled by ``FactStore/withCorroboration(_:)`` for listings, nil elsewhere.
    public var corroboration: Int?
    /// An analyst's judgement of the fact, if any: judged wrong, the views leave it out.
    public var judgement: Verdict?
    /// The analyst's note with the judgement.
    public var judgementNote: String?
    /// The fact's Admiralty grade ("B2": its outlet's reliability, its own credibility); filled
    /// by ``SourceGrading/graded(_:evidence:)`` for listings and views, nil elsewhere.
    public var grade: AdmiraltyGrade?
}

/// An analyst's judgement of a fact (`relations judge ID wrong|right`).
public enum Verdict: String, Sendable, Codable, CaseIterable {
    /// Hidden from every count, score, network and timeline; listed struck through with the note.
    case wrong
    /// Marked as confirmed.
    case right
}

/// A structural tie as stored, with the document fields a citation shows.
public struct StoredTie: Sendable, Codable, Hashable {
    public var id: Int64
    public var documentID: String
    public var fileName: String
    public var outlet: String?
    public var published: String?
    public var tie: StructuralTie
    public var locator: Locator
    /// The source the tie's document belongs to, as for ``StoredRelation/sourceKey``.
    public var sourceKey: String
}

/// A judgement whose fact the store no longer holds.
public struct OrphanedJudgement: Sendable, Codable, Hashable {
    public var documentID: String
    public var source: String
    public var type: String
    public var target: String
    public var verdict: Verdict
    public var note: String?
}

/// A judgement as the store keeps it, keyed by the fact it judges: what `copy` carries.
public struct JudgementRecord: Sendable, Codable, Hashable {
    public var documentID: String
    public var start: Int
    public var end: Int
    public var source: String
    public var type: String
    public var target: String
    public var verdict: Verdict
    public var note: String?
    public var author: String?
    public var judgedAt: String
}

/// Filters for ``CorpusStore/relations(_:)``; nil means any.
public struct RelationFilter: Sendable {
    public var source: String?
    public var target: String?
    public var type: RelationType?
    public var modality: Modality?
    public var outlet: String?
    public var documentID: String?
    /// Whether negated (denied, ruled-out) relations are listed when ``modality`` is nil.
    /// Listings for people leave them out, so that `limit` counts facts only; exports and
    /// analysis keep them (the views list them apart and never count them).
    public var includeNegated: Bool
    /// Only relations whose statement (source, type, target, modality) is made by at least
    /// this many independent sources (``StoredRelation/corroboration``); 1 keeps all.
    public var minSources: Int
    public var limit: Int
    public var offset: Int

    public init(source: String? = nil, target: String? = nil, type: RelationType? = nil, modality: Modality? = nil,
                outlet: String? = nil, documentID: String? = nil, includeNegated: Bool = true, minSources: Int = 1,
                limit: Int = 1000, offset: Int = 0) {
        self.includeNegated = includeNegated
        self.minSources = minSources
        self.source = source
        self.target = target
        self.type = type
        self.modality = modality
        self.outlet = outlet
        self.documentID = documentID
        self.limit = limit
        self.offset = offset
    }
}

/// An actor with how often and where the corpus mentions it.
public struct ActorSummary: Sendable, Codable, Hashable {
    public var actor: Actor
    public var mentions: Int
    /// File names of the documents that mention the actor.
    public var documents: [String]
    /// Fact claims with the actor as source, and as target, counted as the views count them
    /// (once per source and statement, between actors, denials left out).
    public var relationsOut: Int
    public var relationsIn: Int
}

/// An open-world actor (``Actor/reviewed`` false): how often the corpus mentions it, in how
/// many documents, and one quote of it in a relation, for an analyst to promote into a pack.
public struct UnreviewedActor: Sendable, Codable, Hashable {
    public var actor: Actor
    public var mentions: Int
    public var documents: Int
    /// The quote of its first stored relation, and that relation's document (file name).
    public var example: String?
    public var exampleDocument: String?
}

/// Documents as stored: writing them with their facts, finding and reading them back.
public protocol DocumentStore: Sendable {
    /// Stores one document and its facts in one transaction: after a crash the document is
    /// either wholly present or absent.
    func store(_ document: IngestedDocument, extraction: ExtractionPayload?) throws -> IngestOutcome
    /// Stores one document with facts produced in parts, all in the one transaction, so that
    /// a huge document's facts are written as they are extracted instead of held at once.
    /// `extractionParts` is not called when the document is unchanged or a duplicate.
    func store(_ document: IngestedDocument, extractionParts: ExtractionParts) throws -> IngestOutcome
    /// Stores several documents in one transaction (group commit: one commit and one sync for
    /// all), each still wholly present or absent: a document that fails is rolled back alone
    /// and its error returned in its place. A full disk fails the whole group (it throws
    /// ``StoreError/diskFull(location:)``), and a crash loses the group, never part of a document.
    func store(batch: [(document: IngestedDocument, extraction: ExtractionPayload?)]) throws -> [Result<IngestOutcome, any Error>]
    /// Replaces the extracted facts of a stored document (after the knowledge pack changed).
    func replaceExtraction(documentID: String, with extraction: ExtractionPayload) throws
    /// Deletes the documents with these ids and everything read from them (passages, search
    /// entries, mentions, relations, claims, ties, sources) in one transaction; returns how many
    /// there were. Unreviewed actors left without a mention go with them.
    func deleteDocuments(ids: [String]) throws -> Int
    /// All documents, ordered by file name.
    func documents(limit: Int, offset: Int) throws -> [StoredDocument]
    /// A document by id, id prefix, file name or path.
    func document(matching key: String) throws -> StoredDocument?
    /// The normalised text and passages of a stored document.
    func content(ofDocument id: String) throws -> IngestedDocument?
    /// Ids of every stored document, for re-extraction.
    func documentIDs() throws -> [String]
    /// How many documents are stored, for listings that show a page of them.
    func documentCount() throws -> Int
    /// The facts stored with a document, as stored: its mentions, relations (in the order
    /// they were stored) and claims, and the actor records of the actors it mentions.
    /// With ``content(ofDocument:)`` this is everything needed to copy it to another store.
    func extraction(ofDocument id: String) throws -> ExtractionPayload?
}

/// The extracted facts: relations and actors, filtered and listed.
public protocol FactStore: Sendable {
    func relations(_ filter: RelationFilter) throws -> [StoredRelation]
    /// How many relations `filter` matches, its limit and offset aside: a listing's total.
    func countRelations(_ filter: RelationFilter) throws -> Int
    /// Actors by number of mentions.
    func actors(kind: ActorKind?, limit: Int) throws -> [ActorSummary]
    /// How many actors ``actors(kind:limit:)`` lists without a limit.
    func countActors(kind: ActorKind?) throws -> Int
    /// Open-world actors that the corpus mentions, most mentioned first (then by name), a page of them.
    func unreviewedActors(limit: Int, offset: Int) throws -> [UnreviewedActor]
    /// How many actors ``unreviewedActors(limit:offset:)`` lists without a limit.
    func countUnreviewedActors() throws -> Int
    /// Every relation whose source or target is exactly `actor` (canonical name), once each.
    func relations(involving actor: String) throws -> [StoredRelation]
    /// Every relation attributed to `speaker` (case-insensitive): what the speaker asserts.
    func relations(attributedTo speaker: String) throws -> [StoredRelation]
    /// Every actor record, mentioned or not, ordered by name.
    func actorRecords() throws -> [Actor]
    /// `relations` with their ``StoredRelation/corroboration`` filled in, corpus-wide.
    func withCorroboration(_ relations: [StoredRelation]) throws -> [StoredRelation]
    /// Records an analyst's judgement of the relation with this id, replacing an earlier one of
    /// the same fact; returns the relation as judged. The judgement is keyed by the relation's
    /// document, quote range, source, type and target, so it holds again after `reextract`.
    func judge(relationID: Int64, verdict: Verdict, note: String?, author: String?) throws -> StoredRelation
    /// Judgements whose fact no stored relation states any more (after a `reextract`), with the
    /// fact they judged: reported, never applied to another relation.
    func orphanedJudgements() throws -> [OrphanedJudgement]
    /// Every judgement, in the order made.
    func judgementRecords() throws -> [JudgementRecord]
    /// Keeps `records` (another store's judgements of the same documents' facts); a fact
    /// judged here already keeps its judgement.
    func restore(judgements records: [JudgementRecord]) throws
    /// Every structural tie whose holder or principal is exactly `actor` (every tie for nil),
    /// in document order.
    func ties(involving actor: String?) throws -> [StoredTie]
}

/// Full-text search over passages.
public protocol SearchStore: Sendable {
    /// Ranked passages.
    func search(_ query: SearchQuery) throws -> [SearchHit]
    /// Ranked passages and how many match in all.
    func searchResults(_ query: SearchQuery) throws -> SearchResults
}

extension SearchStore {
    /// For a backend that cannot count: the page says only that at least what it shows
    /// matched, and more may, when the page is full.
    public func searchResults(_ query: SearchQuery) throws -> SearchResults {
        let hits = try search(query)
        let full = !hits.isEmpty && hits.count >= query.limit
        return SearchResults(hits: hits, total: SearchTotal(count: max(0, query.offset) + hits.count, isLowerBound: full))
    }
}

/// A store of documents, passages and extracted facts: every role together.
///
/// SQLite is the embedded default; a PostgreSQL backend implements the same protocol so
/// that callers never know which one they talk to. Both are built on one store core,
/// ``SQLCorpusStore``.
public protocol CorpusStore: DocumentStore, FactStore, SearchStore, CurationStore, SourceGradeStore {
    /// Figures about the whole corpus.
    func stats() throws -> CorpusStats
    /// A value that changes whenever the store is written, by this process or any other:
    /// views memoised under one token are stale once it differs.
    func changeToken() throws -> String
}

/// Limits of listing queries.
public enum StoreLimit {
    /// "Every row": pass as a `limit` to list everything (exports, analysis over the whole
    /// corpus). Backends may drop the LIMIT clause for it.
    public static let all = Int(Int32.max)
}
