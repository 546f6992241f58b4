/// The configuration of the arc-eager transition system (Nivre 2003) over one sentence, with the
/// child, valency and label-set bookkeeping the rich features of Zhang & Nivre (2011) read.
///
/// There is no root token: a word still without a head when the buffer is empty is reduced
/// headless and becomes a root candidate (`Parser.finish` keeps one root).
struct ArcEagerState {
    /// Transitions, as classes of the transition classifier.
    enum Move: Int { case shift = 0, reduce = 1, left = 2, right = 3 }
    static let moves = 4

    let n: Int
    var stack: [Int32] = []
    /// Front of the buffer (the buffer is `b..<n`).
    var b = 0
    var heads: [Int32]
    var labels: [UInt8]
    var left1: [Int32], left2: [Int32], right1: [Int32], right2: [Int32]
    var leftCount: [UInt8], rightCount: [UInt8]
    var leftLabels: [UInt64], rightLabels: [UInt64]

    init(count n: Int) {
        self.n = n
        stack.reserveCapacity(n)
        heads = Array(repeating: -1, count: n)
        labels = Array(repeating: 255, count: n)
        left1 = heads; left2 = heads; right1 = heads; right2 = heads
        leftCount = Array(repeating: 0, count: n); rightCount = leftCount
        leftLabels = Array(repeating: 0, count: n); rightLabels = leftLabels
    }

    /// Becomes a copy of `o` (a configuration of the same sentence) without allocating: the beam
    /// recycles its states. Words after the front of both buffers have no arcs in either, so
    /// only the words up to there are copied.
    mutating func assign(_ o: ArcEagerState) {
        let m = Swift.min(n, Swift.max(b, o.b) + 1)
        b = o.b
        stack.removeAll(keepingCapacity: true); stack.append(contentsOf: o.stack)
        Self.copy(&heads, o.heads, m); Self.copy(&labels, o.labels, m)
        Self.copy(&left1, o.left1, m); Self.copy(&left2, o.left2, m); Self.copy(&right1, o.right1, m); Self.copy(&right2, o.right2, m)
        Self.copy(&leftCount, o.leftCount, m); Self.copy(&rightCount, o.rightCount, m)
        Self.copy(&leftLabels, o.leftLabels, m); Self.copy(&rightLabels, o.rightLabels, m)
    }

    /// Copies the first `count` elements of `b` over those of `a`.
    @inline(__always)
    static func copy<T>(_ a: inout [T], _ b: [T], _ count: Int) {
        a.withUnsafeMutableBufferPointer { d in
            b.withUnsafeBufferPointer { s in if count > 0 { d.baseAddress!.update(from: s.baseAddress!, count: count) } }
        }
    }

    var isTerminal: Bool { b >= n && stack.isEmpty }
    var s0: Int { stack.isEmpty ? -1 : Int(stack[stack.count - 1]) }

    func isValid(_ m: Move) -> Bool {
        switch m {
        case .shift: return b < n
        case .reduce: return !stack.isEmpty && (heads[s0] >= 0 || b >= n)
        case .left: return !stack.isEmpty && b < n && heads[s0] < 0
        case .right: return !stack.isEmpty && b < n
        }
    }

    /// Applies `m`; for an arc, `label` is the relation class of the new dependent.
    mutating func apply(_ m: Move, label: UInt8) {
        switch m {
        case .shift: stack.append(Int32(b)); b += 1
        case .reduce: stack.removeLast()
        case .left: addArc(head: b, dependent: s0, label: label); stack.removeLast()
        case .right: addArc(head: s0, dependent: b, label: label); stack.append(Int32(b)); b += 1
        }
    }

    mutating func addArc(head h: Int, dependent d: Int, label: UInt8) {
        heads[d] = Int32(h)
        labels[d] = label
        let dd = Int32(d)
        if d < h {
            if left1[h] < 0 || dd < left1[h] { left2[h] = left1[h]; left1[h] = dd } else if left2[h] < 0 || dd < left2[h] { left2[h] = dd }
            leftCount[h] &+= 1
            leftLabels[h] |= 1 << UInt64(label & 63)
        } else {
            if right1[h] < 0 || dd > right1[h] { right2[h] = right1[h]; right1[h] = dd } else if right2[h] < 0 || dd > right2[h] { right2[h] = dd }
            rightCount[h] &+= 1
            rightLabels[h] |= 1 << UInt64(label & 63)
        }
    }

    /// The number of gold arcs that become unreachable if `m` is applied (Goldberg & Nivre 2012);
    /// `gold[d]` is the gold head of `d`, or -1 for the root.
    func cost(_ m: Move, gold: [Int32]) -> Int {
        let s = s0
        var c = 0
        switch m {
        case .shift:
            for k in stack {
                let k = Int(k)
                if gold[k] == Int32(b) && heads[k] < 0 { c += 1 }
                if gold[b] == Int32(k) { c += 1 }
            }
        case .reduce:
            if b < n { for k in b..<n where gold[k] == Int32(s) { c += 1 } }
        case .left:
            for k in b..<n where gold[k] == Int32(s) { c += 1 }
            let g = Int(gold[s])
            if g < 0 || (g > b && g < n) { c += 1 }
        case .right:
            let g = Int(gold[b])
            if g < 0 { c += 1 } else if g != s && (g > b || stack.contains(Int32(g))) { c += 1 }
            for k in stack where gold[Int(k)] == Int32(b) && heads[Int(k)] < 0 { c += 1 }
        }
        return c
    }
}
