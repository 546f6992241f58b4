/// The hashed lexical facts about one word that the tagger, lemmatiser and parser read:
/// lower-cased form, exact form, prefixes, suffixes, shape and a few flags.
///
/// Computed once per word from its UTF-8 bytes, so features of unknown words (suffix,
/// shape, capitalisation, hyphen, digits) cost no string work.
public struct Lexeme: Sendable {
    /// Hash of the lower-cased form.
    public var lower: UInt64
    /// Hash of the exact form.
    public var exact: UInt64
    /// Hashes of the last 1…4 lower-cased bytes.
    public var suffix: (UInt64, UInt64, UInt64, UInt64)
    /// Hashes of the first 1…3 lower-cased bytes.
    public var prefix: (UInt64, UInt64, UInt64)
    /// Hash of the collapsed shape (`Xx`, `d`, `x-x`, `X.X.`).
    public var shape: UInt64
    /// Bits of `Lexeme.Flag`.
    public var flags: UInt8
    /// Length in bytes.
    public var length: Int

    /// Bits of `flags`.
    public enum Flag {
        /// Starts with an upper-case ASCII letter.
        public static let capitalized: UInt8 = 1
        /// Two or more upper-case letters and no lower-case one.
        public static let allCaps: UInt8 = 2
        /// Contains a digit.
        public static let digit: UInt8 = 4
        /// Contains a hyphen.
        public static let hyphen: UInt8 = 8
        /// Letters only.
        public static let alpha: UInt8 = 16
        /// Neither letters nor digits.
        public static let punct: UInt8 = 32
    }

    /// The placeholder for positions outside the sentence.
    public static let none = Lexeme(lower: 0x51, exact: 0x52, suffix: (0x53, 0x54, 0x55, 0x56), prefix: (0x57, 0x58, 0x59),
                                    shape: 0x5A, flags: 0, length: 0)

    init(lower: UInt64, exact: UInt64, suffix: (UInt64, UInt64, UInt64, UInt64), prefix: (UInt64, UInt64, UInt64),
         shape: UInt64, flags: UInt8, length: Int) {
        self.lower = lower; self.exact = exact; self.suffix = suffix; self.prefix = prefix
        self.shape = shape; self.flags = flags; self.length = length
    }

    /// The lexeme of `bytes`.
    public init(_ bytes: UnsafeBufferPointer<UInt8>) {
        let n = bytes.count
        var lower = WordHash.offset, exact = WordHash.offset, shape = WordHash.offset
        var flags: UInt8 = 0
        var upper = 0, lowerCount = 0, lastClass: UInt8 = 0
        for (k, b) in bytes.enumerated() {
            let l = WordHash.lower(b)
            lower = WordHash.add(lower, l)
            exact = WordHash.add(exact, b)
            var cls: UInt8
            if b >= 65 && b <= 90 { cls = 88; upper += 1; if k == 0 { flags |= Flag.capitalized } }
            else if b >= 97 && b <= 122 { cls = 120; lowerCount += 1 }
            else if b >= 48 && b <= 57 { cls = 100; flags |= Flag.digit }
            else if b >= 0x80 { cls = 120; lowerCount += 1 }
            else { cls = b; if b == 45 { flags |= Flag.hyphen } }
            if cls != lastClass || (cls != 88 && cls != 120 && cls != 100) { shape = WordHash.add(shape, cls) }
            lastClass = cls
        }
        if upper >= 2 && lowerCount == 0 { flags |= Flag.allCaps }
        if upper + lowerCount == n { flags |= Flag.alpha }
        if upper + lowerCount == 0 && flags & Flag.digit == 0 { flags |= Flag.punct }
        func affix(_ from: Int, _ to: Int, _ seed: UInt64) -> UInt64 {
            var h = seed
            for k in max(0, from)..<max(0, min(n, to)) { h = WordHash.add(h, WordHash.lower(bytes[k])) }
            return h
        }
        self.lower = lower
        self.exact = exact ^ 0x5bd1e995
        self.suffix = (affix(n - 1, n, 11), affix(n - 2, n, 12), affix(n - 3, n, 13), affix(n - 4, n, 14))
        self.prefix = (affix(0, 1, 21), affix(0, 2, 22), affix(0, 3, 23))
        self.shape = shape
        self.flags = flags
        self.length = n
    }

    /// The lexeme of a word given as a string.
    public init(_ form: String) {
        var f = form
        self = f.withUTF8 { Lexeme($0) }
    }
}

/// Hashing of feature templates: a template number and up to three values.
@inline(__always)
func feature(_ template: UInt64, _ a: UInt64) -> UInt64 {
    ((a ^ (template &* 0x9E3779B97F4A7C15)) &* 0xBF58476D1CE4E5B9) ^ template
}

@inline(__always)
func feature(_ template: UInt64, _ a: UInt64, _ b: UInt64) -> UInt64 {
    feature(template, WordHash.combine(a, b))
}

@inline(__always)
func feature(_ template: UInt64, _ a: UInt64, _ b: UInt64, _ c: UInt64) -> UInt64 {
    feature(template, WordHash.combine(WordHash.combine(a, b), c))
}

/// A small deterministic random generator (SplitMix64), so that training is reproducible.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    var state: UInt64
    /// A generator starting from `seed`.
    public init(seed: UInt64) { state = seed }
    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
}

extension Array {
    /// The elements in a shuffled order drawn from `rng` (Fisher–Yates, same order for the same seed).
    func seededShuffle(_ rng: inout SeededRandom) -> [Element] {
        var a = self
        if a.count < 2 { return a }
        for i in stride(from: a.count - 1, to: 0, by: -1) {
            let j = Int(rng.next() % UInt64(i + 1))
            a.swapAt(i, j)
        }
        return a
    }
}
