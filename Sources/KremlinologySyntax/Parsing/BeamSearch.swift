/// Beam search over arc-eager transitions (Zhang & Clark 2008; Zhang & Nivre 2011): the `beam`
/// best partial parses survive each step, scored by the sum of their transition scores; the
/// relation of each arc is picked by the relation classifier when the arc is made.
///
/// Every parse of n words takes exactly 2n transitions (each word is pushed once, by SHIFT or
/// RIGHT, and popped once, by REDUCE or LEFT), so the hypotheses of a beam stay aligned.
/// Hypotheses more than `Parser.beamMargin` behind the best leave the beam early.
struct BeamSearch {
    /// A hypothesis of the beam in training (its configuration is kept in a separate array).
    struct Item {
        var score: Float
        /// Index of this item's step in `History` (-1 for the start).
        var last: Int32
        /// Whether every move so far is the oracle's (training only).
        var gold: Bool
    }

    /// A candidate extension: item, move and the score it would have.
    struct Candidate {
        var score: Float
        var item: Int32
        var move: UInt8
    }

    /// Back-pointers of every item made, to replay a hypothesis' moves (training only).
    struct History {
        var parent: [Int32] = []
        var move: [UInt8] = []
        var label: [UInt8] = []
        mutating func add(_ p: Int32, _ m: UInt8, _ l: UInt8) -> Int32 {
            parent.append(p); move.append(m); label.append(l)
            return Int32(parent.count - 1)
        }
        mutating func clear() { parent.removeAll(keepingCapacity: true); move.removeAll(keepingCapacity: true); label.removeAll(keepingCapacity: true) }
        /// The moves and labels ending at `end`, in order.
        func path(_ end: Int32) -> [(ArcEagerState.Move, UInt8)] {
            var out: [(ArcEagerState.Move, UInt8)] = []
            var i = end
            while i >= 0 { out.append((ArcEagerState.Move(rawValue: Int(move[Int(i)]))!, label[Int(i)])); i = parent[Int(i)] }
            return out.reversed()
        }
    }

    /// Keeps the `k` best candidates in `c` (score descending, ties by item then move), sorted.
    @inline(__always)
    static func select(_ c: inout [Candidate], _ k: Int) {
        c.sort { a, b in
            if a.score != b.score { return a.score > b.score }
            if a.item != b.item { return a.item < b.item }
            return a.move < b.move
        }
        if c.count > k { c.removeLast(c.count - k) }
    }
}

extension Parser {
    /// Beam-search parse of a sentence; see `BeamSearch`.
    func parseBeam(_ lex: [Lexeme], tags: [UInt8], universal: [UInt8], width k: Int) -> (heads: [Int], relations: [Int]) {
        let n = lex.count
        let margin = beamMargin
        let ctx = ParserFeatures.Context(lex, tags, universal)
        var feats = [UInt64](repeating: 0, count: ParserFeatures.count)
        var lfeats = [UInt64](repeating: 0, count: ParserFeatures.labelCount)
        var lscores = [Float](repeating: 0, count: relations.classes)
        // Room for 2k states, made when first needed (the margin often keeps the beam narrow)
        // and then recycled: the beam reads them in place, never copying their arrays.
        let pool = UnsafeMutablePointer<ArcEagerState>.allocate(capacity: 2 * k)
        var made = [Bool](repeating: false, count: 2 * k)
        pool.initialize(to: ArcEagerState(count: n))
        made[0] = true
        defer {
            for j in 0..<(2 * k) where made[j] { (pool + j).deinitialize(count: 1) }
            pool.deallocate()
        }
        var states = pool, nextStates = pool + k
        var scoresOf = [Float](repeating: 0, count: k), nextScores = scoresOf
        var live = 1
        var cands: [BeamSearch.Candidate] = []
        cands.reserveCapacity(4 * k)
        var labelKeys = [UInt64](repeating: 0, count: 256), labelValues = [UInt8](repeating: 0, count: 256)
        ctx.words.withUnsafeBufferPointer { w in
            ctx.tags.withUnsafeBufferPointer { t in
              ctx.suffixes.withUnsafeBufferPointer { sf in
                ctx.punct.withUnsafeBufferPointer { pc in
                for _ in 0..<(2 * n) {
                    cands.removeAll(keepingCapacity: true)
                    for i in 0..<live {
                        let sum = feats.withUnsafeMutableBufferPointer { f in
                            ParserFeatures.fill(states[i], w, t, sf, pc, into: f.baseAddress!)
                            return fastTransitions.score(UnsafeBufferPointer(f))
                        }
                        let st = states + i
                        for m in 0..<ArcEagerState.moves where st.pointee.isValid(ArcEagerState.Move(rawValue: m)!) {
                            cands.append(BeamSearch.Candidate(score: scoresOf[i] + sum[m], item: Int32(i), move: UInt8(m)))
                        }
                    }
                    BeamSearch.select(&cands, k)
                    // Hypotheses far behind the best are dropped: most steps are easy, and a
                    // narrower beam there costs nothing in accuracy.
                    if margin > 0 {
                        let floor = cands[0].score - margin
                        var keep = 1
                        while keep < cands.count && cands[keep].score >= floor { keep += 1 }
                        if keep < cands.count { cands.removeLast(cands.count - keep) }
                    }
                    for (j, c) in cands.enumerated() {
                        let st = nextStates + j
                        if !made[st - pool] { st.initialize(to: ArcEagerState(count: n)); made[st - pool] = true }
                        st.pointee.assign(states[Int(c.item)])
                        let m = ArcEagerState.Move(rawValue: Int(c.move))!
                        var label: UInt8 = 0
                        if m == .left || m == .right {
                            let (h, d) = m == .left ? (st.pointee.b, st.pointee.s0) : (st.pointee.s0, st.pointee.b)
                            // Hypotheses often make the same arc in the same surroundings: the
                            // relation depends only on the label features, so reuse it.
                            lfeats.withUnsafeMutableBufferPointer { ParserFeatures.fillLabel(st.pointee, head: h, dependent: d, w, t, into: $0.baseAddress!) }
                            var key: UInt64 = 0x9E37
                            for f in lfeats { key = (key ^ f) &* 0x100000001b3 }
                            key |= 1
                            let slot = Int(truncatingIfNeeded: key >> 56)
                            if labelKeys[slot] == key { label = labelValues[slot] } else {
                                label = bestLabel(st.pointee, h, d, w, t, &lfeats, &lscores)
                                labelKeys[slot] = key; labelValues[slot] = label
                            }
                        }
                        st.pointee.apply(m, label: label)
                        nextScores[j] = c.score
                    }
                    live = cands.count
                    swap(&states, &nextStates); swap(&scoresOf, &nextScores)
                }
                }
              }
            }
        }
        return finish(states[0], tags: universal)
    }
}

extension OracleTrainer {
    /// The move of the static arc-eager oracle: LEFT or RIGHT for a gold arc, REDUCE once the
    /// top of the stack has its head and no dependent left in the buffer, else SHIFT.
    func staticOracle(_ st: ArcEagerState, _ gold: [Int32]) -> ArcEagerState.Move {
        let s = st.s0, b = st.b, n = st.n
        if s >= 0 && b < n {
            if gold[s] == Int32(b) && st.heads[s] < 0 { return .left }
            if gold[b] == Int32(s) { return .right }
        }
        if s >= 0 {
            if b >= n { return .reduce }
            if st.heads[s] >= 0 {
                var pending = false
                for k in b..<n where gold[k] == Int32(s) { pending = true; break }
                if !pending { return .reduce }
            }
        }
        return .shift
    }

    /// Learns from one example with beam search and the max-violation update of Huang et al.
    /// (2012): the gold sequence is rewarded and the best hypothesis penalised up to the step
    /// where the best hypothesis beats the gold prefix by most. The relation classifier learns
    /// locally from the gold arcs.
    mutating func learnBeam(_ ex: Parser.Example, width k: Int) {
        let n = ex.lex.count
        if n == 0 { return }
        let ctx = ParserFeatures.Context(ex.lex, ex.tags, ex.universal)
        let steps = 2 * n
        // The gold sequence, its prefix scores, and the relation classifier's lesson.
        var goldMoves: [(ArcEagerState.Move, UInt8)] = []
        var goldScore = [Float](repeating: 0, count: steps)
        var st = ArcEagerState(count: n)
        var total: Float = 0
        for step in 0..<steps {
            fillFeatures(st, ctx)
            moves.score(feats, into: &scores)
            let m = staticOracle(st, ex.gold)
            total += scores[m.rawValue]
            goldScore[step] = total
            var label: UInt8 = 0
            if m == .left || m == .right {
                let (h, d) = m == .left ? (st.b, st.s0) : (st.s0, st.b)
                label = learnLabel(st, h, d, ex, ctx)
            }
            goldMoves.append((m, label))
            st.apply(m, label: label)
        }
        // The beam.
        history.clear()
        var states = (0..<k).map { _ in ArcEagerState(count: n) }, nextStates = (0..<k).map { _ in ArcEagerState(count: n) }
        var beam = [BeamSearch.Item(score: 0, last: -1, gold: true)]
        var next: [BeamSearch.Item] = []
        var cands: [BeamSearch.Candidate] = []
        var worst: Float = 0, worstStep = -1, worstEnd: Int32 = -1
        for step in 0..<steps {
            cands.removeAll(keepingCapacity: true)
            next.removeAll(keepingCapacity: true)
            for (i, item) in beam.enumerated() {
                fillFeatures(states[i], ctx)
                moves.score(feats, into: &scores)
                for m in 0..<ArcEagerState.moves where states[i].isValid(ArcEagerState.Move(rawValue: m)!) {
                    cands.append(BeamSearch.Candidate(score: item.score + scores[m], item: Int32(i), move: UInt8(m)))
                }
            }
            BeamSearch.select(&cands, k)
            let gm = goldMoves[step].0.rawValue
            for (j, c) in cands.enumerated() {
                let parent = beam[Int(c.item)]
                nextStates[j].assign(states[Int(c.item)])
                let s = nextStates[j]
                let m = ArcEagerState.Move(rawValue: Int(c.move))!
                let isGold = parent.gold && Int(c.move) == gm
                var label: UInt8 = 0
                if isGold { label = goldMoves[step].1 } else if m == .left || m == .right {
                    let (h, d) = m == .left ? (s.b, s.s0) : (s.s0, s.b)
                    label = predictLabel(s, h, d, ctx)
                }
                nextStates[j].apply(m, label: label)
                let last = history.add(parent.last, c.move, label)
                next.append(BeamSearch.Item(score: c.score, last: last, gold: isGold))
            }
            swap(&beam, &next); swap(&states, &nextStates)
            let best = beam[0]
            if !best.gold {
                let v = best.score - goldScore[step]
                if v > worst || (worstStep < 0 && v >= 0) { worst = v; worstStep = step; worstEnd = best.last }
            }
        }
        moves.tick()
        guard worstStep >= 0 else { return }
        // Replay both prefixes up to the worst step: +1 on gold moves, -1 on predicted ones.
        let predictedMoves = history.path(worstEnd)
        var a = ArcEagerState(count: n), g = ArcEagerState(count: n)
        for step in 0...worstStep {
            let (pm, pl) = predictedMoves[step], (gm, gl) = goldMoves[step]
            fillFeatures(g, ctx)
            moves.add(feats, class: gm.rawValue, 1)
            fillFeatures(a, ctx)
            moves.add(feats, class: pm.rawValue, -1)
            g.apply(gm, label: gl)
            a.apply(pm, label: pl)
        }
    }

    mutating func fillFeatures(_ st: ArcEagerState, _ ctx: ParserFeatures.Context) {
        ctx.words.withUnsafeBufferPointer { w in ctx.tags.withUnsafeBufferPointer { t in
            ctx.suffixes.withUnsafeBufferPointer { sf in ctx.punct.withUnsafeBufferPointer { pc in
                feats.withUnsafeMutableBufferPointer { ParserFeatures.fill(st, w, t, sf, pc, into: $0.baseAddress!) }
            } }
        } }
    }

    /// The relation the relation classifier gives the arc `h → d` now (no learning).
    mutating func predictLabel(_ st: ArcEagerState, _ h: Int, _ d: Int, _ ctx: ParserFeatures.Context) -> UInt8 {
        ctx.words.withUnsafeBufferPointer { w in ctx.tags.withUnsafeBufferPointer { t in
            lfeats.withUnsafeMutableBufferPointer { ParserFeatures.fillLabel(st, head: h, dependent: d, w, t, into: $0.baseAddress!) }
        } }
        labels.score(lfeats, into: &lscores)
        var b = 0
        for k in 1..<lscores.count where lscores[k] > lscores[b] { b = k }
        return UInt8(b)
    }
}
