/// Feature weights of a linear classifier: an open-addressing table from a hashed feature to a
/// row of a contiguous `[row × classes]` matrix.
///
/// Scoring a decision costs one probe per feature and one contiguous add of `classes` floats,
/// which is what keeps tagging and parsing above 100,000 tokens per second on one core.
public struct WeightTable: Sendable {
    /// Number of classes (columns of the matrix).
    public let classes: Int
    /// One slot of the open-addressing table: key and row side by side, so a probe touches one cache line.
    @usableFromInline struct Slot: Sendable {
        @usableFromInline var key: UInt64
        @usableFromInline var row: Int32
        @usableFromInline init(key: UInt64, row: Int32) { self.key = key; self.row = row }
    }
    @usableFromInline var slots: [Slot]
    @usableFromInline var weights: [Float]
    @usableFromInline var shift: UInt64
    /// Number of features with a row.
    public private(set) var count = 0

    /// An empty table for `classes` classes with room for `capacity` features.
    public init(classes: Int, capacity: Int = 1024) {
        self.classes = classes
        var size = 16
        while size * 7 < capacity * 10 { size <<= 1 }
        slots = Array(repeating: Slot(key: 0, row: -1), count: size)
        weights = []
        weights.reserveCapacity(capacity * classes)
        shift = UInt64(64 - size.trailingZeroBitCount)
    }

    @inlinable @inline(__always)
    func slot(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E3779B97F4A7C15) >> shift) }

    /// The row of `key`, or -1.
    @inlinable @inline(__always)
    public func row(_ key: UInt64) -> Int {
        slots.withUnsafeBufferPointer { s in
            let mask = s.count - 1
            var i = slot(key)
            while true {
                let e = s[i]
                if e.row < 0 { return -1 }
                if e.key == key { return Int(e.row) }
                i = (i + 1) & mask
            }
        }
    }

    /// The row of `key`, adding a zero row when it is new.
    public mutating func rowAdding(_ key: UInt64) -> Int {
        let found = row(key)
        if found >= 0 { return found }
        if (count + 1) * 10 > slots.count * 7 { grow() }
        let mask = slots.count - 1
        var i = slot(key)
        while slots[i].row >= 0 { i = (i + 1) & mask }
        slots[i] = Slot(key: key, row: Int32(count))
        count += 1
        weights.append(contentsOf: repeatElement(0, count: classes))
        return count - 1
    }

    mutating func grow() {
        let old = slots
        var size = slots.count * 2
        if size < 16 { size = 16 }
        slots = Array(repeating: Slot(key: 0, row: -1), count: size)
        shift = UInt64(64 - size.trailingZeroBitCount)
        let mask = size - 1
        for e in old where e.row >= 0 {
            var i = slot(e.key)
            while slots[i].row >= 0 { i = (i + 1) & mask }
            slots[i] = e
        }
    }

    /// Adds the rows of `features` into `scores` (which must hold `classes` values).
    ///
    /// Two passes: the first only probes the table (independent loads the CPU overlaps), the
    /// second adds the rows found; scoring is bound by memory latency, not arithmetic.
    @inlinable
    public func accumulate(_ features: UnsafeBufferPointer<UInt64>, into scores: UnsafeMutablePointer<Float>) {
        let c = classes
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: features.count) { found in
            var n = 0
            slots.withUnsafeBufferPointer { s in
                let mask = s.count - 1
                for f in features {
                    var i = slot(f)
                    while true {
                        let e = s[i]
                        if e.row < 0 { break }
                        if e.key == f { found[n] = e.row; n += 1; break }
                        i = (i + 1) & mask
                    }
                }
            }
            weights.withUnsafeBufferPointer { w in
                for j in 0..<n {
                    let base = w.baseAddress! + Int(found[j]) * c
                    for k in 0..<c { scores[k] += base[k] }
                }
            }
        }
    }

    /// The weight of `key` for class `c` (0 when absent).
    public func weight(_ key: UInt64, _ c: Int) -> Float {
        let r = row(key)
        return r < 0 ? 0 : weights[r * classes + c]
    }

    /// Adds `delta` to the weight of row `r`, class `c`.
    @inline(__always)
    public mutating func add(row r: Int, class c: Int, _ delta: Float) { weights[r * classes + c] += delta }

    /// Every (feature, row) pair, in row order.
    public var entries: [(key: UInt64, row: Int)] {
        var out = Array(repeating: (key: UInt64(0), row: 0), count: count)
        for e in slots where e.row >= 0 { out[Int(e.row)] = (e.key, Int(e.row)) }
        return out
    }

    /// The table without the rows whose largest |weight| is at most `threshold`.
    public func pruned(_ threshold: Float) -> WeightTable {
        var out = WeightTable(classes: classes, capacity: count / 2)
        for (key, r) in entries {
            let w = Array(rowWeights(r))
            if (w.map { abs($0) }.max() ?? 0) <= threshold { continue }
            out.setRow(out.rowAdding(key), w)
        }
        return out
    }

    /// The weights of row `r`.
    public func rowWeights(_ r: Int) -> ArraySlice<Float> { weights[(r * classes)..<((r + 1) * classes)] }

    /// Sets the weights of row `r`.
    public mutating func setRow(_ r: Int, _ values: [Float]) {
        for k in 0..<classes { weights[r * classes + k] = values[k] }
    }
}

/// An averaged perceptron being trained: current weights plus the sums that give the average.
///
/// Averaging uses the trick of Daumé (2006): keep `u += t·δ` beside `w += δ`; the average after
/// `t` updates is `w − u/t`, so no per-weight timestamps are needed.
public struct PerceptronTrainer: Sendable {
    /// Current (not averaged) weights.
    public private(set) var table: WeightTable
    var sums: [Double] = []
    /// Number of training instances seen so far (the clock of the average).
    public private(set) var time: Double = 1

    /// A perceptron with `classes` classes.
    public init(classes: Int) { table = WeightTable(classes: classes, capacity: 1 << 16) }

    /// Advances the clock by one instance.
    public mutating func tick() { time += 1 }

    /// Adds the current scores of `features` into `scores`.
    public func score(_ features: [UInt64], into scores: inout [Float]) {
        for k in 0..<scores.count { scores[k] = 0 }
        features.withUnsafeBufferPointer { f in
            scores.withUnsafeMutableBufferPointer { s in table.accumulate(f, into: s.baseAddress!) }
        }
    }

    /// Rewards `truth` and penalises `guess` on `features`.
    public mutating func update(_ features: [UInt64], truth: Int, guess: Int) {
        guard truth != guess else { return }
        let c = table.classes
        for f in features {
            let r = table.rowAdding(f)
            if sums.count < table.weights.count { sums.append(contentsOf: repeatElement(0, count: table.weights.count - sums.count)) }
            table.add(row: r, class: truth, 1)
            table.add(row: r, class: guess, -1)
            sums[r * c + truth] += time
            sums[r * c + guess] -= time
        }
    }

    /// Adds `delta` to the weight of class `c` on every feature of `features`.
    public mutating func add(_ features: [UInt64], class c: Int, _ delta: Float) {
        let classes = table.classes
        for f in features {
            let r = table.rowAdding(f)
            if sums.count < table.weights.count { sums.append(contentsOf: repeatElement(0, count: table.weights.count - sums.count)) }
            table.add(row: r, class: c, delta)
            sums[r * classes + c] += time * Double(delta)
        }
    }

    /// The averaged weights, with rows whose largest |weight| is below `prune` dropped.
    public func averaged(prune: Float = 0) -> WeightTable {
        var out = WeightTable(classes: table.classes, capacity: table.count)
        let c = table.classes
        var row = [Float](repeating: 0, count: c)
        for (key, r) in table.entries {
            var big: Float = 0
            for k in 0..<c {
                let w = Double(table.weights[r * c + k]) - sums[r * c + k] / time
                row[k] = Float(w)
                big = max(big, abs(row[k]))
            }
            if big <= prune { continue }
            let nr = out.rowAdding(key)
            out.setRow(nr, row)
        }
        return out
    }
}
