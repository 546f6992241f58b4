/// Byte-level helpers shared by the readers. Everything works on UTF-8 bytes.
enum Bytes {
    static let newline: UInt8 = 0x0A
    static let space: UInt8 = 0x20
    static let tab: UInt8 = 0x09

    /// Whether `b` is ASCII whitespace (space, tab, LF, CR, VT, FF).
    @inline(__always)
    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }

    /// Whether `b` is an ASCII letter.
    @inline(__always)
    static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }

    /// Whether `b` is an ASCII digit.
    @inline(__always)
    static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    /// ASCII lower case of `b`.
    @inline(__always)
    static func lower(_ b: UInt8) -> UInt8 { (b >= 0x41 && b <= 0x5A) ? b | 0x20 : b }

    /// Width of whitespace (ASCII or U+00A0 no-break space) starting at `i`, or 0.
    @inline(__always)
    static func spaceWidth(_ s: [UInt8], _ i: Int, _ end: Int) -> Int {
        if isSpace(s[i]) { return 1 }
        if s[i] == 0xC2, i + 1 < end, s[i + 1] == 0xA0 { return 2 }
        return 0
    }

    /// `lo..<hi` with whitespace (ASCII and no-break spaces) removed from both ends.
    static func trim(_ s: [UInt8], _ lo: Int, _ hi: Int) -> (Int, Int) {
        var a = lo, b = hi
        while a < b {
            let w = spaceWidth(s, a, b)
            if w == 0 { break }
            a += w
        }
        while a < b {
            if isSpace(s[b - 1]) { b -= 1; continue }
            if b - 2 >= a, s[b - 2] == 0xC2, s[b - 1] == 0xA0 { b -= 2; continue }
            break
        }
        return (a, b)
    }

    /// Whether `s[i...]` starts with `prefix`, comparing ASCII letters case-insensitively.
    static func hasPrefix(_ s: [UInt8], at i: Int, _ prefix: String, end: Int? = nil, caseInsensitive: Bool = true) -> Bool {
        let limit = end ?? s.count
        var j = i
        for p in prefix.utf8 {
            guard j < limit else { return false }
            let c = s[j]
            if caseInsensitive ? lower(c) != lower(p) : c != p { return false }
            j += 1
        }
        return true
    }

    /// First index of `byte` in `s[from..<to]`, or nil.
    @inline(__always)
    static func find(_ byte: UInt8, in s: [UInt8], from: Int, to: Int) -> Int? {
        var i = from
        while i < to {
            if s[i] == byte { return i }
            i += 1
        }
        return nil
    }

    /// First index of `needle` (ASCII, case-insensitive) in `s[from..<to]`, or nil. Linear for the short needles used here.
    static func find(_ needle: String, in s: [UInt8], from: Int, to: Int) -> Int? {
        var needle = needle
        return needle.withUTF8 { n -> Int? in
            guard let first = n.first.map(lower) else { return from }
            let count = n.count
            return s.withUnsafeBufferPointer { h -> Int? in
                var i = from
                while i + count <= to {
                    if lower(h[i]) == first {
                        var k = 1
                        while k < count && lower(h[i + k]) == lower(n[k]) { k += 1 }
                        if k == count { return i }
                    }
                    i += 1
                }
                return nil
            }
        }
    }

    /// The text of `s[lo..<hi]`.
    static func string(_ s: [UInt8], _ lo: Int, _ hi: Int) -> String {
        String(decoding: s[lo..<hi], as: UTF8.self)
    }

    /// The lines of `s` as `(start, end)` pairs, end excluding the newline.
    static func lines(_ s: [UInt8]) -> [(Int, Int)] {
        var out: [(Int, Int)] = []
        var start = 0
        var i = 0
        let n = s.count
        while i < n {
            if s[i] == newline {
                out.append((start, i))
                start = i + 1
            }
            i += 1
        }
        if start < n { out.append((start, n)) }
        return out
    }
}
