import KremlinologyModel
import KremlinologySyntax

/// Open-world actors (issue 11, item 4). A capitalised name the pack does not know becomes an
/// actor of its document, stored as *unreviewed*, when the parse of its sentence confirms it:
/// the tagger calls its head a proper noun, and it holds a subject or object role of the
/// lexicon predicate. The usual false names never qualify: headings and title-case lines, a
/// common word written with a capital ("Post", "Walker" alone), a one-letter symbol or an
/// abbreviation ("G.I."), a fragment of a hyphenated compound ("Post-war"), one word after an
/// article ("the Ripper", "a Socialist"). Relations whose endpoints are open-world actors mark
/// those mentions with the rule ``SentenceAnalysis/openWorldRule``, which the store keeps as
/// unreviewed actors.
extension SentenceAnalysis {
    /// The rule of a mention that names an open-world actor.
    static let openWorldRule = "open-world"
    /// How a name holds a role of the predicate word it attaches to (subtypes stripped: `nsubj:pass`,
    /// `obl:agent`, `nmod:poss` are among them).
    static let openWorldRoles: Set<String> = ["nsubj", "csubj", "obj", "iobj", "obl", "nmod"]
    /// Links through which a verb shares the subject of the verb above it ("Zembla agreed *to restore* ties",
    /// "met and *agreed*").
    static let sharedSubjectLinks: Set<String> = ["xcomp", "conj"]

    /// Whether `m`, a name the pack does not know, may stand in a relation of `p` as an open-world actor;
    /// `complement` is the predicate `p` governs, whose objects are `p`'s ("agreed to *restore ties with* X").
    mutating func isOpenWorld(_ m: Mention, of p: PredicateMatch, complement: PredicateMatch? = nil) -> Bool {
        guard m.actor == nil, !m.pronoun, m.rule == "unknown:name" || m.rule == "unknown:title", !headingLike,
              m.rule == "unknown:title" || looksLikeName(m) else { return false }
        if !treeParsed { _ = scope(of: p) }
        guard let tree, let head = headWord(of: m, in: tree), tree.tags[head] == "PROPN" else { return false }
        return holdsRole(head, of: p, complement: complement, in: tree)
    }

    /// The word of the mention that the rest of the tree attaches to (its last word, as a rule).
    func headWord(of m: Mention, in tree: SentenceTree) -> Int? {
        let words = Set((m.lo..<min(m.hi, tree.wordOfToken.count)).map { tree.wordOfToken[$0] }.filter { $0 >= 0 })
        return words.sorted().last(where: { !words.contains(tree.heads[$0]) })
    }

    /// Whether the word `w` (after climbing out of a coordination or an apposition) is attached to
    /// a word of the predicate, or one sharing its subject, by a subject or object role, directly or
    /// as the modifier of a generic agent or role noun that holds the role ("Zembla officials
    /// demanded", "the envoys of Zembla", "Zembla's president"), or is the noun that the
    /// predicate's relative clause describes ("Zembla, which attacked Freedonia"). (Through any
    /// other noun it only describes the noun: "Klarna's entry", "the value of Zembla".)
    func holdsRole(_ w: Int, of p: PredicateMatch, complement: PredicateMatch?, in tree: SentenceTree) -> Bool {
        var x = w, steps = 0
        while steps < 8, tree.relations[x] == "conj" || tree.relations[x] == "appos", tree.heads[x] >= 0 {
            x = tree.heads[x]; steps += 1
        }
        let predicate = predicateWords(p, in: tree).union(complement.map { predicateWords($0, in: tree) } ?? [])
        if predicate.contains(where: { tree.relations[$0] == "acl" && tree.heads[$0] == x }) { return true }
        if isPlace(x, predicate, tree) { return false }
        if holdsRoleDirectly(x, predicate, tree) { return true }
        let y = tree.heads[x]
        guard Self.modifierLinks.contains(tree.relations[x]), y >= 0, tree.tags[y] == "NOUN", !predicate.contains(y),
              isAgentOrRole(y, tree) else { return false }
        return !isPlace(y, predicate, tree) && holdsRoleDirectly(y, predicate, tree)
    }

    /// How a name modifies the noun that holds a role: "*Zembla* officials", "the envoys *of Zembla*".
    static let modifierLinks: Set<String> = ["compound", "nmod"]

    /// Whether word `y` is a generic agent or a role of `cues.tsv` ("officials", "envoys", "president").
    func isAgentOrRole(_ y: Int, _ tree: SentenceTree) -> Bool {
        let k = tree.tokenOfWord[y]
        guard k >= 0, k < t.count else { return false }
        return pack.cues.agents.longest(in: t, at: k) != nil || pack.cues.roles.longest(in: t, at: k) != nil
    }

    func holdsRoleDirectly(_ x: Int, _ predicate: Set<Int>, _ tree: SentenceTree) -> Bool {
        Self.openWorldRoles.contains(tree.relations[x]) && tree.heads[x] >= 0 && predicate.contains(tree.heads[x])
    }

    /// Whether word `x` stands after a locative preposition the pattern does not ask for: a place
    /// where things happen ("protests arose *in* Zembla"), not an actor.
    func isPlace(_ x: Int, _ predicate: Set<Int>, _ tree: SentenceTree) -> Bool {
        tree.children(of: x, "case").contains { !predicate.contains($0) && Self.locatives.contains(WordHash.of(tree.forms[$0])) }
    }

    /// The words of the pattern of `p`, and the verbs above its head whose subject it shares.
    func predicateWords(_ p: PredicateMatch, in tree: SentenceTree) -> Set<Int> {
        var words = Set((p.head..<max(p.head + 1, p.end)).filter { !(p.gap?.contains($0) ?? false) && $0 < tree.wordOfToken.count }
            .map { tree.wordOfToken[$0] }.filter { $0 >= 0 })
        guard var w = words.sorted().first(where: { !words.contains(tree.heads[$0]) }) else { return words }
        var steps = 0
        while steps < 3, Self.sharedSubjectLinks.contains(tree.relations[w]), tree.heads[w] >= 0 {
            w = tree.heads[w]; words.insert(w); steps += 1
        }
        return words
    }

    /// Whether the words of `m` can be a name at all: not an abbreviation or a symbol, not part of a
    /// hyphenated compound, not a nickname after "the", not a common word written with a capital.
    func looksLikeName(_ m: Mention) -> Bool {
        let words = (m.lo..<min(m.hi, t.count)).filter { t[$0].isWord }
        guard !words.isEmpty else { return false }
        if words.contains(where: { t[$0].has(TokenFlags.dotted) }) { return false }
        if words.allSatisfy({ t[$0].end - t[$0].start <= 1 }) { return false }
        if m.hi < t.count, t[m.hi].hash == MentionFinder.hyphenHash { return false }
        let cues = pack.cues
        // A region, city or territory of the places list is a place, not an actor.
        if let place = cues.places.longest(in: t, at: words[0]), words[0] + place.length >= words[words.count - 1] + 1 { return false }
        // A name an analyst dismissed is no actor.
        if let dismissed = cues.notActors.longest(in: t, at: words[0]), words[0] + dismissed.length >= words[words.count - 1] + 1 { return false }
        if words.count == 1 {
            // After an article a capitalised word is a common noun or a nickname ("a Socialist", "the Ripper").
            if m.lo > 0, Self.articles.contains(t[m.lo - 1].hash) { return false }
            return !Self.isCommonWord(t[words[0]])
        }
        // "Central Bank", "Foreign Ministry" alone are descriptions; a name among the words makes a name.
        return words.contains { !Self.isCommonWord(t[$0]) && !cues.organizationHeads.contains(t[$0].hash) }
    }

    /// Whether the tagger saw the word, in lower case, as anything but a proper noun in training
    /// ("post", "walker", "ripper" if it did): such a word alone is a common word, not a name.
    static func isCommonWord(_ tok: Token) -> Bool {
        guard let tagger = SentenceTree.model?.tagger, let classes = tagger.lexicon[tok.hash] else { return false }
        for c in 0..<min(32, tagger.universal.count) where classes & (1 << UInt32(c)) != 0 {
            if !Self.nameTags.contains(tagger.universal[c]) { return true }
        }
        return false
    }

    /// PROPN, X, SYM and PUNCT: the tags a name's form may have had in training.
    static let nameTags: Set<UInt8> = Set(["PROPN", "X", "SYM", "PUNCT"].map(Tagger.tagClass))

    /// Whether the sentence is a heading: in a heading passage, or every word but the function words
    /// capitalised ("Zembla Talks With Freedonia").
    static func isHeadingLike(_ t: [Token], cues: Cues) -> Bool {
        var words = 0
        for (k, tok) in t.enumerated() where tok.isWord && !tok.has(TokenFlags.number) {
            words += 1
            if tok.isCapitalized { continue }
            let h = tok.hash
            if cues.prepositions.contains(h) || cues.determiners.contains(h) || cues.boundaries.contains(h)
                || cues.coordinators.longest(in: t, at: k) != nil { continue }
            return false
        }
        return words >= 3
    }
}

extension MentionFinder {
    /// The kind of a capitalised name the pack does not know, from the cues of its words: a given
    /// name first makes a person ("Alan …"), a state head a state ("Republic of …"), an organisation
    /// head an organisation ("… Ministry", "… Party"); else an organisation, the commonest kind of
    /// unknown name in the corpus.
    func guessKind(_ lo: Int, _ hi: Int, _ t: [Token]) -> ActorKind {
        let cues = pack.cues
        let words = (lo..<hi).filter { t[$0].isWord }
        if words.contains(where: { cues.stateHeads.contains(t[$0].hash) }) { return .state }
        if words.contains(where: { cues.organizationHeads.contains(t[$0].hash) }) { return .organization }
        if words.count >= 2, isGivenName(t, words[0]) { return .person }
        return .organization
    }

    /// Whether token `k` is a given name: of the cues, or of a person of the pack (by its skeleton).
    func isGivenName(_ t: [Token], _ k: Int) -> Bool {
        pack.cues.givenNames.contains(t[k].hash) || pack.allGivenNames.contains(Transliteration.key(text(k, k + 1, t)))
    }
}

extension SentenceAnalysis {
    /// Gives the mentions that qualified as open-world actors, and that a kept relation of the
    /// sentence names, the rule ``openWorldRule``.
    mutating func markOpenWorldMentions() {
        guard !openWorldMentions.isEmpty else { return }
        let ends = Set(relations.flatMap { [$0.source, $0.target] })
        for k in mentions.indices where openWorldMentions.contains(mentions[k].lo) && ends.contains(mentions[k].name) {
            mentions[k].rule = Self.openWorldRule
            if trace != nil { trace!.actors.append("\(mentions[k].name) ← \"\(mentions[k].text)\" (open-world, unreviewed \(mentions[k].kind.rawValue))") }
        }
    }
}

extension MentionFinder {
    /// Whether a capitalised word opening a sentence may be a name: the tagger never saw it as a
    /// common word, and it is no predicate of the lexicon ("Sanctions …", "Talks …").
    func mayOpenSentenceAsName(_ tok: Token) -> Bool {
        SentenceTree.model != nil && !SentenceAnalysis.isCommonWord(tok) && pack.lexicon.byHead[tok.hash] == nil
    }
}
