/// Turns UTF-16 and UTF-32 text that starts with a byte order mark into UTF-8, so that a file
/// saved by Windows Notepad or Word ("Unicode") reads like any other. Bytes without such a
/// mark are returned as they are: UTF-8 (with or without its own mark) is the only other
/// encoding read, and ``TextNormalizer`` checks it.
enum TextDecoding {
    /// A wide encoding announced by the byte order mark at the start of `bytes`.
    struct WideEncoding {
        var name: String
        var unitWidth: Int
        var bigEndian: Bool
    }

    static func wideEncoding(of bytes: [UInt8]) -> WideEncoding? {
        let n = bytes.count
        // UTF-32LE's mark starts with UTF-16LE's: test the longer one first.
        if n >= 4, bytes[0] == 0xFF, bytes[1] == 0xFE, bytes[2] == 0, bytes[3] == 0 { return WideEncoding(name: "UTF-32LE", unitWidth: 4, bigEndian: false) }
        if n >= 4, bytes[0] == 0, bytes[1] == 0, bytes[2] == 0xFE, bytes[3] == 0xFF { return WideEncoding(name: "UTF-32BE", unitWidth: 4, bigEndian: true) }
        if n >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE { return WideEncoding(name: "UTF-16LE", unitWidth: 2, bigEndian: false) }
        if n >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF { return WideEncoding(name: "UTF-16BE", unitWidth: 2, bigEndian: true) }
        return nil
    }

    /// `bytes` as UTF-8 without the wide byte order mark, or `bytes` itself when there is none.
    /// Errors name the byte offset of the first unit that does not decode (an unpaired
    /// surrogate, a code point above U+10FFFF, or a unit cut by the end of the file).
    static func utf8(_ bytes: [UInt8], path: String) throws -> [UInt8] {
        guard let encoding = wideEncoding(of: bytes) else { return bytes }
        let width = encoding.unitWidth
        var out = [UInt8]()
        out.reserveCapacity(bytes.count)
        var i = width // after the mark
        func unit(at j: Int) -> UInt32 {
            var value: UInt32 = 0
            for k in 0..<width {
                let byte = UInt32(bytes[j + (encoding.bigEndian ? k : width - 1 - k)])
                value = value << 8 | byte
            }
            return value
        }
        while i < bytes.count {
            guard i + width <= bytes.count else { throw IngestError.invalidEncoding(path: path, encoding: encoding.name, offset: i) }
            var scalar = unit(at: i)
            var consumed = width
            if width == 2, scalar >= 0xD800, scalar <= 0xDBFF {
                guard i + 4 <= bytes.count else { throw IngestError.invalidEncoding(path: path, encoding: encoding.name, offset: i) }
                let low = unit(at: i + 2)
                guard low >= 0xDC00, low <= 0xDFFF else { throw IngestError.invalidEncoding(path: path, encoding: encoding.name, offset: i) }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                consumed = 4
            }
            guard let value = Unicode.Scalar(scalar) else { throw IngestError.invalidEncoding(path: path, encoding: encoding.name, offset: i) }
            out.append(contentsOf: UTF8.encode(value)!)
            i += consumed
        }
        return out
    }
}
