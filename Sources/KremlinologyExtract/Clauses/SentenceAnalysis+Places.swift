import KremlinologyModel
import KremlinologySyntax

/// Places (issue 11, item 4). A region, city or territory of the places list (`cues-places.tsv`)
/// that the pack does not know as an actor is a mention of the state it belongs to, marked with
/// the place (``Mention/place``):
///
/// - as a **target** it stands for its state, and the place becomes the relation's location
///   ("Russian artillery shelled Kherson" → Russia ASSAULT Ukraine, location Kherson);
/// - as a **source** it stands for no one: who acts for a region (its government, the forces
///   holding it, its people, separatists) is exactly what the text leaves open, and in this
///   corpus the answer is often not the state the list names (Crimea, Donetsk). Such a relation is
///   dropped, as is a place as speaker or as a party to a structural tie;
/// - **after a locative preposition** ("in", "near") attached to the predicate, or to a word the
///   predicate governs, it is where the event happens: the location of a relation whose target is
///   another actor ("signed a grain deal with Ukraine in Odesa").
///
/// A place mention is stored as a mention of its state (rule `place`) only when it is the
/// target of a kept relation; as scenery it names no actor of the document.
extension SentenceAnalysis {
    /// The rule of a place mention that a kept relation has as its target.
    static let placeRule = "place"

    /// The place the event of `p` is said to happen in: the first place of the sentence after a
    /// locative preposition that the pattern does not ask for, attached to a word of the
    /// predicate or to a word one of those governs ("attacked positions *near Bakhmut*"). Read
    /// in the parse only; nil without one.
    func eventLocation(of p: PredicateMatch, complement: PredicateMatch?) -> String? {
        guard let tree, mentions.contains(where: { $0.place != nil }) else { return nil }
        let predicate = predicateWords(p, in: tree).union(complement.map { predicateWords($0, in: tree) } ?? [])
        for m in mentions where m.place != nil && !m.pronoun {
            guard var x = headWord(of: m, in: tree) else { continue }
            // "in Donetsk and Luhansk": the preposition hangs on the first of the coordinated places.
            var steps = 0
            while steps < 8, tree.relations[x] == "conj", tree.heads[x] >= 0 { x = tree.heads[x]; steps += 1 }
            guard isPlace(x, predicate, tree) else { continue }
            let y = tree.heads[x]
            if y >= 0, predicate.contains(y) || (tree.heads[y] >= 0 && predicate.contains(tree.heads[y])) { return m.place }
        }
        return nil
    }

    /// What a place target stands for against source `s`: its state, with the place as the
    /// location. The place stands for itself instead, an unnamed actor as any name the pack does
    /// not know (the relation keeps the place's name, and no view counts it between actors):
    /// against its own state or an actor of that state's country ("Ukraine shelled Donetsk" is no
    /// act of Ukraine's on itself); against an unnamed source, as before places were known; and
    /// as the owner of what makes a region a party of its own ("the independence of Luhansk",
    /// "Bougainville's referendum": `place-itself` in cues.tsv).
    mutating func standing(for tg: Mention, against s: Mention) -> Mention {
        guard tg.place != nil, let index = tg.actor else { return tg }
        let country = pack.actors[index].country
        let sameSide = s.actor == index || (country != nil && s.actor.map { pack.actors[$0].country } == country)
        var state = tg
        state.name = pack.actors[index].name
        state.wikidata = pack.actors[index].wikidata
        if !s.known || sameSide || affiliated(s, state) || standsForItself(tg) {
            var itself = tg
            itself.actor = nil
            return itself
        }
        placeTargets.insert(tg.lo)
        return state
    }

    /// Whether place mention `m` modifies a noun of `place-itself` in the parse: the region as a
    /// party of its own ("the *independence of* Luhansk", "Bougainville's *referendum*").
    func standsForItself(_ m: Mention) -> Bool {
        guard let tree, var h = headWord(of: m, in: tree) else { return false }
        // "the independence of Luhansk and Donetsk": the second place hangs on the first.
        var steps = 0
        while steps < 8, tree.relations[h] == "conj", tree.heads[h] >= 0 { h = tree.heads[h]; steps += 1 }
        guard ["nmod", "compound"].contains(tree.relations[h]) else { return false }
        let y = tree.heads[h]
        return y >= 0 && pack.cues.placeItself.contains(tree.lemmas[y])
    }

    /// A named actor after the place that target search found after a locative preposition: the
    /// place is then where the event happens, and the actor its target ("blocked streets *in Hong
    /// Kong* in defiance of Chinese authorities"). Nil when `found` is no such place or no actor follows.
    func actorAfterLocativePlace(_ found: Int, excluding exclude: Set<String>) -> Int? {
        let m = mentions[found]
        guard m.place != nil, m.lo > 0, Self.locatives.contains(t[m.lo - 1].hash),
              let k = object(from: m.hi, excluding: exclude.union([m.name]), locativeOK: false),
              mentions[k].known, mentions[k].place == nil else { return nil }
        return k
    }

    /// Gives the place mentions that a kept relation has as its target the rule ``placeRule``
    /// and their state's name, so that the store keeps them as mentions of the place's state.
    mutating func markPlaceMentions() {
        guard relations.contains(where: { $0.location != nil }) else { return }
        for k in mentions.indices where mentions[k].rule == MentionFinder.placeRule && placeTargets.contains(mentions[k].lo) {
            guard let index = mentions[k].actor else { continue }
            let m = mentions[k], state = pack.actors[index].name
            guard relations.contains(where: { $0.target == state && $0.targetText == m.text && $0.location == m.place }) else { continue }
            mentions[k].rule = Self.placeRule
            mentions[k].name = state
            mentions[k].wikidata = pack.actors[index].wikidata
            if trace != nil { trace!.actors.append("\(state) ← \"\(m.text)\" (place \(m.name): the target of a relation)") }
        }
    }
}
