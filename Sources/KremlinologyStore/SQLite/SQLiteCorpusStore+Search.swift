import Foundation
import GRDB
import KremlinologyModel

extension SQLiteCorpusStore {
    // MARK: - Search

    /// Ranked passages by FTS5's BM25; snippets only for the rows shown.
    func searchIndex(_ query: SearchQuery) throws -> [SearchHit] {
        let match = FTSQuery.build(try FTSQuery.terms(from: query.text, variants: nameVariants()))
        let limit = max(0, min(query.limit, 1000))
        return try interruptibleRead { db in
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
            // Headings are found, but after every passage of text that holds the words.
            sql += " ORDER BY p.kind = 'heading', f.rank LIMIT ? OFFSET ?"
            _ = arguments.append(contentsOf: [limit, max(0, query.offset)])
            let ranked = try Row.fetchAll(db, sql: sql, arguments: arguments)
            // Snippets and highlights only for the rows shown, not for every match.
            let detail = try db.cachedStatement(sql: """
                SELECT snippet(passage_fts, -1, '[', ']', '…', 16) AS snippet,
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
}

/// Turns what a person types into a safe FTS5 query: every word must occur; text in
/// double quotes is a phrase. FTS5 operators typed by the user are treated as words.
///
/// A query is bounded by construction, because its cost in either backend grows with the
/// square of its terms (3,200 × "Putin" took 7 s): repeated terms count once, and a query
/// over ``maximumQueryLength`` characters, with more than ``maximumTerms`` distinct terms or
/// a term over ``maximumTermLength`` characters, is a ``StoreError/invalidQuery(_:)`` (a 400
/// from the server, exit status 64 from the CLI) before any backend sees it.
public enum FTSQuery {
    /// Most distinct words and phrases in one query.
    public static let maximumTerms = 32
    /// Most characters in one word or phrase.
    public static let maximumTermLength = 64
    /// Most characters in what a person types.
    public static let maximumQueryLength = 1_000

    /// A word to find, or a phrase whose words must follow each other.
    public struct Term: Sendable, Equatable, Hashable {
        public var text: String
        public var isPhrase: Bool
        /// Other spellings that count as the word (a name's transliterations), any of which may match.
        public var alternatives: [String] = []
    }

    /// The distinct words and phrases of what a person typed, in order: letters and digits
    /// only, so that no backend ever sees them as query syntax.
    public static func terms(from text: String) throws -> [Term] {
        guard text.count <= maximumQueryLength else {
            throw StoreError.invalidQuery("search query is \(text.count) characters long; the limit is \(maximumQueryLength)")
        }
        var terms: [Term] = []
        var seen = Set<Term>()
        var parts = text.split(separator: "\"", omittingEmptySubsequences: false)
        if parts.count % 2 == 0 { parts.append("") }  // an unclosed quote closes at the end
        for (index, part) in parts.enumerated() {
            let words = part.split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
            guard !words.isEmpty else { continue }
            let found = index % 2 == 1 ? [Term(text: words.joined(separator: " "), isPhrase: true)]
                                       : words.map { Term(text: $0, isPhrase: false) }
            // Case-insensitive in both backends, so "Putin putin" is one term.
            for term in found where seen.insert(Term(text: term.text.lowercased(), isPhrase: term.isPhrase)).inserted {
                try check(term)
                terms.append(term)
            }
        }
        guard !terms.isEmpty else {
            throw StoreError.invalidQuery("search query \"\(text)\" has no words to look for; give letters or digits, e.g. \"hybrid warfare\"")
        }
        guard terms.count <= maximumTerms else {
            throw StoreError.invalidQuery("search query has \(terms.count) distinct words and phrases; the limit is \(maximumTerms)")
        }
        return terms
    }

    private static func check(_ term: Term) throws {
        guard term.text.count <= maximumTermLength else {
            let what = term.isPhrase ? "phrase" : "word"
            throw StoreError.invalidQuery("search \(what) \"\(term.text.prefix(20))…\" is \(term.text.count) characters long; the limit is \(maximumTermLength)")
        }
    }

    /// The FTS5 query: every term quoted; a term with other spellings as `("a" OR "b")`.
    public static func build(from text: String) throws -> String {
        build(try terms(from: text))
    }

    static func build(_ terms: [Term]) -> String {
        terms.map { term in
            term.alternatives.isEmpty ? "\"" + term.text + "\""
                : "(" + ([term.text] + term.alternatives).map { "\"" + $0 + "\"" }.joined(separator: " OR ") + ")"
        }.joined(separator: " ")
    }

    /// The terms of `text`, each word given the other spellings `variants` knows for it.
    static func terms(from text: String, variants: NameVariants) throws -> [Term] {
        try terms(from: text).map { term in
            var term = term
            if !term.isPhrase { term.alternatives = variants.alternatives(of: term.text) }
            return term
        }
    }
}
