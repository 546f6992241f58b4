import Foundation

/// The binary model format: a magic number, a version, then length-prefixed sections (version 2
/// ends with the parser's beam width and margin; version 1 files load as greedy parsers).
///
/// Weight tables are stored sparsely and quantised to Int16 with one scale per table: each row
/// is its 64-bit feature key, the number of non-zero classes, then (class, weight) pairs. A
/// model of a million features fits in a few megabytes and loads in a fraction of a second.
enum ModelFile {
    static let magic: UInt32 = 0x4E59_534B  // "KSYN"
    static let version: UInt32 = 2

    /// Appends little-endian values to a byte buffer.
    struct Writer {
        var bytes: [UInt8] = []
        mutating func u8(_ v: UInt8) { bytes.append(v) }
        mutating func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
        mutating func u64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
        mutating func i16(_ v: Int16) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
        mutating func f32(_ v: Float) { u32(v.bitPattern) }
        mutating func string(_ s: String) { let u = Array(s.utf8); u32(UInt32(u.count)); bytes.append(contentsOf: u) }
        mutating func strings(_ a: [String]) { u32(UInt32(a.count)); for s in a { string(s) } }

        /// A weight table, quantised: weights that round to 0 are dropped.
        mutating func table(_ t: WeightTable) {
            var big: Float = 0
            for (_, r) in t.entries { for w in t.rowWeights(r) { big = max(big, abs(w)) } }
            let scale = big > 0 ? big / 32767 : 1
            u32(UInt32(t.classes)); f32(scale)
            let countAt = bytes.count
            u32(0)
            var rows: UInt32 = 0
            for (key, r) in t.entries {
                let q = t.rowWeights(r).map { Int16(clamping: Int(($0 / scale).rounded())) }
                let nz = q.enumerated().filter { $0.element != 0 }
                if nz.isEmpty { continue }
                u64(key); u8(UInt8(nz.count))
                for (c, w) in nz { u8(UInt8(c)); i16(w) }
                rows += 1
            }
            withUnsafeBytes(of: rows.littleEndian) { for k in 0..<4 { bytes[countAt + k] = $0[k] } }
        }
    }

    /// Reads little-endian values from bytes, throwing on truncation.
    struct Reader {
        let bytes: [UInt8]
        var at = 0
        let name: String

        func fail(_ what: String) -> CoNLLUError {
            CoNLLUError(description: "\(name): damaged model file (\(what) at byte \(at))")
        }
        mutating func need(_ n: Int) throws { if at + n > bytes.count { throw fail("truncated") } }
        mutating func u8() throws -> UInt8 { try need(1); defer { at += 1 }; return bytes[at] }
        mutating func u32() throws -> UInt32 {
            try need(4); defer { at += 4 }
            return UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16 | UInt32(bytes[at + 3]) << 24
        }
        mutating func u64() throws -> UInt64 { let lo = UInt64(try u32()); return lo | UInt64(try u32()) << 32 }
        mutating func i16() throws -> Int16 {
            try need(2); defer { at += 2 }
            return Int16(bitPattern: UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8)
        }
        mutating func f32() throws -> Float { Float(bitPattern: try u32()) }
        mutating func string() throws -> String {
            let n = Int(try u32()); try need(n); defer { at += n }
            return String(decoding: bytes[at..<(at + n)], as: UTF8.self)
        }
        mutating func strings() throws -> [String] { let n = Int(try u32()); return try (0..<n).map { _ in try string() } }

        mutating func table() throws -> WeightTable {
            let classes = Int(try u32()), scale = try f32(), rows = Int(try u32())
            guard classes > 0 && classes < 256 else { throw fail("bad class count \(classes)") }
            var t = WeightTable(classes: classes, capacity: rows)
            var row = [Float](repeating: 0, count: classes)
            for _ in 0..<rows {
                let key = try u64(), nz = Int(try u8())
                for k in 0..<classes { row[k] = 0 }
                for _ in 0..<nz {
                    let c = Int(try u8())
                    guard c < classes else { throw fail("class \(c) out of range") }
                    row[c] = Float(try i16()) * scale
                }
                t.setRow(t.rowAdding(key), row)
            }
            return t
        }
    }
}
