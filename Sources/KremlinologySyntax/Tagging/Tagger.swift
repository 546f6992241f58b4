/// A two-pass greedy averaged-perceptron tagger. Its classes are pairs of a universal tag and a
/// Penn Treebank tag (`VERB VBD`): the parser reads the finer tag, callers the universal one.
///
/// Each word is scored from its own form, affixes and shape, two words either side, the tags
/// its form had in training and the two tags already chosen; the second pass also sees the
/// first pass's tags on the right. Unknown words are tagged from affix, shape and context.
public struct Tagger: Sendable {
    /// The 17 universal tags, in class order.
    public static let tagNames = ["ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART",
                                  "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"]
    /// Class of a tag name (X for anything unknown).
    public static func tagClass(_ name: String) -> UInt8 { UInt8(tagNames.firstIndex(of: name) ?? 16) }
    /// Class of PUNCT.
    public static let punct: UInt8 = 12

    /// Number of features per word in the first pass; the second adds the tags guessed on the right.
    static let featureCount = 34
    static let secondPassCount = 39
    /// Tag class used before the first word.
    static let start: UInt64 = 99

    /// Class names, `UPOS XPOS`.
    public var classNames: [String]
    /// The universal tag class (index in `tagNames`) of each class.
    public var universal: [UInt8]
    /// The Penn Treebank tag of each class (`_` when the classes are universal tags only).
    public var fine: [String]

    /// The weights of the first pass, one row per feature, one column per tag.
    public var weights: WeightTable
    /// The weights of the second pass, which also sees the first pass's tags to the right.
    public var second: WeightTable
    /// Tags seen with each training word (lower-case hash → bit set of tag classes).
    public var lexicon: U64Map<UInt32>

    /// A tagger with the given weights and lexicon.
    public init(classNames: [String], weights: WeightTable, second: WeightTable, lexicon: U64Map<UInt32>) {
        self.classNames = classNames
        universal = classNames.map { Tagger.tagClass(String($0.split(separator: " ").first ?? "X")) }
        fine = classNames.map { name in name.split(separator: " ").dropFirst().first.map(String.init) ?? "_" }
        self.weights = weights; self.second = second; self.lexicon = lexicon
    }

    /// The class names of a treebank (`UPOS XPOS` when `fine`, else `UPOS`), most frequent first,
    /// and each sentence's classes.
    public static func classes(of sentences: [AnnotatedSentence], fine: Bool) -> (names: [String], tags: [[UInt8]]) {
        func name(_ s: AnnotatedSentence, _ i: Int) -> String { fine ? s.tags[i] + " " + s.xtags[i] : s.tags[i] }
        var counts: [String: Int] = [:]
        for s in sentences { for i in 0..<s.count { counts[name(s, i), default: 0] += 1 } }
        let names = Array(counts.keys.sorted { counts[$0]! != counts[$1]! ? counts[$0]! > counts[$1]! : $0 < $1 }.prefix(255))
        let index = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, UInt8($0)) })
        let tags = sentences.map { s in (0..<s.count).map { index[name(s, $0)] ?? 0 } }
        return (names, tags)
    }

    /// The ambiguity classes (tag bit sets seen in training, 0 if unseen) of `lex`.
    func classes(_ lex: [Lexeme]) -> [UInt64] { lex.map { UInt64(lexicon[$0.lower] ?? 0) } }

    /// The classes (`classNames`) of the words `lex`.
    public func tag(_ lex: [Lexeme]) -> [UInt8] {
        let amb = classes(lex)
        let first = Self.pass(lex, amb, nil, weights)
        return Self.pass(lex, amb, first, second)
    }

    static func pass(_ lex: [Lexeme], _ amb: [UInt64], _ right: [UInt8]?, _ table: WeightTable) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: lex.count)
        var feats = [UInt64](repeating: 0, count: right == nil ? featureCount : secondPassCount)
        var scores = [Float](repeating: 0, count: table.classes)
        for i in 0..<lex.count {
            let p1 = i > 0 ? UInt64(out[i - 1]) : Self.start
            let p2 = i > 1 ? UInt64(out[i - 2]) : Self.start
            Self.features(lex, amb, right, i, p1, p2, into: &feats)
            out[i] = UInt8(best(table, feats, &scores))
        }
        return out
    }

    @inline(__always)
    static func best(_ weights: WeightTable, _ feats: [UInt64], _ scores: inout [Float]) -> Int {
        scores.withUnsafeMutableBufferPointer { s in
            for k in 0..<s.count { s[k] = 0 }
            feats.withUnsafeBufferPointer { weights.accumulate($0, into: s.baseAddress!) }
            var b = 0
            for k in 1..<s.count where s[k] > s[b] { b = k }
            return b
        }
    }

    /// Fills `f` with the hashed features of word `i` given the two previous tags.
    @inline(__always)
    static func features(_ lex: [Lexeme], _ amb: [UInt64], _ right: [UInt8]?, _ i: Int, _ p1: UInt64, _ p2: UInt64,
                         into f: inout [UInt64]) {
        let n = lex.count
        let w = lex[i]
        let m1 = i > 0 ? lex[i - 1] : Lexeme.none
        let m2 = i > 1 ? lex[i - 2] : Lexeme.none
        let n1 = i + 1 < n ? lex[i + 1] : Lexeme.none
        let n2 = i + 2 < n ? lex[i + 2] : Lexeme.none
        let first: UInt64 = i == 0 ? 1 : 0
        f[0] = feature(1, 0)
        f[1] = feature(2, w.lower)
        f[2] = feature(3, w.exact)
        f[3] = feature(4, w.suffix.0)
        f[4] = feature(5, w.suffix.1)
        f[5] = feature(6, w.suffix.2)
        f[6] = feature(7, w.suffix.3)
        f[7] = feature(8, w.prefix.0)
        f[8] = feature(9, w.prefix.1)
        f[9] = feature(10, w.prefix.2)
        f[10] = feature(11, w.shape)
        f[11] = feature(12, UInt64(w.flags), first)
        f[12] = feature(13, p1)
        f[13] = feature(14, p1, p2)
        f[14] = feature(15, p1, w.lower)
        f[15] = feature(16, m1.lower)
        f[16] = feature(17, m1.suffix.2)
        f[17] = feature(18, m2.lower)
        f[18] = feature(19, n1.lower)
        f[19] = feature(20, n1.suffix.2)
        f[20] = feature(21, n2.lower)
        f[21] = feature(22, n1.shape, w.shape)
        f[22] = feature(23, m1.lower, w.lower)
        f[23] = feature(24, w.lower, n1.lower)
        f[24] = feature(25, p1, w.suffix.2)
        f[25] = feature(26, p2)
        f[26] = feature(27, n1.suffix.1, w.suffix.2)
        f[27] = feature(28, m1.lower, n1.lower)
        let a0 = amb[i], a1 = i + 1 < n ? amb[i + 1] : 1 << 20, a2 = i + 2 < n ? amb[i + 2] : 1 << 20
        let am1 = i > 0 ? amb[i - 1] : 1 << 20
        f[28] = feature(29, a0)
        f[29] = feature(30, a0, p1)
        f[30] = feature(31, a1)
        f[31] = feature(32, a0, a1)
        f[32] = feature(33, a2, a1)
        f[33] = feature(34, am1, a0)
        guard let r = right else { return }
        let r1 = i + 1 < n ? UInt64(r[i + 1]) : start, r2 = i + 2 < n ? UInt64(r[i + 2]) : start
        f[34] = feature(35, r1)
        f[35] = feature(36, r1, r2)
        f[36] = feature(37, r1, w.lower)
        f[37] = feature(38, p1, r1)
        f[38] = feature(39, r1, w.suffix.2)
    }

    /// Trains a tagger on `sentences` (lexemes) with gold `tags`, for `epochs` passes in an order
    /// drawn from `seed`.
    public static func train(_ sentences: [[Lexeme]], tags: [[UInt8]], classNames: [String], epochs: Int, seed: UInt64,
                             prune: Float = 0) -> Tagger {
        let universal = classNames.map { Tagger.tagClass(String($0.split(separator: " ").first ?? "X")) }
        let folds = 5
        var lexicon = U64Map<UInt32>(capacity: 1 << 15)
        var foldLexicons = [U64Map<[Int32]>](repeating: U64Map(capacity: 1 << 13), count: folds)
        var counts = U64Map<[Int32]>(capacity: 1 << 15)
        for (s, (lex, gold)) in zip(sentences, tags).enumerated() {
            for (l, t) in zip(lex, gold) {
                let t = universal[Int(t)]
                lexicon[l.lower] = (lexicon[l.lower] ?? 0) | (1 << UInt32(t))
                var c = counts[l.lower] ?? [Int32](repeating: 0, count: tagNames.count)
                c[Int(t)] += 1; counts[l.lower] = c
                var fc = foldLexicons[s % folds][l.lower] ?? [Int32](repeating: 0, count: tagNames.count)
                fc[Int(t)] += 1; foldLexicons[s % folds][l.lower] = fc
            }
        }
        // Each training sentence sees the tags its words have in the other folds only, so that
        // training meets unknown words and missing readings as often as run time does.
        let amb: [[UInt64]] = sentences.enumerated().map { s, lex in
            lex.map { l in
                guard let all = counts[l.lower] else { return 0 }
                let own = foldLexicons[s % folds][l.lower]
                var mask: UInt64 = 0
                for k in 0..<all.count where all[k] - (own?[k] ?? 0) > 0 { mask |= 1 << UInt64(k) }
                return mask
            }
        }
        let classCount = classNames.count
        let first = trainPass(sentences, amb, tags, nil, classCount, epochs: epochs, seed: seed, prune: prune)
        // The second pass learns from first-pass guesses on the right made by models that did not
        // see the sentence, as it will meet them at run time.
        var right = [[UInt8]](repeating: [], count: sentences.count)
        for k in 0..<folds {
            let trainIdx = sentences.indices.filter { $0 % folds != k }
            let model = trainPass(trainIdx.map { sentences[$0] }, trainIdx.map { amb[$0] }, trainIdx.map { tags[$0] }, nil, classCount,
                                  epochs: epochs, seed: seed &+ UInt64(k) &+ 7, prune: prune)
            for s in sentences.indices where s % folds == k { right[s] = pass(sentences[s], amb[s], nil, model) }
        }
        let second = trainPass(sentences, amb, tags, right, classCount, epochs: epochs, seed: seed &+ 1, prune: prune)
        return Tagger(classNames: classNames, weights: first, second: second, lexicon: lexicon)
    }

    static func trainPass(_ sentences: [[Lexeme]], _ amb: [[UInt64]], _ tags: [[UInt8]], _ right: [[UInt8]]?,
                          _ classCount: Int, epochs: Int, seed: UInt64, prune: Float) -> WeightTable {
        var p = PerceptronTrainer(classes: classCount)
        var rng = SeededRandom(seed: seed)
        var feats = [UInt64](repeating: 0, count: right == nil ? featureCount : secondPassCount)
        var scores = [Float](repeating: 0, count: classCount)
        var order = Array(0..<sentences.count)
        for _ in 0..<epochs {
            order = order.seededShuffle(&rng)
            for s in order {
                let lex = sentences[s], gold = tags[s]
                var guessTags = [UInt8](repeating: 0, count: lex.count)
                for i in 0..<lex.count {
                    // Previous tags are the model's own guesses, as at run time.
                    let p1 = i > 0 ? UInt64(guessTags[i - 1]) : start
                    let p2 = i > 1 ? UInt64(guessTags[i - 2]) : start
                    features(lex, amb[s], right?[s], i, p1, p2, into: &feats)
                    p.score(feats, into: &scores)
                    var b = 0
                    for k in 1..<scores.count where scores[k] > scores[b] { b = k }
                    p.update(feats, truth: Int(gold[i]), guess: b)
                    p.tick()
                    guessTags[i] = UInt8(b)
                }
            }
        }
        return p.averaged(prune: prune)
    }
}
