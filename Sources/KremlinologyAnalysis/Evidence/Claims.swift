import KremlinologyModel
import KremlinologyStore

/// One claim is counted once (issue 13). A *claim* is what one source states: the same source
/// actor, type, target and modality (the polarity follows the type) from one source — a
/// video, a URL, near-identical texts, else one document (``StoredRelation/sourceKey``) —
/// however many notes and quotes repeat it. Six notes of one video quoting the same remark
/// are one claim, shown as "1 video, 6 notes". Every count, score and weight of the views
/// counts claims; the *corroboration* of a statement is the number of sources that make it.
/// A date stated for the event sets claims apart (see `StatementKey`, in KremlinologyStore).
public struct ClaimKey: Hashable, Sendable {
    public var sourceKey: String
    public var statement: StatementKey

    public init(_ stored: StoredRelation) {
        sourceKey = Self.source(of: stored)
        statement = StatementKey(stored.relation)
    }

    /// One source of a relation: the store's (``StoredRelation/sourceKey``), else its video (from
    /// the deep link) when it has one, else its document.
    public static func source(of stored: StoredRelation) -> String {
        if !stored.sourceKey.isEmpty { return stored.sourceKey }
        if let url = stored.locator.url, let range = url.range(of: "v=") {
            return "video:" + url[range.upperBound...].prefix { $0 != "&" }
        }
        return "document:" + stored.documentID
    }
}

/// How much stands behind a figure: claims, the independent sources that make them, and the
/// notes (documents) that repeat them.
public struct ClaimEvidence: Sendable, Codable, Hashable {
    /// Distinct claims.
    public var claims = 0
    /// Independent sources: distinct videos, URLs or documents.
    public var sources = 0
    /// Of the sources, how many are videos.
    public var videos = 0
    /// Documents (notes) quoting the claims.
    public var notes = 0

    public init() {}

    public init(_ relations: [StoredRelation]) {
        var claimKeys = Set<ClaimKey>(), sourceKeys = Set<String>(), documents = Set<String>()
        for stored in relations {
            let key = ClaimKey(stored)
            claimKeys.insert(key)
            sourceKeys.insert(key.sourceKey)
            documents.insert(stored.documentID)
        }
        claims = claimKeys.count
        sources = sourceKeys.count
        videos = sourceKeys.filter { $0.hasPrefix("video:") }.count
        notes = documents.count
    }

    /// `1 video, 6 notes`; `2 videos, 1 document, 9 notes`; `3 documents`.
    public var summary: String {
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        var parts: [String] = []
        if videos > 0 { parts.append(plural(videos, "video")) }
        if sources > videos { parts.append(plural(sources - videos, "document")) }
        if notes > sources { parts.append(videos > 0 ? plural(notes, "note") : "\(notes) \(notes == 1 ? "copy" : "copies")") }
        return parts.joined(separator: ", ")
    }
}

/// The claims of a list of relations: one relation stands for each claim (the first in the
/// list's order), with how many notes repeat it and how many sources corroborate it.
public struct ClaimSet: Sendable {
    /// One relation per claim, in the order of the input.
    public let representatives: [StoredRelation]
    private let notesByRepresentative: [Int64: Int]
    private let sourcesByStatement: [StatementKey: Int]

    public init(_ relations: [StoredRelation]) {
        var first: [ClaimKey: Int] = [:]
        var representatives: [StoredRelation] = []
        var documents: [Int: Set<String>] = [:]
        var sources: [StatementKey: Set<String>] = [:]
        for stored in relations {
            let key = ClaimKey(stored)
            let index: Int
            if let known = first[key] {
                index = known
            } else {
                index = representatives.count
                first[key] = index
                representatives.append(stored)
            }
            documents[index, default: []].insert(stored.documentID)
            sources[key.statement, default: []].insert(key.sourceKey)
        }
        self.representatives = representatives
        var notes: [Int64: Int] = [:]
        for (index, docs) in documents { notes[representatives[index].id] = docs.count }
        notesByRepresentative = notes
        sourcesByStatement = sources.mapValues(\.count)
    }

    /// Documents that repeat the claim `representative` stands for.
    public func notes(of representative: StoredRelation) -> Int { notesByRepresentative[representative.id] ?? 1 }

    /// Sources in this set that make the statement of `stored`.
    public func corroboration(of stored: StoredRelation) -> Int { sourcesByStatement[StatementKey(stored.relation)] ?? 1 }

    /// The representatives as cited relations, each with its notes and corroboration.
    public var cited: [CitedRelation] { representatives.map(cited) }

    public func cited(_ stored: StoredRelation) -> CitedRelation {
        var cited = CitedRelation(stored)
        cited.notes = notes(of: stored)
        cited.corroboration = corroboration(of: stored)
        return cited
    }
}

extension Array where Element == StoredRelation {
    /// One relation per claim, in order (see ``ClaimSet``).
    public var distinctClaims: [StoredRelation] { ClaimSet(self).representatives }
}
