/// Splits UTF-8 bytes into `Token`s in one linear pass, with no allocation per token.
///
/// Words are runs of letters, digits and non-ASCII letters; `'s` is split off as a
/// possessive token; hyphens and other punctuation are tokens of their own; dotted
/// abbreviations (`U.S.`), initials (`N.`) and decimals (`3.5`) stay one token.
public enum Tokenizer {
    /// Tokens of `bytes[range]`.
    public static func tokenize(_ bytes: UnsafeBufferPointer<UInt8>, from lower: Int = 0, to upper: Int? = nil) -> [Token] {
        let end = upper ?? bytes.count
        var tokens: [Token] = []
        tokens.reserveCapacity((end - lower) / 5 + 4)
        var i = lower
        var newline = false
        while i < end {
            let b = bytes[i]
            // Whitespace, including NBSP, zero-width and other format characters.
            if b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0B || b == 0x0C { i += 1; continue }
            if b == 0x0A { newline = true; i += 1; continue }
            let w = spaceWidth(bytes, i, end)
            if w > 0 { i += w; continue }
            let startFlags: UInt16 = newline ? TokenFlags.afterNewline : 0
            newline = false
            if isWordByte(bytes, i, end) {
                var h = WordHash.offset
                var j = i
                var flags = TokenFlags.word | startFlags
                var upperCount = 0, lowerCount = 0
                var segmentLetters = 0  // letters since the last internal dot
                var hasDot = false
                let first = bytes[i]
                if first >= 65 && first <= 90 { flags |= TokenFlags.capitalized }
                if first >= 48 && first <= 57 { flags |= TokenFlags.number }
                while j < end {
                    let c = bytes[j]
                    if c >= 0x80 {
                        if !isWordByte(bytes, j, end) { break }
                        flags |= TokenFlags.nonASCII
                        h = WordHash.add(h, c); j += 1; segmentLetters += 1
                        continue
                    }
                    if (c >= 97 && c <= 122) { lowerCount += 1; segmentLetters += 1; h = WordHash.add(h, c); j += 1; continue }
                    if (c >= 65 && c <= 90) { upperCount += 1; segmentLetters += 1; h = WordHash.add(h, c + 32); j += 1; continue }
                    if (c >= 48 && c <= 57) { segmentLetters += 1; h = WordHash.add(h, c); j += 1; continue }
                    if c == 0x5F { h = WordHash.add(h, c); j += 1; continue } // underscore
                    if c == 0x2E { // '.'
                        let next: UInt8 = j + 1 < end ? bytes[j + 1] : 0
                        let prev = bytes[j - 1]
                        let prevDigit = prev >= 48 && prev <= 57
                        let nextDigit = next >= 48 && next <= 57
                        let nextLetter = (next >= 65 && next <= 90) || (next >= 97 && next <= 122)
                        if prevDigit && nextDigit { h = WordHash.add(h, c); j += 1; continue }
                        if segmentLetters == 1 && nextLetter && j + 2 < end && bytes[j + 2] == 0x2E {
                            // U.S. / U.N. / e.g.
                            h = WordHash.add(h, c); j += 1; segmentLetters = 0; hasDot = true; continue
                        }
                        if segmentLetters == 1 && hasDot { h = WordHash.add(h, c); j += 1; flags |= TokenFlags.dotted; break }
                        if segmentLetters == 1 && j - i == 1 && prev >= 65 && prev <= 90 && lowerCount == 0 {
                            // An initial: "N." (but not a lone "I.").
                            h = WordHash.add(h, c); j += 1; flags |= TokenFlags.dotted; break
                        }
                        break
                    }
                    if c == 0x27 || (c == 0xE2) { break } // apostrophes handled below
                    break
                }
                // Inner apostrophes: didn't, O'Brien (but not possessive 's).
                while j < end {
                    let aw = apostropheWidth(bytes, j, end)
                    if aw == 0 { break }
                    let k = j + aw
                    guard k < end, isLetter(bytes[k]) else { break }
                    let isS = (bytes[k] == 0x73 || bytes[k] == 0x53) && (k + 1 >= end || !isWordByte(bytes, k + 1, end))
                    if isS { break }
                    h = WordHash.add(h, 0x27)
                    j = k
                    while j < end, isWordByteASCIIOrMulti(bytes, j, end) {
                        let c = bytes[j]
                        if c >= 65 && c <= 90 { upperCount += 1; h = WordHash.add(h, c + 32) } else { if c >= 97 && c <= 122 { lowerCount += 1 }; h = WordHash.add(h, c) }
                        j += 1
                    }
                }
                if upperCount >= 2 && lowerCount == 0 { flags |= TokenFlags.allCaps }
                if upperCount == 1 && lowerCount == 0 && flags & TokenFlags.dotted != 0 { flags |= TokenFlags.allCaps }
                if j == i { j = i + 1 } // safety: always advance
                tokens.append(Token(start: i, end: j, hash: h, flags: flags))
                i = j
                // Possessive clitic.
                let aw = apostropheWidth(bytes, i, end)
                if aw > 0 {
                    let k = i + aw
                    if k < end, bytes[k] == 0x73 || bytes[k] == 0x53, k + 1 >= end || !isWordByte(bytes, k + 1, end) {
                        tokens.append(Token(start: i, end: k + 1, hash: possessiveHash, flags: TokenFlags.possessive))
                        i = k + 1
                    } else if k >= end || !isWordByte(bytes, k, end), let last = tokens.last, lastByteIsS(bytes, last) {
                        tokens.append(Token(start: i, end: k, hash: possessiveHash, flags: TokenFlags.possessive))
                        i = k
                    }
                }
                continue
            }
            // Punctuation.
            let width = max(1, punctWidth(bytes, i, end))
            var flags = startFlags
            var h = WordHash.offset
            if b == 0x2E || b == 0x21 || b == 0x3F { flags |= TokenFlags.terminal }
            if b == 0x22 || b == 0x27 || b == 0x60 { flags |= TokenFlags.quote }
            if b == 0xE2, i + 2 < end, bytes[i + 1] == 0x80 {
                switch bytes[i + 2] {
                case 0x98, 0x99: flags |= TokenFlags.quote; h = WordHash.add(h, 0x27)
                case 0x9C, 0x9D, 0x9E: flags |= TokenFlags.quote; h = WordHash.add(h, 0x22)
                case 0xA6: flags |= TokenFlags.terminal; h = WordHash.add(h, 0x2E)
                case 0x93, 0x94: h = WordHash.add(WordHash.add(h, 0x2D), 0x2D)
                default: for k in i..<(i + width) { h = WordHash.add(h, bytes[k]) }
                }
            } else if b == 0xC2, i + 1 < end, bytes[i + 1] == 0xAB || bytes[i + 1] == 0xBB {
                flags |= TokenFlags.quote; h = WordHash.add(h, 0x22)
            } else if b == 0x2D, i > lower, i + 1 < end, bytes[i - 1] == 0x20, bytes[i + 1] == 0x20 {
                // A hyphen between spaces is a dash: " - ".
                h = WordHash.add(WordHash.add(h, 0x2D), 0x2D)
            } else {
                for k in i..<min(end, i + width) { h = WordHash.add(h, b == 0x27 ? 0x27 : bytes[k]) }
            }
            tokens.append(Token(start: i, end: min(end, i + width), hash: h, flags: flags))
            i += width
        }
        return tokens
    }

    /// Hash of the possessive clitic `'s`.
    public static let possessiveHash = WordHash.of("'s")

    /// Whether `b` is an ASCII letter or starts a multi-byte letter.
    @inline(__always)
    public static func isLetter(_ b: UInt8) -> Bool { (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b >= 0xC0 }

    @inline(__always)
    static func lastByteIsS(_ bytes: UnsafeBufferPointer<UInt8>, _ t: Token) -> Bool {
        let c = bytes[t.end - 1]
        return c == 0x73 || c == 0x53
    }

    @inline(__always)
    static func isWordByteASCIIOrMulti(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Bool {
        let c = bytes[i]
        if c < 0x80 { return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) }
        return isWordByte(bytes, i, end)
    }

    /// Whether the byte at `i` starts or continues a word (ASCII alphanumerics; non-ASCII except punctuation and spaces).
    @inline(__always)
    public static func isWordByte(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Bool {
        let c = bytes[i]
        if c < 0x80 { return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) }
        if c >= 0x80 && c < 0xC0 { return true } // continuation byte inside a word
        if c == 0xE2 { return false }              // general punctuation, arrows, symbols
        if c == 0xC2 { return i + 1 < end && bytes[i + 1] >= 0xC0 } // Latin-1 punctuation block is not a word
        if c == 0xEF, i + 2 < end, bytes[i + 1] == 0xBB, bytes[i + 2] == 0xBF { return false } // BOM
        if c == 0xE3, i + 1 < end, bytes[i + 1] == 0x80 { return false } // CJK punctuation
        return true
    }

    /// Width of a space-like character at `i` (NBSP, zero-width, thin spaces, BOM), or 0.
    @inline(__always)
    static func spaceWidth(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Int {
        let c = bytes[i]
        if c == 0xC2, i + 1 < end, bytes[i + 1] == 0xA0 || bytes[i + 1] == 0xAD { return 2 }
        if c == 0xE2, i + 2 < end {
            let b1 = bytes[i + 1], b2 = bytes[i + 2]
            if b1 == 0x80 && ((b2 >= 0x80 && b2 <= 0x8F) || (b2 >= 0xA8 && b2 <= 0xAF)) { return 3 }
            if b1 == 0x81 && (b2 >= 0x9F && b2 <= 0xAF) { return 3 }
        }
        if c == 0xEF, i + 2 < end, bytes[i + 1] == 0xBB, bytes[i + 2] == 0xBF { return 3 }
        return 0
    }

    /// Width of an apostrophe (' or ’) at `i`, or 0.
    @inline(__always)
    public static func apostropheWidth(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Int {
        guard i < end else { return 0 }
        if bytes[i] == 0x27 { return 1 }
        if bytes[i] == 0xE2, i + 2 < end, bytes[i + 1] == 0x80, bytes[i + 2] == 0x99 { return 3 }
        return 0
    }

    /// Width of the (possibly multi-byte) punctuation character at `i`.
    @inline(__always)
    static func punctWidth(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Int {
        let c = bytes[i]
        var w = 1
        if c >= 0xF0 { w = 4 } else if c >= 0xE0 { w = 3 } else if c >= 0xC0 { w = 2 }
        return min(w, end - i)
    }
}
