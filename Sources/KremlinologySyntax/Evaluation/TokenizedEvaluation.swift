import Foundation

extension SyntaxEvaluation {
    /// Scores when our own tokeniser and sentence splitter read the raw text (`# text =` lines,
    /// joined by spaces) instead of the gold words, CoNLL 2018 style: a system word counts only if
    /// its characters (whitespace ignored) are exactly those of a gold word; UPOS, lemma, UAS and
    /// LAS are F1 over words (a correct head is the word aligned to the gold head). `tokens` is
    /// the number of gold words; `words` F1 is reported in `lemma`'s place when `lemmas` is false.
    public static func ownTokenizer(_ model: SyntaxModel, _ gold: [AnnotatedSentence]) -> (scores: SyntaxScores, wordsF1: Double) {
        let text = gold.map { $0.text ?? $0.forms.joined(separator: " ") }.joined(separator: " ")
        let clock = threadCPUSeconds()
        let system = model.analyze(text)
        let seconds = threadCPUSeconds() - clock
        // Character spans (non-whitespace characters) of gold and system words, with global heads.
        struct Word { var span: Range<Int>; var tag: String; var lemma: String; var head: Int; var relation: String }
        func words(_ sentences: [AnnotatedSentence]) -> [Word] {
            var out: [Word] = [], at = 0, base = 0
            for s in sentences {
                for i in 0..<s.count {
                    let n = s.forms[i].unicodeScalars.filter { !$0.properties.isWhitespace }.count
                    out.append(Word(span: at..<(at + n), tag: s.tags[i], lemma: s.lemmas[i],
                                    head: s.heads[i] == 0 ? -1 : base + s.heads[i] - 1, relation: s.relations[i]))
                    at += n
                }
                base += s.count
            }
            return out
        }
        let g = words(gold), p = words(system.map(\.annotation))
        var goldAt: [Range<Int>: Int] = [:]
        for (i, w) in g.enumerated() { goldAt[w.span] = i }
        let aligned = p.map { goldAt[$0.span] ?? -2 }  // system word → gold word, or -2
        var matched = 0, upos = 0, lemma = 0, uas = 0, las = 0
        for (i, w) in p.enumerated() where aligned[i] >= 0 {
            let gw = g[aligned[i]]
            matched += 1
            if w.tag == gw.tag { upos += 1 }
            if w.lemma == gw.lemma { lemma += 1 }
            let head = w.head < 0 ? -1 : aligned[w.head]
            if head == gw.head { uas += 1; if w.relation == gw.relation { las += 1 } }
        }
        func f1(_ c: Int) -> Double { c == 0 ? 0 : 2 * Double(c) / Double(g.count + p.count) }
        let scores = SyntaxScores(upos: f1(upos), lemma: f1(lemma), uas: f1(uas), las: f1(las), tokens: g.count,
                                  tokensPerSecond: Double(p.count) / max(seconds, 1e-9))
        return (scores, f1(matched))
    }
}
