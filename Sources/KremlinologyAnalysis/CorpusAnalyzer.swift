import KremlinologyModel
import KremlinologyStore

/// The analysis views over a store: loads only what each view needs (one actor's relations
/// through the indexed ``CorpusStore/relations(involving:)``; the whole corpus in one query
/// for the network, timeline and wiki) and hands it to the view's builder.
public struct CorpusAnalyzer: Sendable {
    public let store: any CorpusStore
    /// Every actor record of the store.
    public let directory: ActorDirectory

    public init(store: any CorpusStore) throws {
        self.store = store
        directory = ActorDirectory(try store.actorRecords())
    }

    /// The canonical name of what the user typed (see ``ActorDirectory/resolve(_:extraNames:)``);
    /// names that only occur in relations are found too.
    public func resolve(_ typed: String) throws -> String {
        do {
            return try directory.resolve(typed)
        } catch {
            let trimmed = typed.trimmingCharacters(in: .whitespaces)
            for filter in [RelationFilter(source: trimmed, limit: 1), RelationFilter(target: trimmed, limit: 1)] {
                if let r = try store.relations(filter).first?.relation {
                    return r.source.lowercased() == trimmed.lowercased() ? r.source : r.target
                }
            }
            throw error
        }
    }

    /// Every relation of the corpus, in one query.
    public func allRelations() throws -> [StoredRelation] { try store.relations(RelationFilter(limit: StoreLimit.all)) }

    public func dossier(_ actor: String) throws -> Dossier {
        let name = try resolve(actor)
        return Dossier(actor: name, relations: try store.relations(involving: name), directory: directory)
    }

    public func brief(_ a: String, _ b: String) throws -> Brief {
        let (first, second) = (try resolve(a), try resolve(b))
        return Brief(first, second, relations: try store.relations(involving: first))
    }

    public func network(_ options: NetworkOptions) throws -> Network {
        var relations: [StoredRelation]
        if options.outlets.count == 1, let outlet = options.outlets.first {
            relations = try store.relations(RelationFilter(outlet: outlet, limit: StoreLimit.all))
        } else {
            relations = try allRelations()
        }
        relations = relations.filter(options.admits)
        return Network(relations: relations, directory: directory, options: options)
    }

    public func timeline(actor: String? = nil, pair: (String, String)? = nil) throws -> Timeline {
        let actorName = try actor.map(resolve)
        let pairNames = try pair.map { (try resolve($0.0), try resolve($0.1)) }
        let source = actorName ?? pairNames?.0
        let relations = try source.map { try store.relations(involving: $0) } ?? allRelations()
        return Timeline(relations: relations, actor: actorName, pair: pairNames)
    }

    /// - Throws: ``AnalysisError/unknownOutlet(_:known:)`` for an outlet no document comes from.
    public func compare(outlets: [String], actor: String? = nil) throws -> OutletComparison {
        let known = try store.stats().outlets.keys.sorted()
        let lowered = Set(known.map { $0.lowercased() })
        if let unknown = outlets.first(where: { !lowered.contains($0.lowercased()) }) {
            throw AnalysisError.unknownOutlet(unknown, known: known)
        }
        let name = try actor.map(resolve)
        var relations: [StoredRelation] = []
        if let name {
            relations = try store.relations(involving: name)
        } else {
            for outlet in outlets { relations += try store.relations(RelationFilter(outlet: outlet, limit: StoreLimit.all)) }
        }
        return OutletComparison(outlets: outlets, actor: name, relations: relations)
    }

    public func saysVsDoes(_ actor: String) throws -> SaysVsDoes {
        let name = try resolve(actor)
        var seen: Set<Int64> = []
        let relations = (try store.relations(involving: name) + store.relations(attributedTo: name)).filter { seen.insert($0.id).inserted }
        return SaysVsDoes(actor: name, relations: relations)
    }

    /// What one outlet tells (``OutletProfile``).
    public func outlet(_ name: String) throws -> OutletProfile { try OutletProfile(outlet: name, in: store) }

    public func wiki() throws -> Wiki { Wiki(relations: try allRelations(), directory: directory) }
}
