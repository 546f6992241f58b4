import KremlinologyModel
import KremlinologySyntax

/// The names of one document, folded by ``Transliteration`` (issue 11, item 5): spellings of one
/// name are one actor, and a surname alone names the person the document named in full.
///
/// - A name the pack does not know takes the spelling under which the document first writes it:
///   "Valery Solovei" after "Valery Solovey" is Valery Solovey. (The first spelling, not the most
///   frequent, so that a document read in parts names its actors as one read whole does.) Across
///   documents the store folds them the same way (``Transliteration/nameKey(_:)``).
/// - A surname alone, in any spelling that folds like it, names the **first** person the
///   document named in full under it, of the pack or not: "Valery Solovyov … Solovyov" is not the
///   pack's Vladimir Solovyov, and "Alan Gagloyev … Gagloev" is Alan Gagloyev. A namesake named
///   later is, by the habit of writers, named in full again where meant.
/// - Keys fold whole words, so people whose given names disagree never share one: "Valery
///   Solovey" and "Vladimir Solovey" stay two.
struct DocumentNames {
    /// A person named in full: the name their mentions take, and their index in the pack when it has them.
    struct Person {
        var name: String
        var pack: Int?
    }

    /// People named in full, by the key of their surname; the first one keeps it.
    private var people: [String: Person] = [:]
    /// Names the pack does not know, by ``Transliteration/nameKey(_:)``: the first spelling met.
    private var spellings: [String: String] = [:]

    /// The name a name the pack does not know takes in the document: its first spelling.
    mutating func canonical(_ written: String) -> String {
        let key = Transliteration.nameKey(written)
        if let first = spellings[key] { return first }
        spellings[key] = written
        return written
    }

    /// Notes a person named in full (`name`, two words or more, its last word the surname).
    mutating func notePerson(named written: String, as name: String, pack: Int?) {
        guard let surname = written.split(separator: " ").last, written.split(separator: " ").count >= 2 else { return }
        let key = Transliteration.key(String(surname))
        if people[key] == nil { people[key] = Person(name: name, pack: pack) }
    }

    /// The person a surname alone names: the first named in full under its key, if any.
    func person(surname: String) -> Person? {
        people[Transliteration.key(surname)]
    }
}

extension MentionFinder {
    /// The first person the document named in full under the surname at `i`, when that is not
    /// the pack's `actor` that the gazetteer read there: a mention of that person instead.
    func documentPerson(insteadOf actor: Int, _ t: [Token], _ i: Int, _ context: DiscourseContext) -> Mention? {
        guard let named = context.names.person(surname: text(i, i + 1, t)), named.pack != actor else { return nil }
        return surnameMention(of: named, t, i)
    }

    /// A mention of a person named in full earlier, by their surname alone at `i`.
    func surnameMention(of named: DocumentNames.Person, _ t: [Token], _ i: Int) -> Mention {
        if let index = named.pack { return mention(index, lo: i, hi: i + 1, t, rule: "surname+document") }
        return Mention(actor: nil, name: named.name, wikidata: nil, kind: .person, lo: i, hi: i + 1,
                       range: TextRange(start: t[i].start, end: t[i].end), text: text(i, i + 1, t), rule: "unknown:name")
    }

    /// A capitalised name the pack does not know at `i`, ending before `e`: a surname of a person
    /// named in full earlier, else a name of its own, in the spelling the document first gave it.
    /// A common word before a given name is a description, not part of the name ("Expert Valery
    /// Solovey", "Historian Anton Vrelkov"). Nil for a capitalised word opening the sentence that
    /// may be a common word ("Celebrations", "Together"): it is kept only when no reading of it as
    /// a common word is known, and then only as a candidate open-world actor, which the parse must
    /// confirm ("Zembla agreed …").
    func unknownName(_ t: [Token], _ i: Int, _ e: Int, _ context: inout DiscourseContext) -> Mention? {
        var lo = i
        if e - lo >= 3, SentenceAnalysis.isCommonWord(t[lo]), isGivenName(t, lo + 1) { lo += 1 }
        let named = e - lo == 1 ? context.names.person(surname: text(lo, e, t)) : nil
        if let named { return surnameMention(of: named, t, lo) }
        let initial = e - lo == 1 && isFirstWord(t, lo)
        if initial && !mayOpenSentenceAsName(t[lo]) { return nil }
        let words = text(lo, e, t)
        let name = context.names.canonical(words)
        let kind = guessKind(lo, e, t)
        if kind == .person { context.names.notePerson(named: words, as: name, pack: nil) }
        var m = Mention(actor: nil, name: name, wikidata: nil, kind: kind, lo: lo, hi: e,
                        range: TextRange(start: t[lo].start, end: t[e - 1].end), text: words, rule: "unknown:name")
        m.initial = initial
        return m
    }
}
