import Foundation
import GRDB
import KremlinologyStore

/// `search DB [QUERIES]`: the store's search beside two references run in the same process on
/// the same queries, interleaved so that the machine's load falls on all of them alike:
/// - **exact**: the same code with no candidate bound (every match ranked), which is what the
///   bound saves and the ranking it is compared with (overlap of the top 10);
/// - **old path** (SQLite only): the query path before issue 14, kept here verbatim: BM25 for
///   every match in a passage⋈document join, then one snippet query per hit.
func benchmarkSearch(database: String, count: Int, bound: Int = SearchQuery.defaultCandidateBound) throws {
    let store = try StoreLocation.open(database, readOnly: true)
    let ids = try store.documentIDs()
    let queries = try benchmarkQueries(store: store, ids: ids, count: count)
    let old = database.hasPrefix("postgres") ? nil : try OldSQLiteSearch(path: database)
    _ = try store.search(SearchQuery(text: "warm up"))
    var bounded: [Double] = [], exact: [Double] = [], reference: [Double] = []
    var hits = 0, pastBound = 0, overlap = 0, compared = 0
    var common: (bounded: [Double], exact: [Double]) = ([], [])
    for (index, query) in queries.enumerated() {
        // Each path goes first in turn: the first to read a query's pages pays for the cache misses.
        var results = SearchResults(hits: [], total: SearchTotal(count: 0, isLowerBound: false)), full = results
        var fast = 0.0, slow = 0.0
        let runs: [() throws -> Void] = [
            { (results, fast) = try timed { try store.searchResults(SearchQuery(text: query, limit: 10, candidateBound: bound)) } },
            { (full, slow) = try timed { try store.searchResults(SearchQuery(text: query, limit: 10, candidateBound: .max)) } },
            { if let old { reference.append(try timed { try old.search(query) }.1) } },
        ]
        for turn in 0..<runs.count { try runs[(index + turn) % runs.count]() }
        bounded.append(fast)
        exact.append(slow)
        hits += results.hits.count
        if results.total.isLowerBound {
            // How much of the exact top 10 the bounded search still finds.
            pastBound += 1
            common.bounded.append(fast)
            common.exact.append(slow)
            let key = { (hit: SearchHit) in "\(hit.documentID)#\(hit.passageIndex)" }
            overlap += Set(results.hits.map(key)).intersection(full.hits.map(key)).count
            compared += full.hits.count
        }
    }
    print("search: \(queries.count) queries over \(ids.count) documents, \(hits) hits, candidate bound "
          + "\(bound) (\(isDebugBuild ? "debug" : "release") build)")
    print("  bounded (this store)     " + latencies(bounded))
    print("  exact (every match)      " + latencies(exact) + ratio(exact, bounded))
    if !reference.isEmpty { print("  old path (before #14)    " + latencies(reference) + ratio(reference, bounded)) }
    print(String(format: "  %d queries matched more than the bound; their top 10 kept %.0f%% of the exact top 10 (%d of %d)",
                 pastBound, compared == 0 ? 100 : 100 * Double(overlap) / Double(compared), overlap, compared))
    print("    those, bounded         " + latencies(common.bounded))
    print("    those, exact           " + latencies(common.exact) + ratio(common.exact, common.bounded))
}

/// Queries are words drawn from stored passages: common and rare terms alike, one or two at a time,
/// after a few of the domain's own.
private func benchmarkQueries(store: any CorpusStore, ids: [String], count: Int) throws -> [String] {
    var random = SplitMix(state: 42)
    var vocabulary: [String] = []
    for id in ids.shuffled(using: &random).prefix(200) {
        guard let content = try store.content(ofDocument: id) else { continue }
        let words = content.text.split(whereSeparator: { !$0.isLetter }).filter { $0.count >= 4 }
        for _ in 0..<10 { if let word = words.randomElement(using: &random) { vocabulary.append(String(word)) } }
    }
    let domain = ["hybrid warfare", "Lukashenko", "sanctions", "Kremlin", "NATO expansion", "cyberattacks", "gas", "Putin Xi",
                  "nuclear", "Crimea annexation", "elections", "Wagner", "\"peace talks\"", "Belarus loan", "China"]
    var queries = domain
    while queries.count < count {
        let first = vocabulary.randomElement(using: &random) ?? "Russia"
        queries.append(Bool.random(using: &random) ? first : first + " " + (vocabulary.randomElement(using: &random) ?? "war"))
    }
    return Array(queries.prefix(count))
}

#if DEBUG
let isDebugBuild = true
#else
let isDebugBuild = false
#endif

/// `body`'s result and its wall time in milliseconds.
private func timed<T>(_ body: () throws -> T) rethrows -> (T, Double) {
    let start = DispatchTime.now().uptimeNanoseconds
    let result = try body()
    return (result, Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
}

private func latencies(_ values: [Double]) -> String {
    let sorted = values.sorted()
    return String(format: "p50 %7.2f ms  p90 %7.2f ms  p99 %7.2f ms  max %7.2f ms",
                  percentile(sorted, 0.5), percentile(sorted, 0.9), percentile(sorted, 0.99), sorted.last ?? 0)
}

/// How many times slower `slow` is than `fast` at p50 and p99.
private func ratio(_ slow: [Double], _ fast: [Double]) -> String {
    let s = slow.sorted(), f = fast.sorted()
    return String(format: "   (%.1fx, %.1fx)", percentile(s, 0.5) / max(percentile(f, 0.5), 0.001),
                  percentile(s, 0.99) / max(percentile(f, 0.99), 0.001))
}

/// The SQLite search as it was before issue 14, as the reference the new one is measured against.
private struct OldSQLiteSearch {
    let queue: DatabaseQueue

    init(path: String) throws {
        var configuration = Configuration()
        configuration.readonly = true
        // Snippets read the deflated text through the store's SQL function.
        configuration.prepareDatabase { db in SQLiteCorpusStore.addFunctions(to: db) }
        queue = try DatabaseQueue(path: path, configuration: configuration)
    }

    /// Ranked rowids for every match, then one MATCH-repeating statement per hit for its snippet.
    func search(_ text: String) throws -> Int {
        let match = try FTSQuery.build(from: text)
        return try queue.read { db in
            let ranked = try Row.fetchAll(db, sql: """
                SELECT f.rowid AS rowid, f.rank AS rank FROM passage_fts f
                JOIN passage p ON p.id = f.rowid JOIN document d ON d.id = p.document_id
                WHERE passage_fts MATCH ? ORDER BY p.kind = 'heading', f.rank LIMIT ? OFFSET ?
                """, arguments: [match, 10, 0])
            let detail = try db.cachedStatement(sql: """
                SELECT snippet(passage_fts, -1, '[', ']', '…', 16) AS snippet,
                       highlight(passage_fts, 0, char(2), char(3)) AS marked,
                       p.idx, p.start, p."end", p.section, p.anchors,
                       d.id, d.file_name, d.title, d.outlet, d.video_id
                FROM passage_fts JOIN passage p ON p.id = passage_fts.rowid JOIN document d ON d.id = p.document_id
                WHERE passage_fts MATCH ? AND passage_fts.rowid = ?
                """)
            return try ranked.compactMap { try Row.fetchOne(detail, arguments: [match, $0["rowid"] as Int64]) }.count
        }
    }
}
