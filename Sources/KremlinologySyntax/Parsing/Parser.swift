/// An arc-eager dependency parser: one averaged perceptron scores the transitions (4 classes)
/// and a second picks the relation of each arc, so a step scores 4 classes and only arcs score
/// the ~50 relations. Greedy with `beam` 1, else a beam search (`BeamSearch`).
public struct Parser: Sendable {
    /// Transition weights (shift, reduce, left-arc, right-arc).
    public var transitions: WeightTable {
        didSet { fastTransitions = InlineTable(transitions) }
    }
    /// `transitions` with rows inside their slots, for scoring.
    var fastTransitions: InlineTable
    /// Relation weights, one column per relation of `relationNames`.
    public var relations: WeightTable
    /// Universal Dependencies relation names, in class order.
    public var relationNames: [String]
    /// Width of the beam (1: greedy).
    public var beam: Int
    /// Hypotheses whose score falls this far below the best one's leave the beam (0: none do).
    public var beamMargin: Float = 0

    /// A parser with the given weights.
    public init(transitions: WeightTable, relations: WeightTable, relationNames: [String], beam: Int = 1) {
        self.transitions = transitions; self.relations = relations; self.relationNames = relationNames
        self.beam = max(1, beam)
        fastTransitions = InlineTable(transitions)
    }

    /// Heads (0 for the root, else 1-based) and relation classes of a sentence of words with
    /// tagger classes `tags` and universal tags `universal`.
    public func parse(_ lex: [Lexeme], tags: [UInt8], universal: [UInt8]) -> (heads: [Int], relations: [Int]) {
        let n = lex.count
        if n == 0 { return ([], []) }
        if beam > 1 { return parseBeam(lex, tags: tags, universal: universal, width: beam) }
        var st = ArcEagerState(count: n)
        let ctx = ParserFeatures.Context(lex, tags, universal)
        var feats = [UInt64](repeating: 0, count: ParserFeatures.count)
        var lfeats = [UInt64](repeating: 0, count: ParserFeatures.labelCount)
        var scores = [Float](repeating: 0, count: ArcEagerState.moves)
        var lscores = [Float](repeating: 0, count: relations.classes)
        ctx.words.withUnsafeBufferPointer { w in
            ctx.tags.withUnsafeBufferPointer { t in
              ctx.suffixes.withUnsafeBufferPointer { sf in
                ctx.punct.withUnsafeBufferPointer { pc in
                while !st.isTerminal {
                    let m = bestMove(&st, w, t, sf, pc, &feats, &scores)
                    var label: UInt8 = 0
                    if m == .left || m == .right {
                        let (h, d) = m == .left ? (st.b, st.s0) : (st.s0, st.b)
                        label = bestLabel(st, h, d, w, t, &lfeats, &lscores)
                    }
                    st.apply(m, label: label)
                }
                }
              }
            }
        }
        return finish(st, tags: universal)
    }

    @inline(__always)
    func bestMove(_ st: inout ArcEagerState, _ w: UnsafeBufferPointer<UInt64>, _ t: UnsafeBufferPointer<UInt64>,
                  _ sf: UnsafeBufferPointer<UInt64>, _ pc: UnsafeBufferPointer<UInt64>, _ feats: inout [UInt64], _ scores: inout [Float]) -> ArcEagerState.Move {
        feats.withUnsafeMutableBufferPointer { f in
            ParserFeatures.fill(st, w, t, sf, pc, into: f.baseAddress!)
            let sum = fastTransitions.score(UnsafeBufferPointer(f))
            for k in 0..<ArcEagerState.moves { scores[k] = sum[k] }
        }
        return Parser.argmax(st, scores)
    }

    @inline(__always)
    static func argmax(_ st: ArcEagerState, _ scores: [Float]) -> ArcEagerState.Move {
        var best = ArcEagerState.Move.shift
        var bestScore = -Float.infinity
        for k in 0..<ArcEagerState.moves {
            let m = ArcEagerState.Move(rawValue: k)!
            if scores[k] > bestScore && st.isValid(m) { best = m; bestScore = scores[k] }
        }
        return best
    }

    @inline(__always)
    func bestLabel(_ st: ArcEagerState, _ h: Int, _ d: Int, _ w: UnsafeBufferPointer<UInt64>, _ t: UnsafeBufferPointer<UInt64>,
                   _ feats: inout [UInt64], _ scores: inout [Float]) -> UInt8 {
        feats.withUnsafeMutableBufferPointer { f in
            ParserFeatures.fillLabel(st, head: h, dependent: d, w, t, into: f.baseAddress!)
            scores.withUnsafeMutableBufferPointer { s in
                for k in 0..<s.count { s[k] = 0 }
                relations.accumulate(UnsafeBufferPointer(f), into: s.baseAddress!)
            }
        }
        var b = 0
        for k in 1..<scores.count where scores[k] > scores[b] { b = k }
        return UInt8(b)
    }

    /// Keeps one root: the first headless word; the other headless words attach to it.
    func finish(_ st: ArcEagerState, tags: [UInt8]) -> (heads: [Int], relations: [Int]) {
        var heads = st.heads.map { Int($0) + 1 }
        var rels = st.labels.map { Int($0) }
        let rootClass = relationNames.firstIndex(of: "root") ?? 0
        let punct = relationNames.firstIndex(of: "punct") ?? 0
        let parataxis = relationNames.firstIndex(of: "parataxis") ?? 0
        var root = -1
        for i in 0..<heads.count where heads[i] == 0 {
            if root < 0 { root = i; rels[i] = rootClass; continue }
            heads[i] = root + 1
            rels[i] = tags[i] == Tagger.punct ? punct : parataxis
        }
        return (heads, rels)
    }
}
