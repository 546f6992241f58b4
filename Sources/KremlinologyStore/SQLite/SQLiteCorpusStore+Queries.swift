import Foundation
import GRDB
import KremlinologyModel

extension SQLiteCorpusStore {
    private static let documentColumns = """
        d.id, d.path, d.file_name, d.title, d.kind, d.outlet, d.republisher, d.author, d.published, d.url, d.video_id,
        d.content_hash, d.byte_count, d.passage_count,
        (SELECT COUNT(*) FROM relation r WHERE r.document_id = d.id) AS relation_count
        """

    private static func document(from row: Row) -> Document {
        Document(id: row["id"], path: row["path"], fileName: row["file_name"], title: row["title"],
                 kind: DocumentKind(rawValue: row["kind"]) ?? .text, outlet: row["outlet"], republisher: row["republisher"],
                 author: row["author"], published: row["published"], url: row["url"], videoID: row["video_id"])
    }

    private static func storedDocument(from row: Row) -> StoredDocument {
        StoredDocument(document: document(from: row), contentHash: row["content_hash"], byteCount: row["byte_count"],
                       passageCount: row["passage_count"], relationCount: row["relation_count"])
    }

    public func documents(limit: Int, offset: Int) throws -> [StoredDocument] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT \(Self.documentColumns) FROM document d ORDER BY d.file_name, d.path LIMIT ? OFFSET ?",
                             arguments: [limit, offset]).map(Self.storedDocument)
        }
    }

    public func document(matching key: String) throws -> StoredDocument? {
        try pool.read { db in
            for (condition, argument) in [("d.id = ?", key), ("d.path = ?", key), ("d.file_name = ?", key), ("d.id LIKE ? || '%'", key)] {
                let rows = try Row.fetchAll(db, sql: "SELECT \(Self.documentColumns) FROM document d WHERE \(condition) LIMIT 2",
                                            arguments: [argument])
                if rows.count == 1 { return Self.storedDocument(from: rows[0]) }
                if rows.count > 1 {
                    throw StoreError("\(key): matches several documents; give the document id (see `kremlinology documents`)")
                }
            }
            return nil
        }
    }

    public func content(ofDocument id: String) throws -> IngestedDocument? {
        try pool.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT d.*, 0 AS relation_count FROM document d WHERE id = ?", arguments: [id]) else {
                return nil
            }
            let links = try Row.fetchAll(db, sql: "SELECT * FROM topic_link WHERE document_id = ? ORDER BY start", arguments: [id])
            var linksByPassage: [Int: [TopicLink]] = [:]
            for link in links {
                linksByPassage[link["passage_idx"], default: []].append(
                    TopicLink(slug: link["slug"], label: link["label"], range: TextRange(start: link["start"], end: link["end"])))
            }
            let passages = try Row.fetchAll(db, sql: "SELECT * FROM passage WHERE document_id = ? ORDER BY idx", arguments: [id]).map { p in
                Passage(index: p["idx"], range: TextRange(start: p["start"], end: p["end"]), section: p["section"],
                        kind: PassageKind(rawValue: p["kind"]) ?? .paragraph,
                        anchors: JSONText.decode([TimestampAnchor].self, from: p["anchors"]) ?? [],
                        topicLinks: linksByPassage[p["idx"]] ?? [])
            }
            return IngestedDocument(document: Self.document(from: row), text: row["text"], rawText: row["raw_text"],
                                    contentHash: row["content_hash"], passages: passages)
        }
    }

    public func documentIDs() throws -> [String] {
        try pool.read { db in try String.fetchAll(db, sql: "SELECT id FROM document ORDER BY file_name") }
    }

    // MARK: - Search

    public func search(_ query: SearchQuery) throws -> [SearchHit] {
        let match = try FTSQuery.build(from: query.text)
        let limit = max(0, min(query.limit, 1000))
        return try pool.read { db in
            var sql = """
                SELECT f.rowid AS rowid, f.rank AS rank FROM passage_fts f
                JOIN passage p ON p.id = f.rowid JOIN document d ON d.id = p.document_id
                WHERE passage_fts MATCH ?
                """
            var arguments: StatementArguments = [match]
            if let outlet = query.outlet {
                sql += " AND d.outlet = ? COLLATE NOCASE"
                _ = arguments.append(contentsOf: [outlet])
            }
            sql += " ORDER BY f.rank LIMIT ? OFFSET ?"
            _ = arguments.append(contentsOf: [limit, max(0, query.offset)])
            let ranked = try Row.fetchAll(db, sql: sql, arguments: arguments)
            // Snippets and highlights only for the rows shown, not for every match.
            let detail = try db.cachedStatement(sql: """
                SELECT snippet(passage_fts, 0, '[', ']', '…', 16) AS snippet,
                       highlight(passage_fts, 0, char(2), char(3)) AS marked,
                       p.idx, p.start, p."end", p.section, p.anchors,
                       d.id, d.file_name, d.title, d.outlet, d.video_id
                FROM passage_fts JOIN passage p ON p.id = passage_fts.rowid JOIN document d ON d.id = p.document_id
                WHERE passage_fts MATCH ? AND passage_fts.rowid = ?
                """)
            return try ranked.compactMap { hit -> SearchHit? in
                guard let row = try Row.fetchOne(detail, arguments: [match, hit["rowid"] as Int64]) else { return nil }
                let marked: String = row["marked"]
                let firstMatch = marked.utf8.firstIndex(of: 2).map { marked.utf8.distance(from: marked.utf8.startIndex, to: $0) } ?? 0
                let passage = Passage(index: row["idx"], range: TextRange(start: row["start"], end: row["end"]),
                                      anchors: JSONText.decode([TimestampAnchor].self, from: row["anchors"]) ?? [])
                return SearchHit(documentID: row["id"], fileName: row["file_name"], title: row["title"], outlet: row["outlet"],
                                 passageIndex: row["idx"], section: row["section"], range: passage.range,
                                 snippet: row["snippet"], score: hit["rank"],
                                 locator: passage.locator(at: passage.range.start + firstMatch, videoID: row["video_id"]))
            }
        }
    }

    // MARK: - Figures

    public func stats() throws -> CorpusStats {
        try pool.read { db in
            func counts(_ sql: String) throws -> [String: Int] {
                var result: [String: Int] = [:]
                for row in try Row.fetchAll(db, sql: sql) { result[row[0] ?? "(unknown)"] = row[1] }
                return result
            }
            return CorpusStats(
                documents: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM document") ?? 0,
                documentsByKind: try counts("SELECT kind, COUNT(*) FROM document GROUP BY kind"),
                passages: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM passage") ?? 0,
                textBytes: try Int.fetchOne(db, sql: "SELECT COALESCE(SUM(byte_count), 0) FROM document") ?? 0,
                actors: try Int.fetchOne(db, sql: "SELECT COUNT(DISTINCT actor) FROM mention") ?? 0,
                mentions: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM mention") ?? 0,
                relations: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM relation") ?? 0,
                relationsByType: try counts("SELECT type, COUNT(*) FROM relation GROUP BY type"),
                outlets: try counts("SELECT outlet, COUNT(*) FROM document GROUP BY outlet"))
        }
    }

    // MARK: - Facts

    public func relations(_ filter: RelationFilter) throws -> [StoredRelation] {
        var conditions: [String] = []
        var arguments: [(any DatabaseValueConvertible)?] = []
        func add(_ condition: String, _ value: (any DatabaseValueConvertible)?) {
            guard let value else { return }
            conditions.append(condition)
            arguments.append(value)
        }
        add("r.source = ? COLLATE NOCASE", filter.source)
        add("r.target = ? COLLATE NOCASE", filter.target)
        add("r.type = ?", filter.type?.rawValue)
        add("r.modality = ?", filter.modality?.rawValue)
        add("d.outlet = ? COLLATE NOCASE", filter.outlet)
        add("r.document_id = ?", filter.documentID)
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        arguments.append(max(0, filter.limit))
        arguments.append(max(0, filter.offset))
        return try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT r.*, d.file_name, d.outlet, d.published FROM relation r JOIN document d ON d.id = r.document_id
                \(whereClause) ORDER BY d.file_name, r.start, r.id LIMIT ? OFFSET ?
                """, arguments: StatementArguments(arguments)).map(Self.storedRelation)
        }
    }

    static func storedRelation(from row: Row) -> StoredRelation {
        let instruments = (JSONText.decode([String].self, from: row["instruments"]) ?? []).compactMap(Instrument.init(rawValue:))
        let relation = Relation(
            source: row["source"], sourceWikidata: row["source_wikidata"], sourceText: row["source_text"],
            target: row["target"], targetWikidata: row["target_wikidata"], targetText: row["target_text"],
            type: RelationType(rawValue: row["type"]) ?? .consult, modality: Modality(rawValue: row["modality"]) ?? .asserted,
            attribution: row["attribution"], instruments: instruments, time: row["time"], quote: row["quote"],
            range: TextRange(start: row["start"], end: row["end"]), rule: row["rule"])
        return StoredRelation(id: row["id"], documentID: row["document_id"], fileName: row["file_name"], outlet: row["outlet"],
                              published: row["published"], relation: relation,
                              locator: Locator(timestamp: row["locator"], seconds: row["locator_seconds"],
                                               paragraph: row["locator_paragraph"], url: row["locator_url"]))
    }

    public func actors(kind: ActorKind?, limit: Int) throws -> [ActorSummary] {
        try pool.read { db in
            var sql = """
                SELECT m.actor AS name, COUNT(*) AS mentions, a.kind, a.wikidata, a.country, a.aliases, a.affiliations,
                       (SELECT COUNT(*) FROM relation r WHERE r.source = m.actor) AS out_count,
                       (SELECT COUNT(*) FROM relation r WHERE r.target = m.actor) AS in_count
                FROM mention m LEFT JOIN actor a ON a.name = m.actor
                """
            var arguments: StatementArguments = []
            if let kind {
                sql += " WHERE a.kind = ?"
                _ = arguments.append(contentsOf: [kind.rawValue])
            }
            sql += " GROUP BY m.actor ORDER BY mentions DESC, m.actor LIMIT ?"
            _ = arguments.append(contentsOf: [max(0, limit)])
            let rows = try Row.fetchAll(db, sql: sql, arguments: arguments)
            let documentsOf = try db.cachedStatement(sql: """
                SELECT DISTINCT d.file_name FROM mention m JOIN document d ON d.id = m.document_id WHERE m.actor = ? ORDER BY d.file_name
                """)
            return try rows.map { row in
                let actor = Actor(name: row["name"], kind: ActorKind(rawValue: row["kind"] ?? "") ?? .group, wikidata: row["wikidata"],
                                  country: row["country"], aliases: JSONText.decode([String].self, from: row["aliases"]) ?? [],
                                  affiliations: JSONText.decode([Affiliation].self, from: row["affiliations"]) ?? [])
                return ActorSummary(actor: actor, mentions: row["mentions"],
                                    documents: try String.fetchAll(documentsOf, arguments: [actor.name]),
                                    relationsOut: row["out_count"], relationsIn: row["in_count"])
            }
        }
    }
}

/// Turns what a person types into a safe FTS5 query: every word must occur; text in
/// double quotes is a phrase. FTS5 operators typed by the user are treated as words.
public enum FTSQuery {
    /// A word to find, or a phrase whose words must follow each other.
    public struct Term: Sendable, Equatable {
        public var text: String
        public var isPhrase: Bool
    }

    /// The words and phrases of what a person typed: letters and digits only, so that no
    /// backend ever sees them as query syntax.
    public static func terms(from text: String) throws -> [Term] {
        var terms: [Term] = []
        var parts = text.split(separator: "\"", omittingEmptySubsequences: false)
        if parts.count % 2 == 0 { parts.append("") }  // an unclosed quote closes at the end
        for (index, part) in parts.enumerated() {
            let words = part.split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
            guard !words.isEmpty else { continue }
            if index % 2 == 1 {
                terms.append(Term(text: words.joined(separator: " "), isPhrase: true))
            } else {
                terms.append(contentsOf: words.map { Term(text: $0, isPhrase: false) })
            }
        }
        guard !terms.isEmpty else {
            throw StoreError("search query \"\(text)\" has no words to look for; try e.g. `kremlinology search \"hybrid warfare\"`")
        }
        return terms
    }

    /// The FTS5 query: every term quoted.
    public static func build(from text: String) throws -> String {
        try terms(from: text).map { "\"" + $0.text + "\"" }.joined(separator: " ")
    }
}
