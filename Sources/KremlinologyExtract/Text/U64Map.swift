/// An open-addressing hash map keyed by already well-mixed 64-bit hashes (token and phrase hashes).
///
/// Swift's `Dictionary` re-hashes every key with SipHash; our keys are FNV/phi-mixed already, so a
/// multiply-shift index and linear probing make lookups several times cheaper in the hot loops.
struct U64Map<Value: Sendable>: Sendable {
    private var keys: [UInt64]
    private var values: [Value?]
    private var used: [Bool]
    private var shift: UInt64
    private(set) var count = 0

    init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = Array(repeating: 0, count: size)
        values = Array(repeating: nil, count: size)
        used = Array(repeating: false, count: size)
        shift = UInt64(64 - size.trailingZeroBitCount)
    }

    @inline(__always)
    private func slot(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E3779B97F4A7C15) >> shift)
    }

    /// The value stored under `key`.
    @inline(__always)
    subscript(key: UInt64) -> Value? {
        get {
            let mask = keys.count - 1
            var i = slot(key)
            while used[i] {
                if keys[i] == key { return values[i] }
                i = (i + 1) & mask
            }
            return nil
        }
        set {
            guard let newValue else { return }   // removal is not needed
            if (count + 1) * 2 > keys.count { grow() }
            let mask = keys.count - 1
            var i = slot(key)
            while used[i] {
                if keys[i] == key { values[i] = newValue; return }
                i = (i + 1) & mask
            }
            used[i] = true; keys[i] = key; values[i] = newValue; count += 1
        }
    }

    @inline(__always)
    func contains(_ key: UInt64) -> Bool { self[key] != nil }

    private mutating func grow() {
        var bigger = U64Map(capacity: keys.count)
        for i in 0..<keys.count where used[i] { bigger[keys[i]] = values[i] }
        self = bigger
    }

    /// Every (key, value) pair, in no particular order.
    var pairs: [(UInt64, Value)] {
        var out: [(UInt64, Value)] = []
        for i in 0..<keys.count where used[i] { if let v = values[i] { out.append((keys[i], v)) } }
        return out
    }
}

/// A set of 64-bit hashes with the same fast lookup.
struct U64Set: Sendable, ExpressibleByArrayLiteral {
    private var map = U64Map<Bool>()

    init() {}
    init(arrayLiteral elements: UInt64...) { for e in elements { insert(e) } }
    init(words: [String]) { for w in words { insert(WordHash.of(w)) } }

    mutating func insert(_ key: UInt64) { map[key] = true }
    @inline(__always) func contains(_ key: UInt64) -> Bool { map[key] != nil }
}
