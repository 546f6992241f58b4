import KremlinologyModel

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
struct PredicateEntry: Sendable {
    /// `relations.tsv:42 shoot down * plan`: what `explain` and `Relation.rule` show.
    var id: String
    var type: RelationType
    var kind: PredicateKind
    /// Items after the head token.
    var rest: [PatternItem]
    /// The head form is a past participle (passive voice possible).
    var participle: Bool
    /// The head form is a gerund/present participle (`-ing`).
    var gerund: Bool
    /// Symmetric (`meet`, `agree`): coordinated subjects act on each other.
    var symmetric: Bool
    /// Literal tokens in the whole pattern: longer patterns win over shorter ones.
    var specificity: Int
    /// Hand-written entries (relations.tsv) win over converted ones at equal specificity.
    var curated: Bool

    static let gapLimit = 6
}

/// The relation lexicon, keyed by head word form.
struct Lexicon: Sendable {
    private(set) var byHead: [UInt64: [PredicateEntry]] = [:]
    private(set) var count = 0

    mutating func add(head: UInt64, _ entry: PredicateEntry) {
        byHead[head, default: []].append(entry)
        count += 1
    }

    /// Sorts each head's entries most specific first, curated first among equals.
    mutating func finish() {
        for (k, v) in byHead {
            byHead[k] = v.sorted { a, b in
                if a.specificity != b.specificity { return a.specificity > b.specificity }
                if a.curated != b.curated { return a.curated }
                return false
            }
        }
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
