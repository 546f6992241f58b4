/// A read-only copy of a `WeightTable` of at most 4 classes with each row stored inside its
/// hash slot, so that scoring a feature touches one cache line instead of two: the parser's
/// transition table, probed ~170 times a word, is the hottest memory of parsing.
struct InlineTable: Sendable {
    struct Slot: Sendable {
        var weights: SIMD4<Float>
        var key: UInt64
        var used: Bool
    }
    let slots: [Slot]
    let shift: UInt64

    init(_ table: WeightTable) {
        precondition(table.classes <= 4, "InlineTable holds at most 4 classes")
        var size = 16
        while size * 7 < table.count * 10 { size <<= 1 }
        var slots = [Slot](repeating: Slot(weights: .zero, key: 0, used: false), count: size)
        let shift = UInt64(64 - size.trailingZeroBitCount)
        let mask = size - 1
        for (key, r) in table.entries {
            var w = SIMD4<Float>.zero
            for (k, v) in table.rowWeights(r).enumerated() { w[k] = v }
            var i = Int(truncatingIfNeeded: (key &* 0x9E3779B97F4A7C15) >> shift)
            while slots[i].used { i = (i + 1) & mask }
            slots[i] = Slot(weights: w, key: key, used: true)
        }
        self.slots = slots
        self.shift = shift
    }

    /// The summed rows of `features` (absent features add nothing).
    @inline(__always)
    func score(_ features: UnsafeBufferPointer<UInt64>) -> SIMD4<Float> {
        var sum = SIMD4<Float>.zero
        slots.withUnsafeBufferPointer { s in
            let mask = s.count - 1
            for f in features {
                var i = Int(truncatingIfNeeded: (f &* 0x9E3779B97F4A7C15) >> shift)
                while s[i].used {
                    if s[i].key == f { sum += s[i].weights; break }
                    i = (i + 1) & mask
                }
            }
        }
        return sum
    }
}
