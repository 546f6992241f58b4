import KremlinologySyntax

/// The dependency parse of one sentence, aligned with the extractor's tokens of that sentence.
struct SentenceTree {
    /// Head of each word (0-based), -1 for the root.
    var heads: [Int]
    /// Universal Dependencies relation of each word, without its subtype (`nsubj`, `obl`, `aux`).
    var relations: [String]
    /// Universal part-of-speech tag of each word (`NOUN`, `VERB`, …).
    var tags: [String]
    /// Lower-case lemma of each word.
    var lemmas: [String]
    /// Lower-case form of each word.
    var forms: [String]
    /// Children of each word, in order.
    var children: [[Int]]
    /// For each extractor token, the word that covers its first byte (-1 when none does).
    var wordOfToken: [Int]
    /// For each word, the first extractor token it covers.
    var tokenOfWord: [Int]

    /// The model shipped with the syntax library, loaded once; nil when it cannot be read
    /// (the extractor then falls back to reading modality from the words alone).
    static let model: SyntaxModel? = try? SyntaxModel.shipped()

    /// Tags and parses the sentence of `tokens`.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, tokens: [Token], model: SyntaxModel) -> SentenceTree? {
        guard !tokens.isEmpty else { return nil }
        let words = SyntaxTokenizer.words(bytes, tokens[...])
        guard !words.isEmpty else { return nil }
        let lex = words.map { Lexeme(UnsafeBufferPointer(rebasing: bytes[$0.start..<$0.end])) }
        let a = model.annotate(words.map(\.form), lex)
        let n = words.count
        var tree = SentenceTree(heads: a.heads.map { $0 - 1 }, relations: a.relations.map(Self.base), tags: a.tags, lemmas: a.lemmas.map { $0.lowercased() },
                                forms: words.map { $0.form.lowercased() }, children: Array(repeating: [], count: n),
                                wordOfToken: Array(repeating: -1, count: tokens.count), tokenOfWord: Array(repeating: -1, count: n))
        for w in 0..<n where tree.heads[w] >= 0 && tree.heads[w] < n { tree.children[tree.heads[w]].append(w) }
        var w = 0
        for (k, tok) in tokens.enumerated() {
            while w < n, words[w].end <= tok.start { w += 1 }
            if w < n, words[w].start <= tok.start {
                tree.wordOfToken[k] = w
                if tree.tokenOfWord[w] < 0 { tree.tokenOfWord[w] = k }
            }
        }
        return tree
    }

    /// `obl:agent` → `obl`.
    static func base(_ relation: String) -> String {
        guard let colon = relation.firstIndex(of: ":") else { return relation }
        return String(relation[..<colon])
    }

    var count: Int { heads.count }

    /// The children of `w` attached by `relation`.
    func children(of w: Int, _ relation: String) -> [Int] {
        children[w].filter { relations[$0] == relation }
    }
}
