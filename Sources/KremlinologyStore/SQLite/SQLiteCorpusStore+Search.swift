import Foundation
import GRDB
import KremlinologyModel

extension SQLiteCorpusStore {
    // MARK: - Search

    /// Rowid windows that a common query's candidates are drawn from. Rowids follow the
    /// order of ingestion, so one window would be one outlet's newest notes; windows spread
    /// over the corpus sample all of it. Few, because each ranking statement makes FTS5
    /// count the query's matches again for BM25's IDF (a walk over the term's postings).
    static let candidateWindows = 4

    /// Top-k passages by FTS5's BM25 without scoring every match (docs/SEARCH.md).
    ///
    /// FTS5 computes BM25 row by row, a few µs each: ranking the 128,000 passages that hold
    /// "this" took half a second. So the matches are first counted up to the candidate bound
    /// by walking rowids alone (no score); a query that matches more is ranked among
    /// `bound` matches taken from ``candidateWindows`` windows, and its total is a lower bound.
    /// Documents are joined, and snippets made, for the rows shown only, in one statement.
    func searchIndex(_ query: SearchQuery) throws -> SearchResults {
        let match = FTSQuery.build(try FTSQuery.terms(from: query.text, variants: nameVariants()))
        let limit = max(0, min(query.limit, 1000))
        let offset = max(0, query.offset)
        // A deeper page ranks more candidates, so that paging never runs dry before the bound.
        let bound = min(max(1, query.candidateBound, offset + limit), SearchQuery.maximumCandidateBound)
        return try interruptibleRead { db in
            let search = FTSSearch(db: db, match: match, outlet: query.outlet)
            let (windows, total) = try search.candidateWindows(bound: bound, count: Self.candidateWindows)
            var ranked: [FTSSearch.Ranked] = []
            for window in windows {
                ranked += try search.rank(in: window, take: offset + limit)
            }
            ranked.sort()
            let page = Array(ranked.dropFirst(offset).prefix(limit))
            return SearchResults(hits: try search.hits(for: page), total: total)
        }
    }
}

/// The statements of one search on one read connection; every value is a bound parameter.
struct FTSSearch {
    let db: Database
    /// The FTS5 query (``FTSQuery/build(_:)``): quoted terms only, never user syntax.
    let match: String
    let outlet: String?

    /// A ranked candidate: headings are listed after every passage of text, then BM25 (lower
    /// is better), then the rowid, so that equal scores keep one order.
    struct Ranked: Comparable {
        var rowid: Int64
        var isHeading: Bool
        var score: Double

        static func < (a: Ranked, b: Ranked) -> Bool {
            if a.isHeading != b.isHeading { return !a.isHeading }
            if a.score != b.score { return a.score < b.score }
            return a.rowid < b.rowid
        }
    }

    /// The joins an outlet filter needs; none without one.
    private var outletJoin: String {
        outlet == nil ? "" : " JOIN document d ON d.id = p.document_id"
    }

    /// The rowid windows to rank and the total. Up to `bound` matches: one window holding
    /// them all, and the total is exact. More: `count` windows of about `bound / count`
    /// matches spread over the rowids (with an outlet, its `bound` newest matches), and the
    /// total says "more than `bound`".
    func candidateWindows(bound: Int, count: Int) throws -> (windows: [ClosedRange<Int64>], total: SearchTotal) {
        // Rowids only, newest first, at most bound + 1, counted in SQL: FTS5 walks its
        // postings and scores nothing, and no rowid is decoded into Swift.
        var matches = "SELECT passage_fts.rowid AS rowid FROM passage_fts"
        var arguments: StatementArguments = [match]
        if outlet != nil { matches += " JOIN passage p ON p.id = passage_fts.rowid" + outletJoin }
        matches += " WHERE passage_fts MATCH ?"
        if let outlet {
            matches += " AND d.outlet = ? COLLATE NOCASE"
            arguments += [outlet]
        }
        matches += " ORDER BY passage_fts.rowid DESC"
        let countSQL = "SELECT count(*), min(rowid), max(rowid) FROM (" + matches + " LIMIT ?)"
        guard let row = try Row.fetchOne(db.cachedStatement(sql: countSQL), arguments: arguments + [bound + 1]),
              let lowest: Int64 = row[1], let highest: Int64 = row[2]
        else { return ([], SearchTotal(count: 0, isLowerBound: false)) }
        let found: Int = row[0]
        guard found > bound else { return ([lowest...highest], SearchTotal(count: found, isLowerBound: false)) }
        let total = SearchTotal(count: bound, isLowerBound: true)
        // An outlet's matches are not spread evenly over the rowids: its newest `bound` ones.
        let windows = outlet == nil ? min(count, bound) : 1
        // Rounded up, so that the windows hold at least `bound` matches where none is cut short.
        let perWindow = (bound + windows - 1) / windows
        let startSQL = matches + " LIMIT 1 OFFSET ?"
        guard let start = try Int64.fetchOne(db.cachedStatement(sql: startSQL), arguments: arguments + [perWindow - 1])
        else { return ([], total) }
        // The newest window; the others start at evenly spaced rowids before it.
        guard windows > 1 else { return ([start...highest], total) }
        return (try olderWindows(windows - 1, of: perWindow, before: start) + [start...highest], total)
    }

    /// `count` disjoint windows that start at evenly spaced rowids from the oldest match up to
    /// `end`, each ending after `perWindow` matches or where the next one starts.
    private func olderWindows(_ count: Int, of perWindow: Int, before end: Int64) throws -> [ClosedRange<Int64>] {
        let oldestSQL = "SELECT rowid FROM passage_fts WHERE passage_fts MATCH ? ORDER BY rowid LIMIT 1"
        guard let oldest = try Int64.fetchOne(db.cachedStatement(sql: oldestSQL), arguments: [match]), oldest < end else { return [] }
        let span = end - oldest
        let starts = (0..<count).map { oldest + span * Int64($0) / Int64(count) }
        let endSQL = "SELECT rowid FROM passage_fts WHERE passage_fts MATCH ? AND rowid >= ? ORDER BY rowid LIMIT 1 OFFSET ?"
        var windows: [ClosedRange<Int64>] = []
        for (index, start) in starts.enumerated() {
            let nextStart = (index + 1 < starts.count ? starts[index + 1] : end) - 1
            let found = try Int64.fetchOne(db.cachedStatement(sql: endSQL), arguments: [match, start, perWindow - 1]) ?? nextStart
            if start <= min(found, nextStart) { windows.append(start...min(found, nextStart)) }
        }
        return windows
    }

    /// The best `take` matches in `window` by BM25, computed for the window's rows only:
    /// `ORDER BY rank` would make FTS5 score every match before the rowid range applied.
    /// Passages of text first, headings only when the text gives fewer than `take`.
    func rank(in window: ClosedRange<Int64>, take: Int) throws -> [Ranked] {
        let text = try rank(in: window, take: take, column: "body")
        guard text.count < take else { return text }
        return text + (try rank(in: window, take: take - text.count, column: "heading"))
    }

    /// The best matches in one FTS column. A heading's words stand in the `heading` column
    /// alone and every other passage's in `body` alone (migration v5), so the column filter
    /// tells headings apart without joining `passage` for every candidate (40% of the cost).
    private func rank(in window: ClosedRange<Int64>, take: Int, column: String) throws -> [Ranked] {
        // The weights are those of the index's `rank` (migration v5): body 1.0, heading 0.25.
        var sql = """
            SELECT passage_fts.rowid AS rowid, bm25(passage_fts, 1.0, 0.25) AS score FROM passage_fts
            """
        if outlet != nil { sql += " JOIN passage p ON p.id = passage_fts.rowid" + outletJoin }
        sql += " WHERE passage_fts MATCH ? AND passage_fts.rowid BETWEEN ? AND ?"
        // `column` is one of two names written in this file, never user text.
        var arguments: StatementArguments = ["{\(column)} : (\(match))", window.lowerBound, window.upperBound]
        if let outlet {
            sql += " AND d.outlet = ? COLLATE NOCASE"
            arguments += [outlet]
        }
        sql += " ORDER BY score, rowid LIMIT ?"
        arguments += [take]
        return try Row.fetchAll(db.cachedStatement(sql: sql), arguments: arguments).map { row in
            Ranked(rowid: row["rowid"], isHeading: column == "heading", score: row["score"])
        }
    }

    /// The hits of one page, in its order: passage, document, snippet and the locator of the
    /// first match, in one statement for the whole page.
    func hits(for page: [Ranked]) throws -> [SearchHit] {
        guard !page.isEmpty else { return [] }
        let placeholders = StoreSchema.marks(page.count)
        var arguments: StatementArguments = [match]
        arguments += StatementArguments(page.map(\.rowid))
        let rows = try Row.fetchAll(db, sql: """
            SELECT passage_fts.rowid AS rowid, snippet(passage_fts, -1, '[', ']', '…', 16) AS snippet,
                   highlight(passage_fts, 0, char(2), char(3)) AS marked,
                   p.idx, p.start, p."end", p.section, p.anchors,
                   d.id, d.file_name, d.title, d.outlet, d.video_id
            FROM passage_fts JOIN passage p ON p.id = passage_fts.rowid JOIN document d ON d.id = p.document_id
            WHERE passage_fts MATCH ? AND passage_fts.rowid IN (\(placeholders))
            """, arguments: arguments)
        var byRowid: [Int64: Row] = [:]
        for row in rows { byRowid[row["rowid"]] = row }
        return try page.compactMap { ranked in try byRowid[ranked.rowid].map { try Self.hit($0, score: ranked.score) } }
    }

    /// A row of ``hits(for:)`` as a hit: the locator is that of the first highlighted byte.
    /// - Throws: ``StoreError/failure(_:)`` when the passage's stored text does not inflate.
    private static func hit(_ row: Row, score: Double) throws -> SearchHit {
        guard let marked = row["marked"] as String?, let snippet = row["snippet"] as String? else {
            throw StoreError.failure("document \(row["id"] as String? ?? "?"): " + DeflatedText.damaged)
        }
        let firstMatch = marked.utf8.firstIndex(of: 2).map { marked.utf8.distance(from: marked.utf8.startIndex, to: $0) } ?? 0
        let passage = Passage(index: row["idx"], range: TextRange(start: row["start"], end: row["end"]),
                              anchors: AnchorText.decode(row["anchors"]))
        return SearchHit(documentID: row["id"], fileName: row["file_name"], title: row["title"], outlet: row["outlet"],
                         passageIndex: row["idx"], section: row["section"], range: passage.range,
                         snippet: snippet, score: score,
                         locator: passage.locator(at: passage.range.start + firstMatch, videoID: row["video_id"]))
    }
}
