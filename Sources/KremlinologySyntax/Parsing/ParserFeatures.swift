/// The feature templates of the parser: those of Zhang & Nivre (2011) for arc-eager (words,
/// tags, pairs and triples of S0, N0…N2; distance; valency; heads, grandparents, first and
/// second children and their labels; label sets), plus the second stack word.
enum ParserFeatures {
    static let count = 86
    static let none: UInt64 = 0xFFFF_0001
    static let noLabel: UInt64 = 255

    /// Distance between two positions, in buckets (1, 2, 3, 4, 5–9, 10+).
    @inline(__always)
    static func distance(_ a: Int, _ b: Int) -> UInt64 {
        let d = abs(a - b)
        return d < 5 ? UInt64(d) : (d < 10 ? 5 : 6)
    }

    /// Fills `f` with the features of `st`; `words` are lower-case hashes, `tags` tag classes.
    @inline(__always)
    static func fill(_ st: ArcEagerState, _ words: UnsafeBufferPointer<UInt64>, _ tags: UnsafeBufferPointer<UInt64>,
                     _ suffixes: UnsafeBufferPointer<UInt64>, _ punct: UnsafeBufferPointer<UInt64>,
                     into f: UnsafeMutablePointer<UInt64>) {
        let n = st.n
        @inline(__always) func w(_ i: Int) -> UInt64 { i >= 0 && i < n ? words[i] : none }
        @inline(__always) func p(_ i: Int) -> UInt64 { i >= 0 && i < n ? tags[i] : none }
        @inline(__always) func l(_ i: Int) -> UInt64 { i >= 0 ? UInt64(st.labels[i]) : noLabel }
        let s0 = st.s0
        let s1 = st.stack.count > 1 ? Int(st.stack[st.stack.count - 2]) : -1
        let n0 = st.b < n ? st.b : -1, n1 = st.b + 1 < n ? st.b + 1 : -1, n2 = st.b + 2 < n ? st.b + 2 : -1
        let s0h = s0 >= 0 ? Int(st.heads[s0]) : -1
        let s0h2 = s0h >= 0 ? Int(st.heads[s0h]) : -1
        let s0l = s0 >= 0 ? Int(st.left1[s0]) : -1, s0l2 = s0 >= 0 ? Int(st.left2[s0]) : -1
        let s0r = s0 >= 0 ? Int(st.right1[s0]) : -1, s0r2 = s0 >= 0 ? Int(st.right2[s0]) : -1
        let n0l = n0 >= 0 ? Int(st.left1[n0]) : -1, n0l2 = n0 >= 0 ? Int(st.left2[n0]) : -1
        let s0w = w(s0), s0p = p(s0), n0w = w(n0), n0p = p(n0), n1w = w(n1), n1p = p(n1), n2w = w(n2), n2p = p(n2)
        let s0wp = WordHash.combine(s0w, s0p), n0wp = WordHash.combine(n0w, n0p)
        let d: UInt64 = s0 >= 0 && n0 >= 0 ? distance(s0, n0) : 7
        let s0vl: UInt64 = s0 >= 0 ? UInt64(st.leftCount[s0]) : 99, s0vr: UInt64 = s0 >= 0 ? UInt64(st.rightCount[s0]) : 99
        let n0vl: UInt64 = n0 >= 0 ? UInt64(st.leftCount[n0]) : 99
        let s0sl = s0 >= 0 ? st.leftLabels[s0] : 1 << 63, s0sr = s0 >= 0 ? st.rightLabels[s0] : 1 << 63
        let n0sl = n0 >= 0 ? st.leftLabels[n0] : 1 << 63
        f[0] = feature(101, s0wp); f[1] = feature(102, s0w); f[2] = feature(103, s0p)
        f[3] = feature(104, n0wp); f[4] = feature(105, n0w); f[5] = feature(106, n0p)
        f[6] = feature(107, n1w, n1p); f[7] = feature(108, n1w); f[8] = feature(109, n1p)
        f[9] = feature(110, n2w, n2p); f[10] = feature(111, n2w); f[11] = feature(112, n2p)
        f[12] = feature(113, s0wp, n0wp); f[13] = feature(114, s0wp, n0w); f[14] = feature(115, s0w, n0wp)
        f[15] = feature(116, s0wp, n0p); f[16] = feature(117, s0p, n0wp); f[17] = feature(118, s0w, n0w)
        f[18] = feature(119, s0p, n0p); f[19] = feature(120, n0p, n1p)
        f[20] = feature(121, n0p, n1p, n2p); f[21] = feature(122, s0p, n0p, n1p)
        f[22] = feature(123, p(s0h), s0p, n0p); f[23] = feature(124, s0p, p(s0l), n0p)
        f[24] = feature(125, s0p, p(s0r), n0p); f[25] = feature(126, s0p, n0p, p(n0l))
        f[26] = feature(127, s0w, d); f[27] = feature(128, s0p, d); f[28] = feature(129, n0w, d)
        f[29] = feature(130, n0p, d); f[30] = feature(131, s0w, n0w, d); f[31] = feature(132, s0p, n0p, d)
        f[32] = feature(133, s0w, s0vr); f[33] = feature(134, s0p, s0vr); f[34] = feature(135, s0w, s0vl)
        f[35] = feature(136, s0p, s0vl); f[36] = feature(137, n0w, n0vl); f[37] = feature(138, n0p, n0vl)
        f[38] = feature(139, w(s0h)); f[39] = feature(140, p(s0h)); f[40] = feature(141, l(s0))
        f[41] = feature(142, w(s0l)); f[42] = feature(143, p(s0l)); f[43] = feature(144, l(s0l))
        f[44] = feature(145, w(s0r)); f[45] = feature(146, p(s0r)); f[46] = feature(147, l(s0r))
        f[47] = feature(148, w(n0l)); f[48] = feature(149, p(n0l)); f[49] = feature(150, l(n0l))
        f[50] = feature(151, w(s0h2)); f[51] = feature(152, p(s0h2)); f[52] = feature(153, l(s0h))
        f[53] = feature(154, w(s0l2)); f[54] = feature(155, p(s0l2)); f[55] = feature(156, l(s0l2))
        f[56] = feature(157, w(s0r2)); f[57] = feature(158, p(s0r2)); f[58] = feature(159, l(s0r2))
        f[59] = feature(160, w(n0l2)); f[60] = feature(161, p(n0l2)); f[61] = feature(162, l(n0l2))
        f[62] = feature(163, s0p, p(s0l), p(s0l2)); f[63] = feature(164, s0p, p(s0r), p(s0r2))
        f[64] = feature(165, s0p, p(s0h), p(s0h2)); f[65] = feature(166, n0p, p(n0l), p(n0l2))
        f[66] = feature(167, s0w, s0sr); f[67] = feature(168, s0p, s0sr); f[68] = feature(169, s0w, s0sl)
        f[69] = feature(170, s0p, s0sl); f[70] = feature(171, n0w, n0sl); f[71] = feature(172, n0p, n0sl)
        f[72] = feature(173, p(s1), s0p, n0p); f[73] = feature(174, w(s1), s0p)
        f[74] = feature(175, 0)
        f[75] = feature(176, s0 >= 0 && st.heads[s0] >= 0 ? 1 : 0, n0p, s0p)
        f[76] = feature(177, p(s1), l(s1), n0p)
        f[77] = feature(178, s0p, l(s0), n0p)
        f[78] = feature(179, p(s0 >= 0 ? s0 + 1 : -1), s0p, n0p)
        f[79] = feature(180, p(n0 > 0 ? n0 - 1 : -1), s0p, n0p)
        f[80] = feature(181, n1p, n2p, p(st.b + 3 < n ? st.b + 3 : -1))
        f[81] = feature(182, s0 >= 0 ? suffixes[s0] : none, n0p)
        f[82] = feature(183, n0 >= 0 ? suffixes[n0] : none, s0p)
        let between: UInt64 = s0 >= 0 && n0 >= 0 ? min(3, punct[n0] - punct[s0 + 1]) : 9
        f[83] = feature(184, between, s0p, n0p)
        let s2 = st.stack.count > 2 ? Int(st.stack[st.stack.count - 3]) : -1
        f[84] = feature(185, p(s2), p(s1), s0p)
        f[85] = feature(186, between, d, n0p)
    }

    /// Per-sentence arrays the features read: lower-case word hashes, tag classes, 3-byte
    /// suffix hashes and a running count of punctuation (`punct[i]` = PUNCT tags before `i`).
    struct Context {
        var words: [UInt64], tags: [UInt64], suffixes: [UInt64], punct: [UInt64]
        init(_ lex: [Lexeme], _ tagClasses: [UInt8], _ universal: [UInt8]) {
            words = lex.map(\.lower)
            tags = tagClasses.map { UInt64($0) }
            suffixes = lex.map(\.suffix.2)
            punct = [UInt64](repeating: 0, count: lex.count + 1)
            for i in 0..<lex.count { punct[i + 1] = punct[i] + (universal[i] == Tagger.punct ? 1 : 0) }
        }
    }

    static let labelCount = 26

    /// Fills `f` with the features for choosing the relation of the arc `head → dep`.
    @inline(__always)
    static func fillLabel(_ st: ArcEagerState, head h: Int, dependent dep: Int,
                          _ words: UnsafeBufferPointer<UInt64>, _ tags: UnsafeBufferPointer<UInt64>,
                          into f: UnsafeMutablePointer<UInt64>) {
        let n = st.n
        @inline(__always) func p(_ i: Int) -> UInt64 { i >= 0 && i < n ? tags[i] : none }
        @inline(__always) func w(_ i: Int) -> UInt64 { i >= 0 && i < n ? words[i] : none }
        let hw = words[h], hp = tags[h], dw = words[dep], dp = tags[dep]
        let dir: UInt64 = dep < h ? 1 : 2
        let dist = distance(h, dep)
        let hh = Int(st.heads[h])
        f[0] = feature(201, hw, dir); f[1] = feature(202, hp, dir); f[2] = feature(203, dw, dir)
        f[3] = feature(204, dp, dir); f[4] = feature(205, hp, dp, dir); f[5] = feature(206, hw, dp, dir)
        f[6] = feature(207, hp, dw, dir); f[7] = feature(208, hw, dw, dir); f[8] = feature(209, hp, dp, dist &+ dir << 8)
        f[9] = feature(210, dp, st.leftLabels[dep], dir); f[10] = feature(211, dp, st.rightLabels[dep], dir)
        f[11] = feature(212, hp, st.leftLabels[h], dir); f[12] = feature(213, hp, st.rightLabels[h], dir)
        f[13] = feature(214, hp, hh >= 0 ? UInt64(st.labels[h]) : 255, dp)
        f[14] = feature(215, p(dep - 1), dp, dir); f[15] = feature(216, dp, p(dep + 1), dir)
        f[16] = feature(217, p(h - 1), hp, dp); f[17] = feature(218, hp, p(h + 1), dp)
        f[18] = feature(219, dp, p(Int(st.left1[dep])), dir); f[19] = feature(220, dw, hp, p(hh))
        f[20] = feature(221, hp, p(hh), dp); f[21] = feature(222, dp, UInt64(st.leftCount[dep]), dir)
        f[22] = feature(223, w(dep - 1), dp, dir); f[23] = feature(224, dp, w(Int(st.left1[dep])))
        f[24] = feature(225, dw, dp, hp); f[25] = feature(226, 0)
    }
}
