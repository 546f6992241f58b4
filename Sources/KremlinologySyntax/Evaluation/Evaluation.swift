import Foundation

/// Accuracy figures of a model on a gold treebank, CoNLL 2018 style: every word counts,
/// punctuation included. With our own tokeniser the figures are F1 over aligned words.
public struct SyntaxScores: Sendable, Codable, Equatable {
    /// Universal tag accuracy (or F1).
    public var upos: Double
    /// Lemma accuracy (or F1).
    public var lemma: Double
    /// Unlabelled attachment score.
    public var uas: Double
    /// Labelled attachment score.
    public var las: Double
    /// Gold words.
    public var tokens: Int
    /// Words tagged, lemmatised and parsed per CPU second of one thread.
    public var tokensPerSecond: Double

    enum CodingKeys: String, CodingKey {
        case upos, lemma, uas, las, tokens
        case tokensPerSecond = "tokens_per_second"
    }
}

/// Evaluation of a model against gold CoNLL-U.
public enum SyntaxEvaluation {
    /// CPU seconds used by the calling thread: throughput "on one core" that other processes
    /// sharing the machine do not distort.
    public static func threadCPUSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    /// Scores on the gold words of `gold` (the model tags, lemmatises and parses the gold tokens).
    public static func goldTokens(_ model: SyntaxModel, _ gold: [AnnotatedSentence], lemmas: Bool = true) -> SyntaxScores {
        var upos = 0, lemma = 0, uas = 0, las = 0, n = 0
        let lex = gold.map { $0.forms.map { Lexeme($0) } }
        let clock = threadCPUSeconds()
        let predicted = zip(gold, lex).map { model.annotate($0.forms, $1, lemmas: lemmas) }
        let seconds = threadCPUSeconds() - clock
        for (g, p) in zip(gold, predicted) {
            for i in 0..<g.count {
                n += 1
                if g.tags[i] == p.tags[i] { upos += 1 }
                if g.lemmas[i] == p.lemmas[i] { lemma += 1 }
                if g.heads[i] == p.heads[i] {
                    uas += 1
                    if g.relations[i] == p.relations[i] { las += 1 }
                }
            }
        }
        let d = Double(max(1, n))
        return SyntaxScores(upos: Double(upos) / d, lemma: lemmas ? Double(lemma) / d : 0, uas: Double(uas) / d,
                            las: Double(las) / d, tokens: n, tokensPerSecond: Double(n) / max(seconds, 1e-9))
    }
}
