import KremlinologySyntax
/// A table of multi-word phrases keyed by the hashes of their lower-cased tokens,
/// for longest-match lookup over a token array in O(longest phrase) per position.
struct PhraseTable<Value: Sendable>: Sendable {
    private(set) var values = U64Map<[Value]>()
    private var prefixes = U64Set()
    private(set) var maxLength = 0

    var isEmpty: Bool { values.count == 0 }

    /// Adds `value` under the phrase made of `hashes` (token hashes, in order).
    mutating func insert(_ hashes: [UInt64], _ value: Value, replacing: Bool = false) {
        guard !hashes.isEmpty else { return }
        var seq: UInt64 = 0
        for (n, h) in hashes.enumerated() {
            seq = WordHash.combine(seq, h)
            if n < hashes.count - 1 { prefixes.insert(seq) }
        }
        if replacing { values[seq] = [value] } else { values[seq] = (values[seq] ?? []) + [value] }
        maxLength = max(maxLength, hashes.count)
    }

    /// Adds `value` under the phrase `text` (tokenized like document text).
    mutating func insert(phrase text: String, _ value: Value, replacing: Bool = false) {
        insert(PhraseTable.hashes(of: text), value, replacing: replacing)
    }

    /// The token hashes of `text`, tokenized exactly as document text is.
    static func hashes(of text: String) -> [UInt64] {
        var copy = text
        return copy.withUTF8 { buffer in Tokenizer.tokenize(buffer).map(\.hash) }
    }

    /// Every match starting at token `i`, shortest first, as (length, values).
    /// `accept` may veto a token (e.g. a case rule) before it is consumed.
    @inline(__always)
    func matches(in tokens: [Token], at i: Int, limit: Int? = nil, _ body: (Int, [Value]) -> Void) {
        var seq: UInt64 = 0
        let end = min(tokens.count, limit ?? tokens.count)
        var j = i
        while j < end && j - i < maxLength {
            seq = WordHash.combine(seq, tokens[j].hash)
            if let v = values[seq] { body(j - i + 1, v) }
            if !prefixes.contains(seq) { break }
            j += 1
        }
    }

    /// The longest match starting at token `i`.
    @inline(__always)
    func longest(in tokens: [Token], at i: Int, limit: Int? = nil) -> (length: Int, values: [Value])? {
        var best: (Int, [Value])?
        matches(in: tokens, at: i, limit: limit) { n, v in best = (n, v) }
        return best
    }

    /// The length of the longest phrase whose last token is `last` ("with respect to" ending before a name).
    func longest(in tokens: [Token], endingAt last: Int) -> Int? {
        guard last >= 0, last < tokens.count else { return nil }
        var start = max(0, last - maxLength + 1)
        while start <= last {
            var found = false
            matches(in: tokens, at: start, limit: last + 1) { n, _ in if start + n == last + 1 { found = true } }
            if found { return last - start + 1 }
            start += 1
        }
        return nil
    }

    /// Whether a single-token phrase with this hash is present.
    @inline(__always)
    func containsWord(_ hash: UInt64) -> Bool {
        values[WordHash.combine(0, hash)] != nil
    }

    @inline(__always)
    func word(_ hash: UInt64) -> [Value]? { values[WordHash.combine(0, hash)] }
}
