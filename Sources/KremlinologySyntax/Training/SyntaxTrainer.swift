import Foundation

/// How a model is trained; the defaults are the settings of the shipped model.
public struct TrainingOptions: Sendable {
    /// Seed of every shuffle and exploration draw.
    public var seed: UInt64 = 1
    /// Passes over the treebank for the tagger, the lemmatiser and the parser.
    public var tagEpochs = 8, lemmaEpochs = 5, parseEpochs = 8
    /// Width of the parser's beam, in training and parsing (1: greedy, trained with the dynamic
    /// oracle; more: beam search trained globally with max-violation updates).
    public var beam = 4
    /// Parsing drops hypotheses this far (in transition-score units) below the best one.
    public var beamMargin: Float = 120
    /// Whether the tagger's classes pair each universal tag with its Penn Treebank tag.
    public var fineTags = false
    /// Folds of the jackknife that gives the parser predicted tags to train on.
    public var folds = 5
    /// Rows whose largest |weight| is at most this are dropped from the model.
    public var tagPrune: Float = 1, parsePrune: Float = 2.2
    /// The default settings.
    public init() {}
}

/// Trains a `SyntaxModel` on treebank sentences, deterministically for a given seed.
public enum SyntaxTrainer {
    /// A model trained on `train`; `log` receives one line per stage.
    public static func train(_ train: [AnnotatedSentence], options: TrainingOptions = TrainingOptions(),
                             log: @escaping (String) -> Void = { _ in }) -> SyntaxModel {
        let clock = Date()
        let say: (String) -> Void = { s in log(String(format: "%6.1f s  ", Date().timeIntervalSince(clock)) + s) }
        let lex = train.map { $0.forms.map { Lexeme($0) } }
        let (classNames, gold) = Tagger.classes(of: train, fine: options.fineTags)
        let tagger = Tagger.train(lex, tags: gold, classNames: classNames, epochs: options.tagEpochs,
                                  seed: options.seed, prune: options.tagPrune)
        say("tagger: \(classNames.count) classes, \(tagger.weights.count + tagger.second.count) features")
        let predicted = jackknife(lex, gold, classNames, options, say)
        let lemmatizer = Lemmatizer.train(train, epochs: options.lemmaEpochs, seed: options.seed &+ 3)
        say("lemmatiser: \(lemmatizer.lookup.count) forms, \(lemmatizer.scripts.count) edit scripts")
        let relationNames = relations(of: train)
        let universal = classNames.map { Tagger.tagClass(String($0.split(separator: " ").first ?? "X")) }
        let examples = zip(train, predicted).map { s, tags in
            Parser.Example(s, tags: tags, universal: tags.map { universal[Int($0)] }, relationNames: relationNames)
        }
        var parser = Parser.train(examples, relationNames: relationNames, epochs: options.parseEpochs,
                                  seed: options.seed &+ 5, prune: options.parsePrune, beam: options.beam,
                                  progress: { say("parser epoch \($0)") })
        parser.beamMargin = options.beam > 1 ? options.beamMargin : 0
        say("parser: \(parser.transitions.count) transition features, \(parser.relations.count) relation features")
        return SyntaxModel(tagger: tagger, lemmatizer: lemmatizer, parser: parser)
    }

    /// Tags of every training sentence predicted by a tagger trained on the other folds, so the
    /// parser learns from tags as wrong as those it will see.
    static func jackknife(_ lex: [[Lexeme]], _ gold: [[UInt8]], _ classNames: [String], _ options: TrainingOptions,
                          _ say: (String) -> Void) -> [[UInt8]] {
        var out = [[UInt8]](repeating: [], count: lex.count)
        let folds = max(2, options.folds)
        for k in 0..<folds {
            let idx = lex.indices.filter { $0 % folds != k }
            let t = Tagger.train(idx.map { lex[$0] }, tags: idx.map { gold[$0] }, classNames: classNames,
                                 epochs: options.tagEpochs, seed: options.seed &+ 11 &+ UInt64(k))
            for i in lex.indices where i % folds == k { out[i] = t.tag(lex[i]) }
            say("jackknife fold \(k + 1)/\(folds)")
        }
        return out
    }

    /// Relation names of a treebank, most frequent first (ties by name).
    static func relations(of sentences: [AnnotatedSentence]) -> [String] {
        var counts: [String: Int] = [:]
        for s in sentences { for r in s.relations { counts[r, default: 0] += 1 } }
        if counts["root"] == nil { counts["root"] = 0 }
        return Array(counts.keys.sorted { counts[$0]! != counts[$1]! ? counts[$0]! > counts[$1]! : $0 < $1 }.prefix(250))
    }
}
