import KremlinologyModel
import KremlinologySyntax

/// Structural ties stated in a sentence: a person named together with a tie role (the `tie` kind of
/// cues.tsv) and the actor the role is held for. Read from the words around the role, after mentions
/// are found, in three patterns:
///
/// - title: "Putin's adviser Nikolai Patrushev", "Putin's longtime aide Yuri Ushakov";
/// - apposition: "Nikolai Patrushev, Putin's security adviser", "Ushakov, an aide to Putin";
/// - copula: "Patrushev is a close adviser to Putin", "Ushakov served as Putin's aide".
///
/// A negation between holder and role negates the tie ("is not an adviser to Putin"); a past
/// modifier ("a former aide") states no tie for now; a demonym is nationality, never the principal
/// ("a Russian adviser").
extension SentenceAnalysis {
    /// Modifier words allowed between the principal (or article) and the role: "a *close foreign policy* adviser".
    static let tieGapLimit = 4

    /// The ties the sentence states.
    func ties() -> [StructuralTie] {
        let cues = pack.cues
        guard !cues.ties.isEmpty, mentions.count >= 2 else { return [] }
        var out: [StructuralTie] = []
        var i = 0
        while i < t.count {
            guard let role = cues.roles.longest(in: t, at: i), let type = role.values.lazy.compactMap({ cues.ties[$0] }).first else {
                i += 1; continue
            }
            if let tie = tie(type, role: i..<(i + role.length)) { out.append(tie) }
            i += role.length
        }
        return out
    }

    /// The tie of the role at `role`, when a holder and a principal stand around it.
    private func tie(_ type: StructuralTieType, role: Range<Int>) -> StructuralTie? {
        let before = modifiers(before: role.lowerBound)
        if before.past { return nil }
        var negated = before.negated
        let principal = before.principal ?? principalAfter(role.upperBound)
        var holder: (mention: Mention, rule: String)?
        // "adviser Nikolai Patrushev": the mention finder read role and name as one title mention.
        if let m = mentions.first(where: { $0.lo == role.lowerBound && $0.hi > role.upperBound && !$0.pronoun }) {
            holder = (m, "tie:title")
        } else {
            let start = before.start
            if start > 0, t[start - 1].hash == SentenceAnalysis.commaHash, let m = mentionEnding(at: start - 1) {
                holder = (m, "tie:apposition")
            } else if let verb = copulaChain(endingAt: start), let m = mentionEnding(at: verb.start) {
                holder = (m, "tie:copula")
                negated = negated || verb.negated
            }
        }
        guard let holder, let principal, holder.mention.kind == .person, isNamed(holder.mention), isNamed(principal),
              holder.mention.name != principal.name else { return nil }
        let modality: Modality = negated ? .negated : (reportedAnywhere() ? .reported : .asserted)
        return StructuralTie(holder: holder.mention.name, holderText: holder.mention.text, type: type,
                             principal: principal.name, principalText: principal.text, modality: modality,
                             quote: quote, range: quoteRange, rule: holder.rule)
    }

    /// A pack actor (named or by a pronoun) or a titled person the pack does not know; not the
    /// narrator, a fallback or a place ("the governor of Kherson" holds no office of Ukraine's
    /// that the text states). Holders are never pronouns (see ``mentionEnding(at:)``).
    private func isNamed(_ m: Mention) -> Bool {
        m.known && m.rule != "speaker" && m.place == nil
    }

    /// Walks back from the role over modifiers, a possessive principal and an article:
    /// "Putin's longtime | adviser", "a close | adviser", "the Kremlin's | aide".
    private func modifiers(before role: Int) -> (start: Int, principal: Mention?, negated: Bool, past: Bool) {
        let cues = pack.cues
        var k = role
        var principal: Mention?
        var negated = false, past = false, words = 0
        while k > 0, words <= SentenceAnalysis.tieGapLimit {
            let tok = t[k - 1]
            if tok.has(TokenFlags.possessive) { k -= 1; continue }
            if mentionAt[k - 1] >= 0 {
                let m = mentions[mentionAt[k - 1]]
                // "Putin's adviser", "Kremlin adviser"; not "a Russian adviser" (nationality).
                let possessive = m.possessive || (m.hi < t.count && t[m.hi].has(TokenFlags.possessive))
                guard !m.demonym, possessive || m.kind != .person else { break }
                // The principal opens the noun phrase ("the Kremlin's | top adviser"): nothing before it belongs to the role.
                principal = m
                k = m.lo
                if k > 0, mentionAt[k - 1] < 0, cues.determiners.contains(t[k - 1].hash) { k -= 1 }
                break
            }
            guard tok.isWord, !tok.isCapitalized || k - 1 == 0 else { break }
            if cues.tiePast.longest(in: t, endingAt: k - 1) != nil { past = true }
            if cues.negation.word(tok.hash) != nil { negated = true }
            if cues.determiners.contains(tok.hash) { k -= 1; break }
            if cues.boundaries.contains(tok.hash) || cues.tieCopulas.containsWord(tok.hash) || cues.prepositions.contains(tok.hash) { break }
            k -= 1; words += 1
        }
        // A hyphenated past modifier: "ex-adviser", "then-aide".
        if role >= 2, t[role - 1].hash == MentionFinder.hyphenHash, cues.tiePast.longest(in: t, endingAt: role - 2) != nil { past = true }
        return (k, principal, negated, past)
    }

    /// "adviser to (the) Putin", "aide of the Russian president".
    private func principalAfter(_ end: Int) -> Mention? {
        guard end < t.count, pack.cues.tieLinks.contains(t[end].hash) else { return nil }
        var k = end + 1
        while k < t.count, mentionAt[k] < 0, pack.cues.determiners.contains(t[k].hash) { k += 1 }
        guard k < t.count, mentionAt[k] >= 0 else { return nil }
        let m = mentions[mentionAt[k]]
        return m.lo == k && !m.demonym ? m : nil
    }

    /// The mention whose last token is `k - 1`.
    private func mentionEnding(at k: Int) -> Mention? {
        guard k > 0, mentionAt[k - 1] >= 0 else { return nil }
        let m = mentions[mentionAt[k - 1]]
        return m.hi == k && !m.pronoun ? m : nil
    }

    /// The verb group ending right before `k` that states the role: copulas and auxiliaries
    /// ("is", "served as", "has long been") with negations among them ("is not", "has never been").
    private func copulaChain(endingAt k: Int) -> (start: Int, negated: Bool)? {
        var k = k, negated = false, found = false
        var steps = 0
        while k > 0, steps < 4 {
            steps += 1
            if pack.cues.negation.word(t[k - 1].hash) != nil { negated = true; k -= 1; continue }
            guard let copula = copula(endingAt: k) else { break }
            found = true
            k = copula
        }
        return found ? (k, negated) : nil
    }

    /// Where a copula ("is", "served as", "has long been") ending right before `k` starts.
    private func copula(endingAt k: Int) -> Int? {
        let longest = pack.cues.tieCopulas.maxLength
        guard longest > 0 else { return nil }
        for length in stride(from: min(longest, k), through: 1, by: -1) {
            if let match = pack.cues.tieCopulas.longest(in: t, at: k - length, limit: k), match.length == length { return k - length }
        }
        return nil
    }
}
