import Foundation
import KremlinologyModel
import PostgresNIO

extension PostgresCorpusStore {
    // MARK: - Search

    /// Top-k passages by `ts_rank_cd` without ranking every match (docs/SEARCH.md): the GIN
    /// index finds the matches, at most `bound + 1` of them are read (in storage order, about
    /// the oldest first), those are counted and ranked, and documents and headlines are made
    /// for the rows shown only. Up to the bound, every match is ranked and the total is exact;
    /// beyond it the total says "more than `bound`". One statement, one round trip.
    func searchIndex(_ query: SearchQuery) throws -> SearchResults {
        try ReadCancellation.check()
        let terms = try FTSQuery.terms(from: query.text, variants: nameVariants())
        let limit = max(0, min(query.limit, 1000))
        let offset = max(0, query.offset)
        let bound = min(max(1, query.candidateBound, offset + limit), SearchQuery.maximumCandidateBound)
        var sql = SQLBuilder("WITH q AS (SELECT ")
        Self.appendTSQuery(terms, to: &sql)
        sql.sql("""
             AS query),
            candidate AS MATERIALIZED (
                SELECT p.id, p.kind = 'heading' AS is_heading, p.body_tsv FROM q, passage p
            """)
        // The document is joined for an outlet filter only; otherwise for the rows shown.
        sql.sql(query.outlet == nil ? "" : " JOIN document d ON d.id = p.document_id")
        sql.sql(" WHERE p.body_tsv @@ q.query")
        if let outlet = query.outlet {
            sql.sql(" AND lower(d.outlet) = lower(")
            sql.bind(outlet)
            sql.sql(")")
        }
        // bound + 1 rows tell whether more than bound match; only bound of them are ranked.
        sql.sql(" LIMIT ")
        sql.bind(bound + 1)
        sql.sql("), counted AS (SELECT count(*) AS matches FROM candidate), hit AS (")
        // Headings are found, but after every passage of text that holds the words.
        sql.sql("""
            SELECT c.id, c.is_heading, ts_rank_cd(c.body_tsv, q.query)::float8 AS rank
            FROM (SELECT * FROM candidate LIMIT
            """)
        sql.bind(bound)
        sql.sql(") c, q ORDER BY c.is_heading, rank DESC, c.id LIMIT ")
        sql.bind(limit)
        sql.sql(" OFFSET ")
        sql.bind(offset)
        sql.sql(")")
        Self.appendPage(to: &sql)
        let rows = try session.query(sql.query).map { $0.makeRandomAccess() }
        let matches = try rows.first?.get("matches", as: Int64.self) ?? 0
        let total = SearchTotal(count: min(Int(matches), bound), isLowerBound: Int(matches) > bound)
        return SearchResults(hits: try rows.compactMap(Self.hit), total: total)
    }

    /// The query's `tsquery`: the terms joined with `&&`, a name's other spellings with `||`,
    /// every word bound (`plainto_tsquery`/`phraseto_tsquery`), so no user text is syntax.
    private static func appendTSQuery(_ terms: [FTSQuery.Term], to sql: inout SQLBuilder) {
        for (index, term) in terms.enumerated() {
            sql.sql(index == 0 ? "(" : " && (")
            for (n, spelling) in ([term.text] + term.alternatives).enumerated() {
                sql.sql(n == 0 ? "" : " || ")
                sql.sql(term.isPhrase ? "phraseto_tsquery('kremlinology', " : "plainto_tsquery('kremlinology', ")
                sql.bind(spelling)
                sql.sql(")")
            }
            sql.sql(")")
        }
    }

    /// The page's rows: one row even when no hit is shown, so that the count always comes
    /// back (its hit columns are then NULL). Headlines only for the rows shown: `marked`
    /// highlights the whole passage with control characters, to find where the first match stands.
    private static func appendPage(to sql: inout SQLBuilder) {
        sql.sql("""

            SELECT counted.matches, h.* FROM counted LEFT JOIN LATERAL (
                SELECT hit.id AS passage_id, hit.is_heading, hit.rank, p.idx, p.start, p."end", p.section, p.anchors,
                       d.id, d.file_name, d.title, d.outlet, d.video_id,
                       ts_headline('kremlinology', p.body, q.query,
                           'StartSel=[, StopSel=], MaxWords=16, MinWords=6, ShortWord=0, MaxFragments=1, FragmentDelimiter=" … "') AS snippet,
                       ts_headline('kremlinology', p.body, q.query, 'HighlightAll=true, StartSel=' || chr(2) || ', StopSel=' || chr(3)) AS marked
                FROM hit JOIN passage p ON p.id = hit.id JOIN document d ON d.id = p.document_id, q
            ) h ON true
            ORDER BY h.is_heading, h.rank DESC, h.passage_id
            """)
    }

    /// A row of the page as a hit; nil for the row that carries only the count.
    private static func hit(_ row: PostgresRandomAccessRow) throws -> SearchHit? {
        guard let index = try row.get("idx", as: Int?.self) else { return nil }
        let marked: String = try row.get("marked")
        let firstMatch = marked.utf8.firstIndex(of: 2).map { marked.utf8.distance(from: marked.utf8.startIndex, to: $0) } ?? 0
        let passage = Passage(index: index, range: TextRange(start: try row.get("start"), end: try row.get("end")),
                              anchors: AnchorText.decode(try row.get("anchors")))
        return SearchHit(documentID: try row.get("id"), fileName: try row.get("file_name"), title: try row.get("title"),
                         outlet: try row.get("outlet"), passageIndex: passage.index, section: try row.get("section"),
                         range: passage.range, snippet: try row.get("snippet"),
                         // ts_rank_cd is higher for better matches; the protocol's score is lower-is-better.
                         score: -(try row.get("rank", as: Double.self)),
                         locator: passage.locator(at: passage.range.start + firstMatch, videoID: try row.get("video_id")))
    }
}
