import KremlinologyModel
import KremlinologySyntax

/// Clause analysis of one sentence: mentions, predicates, cues, then source–predicate–target.
struct SentenceAnalysis {
    let pack: KnowledgePack
    let bytes: UnsafeBufferPointer<UInt8>
    let t: [Token]
    let input: ExtractionInput
    let year: String?
    let index: Int
    var trace: SentenceTrace?
    var mentions: [Mention] = []
    var lowercaseDocument = false
    /// The subject of the previous sentence in the passage, for "This includes …".
    var previousSubject: Mention?
    var relations: [Relation] = []
    var claims: [Claim] = []
    /// For each token, the index of the mention covering it, or -1.
    var mentionAt: [Int] = []
    /// Clause boundaries (punctuation and boundary words).
    var boundary: [Bool] = []
    /// Speech cues: (first token, one past last, speaker after?).
    var speech: [(lo: Int, hi: Int, after: Bool)] = []
    /// Token indices that head a noun predicate ("EU *sanctions*"): a name right before one modifies it.
    var nounHeads: Set<Int> = []
    /// Tokens that are literal words of some predicate's pattern ("anti-*Western*"): names there are not objects.
    var patternCover: [Bool] = []
    var quoteRange: TextRange
    /// The sentence as written: made only when a relation or trace needs it.
    var quote: String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[quoteRange.start..<quoteRange.end]), as: UTF8.self)
    }
    /// Whether a hearsay cue stands anywhere in the sentence (computed once).
    var reported: Bool?
    /// The parse of the sentence, made the first time a predicate's scope is asked for.
    var tree: SentenceTree?
    var treeParsed = false
    /// The scope of each predicate that produced a candidate, by its head token.
    var scopes: [Int: ScopeReading] = [:]
    /// The sentence is a heading (its passage is one, or it is in title case): no open-world actors.
    var inHeading = false
    var headingLike = false
    /// First tokens of the mentions that qualified as open-world actors of some relation.
    var openWorldMentions: Set<Int> = []
    /// First tokens of the place mentions that stood for their state as the target of some relation.
    var placeTargets: Set<Int> = []

    static let byHash = WordHash.of("by")
    static let suchHash = WordHash.of("such")
    static let listJoiners = U64Set(words: [",", "and", "including", "or"])
    static let overHash = WordHash.of("over")
    static let conditions = U64Set(words: ["unless", "if"])
    static let concessives = U64Set(words: ["despite", "while", "although", "though", "whilst"])
    static let exemplifiers = U64Set(words: ["as"])
    /// Ways of finding a source that rest on the words themselves, not on position: their events stand beside the sentence's main one.
    static let explicitLinks = ["possessive", "possessor", "modifier", "between", "by-agent", "passive"]
    static let mayHash = WordHash.of("may")
    static let marchHash = WordHash.of("march")
    static let ifHash = WordHash.of("if")
    static let unlessHash = WordHash.of("unless")
    static let yearPrepositions = U64Set(words: ["in", "since", "by", "until", "from"])
    static let betweenHash = WordHash.of("between")
    static let commaHash = WordHash.of(",")
    static let thatHash = WordHash.of("that")
    static let onlyHash = WordHash.of("only")
    static let semicolon = WordHash.of(";")
    static let articles = U64Set(words: ["the", "a", "an", "its", "their", "his", "her", "our"])
    static let anaphoric = U64Set(words: ["this", "these", "such", "that", "it"])
    static let locatives = U64Set(words: ["in", "at", "near", "within", "inside"])

    init(pack: KnowledgePack, bytes: UnsafeBufferPointer<UInt8>, tokens: [Token], input: ExtractionInput, year: String?,
         index: Int, explain: Bool) {
        self.pack = pack
        self.bytes = bytes
        self.t = tokens
        self.input = input
        self.year = year
        self.index = index
        quoteRange = TextRange(start: tokens[0].start, end: tokens[tokens.count - 1].end)
        if explain { trace = SentenceTrace(index: index, range: quoteRange, text: quote) }
    }

    func words(_ lo: Int, _ hi: Int) -> String {
        guard lo < hi else { return "" }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[t[lo].start..<t[hi - 1].end]), as: UTF8.self)
    }

    mutating func run(context: inout DiscourseContext) {
        let n = t.count
        var finder = MentionFinder(pack: pack, bytes: bytes, date: input.published, outlet: input.outlet)
        finder.lowercaseDocument = lowercaseDocument
        previousSubject = context.subject()
        mentions = finder.find(t, context: &context)
        headingLike = inHeading || SentenceAnalysis.isHeadingLike(t, cues: pack.cues)
        defer { markOpenWorldMentions(); markPlaceMentions() }
        defer {
            if let si = subject(0, n), mentions[si].known, mentions[si].place == nil {
                context.lastSubject = (mentions[si], context.sentence, context.passage)
            }
        }
        indexMentions()
        if trace != nil {
            for m in mentions {
                let of = m.place != nil ? m.actor.map { ", a place of \(pack.actors[$0].name)" } ?? "" : ""
                trace!.actors.append("\(m.name) ← \"\(m.text)\" (\(m.rule)\(of))")
            }
        }
        // Clause boundaries and speech cues.
        let cues = pack.cues
        boundary = Array(repeating: false, count: n)
        var i = 0
        while i < n {
            let tok = t[i]
            if mentionAt[i] < 0 && (cues.boundaries.contains(tok.hash) || tok.has(TokenFlags.terminal)) { boundary[i] = true }
            if mentionAt[i] < 0, let s = cues.speech.longest(in: t, at: i) {
                // "is noted to", "is described as": evidential passives, not speech.
                let passive = i > 0 && cues.beAux.contains(t[i - 1].hash)
                if !passive { speech.append((i, i + s.length, s.values[0] == 1)) }
                i += s.length; continue
            }
            i += 1
        }
        // Words of multi-word negation cues ("opted against", "no plans to") are not predicates themselves.
        var skip = Array(repeating: false, count: n)
        i = 0
        while i < n {
            if let m = cues.negation.longest(in: t, at: i), m.length > 1 {
                for k in i..<(i + m.length) { skip[k] = true }
                i += m.length; continue
            }
            i += 1
        }
        let predicates = PredicateFinder.find(t, mentionAt: mentionAt, skip: skip, pack: pack)
        if !predicates.isEmpty { reported = reportedAnywhere() }
        for p in predicates where p.entry.kind == .noun { nounHeads.insert(p.head) }
        patternCover = Array(repeating: false, count: n)
        for p in predicates where p.end - p.head > 1 {
            var c = p.head
            while c < p.end { if !(p.gap?.contains(c) ?? false) { patternCover[c] = true }; c += 1 }
        }
        if !predicates.isEmpty { resolveOwnedAgents() }
        let attribution = self.attribution()
        let times = self.times()
        let time = times.first?.value
        let instruments = self.instruments()
        if trace != nil {
            if let a = attribution { trace!.cues.append("attribution: \(a.name) (\"\(a.text)\")") }
            if let time { trace!.cues.append("time: \(time)") }
            if !instruments.isEmpty { trace!.cues.append("instruments: \(instruments.map(\.rawValue).joined(separator: ", "))") }
        }
        // Claims: propositions attributed to a speaker.
        if let a = attribution, let c = claimRange() {
            let range = TextRange(start: t[c.lowerBound].start, end: t[c.upperBound - 1].end)
            claims.append(Claim(speaker: a.name, quote: words(c.lowerBound, c.upperBound), range: range,
                                modality: reportedAnywhere() ? .reported : .asserted, attribution: input.outlet))
        }
        var seen: Set<String> = []
        var eventType: RelationType?
        var candidates: [(p: PredicateMatch, rs: [Relation])] = []
        for p in predicates {
            let label = "\(p.entry.type.rawValue) ← \"\(words(p.head, p.end))\" (\(p.entry.id))"
            // A complement stands on its own under a governor that yields no event ("denied that it planned to invade").
            if p.absorbed && scope(of: p)?.silencedGovernors.isEmpty != false {
                drop("\(label): complement of the previous predicate")
                continue
            }
            trace?.predicates.append(label)
            let complement = predicates.first(where: { $0.absorbed && $0.head > p.head })
            let rs = relate(p, complement: complement, attribution: attribution, time: self.time(for: p, among: times),
                            instruments: instruments)
            if !rs.isEmpty { candidates.append((p, rs)) }
        }
        candidates = withoutSilencedGovernors(candidates)
        // "X said that Y must …": a demand of the speaker on Y, the sentence's main event.
        if let d = obligation(attribution: attribution, time: time, instruments: instruments) {
            trace?.predicates.append("DEMAND ← obligation in reported speech (cues.tsv obligation)")
            candidates.insert((PredicateMatch(entry: SentenceAnalysis.obligationEntry, head: 0, end: 0, gap: nil), [d]), at: 0)
        }
        // One event per clause: the first finite verb's type (else the first predicate's) wins among
        // PLOVER events; attitudes are kept beside it, and so are the events of verbs coordinated with it.
        let main = candidates.first(where: { $0.p.entry.type.isEvent && $0.p.entry.kind != .noun && !$0.p.entry.gerund })
            ?? candidates.first(where: { $0.p.entry.type.isEvent })
        if let main { eventType = main.p.entry.type }
        for (p, rs) in candidates {
            let explicit = rs.allSatisfy { r in
                SentenceAnalysis.explicitLinks.contains { r.rule.hasSuffix("[\($0)]") } && r.sourceWikidata != nil && r.targetWikidata != nil
            }
            // A verb coordinated with the main one states an event of its own.
            if p.entry.type.isEvent, let eventType, p.entry.type != eventType, !explicit, !(main.map { isCoordinated(p, with: $0.p) } ?? false) {
                drop("\(p.entry.type.rawValue) \"\(words(p.head, p.end))\": the sentence's event is \(eventType.rawValue)")
                continue
            }
            for r in rs {
                let key = "\(r.source)|\(r.target)|\(r.type.rawValue)|\(r.modality.rawValue)"
                if seen.contains(key) { continue }
                seen.insert(key)
                relations.append(r)
                trace?.relations.append("\(r.source) —\(r.type.rawValue)[\(r.modality.rawValue)]→ \(r.target)"
                                        + (r.location.map { "  at \($0)" } ?? "")
                                        + (r.attribution.map { "  per \($0)" } ?? "") + "  (rule \(r.rule))")
            }
        }
    }

    /// For each token, the index of the mention covering it (`mentionAt`).
    mutating func indexMentions() {
        mentionAt = Array(repeating: -1, count: t.count)
        for (k, m) in mentions.enumerated() { for j in m.lo..<min(m.hi, t.count) { mentionAt[j] = k } }
    }

    mutating func drop(_ reason: String) {
        if trace != nil { trace!.dropped.append(reason) }
    }

    // MARK: - Source and target

    /// Whether the mention stands after a preposition (so it is not a subject).
    func isPrepositional(_ m: Mention) -> Bool {
        var k = m.lo - 1
        var skipped = 0
        while k >= 0 && skipped < 3 {
            let h = t[k].hash
            if t[k].has(TokenFlags.number) { return false }   // "up to 100 ethnic Albanians": a quantity
            if pack.cues.prepositions.contains(h) {
                // "Thousands of students", "members of the opposition": a quantity, not a prepositional phrase.
                if h == MentionFinder.ofHash, k > 0, pack.cues.quantifiers.contains(t[k - 1].hash) { return false }
                // "Other figures, such as Igor Sechin, are …": an example stands for the subject.
                if SentenceAnalysis.exemplifiers.contains(h) && k > 0 && t[k - 1].hash == SentenceAnalysis.suchHash { return false }
                return true
            }
            if pack.cues.determiners.contains(h) || t[k].has(TokenFlags.quote) || (t[k].isWord && !t[k].isCapitalized && mentionAt[k] < 0 && pack.lexicon.byHead[h] == nil) { k -= 1; skipped += 1; continue }
            return false
        }
        return false
    }

    /// An adjectival demonym or place name modifying a noun ("the Ukrainian crisis", "Minsk treaties"): not an actor that acts.
    func isModifierOnly(_ m: Mention) -> Bool {
        guard m.demonym, !m.possessive else { return false }
        let last = t[m.hi - 1]
        if (bytes[last.end - 1] | 0x20) == UInt8(ascii: "s") { return false }  // "Russians"
        return true
    }

    /// Whether a verb of the lexicon stands right before the mention ("annexing Crimea"): an object, not a subject.
    func isObjectOfVerb(_ m: Mention) -> Bool {
        var k = m.lo - 1
        var skipped = 0
        while k >= 0 && skipped < 3 {
            if speech.contains(where: { $0.lo <= k && k < $0.hi }) { return false }
            if let entries = pack.lexicon.byHead[t[k].hash], entries.contains(where: { $0.kind != .noun }), mentionAt[k] < 0 { return true }
            if SentenceAnalysis.articles.contains(t[k].hash) { k -= 1; skipped += 1; continue }
            return false
        }
        return false
    }

    func isTopic(_ m: Mention) -> Bool {
        var k = m.lo - 1
        while k >= 0 && m.lo - k <= 3 {
            if pack.cues.topics.longest(in: t, endingAt: k) != nil { return true }
            if !pack.cues.determiners.contains(t[k].hash) { return false }
            k -= 1
        }
        return false
    }

    /// The first token of the clause that contains token `h` (looking left), and the relative pronoun that opened it.
    func clauseStart(before h: Int) -> (start: Int, relative: Int?) {
        var k = h - 1
        while k >= 0 {
            if boundary[k] { return (k + 1, nil) }
            if let s = speech.first(where: { $0.hi - 1 == k && !$0.after }) {
                var start = s.hi
                if start < t.count, t[start].hash == SentenceAnalysis.thatHash { start += 1 }
                return (start, nil)
            }
            if mentionAt[k] < 0, pack.cues.relatives.contains(t[k].hash), k > 0,
               t[k - 1].hash == SentenceAnalysis.commaHash || mentionAt[k - 1] >= 0 {
                return (k + 1, k)
            }
            k -= 1
        }
        return (0, nil)
    }

    /// The mention just before a relative pronoun at `r` (its antecedent).
    func antecedent(of r: Int) -> Mention? {
        var k = r - 1
        if k >= 0, t[k].hash == SentenceAnalysis.commaHash { k -= 1 }
        if k >= 0, t[k].has(TokenFlags.possessive) { return nil }
        guard k >= 0, mentionAt[k] >= 0 else { return nil }
        return mentions[mentionAt[k]]
    }

    /// The mention nearest before `r` in the sentence (for object relatives: "tasks, which Putin appreciates").
    func nearestBefore(_ r: Int) -> Mention? {
        var k = r - 1
        while k >= 0 && r - k < 15 {
            if mentionAt[k] >= 0, mentions[mentionAt[k]].known, !isModifierOnly(mentions[mentionAt[k]]) { return mentions[mentionAt[k]] }
            if t[k].hash == SentenceAnalysis.semicolon { return nil }
            k -= 1
        }
        return nil
    }

    /// The nearest known possessive mention before `h` in the sentence ("the Kremlin's", "its").
    func nearestPossessive(before h: Int) -> Mention? {
        // A named possessor ("the Kremlin's") before a pronoun one ("its"), whose antecedent is a guess.
        if let named = nearestPossessive(before: h, pronouns: false) { return named }
        return nearestPossessive(before: h, pronouns: true)
    }

    func nearestPossessive(before h: Int, pronouns: Bool) -> Mention? {
        var k = h - 1
        while k >= 0 && h - k <= 40 {
            if mentionAt[k] >= 0 {
                let m = mentions[mentionAt[k]]
                if m.possessive && m.known && m.place == nil && (pronouns || !m.pronoun) { return m }
                k = m.lo - 1; continue
            }
            if t[k].hash == SentenceAnalysis.semicolon { return nil }
            k -= 1
        }
        return nil
    }

    /// Mentions coordinated with `m` to its right: "A, B and C".
    func coordinated(from mi: Int, limit: Int) -> [Mention] {
        var out = [mentions[mi]]
        var k = mentions[mi].hi
        if k < t.count, t[k].has(TokenFlags.possessive) { k += 1 }
        var steps = 0
        while k < limit && steps < 40 {
            var j = k
            var sawCoordinator = false
            while j < limit, mentionAt[j] < 0 {
                if let c = pack.cues.coordinators.longest(in: t, at: j) { j += c.length; sawCoordinator = true; continue }
                if pack.cues.determiners.contains(t[j].hash) && sawCoordinator { j += 1; continue }
                if t[j].has(TokenFlags.quote) { j += 1; continue }
                break
            }
            guard sawCoordinator, j < limit, mentionAt[j] >= 0 else { break }
            let m = mentions[mentionAt[j]]
            out.append(m)
            k = m.hi
            if k < t.count, t[k].has(TokenFlags.possessive) { k += 1 }
            steps += 1
        }
        return out
    }

    /// The subject: leftmost non-prepositional mention in `lo..<hi`, known before unnamed, and a name
    /// opening the sentence last ("Druze inhabitants of … threatened": the inhabitants).
    func subject(_ lo: Int, _ hi: Int) -> Int? {
        var firstKnown: Int?, firstKnownPossessive: Int?, firstUnknown: Int?, firstInitial: Int?
        var k = max(lo, hi - 16)
        if k > lo, mentionAt[k] >= 0 { k = max(lo, mentions[mentionAt[k]].lo) }
        while k < hi {
            let mi = mentionAt[k]
            if mi >= 0 {
                let m = mentions[mi]
                if m.hi <= hi && !isPrepositional(m) && !isModifierOnly(m) && !isObjectOfVerb(m) {
                    // (A place ranks as an unnamed name: it is a source only where nothing else is, and then dropped.)
                    if m.known && m.place == nil {
                        if !m.possessive || m.pronoun { if firstKnown == nil { firstKnown = mi } }
                        else if firstKnownPossessive == nil { firstKnownPossessive = mi }
                    } else if m.initial { if firstInitial == nil && !m.possessive { firstInitial = mi } }
                    else if firstUnknown == nil && !m.possessive { firstUnknown = mi }
                }
                k = max(k + 1, m.hi)
                continue
            }
            k += 1
        }
        return firstKnown ?? firstKnownPossessive ?? firstUnknown ?? firstInitial
    }

    /// The first mention after `lo` in a window, known before unnamed, not crossing a clause boundary.
    func object(from lo: Int, window: Int = 9, excluding: Set<String>, locativeOK: Bool = true) -> Int? {
        // Prefer an actor over a demonym that only modifies a noun ("anti-Western states such as North Korea").
        if let strict = object(from: lo, window: window, excluding: excluding, locativeOK: locativeOK, modifiers: false) { return strict }
        return object(from: lo, window: window, excluding: excluding, locativeOK: locativeOK, modifiers: true)
    }

    func object(from lo: Int, window: Int, excluding: Set<String>, locativeOK: Bool, modifiers: Bool) -> Int? {
        var firstUnknown: Int?
        var k = lo
        let limit = min(t.count, lo + window + 3)
        while k < limit {
            if boundary[k] && mentionAt[k] < 0 { break }
            if speech.contains(where: { $0.lo == k }) { break }
            let mi = mentionAt[k]
            if mi >= 0 {
                let m = mentions[mi]
                let locative = !locativeOK && m.lo > 0 && SentenceAnalysis.locatives.contains(t[m.lo - 1].hash)
                let modifiesNoun = !m.possessive && nounHeads.contains(m.hi)
                let covered = m.lo < patternCover.count && patternCover[m.lo]
                if !excluding.contains(m.name) && !locative && !modifiesNoun && (modifiers || (!isModifierOnly(m) && !covered)) {
                    // (A place is a target within the window only: "a Russian peace plan for Donbass" is Russia's.)
                    if m.known && (m.place == nil || k < lo + window) { return mi }
                    if firstUnknown == nil && k < lo + window { firstUnknown = mi }
                }
                k = max(k + 1, m.hi)
                continue
            }
            k += 1
        }
        return firstUnknown
    }

    /// The possessor or modifier right before a noun: "Russia's annexation", "EU sanctions", "Russian invasion".
    func nounModifier(before h: Int) -> Int? {
        var k = h - 1
        var steps = 0
        while k >= 0 && steps < 6 {
            let mi = mentionAt[k]
            if mi >= 0 {
                let m = mentions[mi]
                if m.possessive || steps <= 1 || m.demonym { return mi }
                return nil
            }
            let tok = t[k]
            if !tok.isWord && !(tok.hash == MentionFinder.hyphenHash) && !tok.has(TokenFlags.quote) && !tok.has(TokenFlags.possessive) { return nil }
            if pack.cues.prepositions.contains(tok.hash) || boundary[k] { return nil }
            if pack.lexicon.byHead[tok.hash] != nil && steps > 0 && !pack.cues.determiners.contains(tok.hash) {
                // Another predicate word in between: "Putin's fear of ..." still fine; verbs break it.
            }
            k -= 1; steps += 1
        }
        return nil
    }

    // MARK: - Relations

    mutating func relate(_ p: PredicateMatch, complement: PredicateMatch? = nil, attribution: Mention?, time: String?, instruments: [Instrument]) -> [Relation] {
        let n = t.count
        let e = p.entry
        let (cs, relative) = clauseStart(before: p.head)
        var sources: [Mention] = []
        var targets: [Mention] = []
        var how = ""
        var sourceEnd = cs
        // Passive voice: "was attacked by X", "are used by Putin".
        let lastIsBy: Bool = {
            if case .word(let h)? = e.rest.last { return h == SentenceAnalysis.byHash }
            return false
        }()
        var byIndex: Int?
        if e.active {
            // "Berlin was disappointed by Russia's reluctance": the subject is the source.
        } else if lastIsBy {
            byIndex = p.end - 1
        } else if e.kind == .verb && e.participle {
            var k = p.head - 1, skipped = 0
            var aux = false
            while k >= cs && skipped < 3 {
                if pack.cues.beAux.contains(t[k].hash) { aux = true; break }
                k -= 1; skipped += 1
            }
            // "The Kosovo Albanians, *supported by* the United States, …": a participle set off by a comma
            // with its agent after it is a passive without "be".
            if !aux, p.head > 0, t[p.head - 1].hash == SentenceAnalysis.commaHash, p.end < n, t[p.end].hash == SentenceAnalysis.byHash {
                aux = true
            }
            // "rebels armed and *supported by* Chad": the parse shows a participle with a "by" agent and no subject.
            if !aux, (p.end..<min(n, p.end + 4)).contains(where: { t[$0].hash == SentenceAnalysis.byHash }), isReducedPassive(p) {
                aux = true
            }
            if aux {
                var j = p.end
                if let g = p.gap { j = max(j, g.upperBound) }
                let lim = min(n, p.end + 4)
                j = p.end
                while j < lim {
                    if t[j].hash == SentenceAnalysis.byHash { byIndex = j; break }
                    j += 1
                }
                if byIndex == nil {
                    drop("\(e.type.rawValue) \"\(words(p.head, p.end))\": passive without an agent")
                    return []
                }
            }
        }
        if let b = byIndex {
            guard b + 1 < n, let mi = object(from: b + 1, window: 4, excluding: []) else {
                drop("\(e.type.rawValue) \"\(words(p.head, p.end))\": passive agent is not an actor")
                return []
            }
            sources = coordinated(from: mi, limit: min(n, mentions[mi].hi + 30))
            if let si = subject(cs, p.head) {
                targets = coordinated(from: si, limit: p.head)
            } else if let r = relative, let a = antecedent(of: r) {
                targets = [a]
            } else if cs > 1, boundary[cs - 1], p.head - cs <= 2, t[p.head - 1].hash == SentenceAnalysis.commaHash,
                      let si = subject(clauseStart(before: cs - 1).start, cs - 1) {
                // "Serbia, however, backed by Russia, …": a parenthetical word set off by commas ends the clause
                // search, and the participle's patient stands before it.
                targets = [mentions[si]]
            }
            how = "passive"
        } else {
            // Source.
            if e.kind == .noun {
                let endsInBetween: Bool = { if case .word(let h)? = e.rest.last { return h == SentenceAnalysis.betweenHash }; return false }()
                let listStart = endsInBetween ? p.end : p.end + 1
                if endsInBetween || (p.end < n && t[p.end].hash == SentenceAnalysis.betweenHash), let first = object(from: listStart, window: 4, excluding: []) {
                    let list = coordinated(from: first, limit: min(n, p.end + 40))
                    if list.count >= 2 {
                        sources = [list[0]]
                        targets = Array(list.dropFirst())
                        how = "between"
                    }
                }
                if sources.isEmpty, let mi = nounModifier(before: p.head),
                   !(e.type == .assault && !mentions[mi].demonym && !mentions[mi].possessive && mentions[mi].kind == .state) {
                    // ("the Vietnam war" is a war in Vietnam, not by it.)
                    sources = [mentions[mi]]; how = mentions[mi].possessive ? "possessive" : "modifier"
                }
                if sources.isEmpty, p.end + 1 < n, t[p.end].hash == SentenceAnalysis.byHash, let mi = object(from: p.end + 1, window: 3, excluding: []) {
                    sources = coordinated(from: mi, limit: min(n, p.end + 30)); how = "by-agent"
                }
            }
            if sources.isEmpty && e.kind == .noun, let pm = nearestPossessive(before: p.head), p.head - pm.hi <= 15,
               subject(cs, p.head).map({ mentions[$0].lo < pm.lo }) ?? true {
                // "the Kremlin's ongoing efforts to …, including attempts to destabilize Moldova": the possessor acts.
                sources = [pm]; how = "possessor"
            }
            if sources.isEmpty && e.kind == .noun && cs == 0 && subject(0, p.head) == nil, let prev = previousSubject,
               SentenceAnalysis.anaphoric.contains(t[0].hash) {
                // "This includes cyberattacks against …": the previous sentence's subject acts.
                sources = [prev]; how = "discourse"
            }
            if sources.isEmpty && e.gerund && p.head > 1 && SentenceAnalysis.listJoiners.contains(t[p.head - 1].hash)
                && !pack.cues.beAux.contains(t[p.head - 1].hash), let pm = nearestPossessive(before: p.head, pronouns: false),
               p.head - pm.hi <= 45 {
                // "the Kremlin's efforts …, including attempts to …, flirting with …, and waging …": listed activities of the possessor.
                sources = [pm]; how = "possessor"
            }
            if sources.isEmpty && e.gerund && p.head > 0 && mentionAt[p.head - 1] >= 0 && !mentions[mentionAt[p.head - 1]].possessive {
                // "oligarchs supporting the Kremlin": a participle right after a name describes that name.
                sources = [mentions[mentionAt[p.head - 1]]]; how = "participle"
            }
            if sources.isEmpty {
                if let si = subject(cs, p.head) {
                    sources = coordinated(from: si, limit: p.head)
                    how = how.isEmpty ? "subject" : how
                } else if let r = relative, let a = antecedent(of: r) {
                    sources = [a]; how = "relative"
                } else if cs > 1, SentenceAnalysis.concessives.contains(t[cs - 1].hash) {
                    // "…, despite not liking her": the subject of the clause before.
                    let prev = clauseStart(before: cs - 1).start
                    if let si = subject(prev, cs - 1) ?? subject(0, cs - 1) { sources = [mentions[si]]; how = "previous clause" }
                }
            }
            if sources.isEmpty && (e.kind == .noun || e.gerund), let pm = nearestPossessive(before: p.head) {
                // "the Kremlin's efforts to …, including attempts to destabilize Moldova": the possessor acts.
                sources = [pm]; how = "possessor"
            }
            if let last = sources.last { sourceEnd = max(cs, last.hi) }
            // Target.
            if targets.isEmpty {
                let exclude = Set(sources.map(\.name))
                var found: Int?
                // "send X to Y": a gap closed by a preposition holds what is sent; the target follows.
                let gapClosedByPreposition = p.gap.map { $0.upperBound < n && $0.upperBound < p.end && pack.cues.prepositions.contains(t[$0.upperBound].hash)
                    && !(e.type == .demand && t[$0.upperBound].hash == PredicateFinder.toHash) } ?? false
                if let g = p.gap, g.lowerBound < g.upperBound, !gapClosedByPreposition { found = object(from: g.lowerBound, window: g.count, excluding: exclude) }
                if found == nil {
                    let patternEndsInLocative: Bool = {
                        if case .word(let h)? = e.rest.last { return SentenceAnalysis.locatives.contains(h) }
                        return false
                    }()
                    let placeIsTarget = patternEndsInLocative || [.assault, .mobilize, .protest].contains(e.type)
                    found = object(from: p.end, excluding: exclude, locativeOK: placeIsTarget)
                    // An unnamed target ("the president") yields to a known actor further on, even after "in".
                    if let f = found, !mentions[f].known, let k = object(from: p.end, excluding: exclude, locativeOK: true), mentions[k].known {
                        found = k
                    }
                    found = found.map { actorAfterLocativePlace($0, excluding: exclude) ?? $0 }
                    // For an unnamed source, a place is the best target there is ("agreed to postpone the demonstration in Baku").
                    if found == nil, e.type == .protest {
                        found = object(from: p.end, excluding: exclude, locativeOK: true)
                    }
                }
                // "agreed to provide aid for Romania": the complement's object.
                if found == nil, let c = complement, c.head - p.end <= 8 {
                    let from = c.gap.map { $0.lowerBound } ?? c.end
                    found = object(from: from, window: 10, excluding: exclude, locativeOK: false)
                }
                // "threatened to strike unless Israel rescinded …": a threat's condition names whom it is aimed at.
                if found == nil, e.type == .threaten || e.type == .demand {
                    var k = p.end
                    while k < min(n, p.end + 12), !SentenceAnalysis.conditions.contains(t[k].hash) { k += 1 }
                    if k < n, SentenceAnalysis.conditions.contains(t[k].hash) {
                        found = object(from: k + 1, window: 4, excluding: exclude, locativeOK: false)
                    }
                }
                if found == nil {
                    // "arrested protesters": the pattern's own words name the target.
                    var k = p.head + 1
                    while k < p.end { if mentionAt[k] >= 0, !exclude.contains(mentions[mentionAt[k]].name) { found = mentionAt[k]; break }; k += 1 }
                }
                if let fi = found {
                    targets = coordinated(from: fi, limit: min(n, mentions[fi].hi + 40)).filter { !exclude.contains($0.name) }
                } else if how == "possessive" || how == "modifier" {
                    // "Erdogan, who is described as Putin's alter ego": the subject is the target.
                    if let si = subject(cs, p.head), !exclude.contains(mentions[si].name), mentions[si].lo < p.head,
                       !(mentions[si].lo >= (sources.first?.lo ?? 0) && mentions[si].hi <= (sources.first?.hi ?? 0)) {
                        targets = [mentions[si]]
                    } else if let r = relative, let a = antecedent(of: r), !exclude.contains(a.name) {
                        targets = [a]
                    }
                } else if relative != nil, let r = relative, let a = nearestBefore(r), !exclude.contains(a.name),
                          sources.first.map({ $0.lo > r }) ?? false {
                    // "tasks, which Putin appreciates": object relative clause.
                    targets = [a]
                }
                if targets.isEmpty {
                    // "Regarding Ukraine, the Kremlin opted against a large-scale war.": a topic opening the sentence.
                    var k = 0
                    while k < min(p.head, 4) {
                        let mi = mentionAt[k]
                        if mi >= 0, isTopic(mentions[mi]), !exclude.contains(mentions[mi].name) { targets = [mentions[mi]]; break }
                        k += 1
                    }
                }
            }
            // Symmetric predicates with coordinated subjects: "Jordan and Britain have agreed".
            if targets.isEmpty && (e.symmetric || pack.cues.symmetricTypes.contains(e.type)) && sources.count >= 2 {
                targets = Array(sources.dropFirst())
                sources = [sources[0]]
                how += "+symmetric"
            }
        }
        // A verb coordinated with an earlier one has its own subject in the parse, or shares the first's.
        // Asked only once a target is found: the parse is made for the scope then anyway.
        if !targets.isEmpty, e.kind != .noun, !e.gerund, SentenceAnalysis.positionalSourceLinks.contains(how),
           let c = conjunctSubject(of: p) {
            sources = coordinated(from: c.mention, limit: p.head); how = c.shared ? "conjunct subject" : "clause subject"
            let names = Set(sources.map(\.name))
            targets = targets.filter { !names.contains($0.name) }
        }
        let label = "\(e.type.rawValue) \"\(words(p.head, p.end))\""
        guard !sources.isEmpty else { drop("\(label): no source"); return [] }
        guard !targets.isEmpty else { drop("\(label): no target (source \(sources[0].name))"); return [] }
        let reading = scope(of: p)
        // "attacked Kharkiv, and Poland condemned …": a name the parse makes the subject of a clause of its
        // own is no further target of the list.
        if targets.count > 1 { targets = [targets[0]] + targets.dropFirst().filter { !isClauseSubject($0) } }
        let modality = reading.map { $0.modality ?? (reportedAnywhere() ? .reported : .asserted) }
            ?? self.modality(for: p, clauseStart: cs, sourceEnd: sourceEnd)
        let sayer = reading.flatMap(speaker(in:))
        // A pledge of cooperation ("Portugal will support Turkey", "pledged to help") is an agreement: intent to cooperate.
        var type = e.type
        if modality == .expected || modality == .hypothetical, [.support, .aid, .cooperate, .consult, .concede, .retreat].contains(type),
           intent(for: p, clauseStart: cs) {
            type = .agree
        }
        var out: [Relation] = []
        let eventPlace = eventLocation(of: p, complement: complement)
        let ownedTargets = owned(targets, label)
        for s in owned(sources, label) {
            for tg in ownedTargets.map({ standing(for: $0, against: s) }) {
                if let place = s.place {
                    drop("\(label): the source \(s.text) is a place (\(place)); who acts for it the text does not say"); continue
                }
                if s.name == tg.name {
                    drop("\(label): same actor on both sides (\(s.name))"); continue
                }
                // "The speaker discusses / addresses / criticises X": the narrator of a note is the
                // source of its claims (the attribution), not a participant in the events it tells.
                if let narrator = [s, tg].first(where: { $0.rule == "speaker" }) {
                    drop("\(label): \(narrator.text) is the narrator, the attribution of the note, not a participant"); continue
                }
                if affiliated(s, tg) || affiliated(tg, s) {
                    drop("\(label): \(s.name) and \(tg.name) are one side (affiliation)"); continue
                }
                if !e.type.isEvent && tg.actor == nil && tg.rule != "speaker" {
                    drop("\(label): an attitude toward an unnamed actor (\(tg.text))"); continue
                }
                // A name the pack does not know stands beside a known actor as before; two of them
                // relate only as open-world actors, which the parse confirms.
                let sourceOpen = isOpenWorld(s, of: p, complement: complement), targetOpen = isOpenWorld(tg, of: p, complement: complement)
                if !s.known && !tg.known && !(sourceOpen && targetOpen) {
                    drop("\(label): neither \(s.text) nor \(tg.text) is a known actor, and not both are open-world actors"); continue
                }
                if (s.initial && !sourceOpen) || (tg.initial && !targetOpen) {
                    drop("\(label): \((s.initial ? s : tg).text) opens the sentence and is no name acting in it"); continue
                }
                if sourceOpen { openWorldMentions.insert(s.lo) }
                if targetOpen { openWorldMentions.insert(tg.lo) }
                let attr: String? = {
                    if let sayer { return sayer.name }
                    if let a = attribution, a.name != s.name || p.head > (speech.first?.lo ?? 0) { return a.name }
                    return input.outlet
                }()
                out.append(Relation(source: s.name, sourceWikidata: s.wikidata, sourceText: s.text,
                                    target: tg.name, targetWikidata: tg.wikidata, targetText: tg.text,
                                    type: type, modality: modality, attribution: attr, instruments: instruments, time: time,
                                    location: tg.place ?? eventPlace, quote: quote, range: quoteRange, rule: e.id + " [\(how)]"))
            }
        }
        return out
    }

    /// Whether person `a` holds a role in `b` on the document date ("the Russian president" and "Moscow").
    func affiliated(_ a: Mention, _ b: Mention) -> Bool {
        guard let ai = a.actor, pack.actors[ai].kind == .person else { return false }
        return pack.actors[ai].affiliations.contains { $0.organization == b.name && $0.isHeld(on: input.published) && ($0.until == nil || input.published != nil) }
    }

    static let obligationEntry = PredicateEntry(id: "cues.tsv obligation", type: .demand, kind: .phrase, rest: [], participle: false,
                                                gerund: false, symmetric: false, specificity: 1, curated: true)

    /// "Russia said that Sudan must return …", "the US should start these talks": the speaker demands of the complement's subject.
    mutating func obligation(attribution: Mention?, time: String?, instruments: [Instrument]) -> Relation? {
        guard attribution != nil, let first = speech.first(where: { !$0.after }) else { return nil }
        var k = first.hi
        while k < t.count {
            if let m = pack.cues.obligation.longest(in: t, at: k) {
                // The speaker of the nearest speech verb before the modal.
                guard let s = speech.last(where: { !$0.after && $0.hi <= k }), let speaker = speaker(of: s),
                      speaker.rule != "speaker", !speaker.initial, speaker.place == nil else { return nil }   // the narrator demands nothing: it is the attribution
                // The subject right before the modal: "Sudan must", "the US should".
                var j = k - 1
                while j >= s.hi, mentionAt[j] < 0, pack.cues.determiners.contains(t[j].hash) == false, j >= k - 2 { j -= 1 }
                guard j >= s.hi, mentionAt[j] >= 0 else { k += m.length; continue }
                let target = standing(for: mentions[mentionAt[j]], against: speaker)
                guard target.name != speaker.name, speaker.known || target.known,
                      !affiliated(speaker, target), !affiliated(target, speaker) else { return nil }
                return Relation(source: speaker.name, sourceWikidata: speaker.wikidata, sourceText: speaker.text,
                                target: target.name, targetWikidata: target.wikidata, targetText: target.text,
                                type: .demand, modality: .asserted, attribution: speaker.name, instruments: instruments, time: time,
                                location: target.place, quote: quote, range: quoteRange, rule: "cues.tsv obligation [speech]")
            }
            if t[k].has(TokenFlags.terminal) { break }
            k += 1
        }
        return nil
    }

    /// Whether a pledge cue ("will", "pledged to", "is ready to") stands before the predicate.
    func intent(for p: PredicateMatch, clauseStart: Int) -> Bool {
        var k = max(clauseStart, p.head - 6)
        while k < p.head {
            if pack.cues.intent.longest(in: t, at: k, limit: p.head) != nil { return true }
            k += 1
        }
        return false
    }

    func reportedAnywhere() -> Bool {
        if let reported { return reported }
        var k = 0
        while k < t.count {
            if pack.cues.reported.longest(in: t, at: k) != nil { return true }
            k += 1
        }
        return false
    }

    /// Negation beats hypothesis beats expectation beats hearsay.
    func modality(for p: PredicateMatch, clauseStart: Int, sourceEnd: Int) -> Modality {
        let lo = max(clauseStart, min(sourceEnd, p.head), p.head - 10)
        var negated = false, hypothetical = false, expected = false
        var k = lo
        while k < p.head {
            if let m = pack.cues.negation.longest(in: t, at: k, limit: p.head) {
                if !(t[k].hash == PredicateFinder.notHash && k + 1 < t.count && t[k + 1].hash == SentenceAnalysis.onlyHash) { negated = true }
                k += m.length; continue
            }
            if pack.cues.hypothetical.longest(in: t, at: k, limit: p.head) != nil { hypothetical = true }
            if pack.cues.expected.longest(in: t, at: k, limit: p.head) != nil { expected = true }
            k += 1
        }
        // "if" anywhere earlier in the sentence.
        if !hypothetical {
            var j = 0
            while j < lo {
                if t[j].hash == SentenceAnalysis.ifHash || t[j].hash == SentenceAnalysis.unlessHash { hypothetical = true; break }
                j += 1
            }
        }
        // "The special relations between Russia and Germany … are over."
        if !negated {
            var j = p.end
            while j + 1 < t.count && j < p.end + 14 {
                if pack.cues.beAux.contains(t[j].hash) && t[j + 1].hash == SentenceAnalysis.overHash
                    && (j + 2 >= t.count || t[j + 2].has(TokenFlags.terminal) || t[j + 2].hash == SentenceAnalysis.commaHash) {
                    negated = true; break
                }
                if boundary[j] { break }
                j += 1
            }
        }
        if negated { return .negated }
        if hypothetical { return .hypothetical }
        if expected { return .expected }
        if reportedAnywhere() { return .reported }
        return .asserted
    }

    // MARK: - Attribution, claims, time, instruments

    /// The speaker of reported speech in this sentence, if any.
    func attribution() -> Mention? {
        // (A word opening the sentence is a speaker only once the parse makes it an actor.)
        for s in speech { if let m = speaker(of: s), !m.initial, m.place == nil { return m } }
        return nil
    }

    func speaker(of s: (lo: Int, hi: Int, after: Bool)) -> Mention? {
        if s.after {
            if let mi = object(from: s.hi, window: 4, excluding: []) { return mentions[mi] }
            return nil
        }
        // "said Putin"
        if s.hi < t.count, mentionAt[s.hi] >= 0, s.lo > 0, t[s.lo - 1].hash == SentenceAnalysis.commaHash {
            return mentions[mentionAt[s.hi]]
        }
        let cs = clauseStart(before: s.lo).start
        if let si = subject(cs, s.lo) { return mentions[si] }
        return nil
    }

    /// The proposition of reported speech: after "X said (that)", or before ", X said".
    func claimRange() -> Range<Int>? {
        guard let s = speech.first else { return nil }
        var end = t.count
        while end > 0, t[end - 1].has(TokenFlags.terminal) || t[end - 1].has(TokenFlags.quote) { end -= 1 }
        if s.after {
            // "According to X, ...": from the comma after X.
            var k = s.hi
            while k < end, t[k].hash != SentenceAnalysis.commaHash { k += 1 }
            return k + 1 < end ? (k + 1)..<end : nil
        }
        let cs = clauseStart(before: s.lo).start
        if subject(cs, s.lo) != nil {
            var start = s.hi
            if start < end, t[start].hash == SentenceAnalysis.thatHash { start += 1 }
            return start < end ? start..<end : nil
        }
        // "…, officials said."
        var k = s.lo - 1
        while k > 0, t[k].hash != SentenceAnalysis.commaHash { k -= 1 }
        var start = 0
        while start < k, t[start].has(TokenFlags.quote) { start += 1 }
        return k > start ? start..<k : nil
    }

    func instruments() -> [Instrument] {
        var out: [Instrument] = []
        var k = 0
        while k < t.count {
            if let m = pack.instruments.longest(in: t, at: k) {
                for v in m.values where !out.contains(v) { out.append(v) }
                k += m.length; continue
            }
            k += 1
        }
        return out
    }
}
