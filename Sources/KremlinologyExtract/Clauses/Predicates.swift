import KremlinologyModel

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
        var i = 0
        while i < n {
            let tok = t[i]
            guard tok.isWord, mentionAt[i] < 0, !skip[i], let entries = pack.lexicon.byHead[tok.hash] else { i += 1; continue }
            // Words in capitals mid-sentence are names or headings, not predicates.
            if tok.isAllCaps && (tok.end - tok.start) > 2 { i += 1; continue }
            let prev = i > 0 ? t[i - 1] : nil
            let nounContext = prev.map { p in
                p.has(TokenFlags.possessive) || cues.determiners.contains(p.hash) || cues.prepositions.contains(p.hash)
                    || (mentionAt[i - 1] >= 0)
            } ?? false
            var best: PredicateMatch?
            var bestSpec = -1
            for e in entries {
                if e.specificity < bestSpec { break }
                guard let m = match(e, at: i, t, n: n) else { continue }
                if best == nil {
                    best = m; bestSpec = e.specificity
                } else if e.specificity == bestSpec {
                    // Same length: choose noun or verb reading from the word before.
                    let curIsNoun = best!.entry.kind == .noun
                    if nounContext && !curIsNoun && e.kind == .noun { best = m }
                    if !nounContext && curIsNoun && e.kind != .noun { best = m }
                }
            }
            if var m = best {
                // Complement of the previous predicate: "agreed to set up", "refused to cooperate", "promised to help".
                if let last = out.last, !last.absorbed, last.entry.kind != .noun {
                    var k = last.end
                    if let g = last.gap, g.upperBound > k { k = g.upperBound }
                    if k < n, t[k].hash == toHash { k += 1 }
                    if k < n, t[k].hash == notHash { k += 1 }
                    if k == i && k > last.end { m.absorbed = true }
                }
                out.append(m)
                i = m.gap.map { $0.lowerBound } ?? m.end
                if i <= m.head { i = m.head + 1 }
                continue
            }
            i += 1
        }
        return out
    }

    static func match(_ e: PredicateEntry, at i: Int, _ t: [Token], n: Int) -> PredicateMatch? {
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
        return PredicateMatch(entry: e, head: i, end: j, gap: gap)
    }
}
