extension Parser {
    /// One training sentence: words, (predicted) tags, gold heads (-1 root, else 0-based) and
    /// gold relation classes.
    public struct Example: Sendable {
        var lex: [Lexeme]
        var tags: [UInt8]
        var universal: [UInt8]
        var gold: [Int32]
        var relations: [UInt8]

        /// An example from a treebank sentence, with tagger classes `tags` (jackknifed predictions)
        /// and their universal tags in place of gold tags.
        public init(_ s: AnnotatedSentence, tags: [UInt8], universal: [UInt8], relationNames: [String]) {
            lex = s.forms.map { Lexeme($0) }
            self.tags = tags
            self.universal = universal
            gold = s.heads.map { Int32($0 - 1) }
            relations = s.relations.map { UInt8(relationNames.firstIndex(of: $0) ?? 0) }
        }
    }

    /// Trains a parser. Greedy (`beam` 1): with the dynamic oracle of Goldberg & Nivre (2012),
    /// after the first epoch the parser follows its own prediction with probability `explore`,
    /// and every transition whose cost exceeds the cheapest is corrected. With a beam: globally,
    /// with the max-violation updates of Huang et al. (2012) (`OracleTrainer.learnBeam`).
    public static func train(_ examples: [Example], relationNames: [String], epochs: Int, seed: UInt64,
                             explore: Double = 0.9, prune: Float = 0, beam: Int = 1, progress: ((Int) -> Void)? = nil) -> Parser {
        var trainer = OracleTrainer(relations: relationNames.count, seed: seed, explore: explore)
        var order = Array(0..<examples.count)
        for epoch in 0..<epochs {
            order = order.seededShuffle(&trainer.rng)
            for e in order {
                if beam > 1 { trainer.learnBeam(examples[e], width: beam) } else { trainer.learn(examples[e], exploring: epoch > 0) }
            }
            progress?(epoch + 1)
        }
        return Parser(transitions: trainer.moves.averaged(prune: prune), relations: trainer.labels.averaged(prune: prune),
                      relationNames: relationNames, beam: beam)
    }
}

/// The state of parser training: both perceptrons, the random draws and scratch buffers.
struct OracleTrainer {
    var moves = PerceptronTrainer(classes: ArcEagerState.moves)
    var labels: PerceptronTrainer
    var rng: SeededRandom
    let explore: Double
    var feats = [UInt64](repeating: 0, count: ParserFeatures.count)
    var lfeats = [UInt64](repeating: 0, count: ParserFeatures.labelCount)
    var scores = [Float](repeating: 0, count: ArcEagerState.moves)
    var lscores: [Float]
    var history = BeamSearch.History()

    init(relations: Int, seed: UInt64, explore: Double) {
        labels = PerceptronTrainer(classes: relations)
        rng = SeededRandom(seed: seed)
        self.explore = explore
        lscores = [Float](repeating: 0, count: relations)
    }

    /// Parses one example, correcting every move that costs more than the cheapest.
    mutating func learn(_ ex: Parser.Example, exploring: Bool) {
        var st = ArcEagerState(count: ex.lex.count)
        let ctx = ParserFeatures.Context(ex.lex, ex.tags, ex.universal)
        while !st.isTerminal {
            ctx.words.withUnsafeBufferPointer { w in ctx.tags.withUnsafeBufferPointer { t in
                ctx.suffixes.withUnsafeBufferPointer { sf in ctx.punct.withUnsafeBufferPointer { pc in
                    feats.withUnsafeMutableBufferPointer { ParserFeatures.fill(st, w, t, sf, pc, into: $0.baseAddress!) }
                } }
            } }
            moves.score(feats, into: &scores)
            let guess = Parser.argmax(st, scores)
            let target = cheapest(st, ex)
            if st.cost(guess, gold: ex.gold) > st.cost(target, gold: ex.gold) {
                moves.update(feats, truth: target.rawValue, guess: guess.rawValue)
            }
            moves.tick()
            let follow = exploring && Double(rng.next() % 1_000_000) / 1_000_000 < explore
            let m = follow ? guess : target
            var label: UInt8 = 0
            if m == .left || m == .right {
                let (h, d) = m == .left ? (st.b, st.s0) : (st.s0, st.b)
                label = learnLabel(st, h, d, ex, ctx)
            }
            st.apply(m, label: label)
        }
    }

    /// The best-scoring of the valid moves that cost least: all of them are correct.
    func cheapest(_ st: ArcEagerState, _ ex: Parser.Example) -> ArcEagerState.Move {
        var costs = [Int](repeating: Int.max, count: ArcEagerState.moves)
        var least = Int.max
        for k in 0..<ArcEagerState.moves where st.isValid(ArcEagerState.Move(rawValue: k)!) {
            costs[k] = st.cost(ArcEagerState.Move(rawValue: k)!, gold: ex.gold)
            least = min(least, costs[k])
        }
        var target = -1
        for k in 0..<ArcEagerState.moves where costs[k] == least {
            if target < 0 || scores[k] > scores[target] { target = k }
        }
        return ArcEagerState.Move(rawValue: target)!
    }

    /// The relation of the new arc `h → d`: learnt (and gold) when the arc is gold, else predicted.
    mutating func learnLabel(_ st: ArcEagerState, _ h: Int, _ d: Int, _ ex: Parser.Example,
                             _ ctx: ParserFeatures.Context) -> UInt8 {
        ctx.words.withUnsafeBufferPointer { w in ctx.tags.withUnsafeBufferPointer { t in
            lfeats.withUnsafeMutableBufferPointer { ParserFeatures.fillLabel(st, head: h, dependent: d, w, t, into: $0.baseAddress!) }
        } }
        labels.score(lfeats, into: &lscores)
        var b = 0
        for k in 1..<lscores.count where lscores[k] > lscores[b] { b = k }
        guard ex.gold[d] == Int32(h) else { return UInt8(b) }
        labels.update(lfeats, truth: Int(ex.relations[d]), guess: b)
        labels.tick()
        return ex.relations[d]
    }
}
