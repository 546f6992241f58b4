import Foundation

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
        let parts = terms.map { term in
            term.alternatives.isEmpty ? "\"" + term.text + "\""
                : "(" + ([term.text] + term.alternatives).map { "\"" + $0 + "\"" }.joined(separator: " OR ") + ")"
        }
        // FTS5 takes a space for AND between phrases only: `("a" OR "b") "c"` is a syntax error.
        return parts.joined(separator: terms.contains { !$0.alternatives.isEmpty } ? " AND " : " ")
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
