import Foundation
import KremlinologyModel

/// Grades facts on the Admiralty code: the reliability of each outlet (the analyst's grade in
/// the store, else the pack's ``SourceCatalog``) and the credibility of each claim
/// (``CredibilityRule``, from the store's ``StatementEvidence``). Listings, views and exports
/// all grade through it, so a fact has the same grade wherever it is shown.
public struct SourceGrading: Sendable {
    public let catalog: SourceCatalog
    /// The latest analyst grade of each outlet, by lowercased name.
    private let analyst: [String: AnalystGrade]
    /// Lowercased outlets whose documents are all video notes.
    private let videoChannels: Set<String>

    /// The grading of the outlets of `store` with `catalog`.
    public init(catalog: SourceCatalog, store: any CorpusStore) throws {
        let channels = try store.outletDocuments().filter { $0.documents > 0 && $0.videoNotes == $0.documents }
        self.init(catalog: catalog, analystGrades: try store.analystGrades(), videoChannels: channels.map(\.outlet))
    }

    public init(catalog: SourceCatalog, analystGrades: [AnalystGrade] = [], videoChannels: [String] = []) {
        self.catalog = catalog
        analyst = Dictionary(analystGrades.map { ($0.outlet.lowercased(), $0) }, uniquingKeysWith: { _, later in later })
        self.videoChannels = Set(videoChannels.map { $0.lowercased() })
    }

    /// The reliability of `outlet` and where it comes from (nil: a document without an outlet).
    public func grade(ofOutlet outlet: String?) -> OutletGrade {
        let key = outlet?.lowercased()
        return catalog.grade(of: outlet, analyst: key.flatMap { analyst[$0] }, isVideoChannel: key.map(videoChannels.contains) ?? false)
    }

    /// The grade of one fact: its outlet's reliability and its credibility by the rule.
    public func grade(_ stored: StoredRelation, evidence: StatementEvidence) -> AdmiraltyGrade {
        let credibility = CredibilityRule.credibility(corroboration: evidence.corroboration(of: stored),
                                                      modality: stored.relation.modality,
                                                      contradicted: evidence.isContradicted(stored))
        return AdmiraltyGrade(grade(ofOutlet: stored.outlet).reliability, credibility)
    }

    /// `relations` with their ``StoredRelation/grade`` filled in.
    public func graded(_ relations: [StoredRelation], evidence: StatementEvidence) -> [StoredRelation] {
        relations.map { stored in
            var copy = stored
            copy.grade = grade(stored, evidence: evidence)
            return copy
        }
    }

    /// `relations` graded with the evidence `store` holds about their statements.
    public func graded(_ relations: [StoredRelation], in store: any CorpusStore) throws -> [StoredRelation] {
        guard !relations.isEmpty else { return relations }
        let actors = Set(relations.map(\.relation.source))
        // Past a thousand source actors (a whole-corpus view) one pass over every relation is
        // cheaper than looking them up in chunks.
        return graded(relations, evidence: try store.statementEvidence(sourceActors: actors.count > 1_000 ? nil : Array(actors)))
    }

    /// One page of the relations `filter` matches, with their corroboration and grades. With
    /// a `minimum` grade, every matching relation is graded first and the page cut from those
    /// that meet it, `total` counting them; without one, the page is read as it is and `total`
    /// is nil (``FactStore/countRelations(_:)`` counts it).
    public func listing(_ filter: RelationFilter, atLeast minimum: AdmiraltyGrade?,
                        in store: any CorpusStore) throws -> (relations: [StoredRelation], total: Int?) {
        guard let minimum else {
            return (try graded(store.withCorroboration(store.relations(filter)), in: store), nil)
        }
        var everything = filter
        (everything.limit, everything.offset) = (StoreLimit.all, 0)
        let kept = Self.keeping(try graded(store.withCorroboration(store.relations(everything)), in: store), atLeast: minimum)
        return (Array(kept.dropFirst(max(0, filter.offset)).prefix(max(0, filter.limit))), kept.count)
    }

    /// The graded relations that meet `minimum` (all of them for nil): the one filter behind
    /// `--min-grade` and `min_grade`. A relation without a grade never meets a minimum.
    public static func keeping(_ graded: [StoredRelation], atLeast minimum: AdmiraltyGrade?) -> [StoredRelation] {
        guard let minimum else { return graded }
        return graded.filter { $0.grade?.meets(minimum) ?? false }
    }
}

/// One outlet as `outlets` lists it: its type, grade and where the grade comes from, its
/// documents and its claims.
public struct OutletSummary: Sendable, Hashable, Codable {
    public var outlet: String
    public var type: OutletType?
    public var reliability: Reliability
    public var origin: GradeOrigin
    public var note: String?
    public var country: String?
    public var gradedBy: String?
    public var gradedAt: String?
    public var documents: Int
    /// Fact claims (once per source and statement), as the figures count them.
    public var claims: Int

    public init(_ grade: OutletGrade, documents: Int, claims: Int) {
        (outlet, type, reliability, origin, note, country) = (grade.outlet, grade.type, grade.reliability, grade.origin, grade.note, grade.country)
        (gradedBy, gradedAt) = (grade.gradedBy, grade.gradedAt)
        self.documents = documents
        self.claims = claims
    }

    /// `analyst (ana, 2026-12-02)`, `pack`, `type default`, `unlisted`: where the grade comes from.
    public var originLabel: String {
        switch origin {
        case .analyst: "analyst" + ([gradedBy, gradedAt.map { String($0.prefix(10)) }].compactMap { $0 }.joined(separator: ", ")
            .nonEmptyParenthesised)
        case .pack: "pack"
        case .typeDefault: "type default"
        case .unlisted: "unlisted"
        }
    }
}

extension SourceGrading {
    /// Every outlet of the corpus, most documents first, then by name.
    public func outlets(in store: any CorpusStore) throws -> [OutletSummary] {
        let claims = try store.claimsByOutlet()
        return try store.outletDocuments().map { outlet in
            OutletSummary(grade(ofOutlet: outlet.outlet), documents: outlet.documents, claims: claims[outlet.outlet] ?? 0)
        }.sorted { ($1.documents, $0.outlet) < ($0.documents, $1.outlet) }
    }

    /// Records an analyst's grade of the outlet typed as `typed` (matched case-insensitively
    /// among the corpus's outlets, then the catalog's names and aliases); nil `reliability`
    /// returns it to the pack's default. Returns the outlet as it is now graded.
    /// - Throws: ``StoreError/notFound(_:)`` naming the outlets the corpus has.
    public func grade(outlet typed: String, reliability: Reliability?, note: String?, author: String?,
                      in store: any CorpusStore) throws -> OutletSummary {
        let known = try store.outletDocuments()
        let name = known.first { $0.outlet.lowercased() == typed.lowercased() }?.outlet ?? catalog.entry(for: typed)?.name
        guard let name else { throw Self.unknownOutlet(typed, known: known.map(\.outlet)) }
        try store.recordOutletGrade(AnalystGrade(outlet: name, reliability: reliability, note: note, author: author,
                                                 gradedAt: Date().formatted(.iso8601)))
        let regraded = try SourceGrading(catalog: catalog, store: store)
        return try regraded.outlets(in: store).first { $0.outlet == name }
            ?? OutletSummary(regraded.grade(ofOutlet: name), documents: 0, claims: 0)
    }
}

extension SourceGrading {
    /// No outlet of the corpus or the catalog is named `typed`; the message lists the corpus's.
    static func unknownOutlet(_ typed: String, known names: [String]) -> StoreError {
        let listed: String = names.isEmpty ? "no outlet yet"
            : names.prefix(20).joined(separator: ", ") + (names.count > 20 ? ", … (\(names.count) in all)" : "")
        return StoreError.notFound("no outlet \"\(typed)\" in the corpus or the pack's sources.yaml; the corpus has " + listed)
    }
}

private extension String {
    /// ` (text)`, or nothing when empty.
    var nonEmptyParenthesised: String { isEmpty ? "" : " (\(self))" }
}
