import KremlinologyModel
import KremlinologySyntax

/// The time of an event (issue 13 item 5): from its own clause, not from another year of the
/// same sentence. "Russia, which annexed Crimea in 2014, invaded Ukraine in 2022" dates the
/// annexation 2014 and the invasion 2022; "Russia, which annexed Crimea in 2014, threatens
/// Moldova" leaves the threat undated; "since 2014, when Russia annexed Crimea" dates the
/// annexation by the year its clause modifies.
extension SentenceAnalysis {
    /// Every time expression of the sentence, in order, with the token it stands on: "in 2014" →
    /// 2014; "on November 8" → YYYY-11-08 with the document's year; "18 February 2017" → 2017-02-18.
    func times() -> [(token: Int, value: String)] {
        var found: [(token: Int, value: String)] = []
        let n = t.count
        func number(_ k: Int) -> Int? {
            guard k >= 0, k < n, t[k].has(TokenFlags.number), t[k].end - t[k].start <= 4 else { return nil }
            var v = 0
            for b in bytes[t[k].start..<t[k].end] { guard b >= 48 && b <= 57 else { return nil }; v = v * 10 + Int(b - 48) }
            return v
        }
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        for k in 0..<n {
            guard let month = pack.cues.months[t[k].hash], t[k].isCapitalized || input.text.utf8.count > 0 else { continue }
            if (t[k].hash == SentenceAnalysis.mayHash || t[k].hash == SentenceAnalysis.marchHash) && !t[k].isCapitalized { continue }
            // Month D[, YYYY]
            if let d = number(k + 1), (1...31).contains(d) {
                var y: Int?
                if let yy = number(k + 2), yy >= 1000 { y = yy } else if k + 3 < n, t[k + 2].hash == SentenceAnalysis.commaHash, let yy = number(k + 3), yy >= 1000 { y = yy }
                if let y { found.append((k, "\(y)-\(two(month))-\(two(d))")) } else if let year { found.append((k, "\(year)-\(two(month))-\(two(d))")) }
                continue
            }
            // D Month YYYY
            if let d = number(k - 1), (1...31).contains(d) {
                if let y = number(k + 1), y >= 1000 { found.append((k, "\(y)-\(two(month))-\(two(d))")) } else if let year {
                    found.append((k, "\(year)-\(two(month))-\(two(d))"))
                }
                continue
            }
            // Month YYYY
            if let y = number(k + 1), y >= 1000 { found.append((k, "\(y)-\(two(month))")) }
        }
        // A year already part of a date above is not a time of its own.
        let covered = Set(found.flatMap { [$0.token - 1, $0.token + 1, $0.token + 2, $0.token + 3] })
        for k in 0..<n {
            if let y = number(k), y >= 1800 && y <= 2100, t[k].end - t[k].start == 4, k > 0,
               SentenceAnalysis.yearPrepositions.contains(t[k - 1].hash), !covered.contains(k) {
                found.append((k, String(y)))
            }
        }
        return found.sorted { $0.token < $1.token }
    }


    /// The time of predicate `p`: the time expression of its own clause in the parse (the one whose
    /// nearest verb above it is the predicate's); without a parse, the sentence's first.
    mutating func time(for p: PredicateMatch, among times: [(token: Int, value: String)]) -> String? {
        guard !times.isEmpty else { return nil }
        guard scope(of: p) != nil, let tree, p.head < tree.wordOfToken.count, tree.wordOfToken[p.head] >= 0 else {
            return times.first?.value
        }
        let clause = tree.clause(of: tree.wordOfToken[p.head])
        var unattached: String?
        for time in times where time.token < tree.wordOfToken.count {
            let w = tree.wordOfToken[time.token]
            guard w >= 0 else { continue }
            let own = tree.clause(of: w)
            // Its own clause, or a clause that modifies the date ("since 2014, *when* Russia annexed Crimea"),
            // however the parser attached the "when" clause.
            if own == clause || tree.heads[clause] == w || tree.isWhenClause(clause, after: w) { return time.value }
            // A time the parse hangs on no verb ("In 2019" taken for the root) belongs to no clause
            // in particular: it may still date the event when its own clause has none.
            if tree.tags[own] != "VERB", unattached == nil { unattached = time.value }
        }
        return unattached
    }
}

extension SentenceTree {
    /// Whether clause `c` opens with "when" right after the date at word `w` ("2014, when …").
    func isWhenClause(_ c: Int, after w: Int) -> Bool {
        children[c].contains { k in k < c && forms[k].lowercased() == "when" && k > w && k - w <= 2 }
    }

    /// The clause word `w` belongs to: the nearest verb at or above it (the root when none).
    func clause(of w: Int) -> Int {
        var x = w, steps = 0
        while steps < 32 {
            if tags[x] == "VERB" || heads[x] < 0 { return x }
            // An auxiliary or copula serves the word it attaches to.
            x = heads[x]
            steps += 1
        }
        return x
    }
}
