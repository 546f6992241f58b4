import Foundation
import KremlinologyModel
import PostgresNIO

extension PostgresCorpusStore {
    private static let documentColumns = """
        d.id, d.path, d.file_name, d.title, d.kind, d.outlet, d.republisher, d.author, d.published, d.url, d.video_id,
        d.content_hash, d.byte_count, d.passage_count,
        (SELECT COUNT(*) FROM relation r WHERE r.document_id = d.id) AS relation_count
        """

    static func document(from row: PostgresRandomAccessRow) throws -> Document {
        Document(id: try row.get("id"), path: try row.get("path"), fileName: try row.get("file_name"), title: try row.get("title"),
                 kind: DocumentKind(rawValue: try row.get("kind")) ?? .text, outlet: try row.get("outlet"),
                 republisher: try row.get("republisher"), author: try row.get("author"), published: try row.get("published"),
                 url: try row.get("url"), videoID: try row.get("video_id"))
    }

    private static func storedDocument(from row: PostgresRow) throws -> StoredDocument {
        let row = row.makeRandomAccess()
        return StoredDocument(document: try document(from: row), contentHash: try row.get("content_hash"),
                              byteCount: try row.get("byte_count"), passageCount: try row.get("passage_count"),
                              relationCount: try row.get("relation_count"))
    }

    public func documents(limit: Int, offset: Int) throws -> [StoredDocument] {
        try session.query("""
            SELECT \(unescaped: Self.documentColumns) FROM document d
            ORDER BY d.file_name COLLATE "C", d.path COLLATE "C" LIMIT \(max(0, limit)) OFFSET \(max(0, offset))
            """).map(Self.storedDocument)
    }

    public func document(matching key: String) throws -> StoredDocument? {
        for condition in ["d.id = ", "d.path = ", "d.file_name = ", "starts_with(d.id, "] {
            var sql = SQLBuilder("SELECT \(Self.documentColumns) FROM document d WHERE \(condition)")
            sql.bind(key)
            sql.sql(condition.contains("(") ? ") LIMIT 2" : " LIMIT 2")
            let rows = try session.query(sql.query)
            if rows.count == 1 { return try Self.storedDocument(from: rows[0]) }
            if rows.count > 1 {
                throw StoreError("\(key): matches several documents; give the document id (see `kremlinology documents`)")
            }
        }
        return nil
    }

    public func content(ofDocument id: String) throws -> IngestedDocument? {
        guard let row = try session.query("SELECT * FROM document d WHERE id = \(id)").first?.makeRandomAccess() else { return nil }
        var linksByPassage: [Int: [TopicLink]] = [:]
        for link in try session.query(#"SELECT passage_idx, slug, label, start, "end" FROM topic_link WHERE document_id = \#(id) ORDER BY start"#) {
            let (index, slug, label, start, end) = try link.decode((Int, String, String, Int, Int).self)
            linksByPassage[index, default: []].append(TopicLink(slug: slug, label: label, range: TextRange(start: start, end: end)))
        }
        let passages = try session.query(#"SELECT idx, start, "end", section, kind, anchors FROM passage WHERE document_id = \#(id) ORDER BY idx"#)
            .map { p in
                let (index, start, end, section, kind, anchors) = try p.decode((Int, Int, Int, String?, String, String).self)
                return Passage(index: index, range: TextRange(start: start, end: end), section: section,
                               kind: PassageKind(rawValue: kind) ?? .paragraph,
                               anchors: JSONText.decode([TimestampAnchor].self, from: anchors) ?? [],
                               topicLinks: linksByPassage[index] ?? [])
            }
        return IngestedDocument(document: try Self.document(from: row), text: try row.get("text"), rawText: try row.get("raw_text"),
                                contentHash: try row.get("content_hash"), passages: passages)
    }

    public func documentIDs() throws -> [String] {
        try session.query(#"SELECT id FROM document ORDER BY file_name COLLATE "C""#).map { try $0.decode(String.self) }
    }

    // MARK: - Search

    public func search(_ query: SearchQuery) throws -> [SearchHit] {
        let terms = try FTSQuery.terms(from: query.text)
        var sql = SQLBuilder("WITH q AS (SELECT ")
        for (index, term) in terms.enumerated() {
            sql.sql(index == 0 ? "" : " && ")
            sql.sql(term.isPhrase ? "phraseto_tsquery('kremlinology', " : "plainto_tsquery('kremlinology', ")
            sql.bind(term.text)
            sql.sql(")")
        }
        sql.sql("""
             AS query),
            hit AS (
                SELECT p.id, ts_rank_cd(p.body_tsv, q.query)::float8 AS rank
                FROM q, passage p JOIN document d ON d.id = p.document_id
                WHERE p.body_tsv @@ q.query
            """)
        if let outlet = query.outlet {
            sql.sql(" AND lower(d.outlet) = lower(")
            sql.bind(outlet)
            sql.sql(")")
        }
        sql.sql(" ORDER BY rank DESC, p.id LIMIT ")
        sql.bind(max(0, min(query.limit, 1000)))
        sql.sql(" OFFSET ")
        sql.bind(max(0, query.offset))
        // Headlines only for the rows shown: `marked` highlights the whole passage with
        // control characters, to find where the first match stands.
        sql.sql("""
            )
            SELECT hit.rank, p.idx, p.start, p."end", p.section, p.anchors,
                   d.id, d.file_name, d.title, d.outlet, d.video_id,
                   ts_headline('kremlinology', p.body, q.query,
                       'StartSel=[, StopSel=], MaxWords=16, MinWords=6, ShortWord=0, MaxFragments=1, FragmentDelimiter=" … "') AS snippet,
                   ts_headline('kremlinology', p.body, q.query, 'HighlightAll=true, StartSel=' || chr(2) || ', StopSel=' || chr(3)) AS marked
            FROM hit JOIN passage p ON p.id = hit.id JOIN document d ON d.id = p.document_id, q
            ORDER BY hit.rank DESC, p.id
            """)
        return try session.query(sql.query).map { row in
            let row = row.makeRandomAccess()
            let marked: String = try row.get("marked")
            let firstMatch = marked.utf8.firstIndex(of: 2).map { marked.utf8.distance(from: marked.utf8.startIndex, to: $0) } ?? 0
            let passage = Passage(index: try row.get("idx"), range: TextRange(start: try row.get("start"), end: try row.get("end")),
                                  anchors: JSONText.decode([TimestampAnchor].self, from: try row.get("anchors")) ?? [])
            return SearchHit(documentID: try row.get("id"), fileName: try row.get("file_name"), title: try row.get("title"),
                             outlet: try row.get("outlet"), passageIndex: passage.index, section: try row.get("section"),
                             range: passage.range, snippet: try row.get("snippet"),
                             // ts_rank_cd is higher for better matches; the protocol's score is lower-is-better.
                             score: -(try row.get("rank", as: Double.self)),
                             locator: passage.locator(at: passage.range.start + firstMatch, videoID: try row.get("video_id")))
        }
    }

    // MARK: - Figures

    public func stats() throws -> CorpusStats {
        func count(_ query: PostgresQuery) throws -> Int { try session.query(query).first?.decode(Int.self) ?? 0 }
        func counts(_ query: PostgresQuery) throws -> [String: Int] {
            var result: [String: Int] = [:]
            for row in try session.query(query) {
                let (key, value) = try row.decode((String?, Int).self)
                result[key ?? "(unknown)"] = value
            }
            return result
        }
        return CorpusStats(
            documents: try count("SELECT COUNT(*) FROM document"),
            documentsByKind: try counts("SELECT kind, COUNT(*) FROM document GROUP BY kind"),
            passages: try count("SELECT COUNT(*) FROM passage"),
            textBytes: try count("SELECT COALESCE(SUM(byte_count), 0)::bigint FROM document"),
            actors: try count("SELECT COUNT(DISTINCT actor) FROM mention"),
            mentions: try count("SELECT COUNT(*) FROM mention"),
            relations: try count("SELECT COUNT(*) FROM relation"),
            relationsByType: try counts("SELECT type, COUNT(*) FROM relation GROUP BY type"),
            outlets: try counts("SELECT outlet, COUNT(*) FROM document GROUP BY outlet"))
    }

    // MARK: - Facts

    public func relations(_ filter: RelationFilter) throws -> [StoredRelation] {
        var sql = SQLBuilder("""
            SELECT r.*, d.file_name, d.outlet, d.published FROM relation r JOIN document d ON d.id = r.document_id WHERE TRUE
            """)
        func add(_ condition: String, _ value: String?, closing: String = "") {
            guard let value else { return }
            sql.sql(" AND " + condition)
            sql.bind(value)
            sql.sql(closing)
        }
        add("lower(r.source) = lower(", filter.source, closing: ")")
        add("lower(r.target) = lower(", filter.target, closing: ")")
        add("r.type = ", filter.type?.rawValue)
        add("r.modality = ", filter.modality?.rawValue)
        add("lower(d.outlet) = lower(", filter.outlet, closing: ")")
        add("r.document_id = ", filter.documentID)
        sql.sql(#" ORDER BY d.file_name COLLATE "C", r.start, r.id LIMIT "#)
        sql.bind(max(0, filter.limit))
        sql.sql(" OFFSET ")
        sql.bind(max(0, filter.offset))
        return try session.query(sql.query).map { try Self.storedRelation(from: $0.makeRandomAccess()) }
    }

    static func storedRelation(from row: PostgresRandomAccessRow) throws -> StoredRelation {
        let instruments = (JSONText.decode([String].self, from: try row.get("instruments")) ?? []).compactMap(Instrument.init(rawValue:))
        let relation = Relation(
            source: try row.get("source"), sourceWikidata: try row.get("source_wikidata"), sourceText: try row.get("source_text"),
            target: try row.get("target"), targetWikidata: try row.get("target_wikidata"), targetText: try row.get("target_text"),
            type: RelationType(rawValue: try row.get("type")) ?? .consult, modality: Modality(rawValue: try row.get("modality")) ?? .asserted,
            attribution: try row.get("attribution"), instruments: instruments, time: try row.get("time"), quote: try row.get("quote"),
            range: TextRange(start: try row.get("start"), end: try row.get("end")), rule: try row.get("rule"))
        return StoredRelation(id: Int64(try row.get("id", as: Int.self)), documentID: try row.get("document_id"),
                              fileName: try row.get("file_name"), outlet: try row.get("outlet"), published: try row.get("published"),
                              relation: relation,
                              locator: Locator(timestamp: try row.get("locator"), seconds: try row.get("locator_seconds"),
                                               paragraph: try row.get("locator_paragraph"), url: try row.get("locator_url")))
    }

    public func actors(kind: ActorKind?, limit: Int) throws -> [ActorSummary] {
        var sql = SQLBuilder("""
            SELECT m.actor AS name, COUNT(*) AS mentions, a.kind, a.wikidata, a.country, a.aliases, a.affiliations,
                   (SELECT COUNT(*) FROM relation r WHERE r.source = m.actor) AS out_count,
                   (SELECT COUNT(*) FROM relation r WHERE r.target = m.actor) AS in_count
            FROM mention m LEFT JOIN actor a ON a.name = m.actor
            """)
        if let kind {
            sql.sql(" WHERE a.kind = ")
            sql.bind(kind.rawValue)
        }
        sql.sql(#" GROUP BY m.actor, a.name ORDER BY mentions DESC, m.actor COLLATE "C" LIMIT "#)
        sql.bind(max(0, limit))
        return try session.query(sql.query).map { row in
            let row = row.makeRandomAccess()
            let name: String = try row.get("name")
            let actor = Actor(name: name, kind: ActorKind(rawValue: try row.get("kind", as: String?.self) ?? "") ?? .group,
                              wikidata: try row.get("wikidata"), country: try row.get("country"),
                              aliases: JSONText.decode([String].self, from: try row.get("aliases")) ?? [],
                              affiliations: JSONText.decode([Affiliation].self, from: try row.get("affiliations")) ?? [])
            let documents = try session.query("""
                SELECT DISTINCT d.file_name COLLATE "C" AS file_name FROM mention m JOIN document d ON d.id = m.document_id
                WHERE m.actor = \(name) ORDER BY 1
                """).map { try $0.decode(String.self) }
            return ActorSummary(actor: actor, mentions: try row.get("mentions"), documents: documents,
                                relationsOut: try row.get("out_count"), relationsIn: try row.get("in_count"))
        }
    }
}
