import Foundation
import KremlinologyModel
import PostgresNIO

extension PostgresCorpusStore {
    // MARK: - Search

    /// Ranked passages by `ts_rank_cd`; headlines only for the rows shown.
    func searchIndex(_ query: SearchQuery) throws -> [SearchHit] {
        try ReadCancellation.check()
        let terms = try FTSQuery.terms(from: query.text, variants: nameVariants())
        var sql = SQLBuilder("WITH q AS (SELECT ")
        for (index, term) in terms.enumerated() {
            sql.sql(index == 0 ? "(" : " && (")
            // A name's other spellings: any of them may match (`a || b`).
            for (n, spelling) in ([term.text] + term.alternatives).enumerated() {
                sql.sql(n == 0 ? "" : " || ")
                sql.sql(term.isPhrase ? "phraseto_tsquery('kremlinology', " : "plainto_tsquery('kremlinology', ")
                sql.bind(spelling)
                sql.sql(")")
            }
            sql.sql(")")
        }
        sql.sql("""
             AS query),
            hit AS (
                SELECT p.id, p.kind = 'heading' AS is_heading, ts_rank_cd(p.body_tsv, q.query)::float8 AS rank
                FROM q, passage p JOIN document d ON d.id = p.document_id
                WHERE p.body_tsv @@ q.query
            """)
        if let outlet = query.outlet {
            sql.sql(" AND lower(d.outlet) = lower(")
            sql.bind(outlet)
            sql.sql(")")
        }
        // Headings are found, but after every passage of text that holds the words.
        sql.sql(" ORDER BY is_heading, rank DESC, p.id LIMIT ")
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
            ORDER BY hit.is_heading, hit.rank DESC, p.id
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
}
