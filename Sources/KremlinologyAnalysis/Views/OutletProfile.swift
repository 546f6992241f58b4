import KremlinologyModel
import KremlinologyStore

/// What one outlet tells: its documents, the relations it states by type and by pair, and
/// the first of them with their quotes. Negated relations are never counted here.
public struct OutletProfile: Sendable, Codable, Hashable {
    /// How often a relation type occurs.
    public struct TypeCount: Sendable, Codable, Hashable {
        public var type: RelationType
        public var count: Int
    }

    /// How often a source acts on a target.
    public struct PairCount: Sendable, Codable, Hashable {
        public var source: String
        public var target: String
        public var count: Int
    }

    /// The outlet's name as stored.
    public var outlet: String
    public var documents: Int
    /// Claims among the relations read (at most ``OutletProfile/readLimit``) and whether there were more.
    public var relationsTold: Int
    public var moreThanRead: Bool
    /// Types by count, most frequent first.
    public var types: [TypeCount]
    /// The 30 most told pairs.
    public var pairs: [PairCount]
    /// The first 50 relations, for their quotes.
    public var relations: [StoredRelation]
    /// The outlet's type and reliability, and where the grade comes from; nil when not graded.
    public var grade: OutletGrade?

    /// The most relations one profile reads.
    public static let readLimit = 2000

    /// The profile of `outlet` (matched case-insensitively).
    /// - Throws: ``AnalysisError/unknownOutlet(_:known:)`` with the outlets the corpus has.
    public init(outlet name: String, in store: any CorpusStore) throws {
        let outlets = try store.stats().outlets
        guard let match = outlets.first(where: { $0.key.lowercased() == name.lowercased() }) else {
            throw AnalysisError.unknownOutlet(name, known: outlets.keys.sorted())
        }
        let relations = try store.relations(RelationFilter(outlet: match.key, includeNegated: false, limit: Self.readLimit + 1))
        // Claims, not notes: a remark repeated by six notes of one video is told once.
        let read = Array(relations.prefix(Self.readLimit)).distinctClaims
        var byType: [RelationType: Int] = [:]
        var byPair: [String: PairCount] = [:]
        for stored in read {
            let r = stored.relation
            byType[r.type, default: 0] += 1
            let key = r.source + "\u{1}" + r.target
            byPair[key, default: PairCount(source: r.source, target: r.target, count: 0)].count += 1
        }
        outlet = match.key
        documents = match.value
        relationsTold = read.count
        moreThanRead = relations.count > Self.readLimit
        types = byType.map { TypeCount(type: $0.key, count: $0.value) }
            .sorted { ($1.count, $0.type.rawValue) < ($0.count, $1.type.rawValue) }
        pairs = Array(byPair.values.sorted { ($1.count, $0.source, $0.target) < ($0.count, $1.source, $1.target) }.prefix(30))
        self.relations = Array(read.prefix(50))
    }
}
