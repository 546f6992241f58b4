/// A half-open range of UTF-8 byte offsets into a document's normalised text.
///
/// Inside Kremlinology every range is in bytes; exports convert to Unicode code points
/// (see ``CodePointOffsets``) because that is how ONTOLOGY.md and Python index a `str`.
public struct TextRange: Sendable, Hashable, Codable, Comparable {
    /// First byte of the range.
    public var start: Int
    /// One past the last byte of the range.
    public var end: Int

    /// Creates a range; `end` is clamped so that it is never before `start`.
    public init(start: Int, end: Int) {
        self.start = start
        self.end = max(start, end)
    }

    /// Number of bytes covered.
    public var length: Int { end - start }

    /// Whether `other` lies wholly inside this range.
    public func contains(_ other: TextRange) -> Bool { other.start >= start && other.end <= end }

    /// Whether the two ranges share at least one byte.
    public func overlaps(_ other: TextRange) -> Bool { other.start < end && start < other.end }

    public static func < (lhs: TextRange, rhs: TextRange) -> Bool {
        (lhs.start, lhs.end) < (rhs.start, rhs.end)
    }
}

/// Converts UTF-8 byte offsets of one text into Unicode code-point offsets.
///
/// Built once per text in O(n); each lookup is O(log n) on the positions of
/// multi-byte scalars, so pure-ASCII texts cost almost nothing.
public struct CodePointOffsets: Sendable {
    /// Byte offsets at which a scalar of more than one byte starts, with the number of
    /// extra bytes accumulated up to and including it.
    private var multiByteStarts: [Int] = []
    private var extraBytesThrough: [Int] = []

    /// Prepares the conversion table for `text`.
    public init(_ text: String) {
        var extra = 0
        var offset = 0
        for scalar in text.unicodeScalars {
            let width = UTF8.width(scalar)
            if width > 1 {
                extra += width - 1
                multiByteStarts.append(offset)
                extraBytesThrough.append(extra)
            }
            offset += width
        }
    }

    /// The code-point offset of the scalar starting at byte offset `byte`.
    public func codePoint(atByte byte: Int) -> Int {
        // Count multi-byte scalars that start strictly before `byte`.
        var low = 0, high = multiByteStarts.count
        while low < high {
            let mid = (low + high) / 2
            if multiByteStarts[mid] < byte { low = mid + 1 } else { high = mid }
        }
        return byte - (low == 0 ? 0 : extraBytesThrough[low - 1])
    }
}

extension String {
    /// The substring covered by a UTF-8 byte range; invalid or out-of-bounds ranges are clamped.
    public func slice(_ range: TextRange) -> String {
        let bytes = utf8
        let lower = bytes.index(bytes.startIndex, offsetBy: max(0, min(range.start, bytes.count)))
        let upper = bytes.index(bytes.startIndex, offsetBy: max(0, min(range.end, bytes.count)))
        return String(decoding: self.utf8[lower..<upper], as: UTF8.self)
    }
}
