/// One word or punctuation mark of a text, as byte offsets plus a case-folded hash.
///
/// Tokens never own a `String`: the hash identifies the lower-cased word (with ’ folded to ')
/// and lexicon tables are keyed by it, so matching allocates nothing.
public struct Token: Sendable, Equatable {
    /// First byte in the text.
    public var start: Int
    /// One past the last byte.
    public var end: Int
    /// FNV-1a hash of the lower-cased bytes.
    public var hash: UInt64
    /// Bit set of `TokenFlags`.
    public var flags: UInt16

    /// A token of bytes `start..<end` with its hash and flags.
    @inlinable
    public init(start: Int, end: Int, hash: UInt64, flags: UInt16) {
        self.start = start; self.end = end; self.hash = hash; self.flags = flags
    }

    /// Whether the `TokenFlags` bit `flag` is set.
    @inlinable @inline(__always) public func has(_ flag: UInt16) -> Bool { flags & flag != 0 }
    /// Letters, digits or other word bytes.
    @inlinable public var isWord: Bool { has(TokenFlags.word) }
    /// First letter is upper case.
    @inlinable public var isCapitalized: Bool { has(TokenFlags.capitalized) }
    /// Every letter is upper case.
    @inlinable public var isAllCaps: Bool { has(TokenFlags.allCaps) }
}

/// Bits of `Token.flags`.
public enum TokenFlags {
    /// Letters, digits or other word bytes.
    public static let word: UInt16 = 1
    /// First letter is an upper-case ASCII letter.
    public static let capitalized: UInt16 = 2
    /// Every letter is upper case (and there are at least two letters, or one followed by '.').
    public static let allCaps: UInt16 = 4
    /// Starts with a digit.
    public static let number: UInt16 = 8
    /// A line break stands right before the token.
    public static let afterNewline: UInt16 = 16
    /// Sentence-ending punctuation: `.`, `!`, `?`, `…`.
    public static let terminal: UInt16 = 32
    /// A quotation mark of any kind.
    public static let quote: UInt16 = 64
    /// Contains a non-ASCII byte.
    public static let nonASCII: UInt16 = 128
    /// The possessive clitic `'s` / `’s` (or a bare `'` after a plural).
    public static let possessive: UInt16 = 256
    /// Ends with '.', as in `U.S.`, `Mr.`, `N.`
    public static let dotted: UInt16 = 512
}

/// FNV-1a hashing of lower-cased bytes, shared by the tokenizer and the pack loader.
public enum WordHash {
    /// FNV-1a offset basis.
    public static let offset: UInt64 = 0xcbf29ce484222325
    /// FNV-1a prime.
    public static let prime: UInt64 = 0x100000001b3

    /// The hash `h` extended by one byte.
    @inlinable @inline(__always)
    public static func add(_ h: UInt64, _ byte: UInt8) -> UInt64 {
        (h ^ UInt64(byte)) &* prime
    }

    /// Hash of a sequence of token hashes (order-sensitive).
    @inlinable @inline(__always)
    public static func combine(_ seq: UInt64, _ token: UInt64) -> UInt64 {
        (seq ^ token) &* 0x9E3779B97F4A7C15 &+ 0x632BE59BD9B4E019
    }

    /// The hash of a single lower-case ASCII word, e.g. `of`.
    public static func of(_ word: String) -> UInt64 {
        var h = offset
        for b in word.utf8 { h = add(h, lower(b)) }
        return h
    }

    /// ASCII lower case of one byte.
    @inlinable @inline(__always)
    public static func lower(_ b: UInt8) -> UInt8 { (b >= 65 && b <= 90) ? b + 32 : b }
}
