/// The first step of every reader: checks that the bytes are text and puts them in one shape.
///
/// Rules: the bytes must be valid UTF-8 (else the error names the first bad byte); a NUL
/// byte or many control bytes mean a binary file; the byte order mark is dropped; CRLF and
/// lone CR become LF; a file with nothing but whitespace is empty.
enum TextNormalizer {
    /// Returns the text bytes with BOM dropped and line ends made LF.
    static func normalize(_ bytes: [UInt8], path: String) throws -> [UInt8] {
        if bytes.isEmpty { throw IngestError.empty(path: path, whitespaceOnly: false) }
        try checkNotBinary(bytes, path: path)
        if let bad = firstInvalidUTF8(bytes) { throw IngestError.invalidUTF8(path: path, offset: bad) }

        var start = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
        // Most files need no change: hand back the same buffer rather than a copy of it.
        if start == 0, Bytes.find(0x0D, in: bytes, from: 0, to: bytes.count) == nil {
            if isOnlySpace(bytes) { throw IngestError.empty(path: path, whitespaceOnly: true) }
            return bytes
        }
        var out = [UInt8]()
        out.reserveCapacity(bytes.count - start)
        var i = start
        let n = bytes.count
        var onlySpace = true
        while i < n {
            let b = bytes[i]
            if b == 0x0D {
                out.append(Bytes.newline)
                if i + 1 < n, bytes[i + 1] == Bytes.newline { i += 1 }
            } else {
                if onlySpace && Bytes.spaceWidth(bytes, i, n) == 0 && !(b == 0xA0 && i > 0 && bytes[i - 1] == 0xC2) {
                    onlySpace = false
                }
                out.append(b)
            }
            i += 1
        }
        if onlySpace { throw IngestError.empty(path: path, whitespaceOnly: true) }
        return out
    }

    /// Whether `bytes` hold nothing but ASCII whitespace and no-break spaces.
    static func isOnlySpace(_ bytes: [UInt8]) -> Bool {
        var i = 0
        let n = bytes.count
        while i < n {
            let width = Bytes.spaceWidth(bytes, i, n)
            if width == 0 { return false }
            i += width
        }
        return true
    }

    /// Throws `binary` for a NUL byte anywhere, or when more than 1 in 20 of the first 64 KiB
    /// are control bytes other than tab, newline, carriage return, form feed and escape.
    static func checkNotBinary(_ bytes: [UInt8], path: String) throws {
        if let nul = Bytes.find(0, in: bytes, from: 0, to: bytes.count) {
            throw IngestError.binary(path: path, offset: nul, reason: wideTextGuess(bytes) ?? "NUL byte")
        }
        let sample = min(bytes.count, 1 << 16)
        var controls = 0
        var firstControl = -1
        for i in 0..<sample {
            let b = bytes[i]
            if b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D && b != 0x0C && b != 0x1B || b == 0x7F {
                controls += 1
                if firstControl < 0 { firstControl = i }
            }
        }
        if controls > 8 && controls * 20 > sample {
            throw IngestError.binary(path: path, offset: firstControl, reason: "\(controls) control bytes in the first \(sample) bytes, first one")
        }
    }

    /// A hint when NUL bytes fall on every other byte of mostly ASCII text, as in UTF-16 saved
    /// without a byte order mark (with one, it is decoded): what to convert it with.
    static func wideTextGuess(_ bytes: [UInt8]) -> String? {
        let sample = min(bytes.count, 512) & ~1
        guard sample >= 8 else { return nil }
        var evenZeros = 0, oddZeros = 0
        for i in stride(from: 0, to: sample, by: 2) {
            if bytes[i] == 0 { evenZeros += 1 }
            if bytes[i + 1] == 0 { oddZeros += 1 }
        }
        let pairs = sample / 2
        if oddZeros * 10 >= pairs * 9, evenZeros * 10 <= pairs { return "NUL byte; this looks like UTF-16LE without a byte order mark, convert it with iconv -f UTF-16LE -t UTF-8" }
        if evenZeros * 10 >= pairs * 9, oddZeros * 10 <= pairs { return "NUL byte; this looks like UTF-16BE without a byte order mark, convert it with iconv -f UTF-16BE -t UTF-8" }
        return nil
    }

    /// The offset where the first ill-formed UTF-8 sequence starts (as Python reports it), or nil.
    /// Rejects overlong forms, surrogates and code points above U+10FFFF.
    static func firstInvalidUTF8(_ s: [UInt8]) -> Int? {
        let n = s.count
        var i = 0
        while i < n {
            let b0 = s[i]
            if b0 < 0x80 { i += 1; continue }
            let need: Int
            var lo: UInt8 = 0x80, hi: UInt8 = 0xBF
            switch b0 {
            case 0xC2...0xDF: need = 1
            case 0xE0: need = 2; lo = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: need = 2
            case 0xED: need = 2; hi = 0x9F
            case 0xF0: need = 3; lo = 0x90
            case 0xF1...0xF3: need = 3
            case 0xF4: need = 3; hi = 0x8F
            default: return i
            }
            guard i + 1 < n, s[i + 1] >= lo, s[i + 1] <= hi else { return i }
            var k = 2
            while k <= need {
                guard i + k < n, isContinuation(s[i + k]) else { return i }
                k += 1
            }
            i += need + 1
        }
        return nil
    }

    @inline(__always)
    private static func isContinuation(_ b: UInt8) -> Bool { b & 0xC0 == 0x80 }
}
