import KremlinologyModel
import KremlinologyStore

/// Relations in date order: the stated time when the text gives one, else the document's
/// date, marked as such (``Dating/Basis``). Negated relations are left out: they are not events.
public struct Timeline: Sendable, Codable, Hashable {
    /// The actor, or the pair, the timeline is about; empty for the whole corpus.
    public var actors: [String]
    /// Dated claims first, in order; undated ones last. A claim repeated by several notes of
    /// one source is one entry, with its ``CitedRelation/notes``.
    public var entries: [CitedRelation]
    /// With roll-up, the actors folded into each state; nil without.
    public var rollUp: RollUp?

    /// A timeline of `relations`, restricted to those involving `actor` and/or the pair `pair`.
    public init(relations: [StoredRelation], actor: String? = nil, pair: (String, String)? = nil) {
        var chosen = Facts.only(relations)
        if let actor { chosen = chosen.filter { $0.relation.source == actor || $0.relation.target == actor } }
        if let (a, b) = pair {
            chosen = chosen.filter { Set([$0.relation.source, $0.relation.target]) == Set([a, b]) }
        }
        actors = [actor, pair?.0, pair?.1].compactMap { $0 }
        entries = ClaimSet(chosen).cited.sorted {
            ($0.when, $0.citation.document, $0.citation.relationID) < ($1.when, $1.citation.document, $1.citation.relationID)
        }
    }
}

extension Timeline {
    /// Whether `text` is a date bound a timeline takes: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`,
    /// with a real month and day.
    public static func isDateBound(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) else {
            return false
        }
        if parts.count >= 2 { guard parts[1].count == 2, let month = Int(parts[1]), (1...12).contains(month) else { return false } }
        if parts.count == 3 {
            guard parts[2].count == 2, let day = Int(parts[2]), let year = Int(parts[0]), let month = Int(parts[1]) else { return false }
            let days = [31, year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
            return (1...days[month - 1]).contains(day)
        }
        return true
    }

    /// The entries dated within `from`…`to` (inclusive; a bound may be a year or a month, as
    /// `2014` or `2022-02`). With a bound, undated entries are left out: they cannot be placed.
    public func dated(from: String?, to: String?) -> Timeline {
        guard from != nil || to != nil else { return self }
        var copy = self
        copy.entries = entries.filter { entry in
            guard let date = entry.when.date else { return false }
            if let from, String(date.prefix(from.count)) < from { return false }
            if let to, String(date.prefix(to.count)) > to { return false }
            return true
        }
        return copy
    }
}
