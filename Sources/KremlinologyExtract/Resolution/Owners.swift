/// Owned agents (issue 11, item 4): common nouns that name a body, office or people of some
/// actor ("the government", "troops", "leaders", "the Prime Minister") are never actors on their
/// own. The parse gives them their owner: "the government *of* Moldova", "*Russia's* troops",
/// "authorities *in* the breakaway region *of* Transnistria", "*its* leaders", "*Bangladeshi*
/// peacekeeping troops". Without one no relation keeps them: "the military supported Ukraine"
/// says nothing about whose.
extension SentenceAnalysis {
    /// Prepositions by which a noun names the actor it belongs to (a possessive has none, or "'s").
    static let ownerCases: Set<String> = ["of", "in", "from", "'s", "’s"]
    /// The rule of an agent standing for its owner: not stored as a mention (the owner has its own).
    static let ownedRule = "unknown:owned"
    /// Links by which the owner hangs on the agent: "the troops *of* X", "X's troops", "*Kremlin*
    /// officials", "*Bangladeshi* peacekeeping troops" (a demonym the mention finder did not join
    /// because a word stands between).
    static let ownerLinks: Set<String> = ["nmod", "compound", "amod"]
    /// How many nouns deep the owner may stand: "authorities in the region of X" is two.
    static let ownerDepth = 3

    /// Replaces every owned agent among the mentions by its owner, or removes it; called once the
    /// sentence has a predicate (it needs the parse).
    mutating func resolveOwnedAgents() {
        guard mentions.contains(where: isOwnedAgent) else { return }
        parseIfNeeded()
        var kept: [Mention] = []
        var k = 0
        while k < mentions.count {
            let m = mentions[k]
            k += 1
            guard isOwnedAgent(m) else { kept.append(m); continue }
            if k < mentions.count, mentions[k].lo == m.hi, !mentions[k].pronoun, m.hi < t.count, t[m.hi].isCapitalized {
                // "President Juvenal Habyarimana", "Defence Minister Pierre Joxe": the title of the name
                // after it, which stands for itself.
                trace?.cues.append("owned agent \"\(m.text)\": the title of \(mentions[k].name)")
                continue
            }
            if (m.lo..<m.hi).contains(where: { $0 < patternCover.count && patternCover[$0] }) {
                trace?.cues.append("owned agent \"\(m.text)\": a word of a predicate's pattern, not an actor")
            } else if let owner = owner(of: m) {
                trace?.cues.append("owned agent \"\(m.text)\": stands for \(owner.name) (\"\(owner.text)\")")
                kept.append(owner)
            } else {
                // Kept as an unnamed mention, so that a search for a target passes on from it to a
                // name ("contribute troops to a force in Liberia"); no relation keeps it (``owned(_:_:)``).
                trace?.cues.append("owned agent \"\(m.text)\": the parse gives it no owner (\"the \(m.name) of X\", \"X's \(m.name)\"): not an actor")
                kept.append(m)
            }
        }
        mentions = kept
        indexMentions()
    }

    /// The mentions less the owned agents that have no owner; each dropped one is told to the trace.
    mutating func owned(_ list: [Mention], _ label: String) -> [Mention] {
        list.filter { m in
            guard isOwnedAgent(m) else { return true }
            drop("\(label): \"\(m.text)\" names no actor on its own, and the parse gives it no owner")
            return false
        }
    }

    func isOwnedAgent(_ m: Mention) -> Bool {
        m.rule == "unknown:agent" && pack.cues.ownedAgents[m.name] != nil
    }

    /// The mention of `m`'s owner in the parse, standing where `m` stands and written as the words
    /// from the agent to the owner; nil when the owner is no actor of the pack or place (an unknown
    /// name keeps its own mention, which the open-world rules read through the agent).
    func owner(of m: Mention) -> Mention? {
        guard let tree, let head = headWord(of: m, in: tree) else { return nil }
        var frontier = [head]
        let links = pack.cues.ownedAgents[m.name] == .privately ? Self.ownerLinks.subtracting(["amod"]) : Self.ownerLinks
        // "*Opposition* groups in Zimbabwe": an agent modifying a noun names its owner through that noun.
        if ["compound", "amod"].contains(tree.relations[head]), tree.heads[head] > head, tree.tags[tree.heads[head]] == "NOUN" {
            frontier.append(tree.heads[head])
        }
        for _ in 0..<Self.ownerDepth {
            var deeper: [Int] = []
            for w in frontier {
                for c in tree.children[w] where links.contains(tree.relations[c]) && namesOwner(c, tree) {
                    if let o = mention(atWord: c, in: tree), o.actor != nil, o.lo >= m.hi || o.hi <= m.lo {
                        return standingFor(o, m)
                    }
                    if tree.tags[c] == "NOUN" { deeper.append(c) }
                }
            }
            frontier = deeper
        }
        return nil
    }

    /// The owner `o` in the place of agent `m`. A place owner is the place's own people or
    /// authorities ("protesters in Hong Kong"), a party of its own rather than its state.
    func standingFor(_ o: Mention, _ m: Mention) -> Mention {
        var owner = o
        owner.lo = m.lo; owner.hi = m.hi; owner.range = m.range
        owner.text = words(min(m.lo, o.lo), max(m.hi, o.hi))
        owner.possessive = m.possessive
        owner.pronoun = false; owner.demonym = false; owner.initial = false
        owner.rule = Self.ownedRule
        if o.place != nil { owner.actor = nil; owner.wikidata = nil; owner.place = nil }
        return owner
    }

    /// Whether the noun `c` attaches to its head as an owner would: with "of", "in", "from", a
    /// possessive "'s", or no preposition at all ("its troops", "Kremlin officials").
    func namesOwner(_ c: Int, _ tree: SentenceTree) -> Bool {
        let cases = tree.children(of: c, "case")
        return cases.isEmpty || cases.contains { Self.ownerCases.contains(tree.lemmas[$0]) }
    }

    /// The mention that covers the first token of word `w`.
    func mention(atWord w: Int, in tree: SentenceTree) -> Mention? {
        let k = tree.tokenOfWord[w]
        guard k >= 0, k < mentionAt.count, mentionAt[k] >= 0 else { return nil }
        return mentions[mentionAt[k]]
    }
}
