import KremlinologyModel
import KremlinologySyntax

/// An actor mention inside one sentence, in token indices of that sentence.
struct Mention: Sendable {
    /// Index into the pack's actors; nil for unnamed actors and the speaker.
    var actor: Int?
    var name: String
    var wikidata: String?
    var kind: ActorKind
    /// Token range in the sentence.
    var lo: Int
    var hi: Int
    /// Bytes as written.
    var range: TextRange
    /// Words as written (the antecedent's words for a pronoun).
    var text: String
    var rule: String
    var demonym = false
    /// A possessive: `Russia's`, `his`, `its`.
    var possessive = false
    var pronoun = false
    /// A one-word name opening the sentence: an actor only as an open-world actor that the parse confirms.
    var initial = false
    /// For a region, city or territory of the places list ("Crimea"), the place's name (`name` too):
    /// `actor` is then the state the place belongs to, which the place stands for as a target
    /// (see ``SentenceAnalysis/standing(for:against:)``), never as a source or speaker.
    var place: String?

    /// A pack actor, the narrator, or an unnamed person anchored by a known state ("Pakistan President Mohammad Zia-Ul-Haq").
    var known: Bool { actor != nil || rule == "speaker" || rule == "unknown:title" || rule == SentenceAnalysis.ownedRule }
}

/// What the resolver remembers across sentences: the latest person and the latest collective actor.
struct DiscourseContext {
    var lastPerson: (mention: Mention, sentence: Int, passage: Int)?
    var lastGroup: (mention: Mention, sentence: Int, passage: Int)?
    var lastSubject: (mention: Mention, sentence: Int, passage: Int)?
    var sentence = 0
    var passage = 0
    /// The names of the whole document, folded: spellings, and the people a surname alone names.
    var names = DocumentNames()

    func subject() -> Mention? {
        guard let p = lastSubject, p.passage == passage, sentence - p.sentence == 1 else { return nil }
        return p.mention
    }
    static let window = 2

    func person() -> Mention? {
        guard let p = lastPerson, p.passage == passage, sentence - p.sentence <= DiscourseContext.window else { return nil }
        return p.mention
    }

    func group() -> Mention? {
        guard let g = lastGroup, g.passage == passage, sentence - g.sentence <= DiscourseContext.window else { return nil }
        return g.mention
    }

    mutating func note(_ m: Mention) {
        guard m.known else { return }
        // A person of the pack named in full keeps their surname in the document ("Vladimir Putin … Putin").
        if m.kind == .person, let index = m.actor, !m.pronoun, m.rule.hasPrefix("gazetteer") || m.rule == "title" {
            names.notePerson(named: m.text, as: m.name, pack: index)
        }
        if m.kind == .person {
            lastPerson = (m, sentence, passage)
        } else if !m.demonym, lastGroup.map({ $0.sentence != sentence || $0.passage != passage }) ?? true {
            // The first collective actor of a sentence is its topic: what "it"/"its" refer to.
            lastGroup = (m, sentence, passage)
        }
    }
}

/// Finds actor mentions in a sentence: gazetteer (longest match, case rules), titles, role
/// descriptions resolved by affiliation and date, pronouns, "the speaker", and unnamed actors.
struct MentionFinder {
    let pack: KnowledgePack
    let bytes: UnsafeBufferPointer<UInt8>
    let date: String?
    let outlet: String?
    /// The document is written mostly in lower case (names like "putin", "valdai club"): organisation names then match in any case.
    var lowercaseDocument = false
    /// The sentence's tokens with capitalised words hashed by their transliteration skeleton (empty when the pack has no people).
    var foldedTokens: [Token] = []

    static let theHash = WordHash.of("the")
    static let genericDeterminers = U64Set(words: ["any", "every", "a", "an", "each", "no", "all", "some", "future", "former"])
    static let hyphenHash = WordHash.of("-")
    static let dotHash = WordHash.of(".")
    static let electHash = WordHash.of("elect")
    static let ofHash = WordHash.of("of")
    static let forHash = WordHash.of("for")
    static let andHash = WordHash.of("and")
    static let herHash = WordHash.of("her")
    static let hisHash = WordHash.of("his")
    static let itsHash = WordHash.of("its")
    static let theirHash = WordHash.of("their")
    static let lyTail: (UInt8, UInt8) = (UInt8(ascii: "l"), UInt8(ascii: "y"))

    func text(_ lo: Int, _ hi: Int, _ t: [Token]) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[t[lo].start..<t[hi - 1].end]), as: UTF8.self)
    }

    /// Longest gazetteer match at `i` that satisfies the case rules: as written, else through the
    /// transliteration skeleton ("Gagloyev" for "Gagloev"); never a person's surname after a given name
    /// or initial that is not theirs ("Valery Solovyov", "O. Zelensky").
    func gazetteer(_ t: [Token], _ i: Int) -> (len: Int, ref: AliasRef)? {
        var g = lookup(pack.gazetteer, t, i)
        if g == nil, !foldedTokens.isEmpty, foldedTokens.count == t.count, let f = lookup(pack.foldedNames, foldedTokens, i),
           f.len > 1 || !f.ref.weak || !isFirstWord(t, i) {
            // (A folded surname alone is not trusted at the start of a sentence, where every word is
            // capitalised: "More importantly" is not Moore.)
            g = f
        }
        if let found = g, found.len == 1, pack.actors[found.ref.actor].kind == .person, givenNameDisagrees(t, i, found.ref.actor) { return nil }
        return g
    }

    /// Whether the word or initial right before a one-word name of person `actor` is a given name that is not theirs.
    func givenNameDisagrees(_ t: [Token], _ i: Int, _ actor: Int) -> Bool {
        guard i > 0, let given = pack.givenNames[actor] else { return false }
        let p = i - 1
        func letter(_ k: Int) -> Character? {
            // "V" or "V." (a token with its period).
            guard k >= 0, t[k].isWord, t[k].end - t[k].start == 1 || (t[k].end - t[k].start == 2 && bytes[t[k].end - 1] == 0x2E) else { return nil }
            let b = bytes[t[k].start]
            return b >= 65 && b <= 90 ? Character(UnicodeScalar(b)) : nil
        }
        // "V. Zelensky", "V Zelensky"
        if let initial = letter(p) ?? (t[p].hash == MentionFinder.dotHash ? letter(p - 1) : nil) {
            return !given.initials.contains(initial)
        }
        let tok = t[p]
        guard tok.isWord, tok.isCapitalized, !tok.isAllCaps, !tok.has(TokenFlags.possessive), tok.end - tok.start >= 3,
              !pack.cues.stopwords.contains(tok.hash), pack.cues.roles.word(tok.hash) == nil, pack.cues.agents.word(tok.hash) == nil,
              pack.gazetteer.longest(in: t, at: p) == nil else { return false }
        let word = Transliteration.key(text(p, i, t))
        return pack.allGivenNames.contains(word) && !given.skeletons.contains(word)
    }

    func lookup(_ table: PhraseTable<AliasRef>, _ t: [Token], _ i: Int) -> (len: Int, ref: AliasRef)? {
        var best: (Int, AliasRef)?
        table.matches(in: t, at: i) { len, refs in
            for ref in refs {
                if ref.acronym {
                    var ok = true
                    for k in i..<(i + len) where t[k].isWord && !t[k].isAllCaps { ok = false }
                    if !ok { continue }
                }
                if ref.capitalMask != 0 && !(lowercaseDocument && ref.relaxable) {
                    var ok = true
                    for k in 0..<min(len, 32) where ref.capitalMask & (1 << UInt32(k)) != 0 && !t[i + k].isCapitalized { ok = false }
                    if !ok { continue }
                }
                best = (len, ref)
                break
            }
        }
        return best
    }

    func mention(_ index: Int, lo: Int, hi: Int, _ t: [Token], rule: String, demonym: Bool = false) -> Mention {
        let a = pack.actors[index]
        return Mention(actor: index, name: a.name, wikidata: a.wikidata, kind: a.kind, lo: lo, hi: hi,
                       range: TextRange(start: t[lo].start, end: t[hi - 1].end), text: text(lo, hi, t), rule: rule, demonym: demonym)
    }

    /// The person holding `role` in `organization` on the document date; for "-elect", the one whose role starts soonest after it.
    /// For a state (`country`, its ISO code), a holder of another country does not count: "the Russian ambassador"
    /// is not the American ambassador posted to Russia, whose affiliation names Russia too. A role that several
    /// hold at once names none of them.
    func holder(of role: String, in organization: String?, country: String? = nil, elect: Bool) -> Int? {
        var best: (Int, String)?
        var concurrent = 0   // holders who hold it on the date (undated: who hold it still)
        for (i, aff) in pack.roleHolders[role] ?? [] where organization == nil || aff.organization == organization {
            if let country, let own = pack.actors[i].country, own != country { continue }
            if !elect, date != nil ? aff.isHeld(on: date) : aff.until == nil { concurrent += 1 }
            do {
                if elect {
                    guard let from = aff.from, let date, from > date else { continue }
                    if best == nil || from < best!.1 { best = (i, from) }
                } else if aff.isHeld(on: date) {
                    // Prefer the most recent start among holders (undated roles last).
                    let from = aff.from ?? ""
                    if best == nil || from > best!.1 { best = (i, from) }
                }
            }
        }
        // A role that several hold at once ("the Russian ambassador") names none of them.
        return elect || concurrent < 2 ? best?.0 : nil
    }

    mutating func find(_ t: [Token], context: inout DiscourseContext) -> [Mention] {
        foldedTokens = pack.foldedNames.isEmpty ? [] : Transliteration.fold(t, bytes)
        var out: [Mention] = []
        let n = t.count
        let cues = pack.cues
        var sameSentence: [Int: Mention] = [:]
        var i = 0
        while i < n {
            let tok = t[i]
            guard tok.isWord else { i += 1; continue }
            // "the speaker"
            if let outlet, let sp = cues.speaker.longest(in: t, at: i) {
                let m = Mention(actor: nil, name: outlet, wikidata: nil, kind: .organization, lo: i, hi: i + sp.length,
                                range: TextRange(start: t[i].start, end: t[i + sp.length - 1].end),
                                text: text(i, i + sp.length, t), rule: "speaker")
                out.append(m); i += sp.length; continue
            }
            if let g = gazetteer(t, i), !partOfLongerName(t, i, g), !continuesName(t, i, g, out) {
                let actor = pack.actors[g.ref.actor]
                var j = i + g.len
                if actor.kind != .person {
                    // Title or role after a state/organisation: "Russian President Vladimir Putin", "the Chinese leader".
                    var k = j
                    if k < n, t[k].has(TokenFlags.possessive) { k += 1 }
                    let generic = i > 0 && MentionFinder.genericDeterminers.contains(t[i - 1].hash)
                    if !generic, let r = cues.roles.longest(in: t, at: k) {
                        var e = k + r.length
                        var elect = false
                        if e + 1 < n, t[e].hash == MentionFinder.hyphenHash, t[e + 1].hash == MentionFinder.electHash { elect = true; e += 2 }
                        if e < n, let p = gazetteer(t, e), pack.actors[p.ref.actor].kind == .person {
                            var m = mention(p.ref.actor, lo: i, hi: e + p.len, t, rule: "title")
                            m.text = text(e, e + p.len, t)
                            out.append(m); context.note(m); i = e + p.len; continue
                        }
                        let role = r.values[0]
                        // "French President Jacques Chirac" (a person the pack does not know).
                        var q = e
                        while q < n, q - e < 8 {
                            if t[q].isWord, t[q].isCapitalized, !cues.stopwords.contains(t[q].hash), gazetteer(t, q) == nil { q += 1; continue }
                            if q + 1 < n, q > e, t[q].hash == MentionFinder.hyphenHash, t[q + 1].isCapitalized { q += 2; continue }
                            break
                        }
                        if q - e >= 2 {
                            let words = text(i, q, t)
                            let name = context.names.canonical(text(e, q, t))
                            context.names.notePerson(named: text(e, q, t), as: name, pack: nil)
                            out.append(Mention(actor: nil, name: name, wikidata: nil, kind: .person, lo: i, hi: q,
                                               range: TextRange(start: t[i].start, end: t[q - 1].end), text: words, rule: "unknown:title"))
                            i = q; continue
                        }
                        if let h = holder(of: role, in: actor.name, country: actor.kind == .state ? actor.country : nil, elect: elect) {
                            let m = mention(h, lo: i, hi: e, t, rule: "role:\(role)")
                            out.append(m); context.note(m); i = e; continue
                        }
                        // "Jordanian official", "Chinese officials": the state itself.
                        var m = mention(g.ref.actor, lo: i, hi: e, t, rule: "gazetteer+role")
                        m.demonym = false
                        out.append(m); context.note(m); i = e; continue
                    }
                    if g.ref.demonym, let a = cues.agents.longest(in: t, at: j) {
                        var m = mention(g.ref.actor, lo: i, hi: j + a.length, t, rule: "demonym+agent")
                        m.demonym = false
                        out.append(m); context.note(m); i = j + a.length; continue
                    }
                    // "Iraqi Kurds", "Algerian landowners", "Israeli helicopters": a demonym with a plural noun names people of that state.
                    if g.ref.demonym, j < n, t[j].isWord, !t[j].isCapitalized, isPlural(t[j]), pack.lexicon.byHead[t[j].hash] == nil {
                        var m = mention(g.ref.actor, lo: i, hi: j + 1, t, rule: "demonym+plural")
                        m.demonym = false
                        out.append(m); context.note(m); i = j + 1; continue
                    }
                }
                // A surname alone that the document gave, in full, to someone first: that person.
                let named = actor.kind == .person && g.len == 1 ? documentPerson(insteadOf: g.ref.actor, t, i, context) : nil
                var m = named ?? mention(g.ref.actor, lo: i, hi: j, t, rule: (g.ref.weak ? "surname" : (g.ref.demonym ? "demonym" : "gazetteer"))
                                         + (g.ref.folded ? "~transliteration" : ""), demonym: g.ref.demonym)
                if j < n, t[j].has(TokenFlags.possessive) { m.possessive = true; j += 1 }
                out.append(m); context.note(m); i = j; continue
            }
            // A region, city or territory the pack does not know as an actor: its state, as a place.
            if tok.isCapitalized, let p = placeMention(t, i) {
                out.append(p.mention); i = p.next; continue
            }
            // Role before a name: "President Vladimir Putin", "spokesman Dmitry Peskov"; or "the president".
            if let r = cues.roles.longest(in: t, at: i) {
                var e = i + r.length
                var elect = false
                if e + 1 < n, t[e].hash == MentionFinder.hyphenHash, t[e + 1].hash == MentionFinder.electHash { elect = true; e += 2 }
                if e < n, let p = gazetteer(t, e), pack.actors[p.ref.actor].kind == .person {
                    var m = mention(p.ref.actor, lo: i, hi: e + p.len, t, rule: "title")
                    m.text = text(e, e + p.len, t)
                    var j = e + p.len
                    if j < n, t[j].has(TokenFlags.possessive) { m.possessive = true; j += 1 }
                    out.append(m); context.note(m); i = j; continue
                }
                let role = r.values[0]
                if i > 0, t[i - 1].hash == MentionFinder.theHash, role != "official",
                   let prev = context.person(), let idx = prev.actor,
                   pack.actors[idx].affiliations.contains(where: { $0.role == role && $0.isHeld(on: date) }) || elect {
                    var m = prev
                    m.lo = i; m.hi = e; m.range = TextRange(start: t[i].start, end: t[e - 1].end)
                    m.rule = "role:the \(role)"; m.pronoun = true; m.possessive = false
                    if e < n, t[e].has(TokenFlags.possessive) { m.possessive = true }
                    out.append(m); i = e; continue
                }
            }
            // Pronouns. Within a sentence, "he … he" keeps one antecedent ("he respects Merkel, with whom he …").
            if cues.personPronouns.contains(tok.hash), let p = sameSentence[MentionFinder.pronounGroup(tok.hash)] ?? context.person() {
                sameSentence[MentionFinder.pronounGroup(tok.hash)] = p
                var m = p
                m.lo = i; m.hi = i + 1; m.range = TextRange(start: tok.start, end: tok.end); m.rule = "pronoun"; m.pronoun = true
                let word = tok.hash
                m.possessive = word == MentionFinder.hisHash || word == MentionFinder.herHash
                out.append(m); i += 1; continue
            }
            if cues.groupPronouns.contains(tok.hash), let g = context.group() {
                var m = g
                m.lo = i; m.hi = i + 1; m.range = TextRange(start: tok.start, end: tok.end); m.rule = "pronoun"; m.pronoun = true
                m.possessive = tok.hash == MentionFinder.itsHash || tok.hash == MentionFinder.theirHash
                // "Its … its …": the antecedent stays the sentence's topic.
                context.note(m)
                out.append(m); i += 1; continue
            }
            // Unnamed actors: generic agents and capitalised names.
            if let a = cues.agents.longest(in: t, at: i) {
                let e = i + a.length
                let words = text(i, e, t)
                out.append(Mention(actor: nil, name: words.lowercased(), wikidata: nil, kind: .group, lo: i, hi: e,
                                   range: TextRange(start: t[i].start, end: t[e - 1].end), text: words, rule: "unknown:agent"))
                i = e; continue
            }
            if tok.isCapitalized, !cues.stopwords.contains(tok.hash), !isAdverb(tok), !hasApostrophe(tok) {
                var e = i + 1
                while e < n {
                    let u = t[e]
                    if u.isWord && u.isCapitalized && (!cues.stopwords.contains(u.hash) || MentionFinder.directions.contains(u.hash)) && gazetteer(t, e) == nil { e += 1; continue }
                    if e + 1 < n, u.hash == MentionFinder.hyphenHash || u.hash == MentionFinder.ofHash || u.hash == MentionFinder.forHash,
                       t[e + 1].isCapitalized, !cues.stopwords.contains(t[e + 1].hash), gazetteer(t, e + 1) == nil { e += 2; continue }
                    break
                }
                if e - i > 6 { i = e; continue }   // a title or heading, not a name
                // "Seven Years' War", "Victory Day", "Red Square": events and places, not actors.
                if cues.nonActorHeads.contains(t[e - 1].hash) { i = e; continue }
                // A single capital letter ("P", "N") is a symbol, not a name.
                if e - i == 1 && tok.end - tok.start == 1 { i = e; continue }
                guard var m = unknownName(t, i, e, &context) else { i = e; continue }
                if e < n, t[e].has(TokenFlags.possessive) { m.possessive = true; e += 1 }
                if m.known { context.note(m) }
                out.append(m); i = e; continue
            }
            i += 1
        }
        return out
    }

    static let directions = U64Set(words: ["east", "west", "north", "south", "central", "general", "state", "states"])

    /// The rule of a place mention until a kept relation makes it a target ("place").
    static let placeRule = "unknown:place"

    /// A region, city or territory of the places list at `i` ("Crimea", "Kharkiv Oblast", with a
    /// head word of places), as a mention of the place with its state as `actor`; nil when the
    /// words go on into a longer name ("Crimea Platform") or a compound ("Amhara-Oromo"), which is
    /// not the place. A place is never noted in the discourse context: "it" after "Crimea" is not Ukraine.
    func placeMention(_ t: [Token], _ i: Int) -> (mention: Mention, next: Int)? {
        guard let match = pack.cues.places.longest(in: t, at: i), let place = match.values.first,
              let state = pack.actorIndex[place.state] else { return nil }
        var e = i + match.length
        while e < t.count, t[e].isWord, t[e].isCapitalized, pack.cues.nonActorHeads.contains(t[e].hash) { e += 1 }
        if e < t.count, t[e].isWord, t[e].isCapitalized, !pack.cues.stopwords.contains(t[e].hash) { return nil }
        // "Amhara-Oromo fighting": a part of a compound, not the place.
        if e < t.count, t[e].hash == MentionFinder.hyphenHash { return nil }
        var m = mention(state, lo: i, hi: e, t, rule: MentionFinder.placeRule)
        m.name = place.name
        m.wikidata = nil
        m.place = place.name
        var next = e
        if next < t.count, t[next].has(TokenFlags.possessive) { m.possessive = true; next += 1 }
        return (m, next)
    }

    /// "the North Pole", "Stanford University": a one-word alias after a capitalised word that is not a name, title or role.
    func continuesName(_ t: [Token], _ i: Int, _ g: (len: Int, ref: AliasRef), _ found: [Mention]) -> Bool {
        guard g.len == 1, i > 0, t[i - 1].isWord, t[i - 1].isCapitalized, !isFirstWord(t, i - 1) else { return false }
        if let last = found.last, last.hi == i { return false }
        let prev = t[i - 1].hash
        if pack.cues.roles.word(prev) != nil || pack.cues.agents.word(prev) != nil { return false }
        if pack.cues.stopwords.contains(prev) && !MentionFinder.directions.contains(prev) { return false }
        return true
    }

    /// "the West Bank", "Washington Post": a one-word name followed by a capitalised word the pack does not know.
    func partOfLongerName(_ t: [Token], _ i: Int, _ g: (len: Int, ref: AliasRef)) -> Bool {
        let j = i + g.len
        guard j < t.count, t[j].isWord, t[j].isCapitalized, !t[j].isAllCaps, !t[j].has(TokenFlags.dotted) else { return false }
        guard !g.ref.demonym, pack.actors[g.ref.actor].kind != .person else { return false }
        if pack.cues.stopwords.contains(t[j].hash) || pack.cues.roles.longest(in: t, at: j) != nil || pack.cues.agents.longest(in: t, at: j) != nil { return false }
        if gazetteer(t, j) != nil { return false }
        return true
    }

    func isPlural(_ t: Token) -> Bool {
        let len = t.end - t.start
        guard len > 3 else { return false }
        return (bytes[t.end - 1] | 0x20) == UInt8(ascii: "s") && (bytes[t.end - 2] | 0x20) != UInt8(ascii: "s")
            && (bytes[t.end - 2] | 0x20) != UInt8(ascii: "u") && (bytes[t.end - 2] | 0x20) != UInt8(ascii: "i")
    }

    /// Whether only quotes or brackets stand before token `i` in the sentence.
    func isFirstWord(_ t: [Token], _ i: Int) -> Bool {
        var k = 0
        while k < i { if t[k].isWord { return false }; k += 1 }
        return true
    }

    func hasApostrophe(_ t: Token) -> Bool {
        var k = t.start
        while k < t.end { if bytes[k] == 0x27 { return true }; k += 1 }
        return false
    }

    static let masculine = U64Set(words: ["he", "him", "his", "himself"])

    /// 0 for he/him/his, 1 for she/her.
    static func pronounGroup(_ h: UInt64) -> Int { masculine.contains(h) ? 0 : 1 }

    func isAdverb(_ t: Token) -> Bool {
        let len = t.end - t.start
        guard len > 3 else { return false }
        return (bytes[t.end - 2] | 0x20) == UInt8(ascii: "l") && (bytes[t.end - 1] | 0x20) == UInt8(ascii: "y")
    }
}
