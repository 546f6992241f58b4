import KremlinologyModel
import KremlinologySyntax

/// Modality and attribution read from the dependency tree: what a predicate's modifiers and the
/// verbs that govern it say about it ("did not", "could", "refused to", "denied that", "X said that").
extension SentenceAnalysis {
    /// The scope of predicate `p` in the parse of the sentence; nil when there is no parse (no model)
    /// or the predicate's word cannot be found in it, and the word-window reading applies instead.
    mutating func scope(of p: PredicateMatch) -> ScopeReading? {
        if let known = scopes[p.head] { return known }
        parseIfNeeded()
        guard let tree, let w = treeHead(of: p) else { return nil }
        var r = tree.scope(of: w, cues: pack.cues)
        // The pattern's own words carry modifiers of the event too: "gave *no* support", "offered *little* aid".
        for k in (p.head + 1)..<max(p.head + 1, p.end) where !(p.gap?.contains(k) ?? false) && k < tree.wordOfToken.count {
            let lw = tree.wordOfToken[k]
            if lw >= 0, lw != w, tree.heads[lw] == w { tree.modifiers(of: lw, cues: pack.cues, into: &r) }
        }
        scopes[p.head] = r
        if trace != nil { for c in r.cues { trace!.cues.append("scope: \(c)") } }
        return r
    }

    /// Parses the sentence the first time the tree is asked for (most sentences never need it).
    mutating func parseIfNeeded() {
        guard !treeParsed else { return }
        treeParsed = true
        if let model = SentenceTree.model { tree = SentenceTree.parse(bytes, tokens: t, model: model) }
    }

    /// The pattern's head in the parse: of its words, the one attached outside the pattern ("circle"
    /// of "inner circle", not "inner"); its governors are the pattern's. Nil without a parse.
    func treeHead(of p: PredicateMatch) -> Int? {
        guard let tree, p.head < tree.wordOfToken.count else { return nil }
        let first = tree.wordOfToken[p.head]
        guard first >= 0 else { return nil }
        let own = Set(((p.head)..<max(p.head + 1, p.end)).filter { !(p.gap?.contains($0) ?? false) && $0 < tree.wordOfToken.count }
            .map { tree.wordOfToken[$0] }.filter { $0 >= 0 })
        return own.sorted().first { !own.contains(tree.heads[$0]) } ?? first
    }

    /// The speaker of a reading: the mention that is the subject of the speech or denial verb governing the predicate.
    func speaker(in r: ScopeReading) -> Mention? {
        guard let tree, let g = r.speakerGovernor, let s = tree.subject(of: g), let mi = mention(atWord: s) else { return nil }
        let m = mentions[mi]
        return m.known && m.place == nil ? m : nil
    }

    /// The candidates less those whose predicate is a governor that yields no event once it governs
    /// another candidate ("Russia *denied* that it planned to invade Lithuania": no REJECT).
    mutating func withoutSilencedGovernors(_ candidates: [(p: PredicateMatch, rs: [Relation])]) -> [(p: PredicateMatch, rs: [Relation])] {
        guard let tree else { return candidates }
        var silenced: Set<Int> = []
        for c in candidates { for g in scopes[c.p.head]?.silencedGovernors ?? [] { silenced.insert(g) } }
        guard !silenced.isEmpty else { return candidates }
        return candidates.filter { c in
            let w = c.p.head < tree.wordOfToken.count ? tree.wordOfToken[c.p.head] : -1
            guard w >= 0, silenced.contains(w) else { return true }
            drop("\(c.p.entry.type.rawValue) \"\(words(c.p.head, c.p.end))\": it governs another event, which it negates and attributes")
            return false
        }
    }
}
