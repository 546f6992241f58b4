/// An open-addressing hash map keyed by already well-mixed 64-bit hashes (token and phrase hashes).
///
/// Swift's `Dictionary` re-hashes every key with SipHash; our keys are FNV/phi-mixed already, so a
/// multiply-shift index and linear probing make lookups several times cheaper in the hot loops.
public struct U64Map<Value: Sendable>: Sendable {
    @usableFromInline var keys: [UInt64]
    @usableFromInline var values: [Value?]
    @usableFromInline var used: [Bool]
    @usableFromInline var shift: UInt64
    /// Number of keys stored.
    public private(set) var count = 0

    /// An empty map with room for `capacity` keys before it grows.
    public init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = Array(repeating: 0, count: size)
        values = Array(repeating: nil, count: size)
        used = Array(repeating: false, count: size)
        shift = UInt64(64 - size.trailingZeroBitCount)
    }

    @inlinable @inline(__always)
    func slot(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E3779B97F4A7C15) >> shift)
    }

    /// The value stored under `key`.
    @inlinable @inline(__always)
    public subscript(key: UInt64) -> Value? {
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
            store(key, newValue)
        }
    }

    @usableFromInline
    mutating func store(_ key: UInt64, _ newValue: Value) {
        if (count + 1) * 2 > keys.count { grow() }
        let mask = keys.count - 1
        var i = slot(key)
        while used[i] {
            if keys[i] == key { values[i] = newValue; return }
            i = (i + 1) & mask
        }
        used[i] = true; keys[i] = key; values[i] = newValue; count += 1
    }

    /// Whether `key` is stored.
    @inlinable @inline(__always)
    public func contains(_ key: UInt64) -> Bool { self[key] != nil }

    @usableFromInline mutating func grow() {
        var bigger = U64Map(capacity: keys.count)
        for i in 0..<keys.count where used[i] { bigger[keys[i]] = values[i] }
        self = bigger
    }

    /// Every (key, value) pair, in no particular order.
    public var pairs: [(UInt64, Value)] {
        var out: [(UInt64, Value)] = []
        for i in 0..<keys.count where used[i] { if let v = values[i] { out.append((keys[i], v)) } }
        return out
    }
}

/// A set of 64-bit hashes with the same fast lookup.
public struct U64Set: Sendable, ExpressibleByArrayLiteral {
    @usableFromInline var map = U64Map<Bool>()

    /// An empty set.
    public init() {}
    /// A set of the given hashes.
    public init(arrayLiteral elements: UInt64...) { for e in elements { insert(e) } }
    /// A set of the hashes of lower-case `words`.
    public init(words: [String]) { for w in words { insert(WordHash.of(w)) } }

    /// Adds `key`.
    public mutating func insert(_ key: UInt64) { map[key] = true }
    /// Whether `key` is in the set.
    @inlinable @inline(__always) public func contains(_ key: UInt64) -> Bool { map[key] != nil }
}
