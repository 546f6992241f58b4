import KremlinologySyntax

/// Coordinated predicates: "Slovakia condemned the attack, imposed sanctions on Moscow and provided
/// Ukraine with weapons" states three events of one subject, not one event and two stray words.
extension SentenceAnalysis {
    /// The first conjunct of the coordination that word `w` belongs to (itself when it is in none).
    func firstConjunct(_ w: Int) -> Int {
        guard let tree else { return w }
        var w = w, steps = 0
        while steps < tree.count, tree.relations[w] == "conj", tree.heads[w] >= 0, tree.heads[w] < tree.count { w = tree.heads[w]; steps += 1 }
        return w
    }

    /// Whether event predicate `p` is a verb coordinated with the verb of predicate `main`. A noun
    /// predicate is not: "condemned the *invasion*, took in refugees" states a condemnation, and the
    /// invasion only as what is condemned.
    func isCoordinated(_ p: PredicateMatch, with main: PredicateMatch) -> Bool {
        guard p.entry.type.isEvent, p.entry.kind != .noun, main.entry.kind != .noun,
              let wp = treeHead(of: p), let wm = treeHead(of: main), wp != wm,
              let tree, tree.tags[wp] == "VERB", tree.tags[wm] == "VERB" else { return false }
        return firstConjunct(wp) == firstConjunct(wm)
    }

    /// The subject of verb predicate `p` read from the parse, for a verb that follows a coordinator: its
    /// own subject ("Russia attacked Kharkiv, and *Poland* condemned the strike": Poland, not the first
    /// name of the sentence), else that of the first conjunct when it has none ("Slovakia condemned the
    /// attack, ..., and *provided* Ukraine with weapons": Slovakia, not the nearest name before it).
    /// Nil when the verb is no such conjunct or the subject is no mention.
    mutating func conjunctSubject(of p: PredicateMatch) -> (mention: Int, shared: Bool)? {
        guard mayBeConjunct(p) else { return nil }   // parse only where the words allow a conjunct
        parseIfNeeded()
        guard let tree, let w = treeHead(of: p), tree.tags[w] == "VERB", tree.relations[w] == "conj" else { return nil }
        if let own = tree.subject(of: w) { return mention(atWord: own).map { ($0, false) } }
        let first = firstConjunct(w)
        guard first != w, !hasAgent(w), let s = tree.subject(of: first), let m = mention(atWord: s) else { return nil }
        return (m, true)
    }

    /// Whether mention `m` is the subject of a clause in the parse: it starts a new clause, not a list.
    func isClauseSubject(_ m: Mention) -> Bool {
        guard let tree, let head = headWord(of: m, in: tree) else { return false }
        return tree.relations[head] == "nsubj"
    }

    /// Whether a coordinator or comma stands right before the predicate, with at most two words and one
    /// name between ("…, and *provided*", "and instead *backed*", ", and Poland *condemned*"; a comma
    /// before a name is not enough): the words a conjunct verb follows. It keeps the parse to where it can
    /// change the reading.
    func mayBeConjunct(_ p: PredicateMatch) -> Bool {
        var k = p.head - 1, words = 0, names = 0
        while k >= 0, words <= 2 {
            if mentionAt[k] >= 0 {
                names += 1
                guard names == 1 else { return false }
                k = mentions[mentionAt[k]].lo - 1; continue
            }
            // With a name between, only a coordinating word: "In 2014, Russia annexed" opens no conjunct.
            if t[k].hash == SentenceAnalysis.butHash || pack.cues.coordinators.containsWord(t[k].hash)
                && (names == 0 || t[k].hash != SentenceAnalysis.commaHash) { return true }
            k -= 1; words += 1
        }
        return false
    }
    static let butHash = WordHash.of("but")

    /// Whether verb `w` has a "by" agent ("accepted by the Turkish Cypriots but *rejected by* the Greek
    /// Cypriots"): a passive conjunct, whose subject is its patient.
    func hasAgent(_ w: Int) -> Bool {
        guard let tree else { return false }
        return tree.children(of: w, "obl").contains { o in tree.children(of: o, "case").contains { tree.forms[$0] == "by" } }
    }

    /// Whether the parse makes participle predicate `p` a passive without "be": a "by" agent, and neither
    /// a subject nor an auxiliary of its own ("rebels armed and *supported by* Chad").
    mutating func isReducedPassive(_ p: PredicateMatch) -> Bool {
        parseIfNeeded()
        guard let tree, let w = treeHead(of: p), tree.tags[w] == "VERB", hasAgent(w), tree.subject(of: w) == nil else { return false }
        return tree.children(of: w, "aux").isEmpty
    }

    /// How the cascade found a source that the subject of a conjunct, read from the parse, may replace:
    /// by position, not by the words themselves (a possessor, a "by" agent, …).
    static let positionalSourceLinks: Set<String> = ["", "subject", "relative", "previous clause"]

    /// The mention covering word `s` of the parse, the head of the subject. A name that only modifies
    /// the head does not stand for it: "the U.S. *elections*" are not the United States.
    func mention(atWord s: Int) -> Int? {
        guard let tree else { return nil }
        let k = tree.tokenOfWord[s]
        guard k >= 0, k < mentionAt.count, mentionAt[k] >= 0 else { return nil }
        return mentionAt[k]
    }
}
