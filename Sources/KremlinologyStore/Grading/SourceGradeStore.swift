import KremlinologyModel

/// What the store keeps and counts for source grading (issue 15): analysts' grades of
/// outlets, each outlet's documents and claims, and the evidence a claim's credibility is
/// computed from. ``SourceGrading`` applies them.
public protocol SourceGradeStore: Sendable {
    /// Records an analyst's grade of an outlet (a nil reliability returns it to the pack's
    /// default); earlier grades are kept as its history, the latest applies.
    func recordOutletGrade(_ grade: AnalystGrade) throws
    /// The latest analyst grade of each outlet that has one, by outlet name.
    func analystGrades() throws -> [AnalystGrade]
    /// Every analyst grade ever given, oldest first (for `copy`).
    func outletGradeHistory() throws -> [AnalystGrade]
    /// Every outlet that documents name, with how many documents it has and how many are video notes.
    func outletDocuments() throws -> [OutletDocuments]
    /// Fact claims per outlet, as the figures count them (once per source and statement,
    /// between actors, denials and facts judged wrong left out).
    func claimsByOutlet() throws -> [String: Int]
    /// What the corpus holds about the statements of `sourceActors` (every statement for nil):
    /// how many sources make each, and which sources deny or affirm what another denies.
    func statementEvidence(sourceActors: [String]?) throws -> StatementEvidence
}

/// An outlet's documents.
public struct OutletDocuments: Sendable, Hashable, Codable {
    public var outlet: String
    public var documents: Int
    /// Of its documents, the video notes: an outlet the pack does not list whose documents are
    /// all video notes is a video channel.
    public var videoNotes: Int

    public init(outlet: String, documents: Int, videoNotes: Int) {
        self.outlet = outlet
        self.documents = documents
        self.videoNotes = videoNotes
    }
}

/// Fallbacks on the original requirements, so that a backend without its own queries grades
/// the same way (slowly: it reads every relation). The store core answers each in one query.
extension SourceGradeStore where Self: FactStore & DocumentStore {
    public func recordOutletGrade(_ grade: AnalystGrade) throws {
        throw StoreError.failure("this store keeps no outlet grades")
    }

    public func analystGrades() throws -> [AnalystGrade] { [] }

    public func outletGradeHistory() throws -> [AnalystGrade] { [] }

    public func outletDocuments() throws -> [OutletDocuments] {
        var byOutlet: [String: OutletDocuments] = [:]
        for stored in try documents(limit: StoreLimit.all, offset: 0) {
            guard let outlet = stored.document.outlet else { continue }
            byOutlet[outlet, default: OutletDocuments(outlet: outlet, documents: 0, videoNotes: 0)].documents += 1
            if stored.document.kind == .videoNote { byOutlet[outlet]?.videoNotes += 1 }
        }
        return byOutlet.values.sorted { $0.outlet < $1.outlet }
    }

    public func claimsByOutlet() throws -> [String: Int] {
        var claims: [String: Set<String>] = [:]
        for stored in try relations(RelationFilter(includeNegated: false, limit: StoreLimit.all)) where stored.judgement != .wrong {
            guard let outlet = stored.outlet else { continue }
            let s = StatementKey(stored.relation)
            claims[outlet, default: []].insert("\(stored.sourceKey)|\(s.source)|\(s.type.rawValue)|\(s.target)|\(s.modality.rawValue)|\(s.time ?? "")")
        }
        return claims.mapValues(\.count)
    }

    public func statementEvidence(sourceActors: [String]?) throws -> StatementEvidence {
        let all = try relations(RelationFilter(limit: StoreLimit.all))
        guard let sourceActors else { return StatementEvidence(all) }
        let wanted = Set(sourceActors)
        return StatementEvidence(all.filter { wanted.contains($0.relation.source) })
    }
}
