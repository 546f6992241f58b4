import KremlinologyModel
import KremlinologySyntax

/// How a predicate finds its source and target.
enum PredicateKind: String, Sendable {
    /// Inflected verb: subject is the source, object the target; passive `by` swaps them.
    case verb
    /// Noun or nominalisation: source from a possessive, demonym, `by` phrase or the clause subject.
    case noun
    /// A fixed phrase used as is (no inflection), read like a verb.
    case phrase
}

/// One element of a predicate pattern after its head word.
enum PatternItem: Sendable, Equatable {
    /// A literal token.
    case word(UInt64)
    /// Up to `PredicateEntry.gapLimit` tokens, where the target usually stands.
    case gap
}

/// One entry of the relation lexicon: a head word form and what may follow it.
final class PredicateEntry: Sendable {
    /// `relations.tsv:42 shoot down * plan`: what `explain` and `Relation.rule` show.
    let id: String
    let type: RelationType
    let kind: PredicateKind
    /// Items after the head token.
    let rest: [PatternItem]
    /// The head form is a past participle (passive voice possible).
    let participle: Bool
    /// The head form is a gerund/present participle (`-ing`).
    let gerund: Bool
    /// Symmetric (`meet`, `agree`): coordinated subjects act on each other.
    let symmetric: Bool
    /// Literal tokens in the whole pattern: longer patterns win over shorter ones.
    let specificity: Int
    /// Hand-written entries (relations.tsv) win over converted ones at equal specificity.
    let curated: Bool
    /// "disappointed by", "alarmed by": the subject feels it; not a passive.
    let active: Bool

    static let gapLimit = 6

    /// The first literal word after the head, if any.
    var firstWord: UInt64? {
        for item in rest { if case .word(let h) = item { return h } }
        return nil
    }

    init(id: String, type: RelationType, kind: PredicateKind, rest: [PatternItem], participle: Bool, gerund: Bool,
         symmetric: Bool, specificity: Int, curated: Bool, active: Bool = false) {
        self.id = id; self.type = type; self.kind = kind; self.rest = rest; self.participle = participle
        self.gerund = gerund; self.symmetric = symmetric; self.specificity = specificity; self.curated = curated
        self.active = active
    }
}

/// The relation lexicon, keyed by head word form.
struct Lexicon: Sendable {
    /// Entries per head word form, most specific first (built by `finish`). Every entry is here.
    private(set) var byHead = U64Map<[PredicateEntry]>()
    /// Entries with words after the head, keyed by head and first such word: lets the matcher
    /// look only at patterns whose next word is actually in the sentence.
    private(set) var byPair = U64Map<[PredicateEntry]>()
    /// Entries of a head with no word after it (the head alone, or head and gap).
    private(set) var headOnly = U64Map<[PredicateEntry]>()
    /// Heads that have entries in `byPair`.
    private(set) var pairHeads = U64Set()
    private var building: [UInt64: [PredicateEntry]] = [:]
    private(set) var count = 0

    mutating func add(head: UInt64, _ entry: PredicateEntry) {
        building[head, default: []].append(entry)
        count += 1
    }

    /// Sorts each head's entries most specific first, curated first among equals.
    mutating func finish() {
        var map = U64Map<[PredicateEntry]>(capacity: building.count)
        var pairs: [UInt64: [PredicateEntry]] = [:]
        var single = U64Map<[PredicateEntry]>(capacity: building.count)
        for (k, v) in building {
            let sorted = v.sorted(by: Lexicon.before)
            map[k] = sorted
            var alone: [PredicateEntry] = []
            for e in sorted {
                if let first = e.firstWord {
                    pairs[Lexicon.pairKey(k, first), default: []].append(e)
                    pairHeads.insert(k)
                } else {
                    alone.append(e)
                }
            }
            if !alone.isEmpty { single[k] = alone }
        }
        var pairMap = U64Map<[PredicateEntry]>(capacity: pairs.count)
        for (k, v) in pairs { pairMap[k] = v.sorted(by: Lexicon.before) }
        byHead = map
        byPair = pairMap
        headOnly = single
        building = [:]
    }

    static func before(_ a: PredicateEntry, _ b: PredicateEntry) -> Bool {
        if a.specificity != b.specificity { return a.specificity > b.specificity }
        if a.curated != b.curated { return a.curated }
        return false
    }

    @inline(__always)
    static func pairKey(_ head: UInt64, _ word: UInt64) -> UInt64 {
        WordHash.combine(WordHash.combine(0x5A17, head), word)
    }

    /// Inflected forms of a verb: (form, isParticiple, isGerund).
    static func verbForms(_ base: String, irregular: [String]) -> [(String, Bool, Bool)] {
        var out: [(String, Bool, Bool)] = [(base, false, false)]
        let chars = Array(base.utf8)
        guard let last = chars.last else { return out }
        let vowels: Set<UInt8> = Set("aeiou".utf8)
        let secondLast = chars.count >= 2 ? chars[chars.count - 2] : 0
        let thirdLast = chars.count >= 3 ? chars[chars.count - 3] : 0
        var third = base + "s", past = base + "ed", ing = base + "ing"
        if last == UInt8(ascii: "e") {
            third = base + "s"; past = base + "d"; ing = String(base.dropLast()) + "ing"
            if base.hasSuffix("ee") { ing = base + "ing" }
        } else if last == UInt8(ascii: "y") && !vowels.contains(secondLast) {
            let stem = String(base.dropLast())
            third = stem + "ies"; past = stem + "ied"
        } else if base.hasSuffix("s") || base.hasSuffix("sh") || base.hasSuffix("ch") || base.hasSuffix("x") || base.hasSuffix("z") {
            third = base + "es"
        }
        out.append((third, false, false))
        out.append((past, true, false))
        out.append((ing, false, true))
        // Doubling of a final consonant after a single vowel (ban → banned, commit → committed).
        if !vowels.contains(last), vowels.contains(secondLast), !vowels.contains(thirdLast),
           !"wxy".utf8.contains(last), chars.count <= 8 {
            let doubled = base + String(UnicodeScalar(last))
            out.append((doubled + "ed", true, false))
            out.append((doubled + "ing", false, true))
        }
        for form in irregular {
            // Irregular forms: past/participles unless they end in -ing or -s.
            let isIng = form.hasSuffix("ing")
            out.append((form, !isIng && !form.hasSuffix("s"), isIng))
        }
        return out
    }

    /// Noun forms: singular and plural.
    static func nounForms(_ base: String, irregular: [String]) -> [String] {
        var out = [base]
        if base.hasSuffix("y"), let p = base.utf8.dropLast().last, !"aeiou".utf8.contains(p) {
            out.append(String(base.dropLast()) + "ies")
        } else if base.hasSuffix("s") || base.hasSuffix("sh") || base.hasSuffix("ch") || base.hasSuffix("x") {
            out.append(base + "es")
        } else {
            out.append(base + "s")
        }
        return out + irregular
    }
}
