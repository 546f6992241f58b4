import KremlinologyModel
import KremlinologyStore

/// Relations in date order: the stated time when the text gives one, else the document's
/// date, marked as such (``Dating/Basis``). Negated relations are left out: they are not events.
public struct Timeline: Sendable, Codable, Hashable {
    /// The actor, or the pair, the timeline is about; empty for the whole corpus.
    public var actors: [String]
    /// Dated relations first, in order; undated ones last.
    public var entries: [CitedRelation]

    /// A timeline of `relations`, restricted to those involving `actor` and/or the pair `pair`.
    public init(relations: [StoredRelation], actor: String? = nil, pair: (String, String)? = nil) {
        var chosen = Facts.only(relations)
        if let actor { chosen = chosen.filter { $0.relation.source == actor || $0.relation.target == actor } }
        if let (a, b) = pair {
            chosen = chosen.filter { Set([$0.relation.source, $0.relation.target]) == Set([a, b]) }
        }
        actors = [actor, pair?.0, pair?.1].compactMap { $0 }
        entries = chosen.map(CitedRelation.init).sorted {
            ($0.when, $0.citation.document, $0.citation.relationID) < ($1.when, $1.citation.document, $1.citation.relationID)
        }
    }
}
