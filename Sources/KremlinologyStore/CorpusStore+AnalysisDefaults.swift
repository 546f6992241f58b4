import Foundation
import KremlinologyModel

/// Fallbacks for the analysis queries, built on ``FactStore/relations(_:)``, so that a new
/// backend works before it optimises them. The store core (``SQLCorpusStore``) answers each
/// with one indexed query instead.
extension FactStore {
    public func countRelations(_ filter: RelationFilter) throws -> Int {
        var all = filter
        all.limit = StoreLimit.all
        all.offset = 0
        return try relations(all).count
    }

    public func countActors(kind: ActorKind?) throws -> Int { try actors(kind: kind, limit: StoreLimit.all).count }

    public func relations(involving actor: String) throws -> [StoredRelation] {
        let all = StoreLimit.all
        let outgoing = try relations(RelationFilter(source: actor, limit: all)).filter { $0.relation.source == actor }
        let incoming = try relations(RelationFilter(target: actor, limit: all)).filter { $0.relation.target == actor && $0.relation.source != actor }
        return outgoing + incoming
    }

    public func relations(attributedTo speaker: String) throws -> [StoredRelation] {
        let key = speaker.lowercased()
        return try relations(RelationFilter(limit: StoreLimit.all)).filter { $0.relation.attribution?.lowercased() == key }
    }

    public func unreviewedActors(limit: Int, offset: Int) throws -> [UnreviewedActor] {
        let page = try actors(kind: nil, limit: StoreLimit.all).filter { !$0.actor.reviewed }.dropFirst(max(0, offset)).prefix(max(0, limit))
        return try page.map { summary in
            let first = try relations(involving: summary.actor.name).min { $0.id < $1.id }
            return UnreviewedActor(actor: summary.actor, mentions: summary.mentions, documents: summary.documents.count,
                                   example: first?.relation.quote, exampleDocument: first?.fileName)
        }
    }

    public func countUnreviewedActors() throws -> Int {
        try actors(kind: nil, limit: StoreLimit.all).filter { !$0.actor.reviewed }.count
    }
}

extension DocumentStore {
    /// One transaction per document: right, without the group commit of the SQL stores.
    public func store(batch: [(document: IngestedDocument, extraction: ExtractionPayload?)]) throws -> [Result<IngestOutcome, any Error>] {
        try batch.map { item in
            do {
                return .success(try store(item.document, extraction: item.extraction))
            } catch let error as StoreError where error.isDiskFull {
                throw error
            } catch {
                return .failure(error)
            }
        }
    }

    /// Gathers the parts and stores them at once: right, but without the memory bound that
    /// the SQL stores give by writing each part as it comes.
    public func store(_ document: IngestedDocument, extractionParts: ExtractionParts) throws -> IngestOutcome {
        var whole = ExtractionPayload()
        try extractionParts { part in
            whole.actors += part.actors
            whole.mentions += part.mentions
            whole.relations += part.relations
            whole.claims += part.claims
            whole.ties += part.ties
        }
        var seen = Set<String>()
        whole.actors = whole.actors.filter { seen.insert($0.name).inserted }
        return try store(document, extraction: whole)
    }

    public func documentCount() throws -> Int { try documentIDs().count }
}

extension CorpusStore {
    /// A backend that cannot tell when it changed says "changed" every time, so that views
    /// over it are never stale (only never memoised).
    public func changeToken() throws -> String { UUID().uuidString }
}

extension FactStore {
    /// Counts, for each statement of `relations`, the distinct sources of every relation with
    /// the same source actor: right on any backend; the SQL stores answer in one query.
    public func withCorroboration(_ relations: [StoredRelation]) throws -> [StoredRelation] {
        var sources: [StatementKey: Set<String>] = [:]
        for actor in Set(relations.map(\.relation.source)) {
            for stored in try self.relations(RelationFilter(source: actor, limit: StoreLimit.all)) where stored.relation.source == actor {
                sources[StatementKey(stored.relation), default: []].insert(stored.sourceKey)
            }
        }
        return relations.map { stored in
            var copy = stored
            copy.corroboration = max(1, sources[StatementKey(stored.relation)]?.count ?? 1)
            return copy
        }
    }
}

/// What a relation states, whoever states it: the unit that corroboration counts sources of,
/// in the store's listings and in the views' claims alike. A date the text gives for the event
/// is part of it: "Russia annexed Crimea in 2014" and "Russia invaded Ukraine in 2022" in one
/// document are two events, not one claim repeated.
public struct StatementKey: Hashable, Sendable {
    public var source: String
    public var type: RelationType
    public var target: String
    public var modality: Modality
    /// The event's stated date (``Relation/time``), nil when the text gives none.
    public var time: String?

    public init(_ relation: Relation) {
        self.init(source: relation.source, type: relation.type, target: relation.target, modality: relation.modality, time: relation.time)
    }

    public init(source: String, type: RelationType, target: String, modality: Modality, time: String?) {
        (self.source, self.type, self.target, self.modality, self.time) = (source, type, target, modality, time)
    }
}
