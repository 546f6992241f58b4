import KremlinologyModel
import KremlinologySyntax

/// A lexicon entry matched in a sentence.
struct PredicateMatch {
    var entry: PredicateEntry
    /// Token index of the head word.
    var head: Int
    /// One past the last literal token of the pattern.
    var end: Int
    /// Tokens matched by a `*` gap (where the target usually stands).
    var gap: Range<Int>?
    /// Absorbed as the complement of an earlier predicate ("agreed to *set up*", "refused to *cooperate*").
    var absorbed = false
}

enum PredicateFinder {
    static let toHash = WordHash.of("to")
    static let notHash = WordHash.of("not")

    /// Every predicate of the sentence, most specific entry per head, skipping words inside names.
    static func find(_ t: [Token], mentionAt: [Int], skip: [Bool], pack: KnowledgePack) -> [PredicateMatch] {
        var out: [PredicateMatch] = []
        let n = t.count
        let cues = pack.cues
        var consumed = Array(repeating: false, count: n)
        var i = 0
        while i < n {
            let tok = t[i]
            guard tok.isWord, mentionAt[i] < 0, !skip[i], !consumed[i] else { i += 1; continue }
            let lexicon = pack.lexicon
            let hasPairs = lexicon.pairHeads.contains(tok.hash)
            let alone = lexicon.headOnly[tok.hash]
            guard hasPairs || alone != nil else { i += 1; continue }
            // Words in capitals mid-sentence are names or headings, not predicates; so are capitalised
            // words inside a run of capitalised words ("World War II", "Economic Cooperation").
            if tok.isAllCaps && (tok.end - tok.start) > 2 { i += 1; continue }
            if tok.isCapitalized && i > 0 && ((t[i - 1].isCapitalized && t[i - 1].isWord) || (i + 1 < n && t[i + 1].isCapitalized && t[i + 1].isWord)) {
                i += 1; continue
            }
            let prev = i > 0 ? t[i - 1] : nil
            let nounContext = prev.map { p in
                p.has(TokenFlags.possessive) || cues.determiners.contains(p.hash) || cues.prepositions.contains(p.hash)
                    || (mentionAt[i - 1] >= 0)
            } ?? false
            // After a determiner or possessive the word is a noun: verb-only entries do not apply ("a host of").
            let determinerBefore = prev.map { $0.has(TokenFlags.possessive) || cues.determiners.contains($0.hash) } ?? false
            var best: PredicateMatch?
            var bestSpec = -1
            func consider(_ e: PredicateEntry) {
                if e.specificity < bestSpec { return }
                if determinerBefore && e.kind == .verb && !e.gerund && e.specificity == 1 && prev?.hash != toHash { return }
                guard let m = match(e, at: i, t, n: n, lexiconHeads: lexicon.byHead) else { return }
                if best == nil || e.specificity > bestSpec {
                    best = m; bestSpec = e.specificity
                } else if e.specificity == bestSpec {
                    // Same length: choose noun or verb reading from the word before.
                    let curIsNoun = best!.entry.kind == .noun
                    if nounContext && !curIsNoun && e.kind == .noun { best = m }
                    if !nounContext && curIsNoun && e.kind != .noun { best = m }
                }
            }
            if hasPairs {
                // Patterns whose next word stands within reach.
                var j = i + 1
                let limit = min(n, i + PredicateEntry.gapLimit + 2)
                while j < limit {
                    if let es = lexicon.byPair[Lexicon.pairKey(tok.hash, t[j].hash)] { for e in es { consider(e) } }
                    if t[j].has(TokenFlags.terminal) { break }
                    j += 1
                }
            }
            if let alone { for e in alone { consider(e) } }
            if var m = best {
                // Complement of the previous predicate: "agreed to set up", "refused to cooperate", "promised to help".
                // Also "urged Iraq to cooperate": the complement after the object.
                if let last = out.last(where: { !$0.absorbed }), last.entry.kind != .noun, i - last.end <= 8 {
                    var k = i - 1
                    if k >= 0, t[k].hash == notHash { k -= 1 }
                    if k >= last.end || k == last.end - 1, k >= 0, t[k].hash == toHash {
                        var clean = true
                        var j = last.end
                        while j < k { if t[j].has(TokenFlags.terminal) || cues.boundaries.contains(t[j].hash) { clean = false }; j += 1 }
                        if clean { m.absorbed = true }
                    }
                }
                // Literal words of the pattern are not heads of other predicates.
                var c = m.head
                while c < m.end { if m.gap.map({ !$0.contains(c) }) ?? true { consumed[c] = true }; c += 1 }
                out.append(m)
                i = m.gap.map { $0.lowerBound } ?? m.end
                if i <= m.head { i = m.head + 1 }
                continue
            }
            i += 1
        }
        return out
    }

    static func match(_ e: PredicateEntry, at i: Int, _ t: [Token], n: Int, lexiconHeads: U64Map<[PredicateEntry]>) -> PredicateMatch? {
        var j = i + 1
        var pendingGap = false
        var gap: Range<Int>?
        for item in e.rest {
            switch item {
            case .gap:
                pendingGap = true
            case .word(let h):
                if pendingGap {
                    var k = j
                    let limit = min(n, j + PredicateEntry.gapLimit + 1)
                    var found = -1
                    while k < limit {
                        if t[k].hash == h { found = k; break }
                        if t[k].has(TokenFlags.terminal) { break }
                        k += 1
                    }
                    guard found >= 0 else { return nil }
                    if gap == nil { gap = j..<found }
                    j = found + 1
                    pendingGap = false
                } else {
                    guard j < n, t[j].hash == h else { return nil }
                    j += 1
                }
            }
        }
        if pendingGap && gap == nil { gap = j..<j }
        // "sent mercenaries to attack": an infinitive "to", not the preposition the pattern wants.
        if e.type != .demand, case .word(let h)? = e.rest.last, h == toHash, gap != nil, j < n, let next = lexiconHeads[t[j].hash],
           next.contains(where: { $0.kind == .verb }) {
            return nil
        }
        return PredicateMatch(entry: e, head: i, end: j, gap: gap)
    }
}
