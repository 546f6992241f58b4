import KremlinologyModel

/// What a scope cue of `cues.tsv` does to the predicates under it.
struct ScopeEffect: Sendable, Equatable {
    /// The modality it gives (nil: none, e.g. a speech verb, which only attributes).
    var modality: Modality?
    /// The governor's subject becomes the attribution ("X said/denied that …").
    var speaker = false
    /// The governor yields no relation of its own once it governs a predicate ("denied that it planned to
    /// invade" is a negated invasion, not a rejection).
    var noEvent = false
    /// It governs its subject too ("the partnership *is over*", "the *plan* is to invade").
    var subject = false
    /// It governs only a clause, not an object ("*failed* to invade", but "failed talks").
    var clause = false
    /// Its object is a predication whose truth it frames ("*not considered* part of the inner
    /// circle", "*never regarded* as an ally"): its own negation reaches the object.
    var predicative = false

    /// `negated speaker no-event`, `expected`, `speaker`, `negated subject`, `negated clause`.
    init?(_ value: String) {
        for word in value.split(separator: " ") {
            switch word {
            case "speaker": speaker = true
            case "no-event": noEvent = true
            case "subject": subject = true
            case "clause": clause = true
            case "predicative": predicative = true
            default:
                guard let m = Modality(rawValue: String(word)) else { return nil }
                modality = m
            }
        }
    }

    init(modality: Modality?) { self.modality = modality }
}

/// How the tree scopes one predicate: the modality its cues give, who says it, and which governors it sits under.
struct ScopeReading {
    var negated = false
    var hypothetical = false
    var expected = false
    var reported = false
    /// The word whose subject is the speaker (a speech or denial verb governing the predicate).
    var speakerGovernor: Int?
    /// Governors that yield no relation of their own once they govern this predicate.
    var silencedGovernors: [Int] = []
    /// `not ← attack (advmod)` lines, for `explain`.
    var cues: [String] = []

    /// Negation beats hypothesis beats expectation beats hearsay; nil when nothing in scope sets a modality.
    var modality: Modality? {
        if negated { return .negated }
        if hypothetical { return .hypothetical }
        if expected { return .expected }
        if reported { return .reported }
        return nil
    }

    mutating func apply(_ m: Modality?) {
        switch m {
        case .negated?: negated = true
        case .hypothetical?: hypothetical = true
        case .expected?: expected = true
        case .reported?: reported = true
        case .asserted?, nil: break
        }
    }
}

extension SentenceTree {
    /// Relations by which a word's modifiers (`not`, `could`, `no`, `little`, `if`) attach to it.
    static let modifierRelations: Set<String> = ["advmod", "aux", "det", "amod", "mark", "case", "cc", "discourse"]
    /// Relations by which a clause is the complement of the word above it ("refused *to invade*", "said *that …*").
    static let clausalLinks: Set<String> = ["xcomp", "ccomp", "csubj"]
    /// Relations by which a clause is an infinitive under the word above it ("plans *to sanction*", "is expected *to meet*").
    static let infinitivalLinks: Set<String> = ["acl", "advcl"]
    /// Relations by which a noun is the object of the word above it ("opted against *an invasion*", "denied any *involvement*").
    static let nominalLinks: Set<String> = ["obj", "obl", "nmod", "compound"]
    /// How many nouns a predicate may climb through to reach its governor ("denied any involvement in the *cyberattack*").
    static let nominalHops = 2

    /// The scope of the predicate at word `p`: the modifiers of `p` and of every word that governs it
    /// through complement clauses, up to the first word that does not govern it (a conjunct, a relative
    /// clause, an adverbial clause other than an infinitive, the root).
    func scope(of p: Int, cues: Cues) -> ScopeReading {
        var r = ScopeReading()
        var w = p
        // "be open to": a copula or auxiliary of the pattern stands for the word it serves.
        if ["cop", "aux"].contains(relations[p]), heads[p] >= 0 { w = heads[p] }
        var own = true         // whether the modifiers of `w` scope over the predicate
        var hops = 0           // nouns climbed through since the last governor
        var steps = 0
        while steps < 16 {
            steps += 1
            // Through an object, a modal still reaches the event ("might resume negotiations"); a negation
            // does not ("could not stop the invasion": the invasion happened).
            modifiers(of: w, cues: cues, into: &r, onlyModal: !own)
            // "The aim is to restore …": a governor that is the subject of the clause.
            if own {
                for c in children(of: w, "nsubj") {
                    if let e = cues.scopeGovernors[lemmas[c]], e.subject {
                        r.apply(e.modality); r.cues.append("\(lemmas[c]) is the subject of \(forms[w]): \(e.modality?.rawValue ?? "-")")
                    }
                }
            }
            let h = heads[w]
            guard h >= 0 else { break }
            let link = relations[w]
            if link == "conj" {
                // A conjunct shares the governors of the first conjunct, and its modifiers too when it
                // shares its auxiliary ("did not confirm or refute"), but not when it is a clause of its
                // own ("did not recognise Kosovo but welcomed …").
                own = own && sharesModifiers(w); w = h; continue
            }
            // An infinitive ("plans *to* sanction"), or a gerund under a governor of its preposition
            // ("refrained *from* attacking", "no intention *of* attacking").
            let marks = children(of: w, "mark").map { forms[$0] }
            let clausal = Self.clausalLinks.contains(link)
                || (Self.infinitivalLinks.contains(link)
                    && (marks.contains("to") || marks.contains { m in stems(h).contains { cues.scopeGovernors["\($0) \(m)"] != nil } }))
            let nominal = Self.nominalLinks.contains(link) && isNominal(w)
            let subject = link == "nsubj" && hops == 0
            // A degree word that an infinitive hangs on ("seriously *enough* to rely on") is part of the
            // predicate of the verb it modifies ("has never taken … seriously enough to rely on").
            if !clausal, !nominal, !subject, w != p, link == "advmod", tags[w] == "ADV" || tags[w] == "ADJ",
               children[w].contains(where: { Self.infinitivalLinks.contains(relations[$0]) && children(of: $0, "mark").contains { forms[$0] == "to" } }) {
                w = h; own = true; continue
            }
            guard clausal || nominal || subject else { break }
            // A clause under a noun that governs nothing: the noun's governors do not reach into it.
            if clausal && hops > 0 { break }
            if let effect = governor(h, over: w, cues: cues), applies(effect, h, w, clausal: clausal, subject: subject) {
                r.apply(effect.modality)
                if effect.speaker && r.speakerGovernor == nil { r.speakerGovernor = h }
                if effect.noEvent { r.silencedGovernors.append(h) }
                r.cues.append("\(lemmas[h]) governs \(forms[p]) (\(link)): \(effect.modality?.rawValue ?? "attribution")")
                w = h; own = true; hops = 0; continue
            }
            if subject { break }
            if nominal {
                guard hops < Self.nominalHops else { break }
                // The modifiers of a verb whose object is a predication ("not considered part of …")
                // reach the object; those of any other verb do not ("could not stop the invasion").
                let framed = (governor(h, over: w, cues: cues)?.predicative ?? false) && isPredication(w, of: h)
                hops += 1; w = h; own = framed; continue
            }
            w = h; own = true
        }
        conditions(above: p, cues: cues, into: &r)
        return r
    }

    /// Whether governor `h` reaches its dependent `w` by this link. A complement follows its governor
    /// ("refused to …", "denied that …"), except for a speaker's words ("… , he said").
    func applies(_ e: ScopeEffect, _ h: Int, _ w: Int, clausal: Bool, subject: Bool) -> Bool {
        if subject { return e.subject }
        // A predicative governor reaches an object only as the nominal climb does, when the object is the predication.
        if e.predicative && !clausal { return false }
        if e.clause || (e.speaker && e.modality == nil) { if !clausal { return false } }
        // (A compound noun comes before the noun it modifies: "an assassination attempt".)
        return w > h || relations[w] == "compound" || (e.modality == nil && e.speaker)
    }

    /// Whether `w` is what governor `h` predicates: its "as" complement or open complement, or its
    /// object when it has no such complement ("not considered *part* of …"). In "does not regard
    /// the sanctions as legitimate" the sanctions are only classified, and stay asserted.
    func isPredication(_ w: Int, of h: Int) -> Bool {
        func hasAs(_ c: Int) -> Bool { children[c].contains { forms[$0].lowercased() == "as" } }
        if relations[w] == "xcomp" || hasAs(w) { return true }
        // (The parser attaches "as legitimate" as obl, advcl or xcomp; any of them is the complement.)
        return !children[h].contains { c in c != w && (relations[c] == "xcomp" || (["obl", "advcl"].contains(relations[c]) && hasAs(c))) }
    }

    /// A noun, pronoun, number or gerund: what can be the object of a governor.
    func isNominal(_ w: Int) -> Bool {
        ["NOUN", "PROPN", "PRON", "NUM"].contains(tags[w]) || (tags[w] == "VERB" && forms[w].hasSuffix("ing"))
    }

    /// Whether conjunct `w` shares the modifiers of the first conjunct: a noun, or a verb with no
    /// subject or auxiliary of its own that is a bare form ("did not confirm or *refute*") or a
    /// participle under a perfect or passive auxiliary ("has not attacked or *annexed*").
    func sharesModifiers(_ w: Int) -> Bool {
        if tags[w] == "NOUN" || tags[w] == "PROPN" { return true }
        guard tags[w] == "VERB", !children[w].contains(where: { relations[$0] == "nsubj" || relations[$0] == "aux" }) else { return false }
        if forms[w] == lemmas[w] { return true }
        let h = heads[w]
        return h >= 0 && children(of: h, "aux").contains { ["have", "be"].contains(lemmas[$0]) }
    }

    /// A condition ("if", "unless") over the predicate: the mark of any clause above it, or a
    /// condition clause that comes before a clause above it ("If Moscow attacks, NATO will respond").
    func conditions(above p: Int, cues: Cues, into r: inout ScopeReading) {
        var w = p, steps = 0
        while w >= 0 && steps < 24 {
            steps += 1
            for c in children[w] {
                if relations[c] == "mark", cues.conditions.contains(forms[c]) {
                    r.hypothetical = true; r.cues.append("\(forms[c]) ← \(forms[w]) (condition)")
                }
                if relations[c] == "advcl", c < w, children(of: c, "mark").contains(where: { cues.conditions.contains(forms[$0]) }) {
                    r.hypothetical = true; r.cues.append("condition clause \(forms[c]) → \(forms[w])")
                }
            }
            w = heads[w]
        }
    }

    /// Modifier cues of `w` ("not", "could", "no", "no longer"); with `onlyModal`, those that make it hypothetical or expected.
    func modifiers(of w: Int, cues: Cues, into r: inout ScopeReading, onlyModal: Bool = false) {
        for c in children[w] {
            let rel = relations[c]
            guard Self.modifierRelations.contains(rel) else { continue }
            // Two-word modifiers are keyed with the word attached to them, in text order: "no longer", "rather than".
            let pair = children[c].first.map { d in d < c ? "\(forms[d]) \(forms[c])" : "\(forms[c]) \(forms[d])" }
            let m: Modality
            if let p = pair.flatMap({ cues.scopeModifiers[$0] }) {
                m = p
            } else if let single = cues.scopeModifiers[lemmas[c]] ?? cues.scopeModifiers[forms[c]], rel != "cc" || tags[w] == "VERB" {
                // ("neither" before a noun belongs to the clause the noun is in, not to the noun.)
                m = single
            } else {
                continue
            }
            if onlyModal && m != .hypothetical && m != .expected { continue }
            r.apply(m)
            r.cues.append("\(forms[c]) ← \(forms[w]) (\(rel)): \(m.rawValue)")
        }
    }

    /// The governor cue of `h` over its dependent `w`: by lemma with the particle and preposition
    /// ("rule out", "opt against"), else by lemma.
    func governor(_ h: Int, over w: Int, cues: Cues) -> ScopeEffect? {
        guard !cues.scopeGovernors.isEmpty else { return nil }
        let particle = children(of: h, "compound").first { tokenOfWord[$0] >= 0 && $0 > h }.map { forms[$0] }
        let preposition = children[w].first { relations[$0] == "case" || relations[$0] == "mark" }.map { forms[$0] }
        for lemma in stems(h) {
            var keys: [String] = []
            if let particle, let preposition { keys.append("\(lemma) \(particle) \(preposition)") }
            if let preposition { keys.append("\(lemma) \(preposition)") }
            if let particle { keys.append("\(lemma) \(particle)") }
            keys.append(lemma)
            for k in keys { if let e = cues.scopeGovernors[k] { return e } }
        }
        return nil
    }

    /// The lemma of word `h`, then, for a verb the lemmatiser may have got wrong ("refrained" →
    /// "refraine"), its form less a regular ending.
    func stems(_ h: Int) -> [String] {
        var out = [lemmas[h]]
        guard tags[h] == "VERB" else { return out }
        let f = forms[h]
        for ending in ["ed", "d", "ing", "s"] where f.hasSuffix(ending) && f.count > ending.count + 2 {
            let stem = String(f.dropLast(ending.count))
            if !out.contains(stem) { out.append(stem) }
        }
        return out
    }

    /// The subject of word `h` (active or passive).
    func subject(of h: Int) -> Int? {
        children[h].first { relations[$0] == "nsubj" }
    }
}
