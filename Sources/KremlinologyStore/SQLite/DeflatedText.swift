import CZlib
import Foundation
import GRDB

/// A document's two texts as the SQLite store keeps them: the normalised text and the raw
/// text, one after the other in one zlib stream, behind their byte counts (4 bytes each,
/// little-endian).
///
/// Notes compress about 2.5-fold each; in one stream the raw text, which repeats the
/// normalised one, costs little more: the pair shrinks 4-fold. Inline and uncompressed the
/// two made most of the 316 MB document table of a 605 MB store of the whole corpus
/// (issue 14, item 5; docs/STORAGE.md). The normalised text comes first so that a snippet
/// inflates only what it reads. PostgreSQL keeps its texts as TEXT: its TOAST storage
/// compresses long values itself.
enum DeflatedText {
    /// The SQL function that gives the normalised text of a stored value (its statement fails
    /// with ``damaged`` for a value that is not one), for the queries that look into whole texts.
    static let functionName = "kremlinology_text"
    /// The SQL function `(stored, start, end)` that gives the passage of bytes `start..<end`
    /// of the normalised text, for the search index's content view (`passage_body`), which
    /// snippets and highlights read: it inflates no further than `end`.
    static let passageFunctionName = "kremlinology_passage"

    private static let headerSize = 8
    /// zlib's default level; on notes level 9 stores 0.04 % less, level 1 about 10 % more.
    private static let level: Int32 = 6
    /// The header's counts are 32 bits; SQLite refuses values over 1 GB anyway.
    static let maximumBytes = Int(UInt32.max)

    /// - Throws: ``StoreError/failure(_:)`` for texts of 4 GiB or more, which the header cannot count.
    static func deflate(text: String, raw: String) throws -> Data {
        let text = Array(text.utf8), raw = Array(raw.utf8)
        guard text.count + raw.count <= maximumBytes else {
            throw StoreError.failure("a document of \(text.count + raw.count) bytes of text is too large to store (at most \(maximumBytes))")
        }
        let input = text + raw
        var bound = compressBound(uLong(input.count))
        var output = [UInt8](repeating: 0, count: headerSize + Int(bound))
        for shift in 0..<4 {
            output[shift] = UInt8(truncatingIfNeeded: text.count >> (8 * shift))
            output[4 + shift] = UInt8(truncatingIfNeeded: raw.count >> (8 * shift))
        }
        let status = output.withUnsafeMutableBufferPointer { out in
            input.withUnsafeBufferPointer { compress2(out.baseAddress! + headerSize, &bound, $0.baseAddress, uLong(input.count), level) }
        }
        // compress2 fails only without memory or with a buffer under compressBound.
        precondition(status == Z_OK, "zlib compress2 failed with status \(status)")
        return Data(output[..<(headerSize + Int(bound))])
    }

    /// Both texts of `stored`, or nil when it is not a value ``deflate(text:raw:)`` wrote.
    static func inflate(_ stored: Data) -> (text: String, raw: String)? {
        guard let (textCount, rawCount) = counts(of: stored),
              let bytes = inflatedBytes(stored, count: textCount + rawCount, whole: true) else {
            return nil
        }
        return (String(decoding: bytes.prefix(textCount), as: UTF8.self), String(decoding: bytes.suffix(rawCount), as: UTF8.self))
    }

    /// The normalised text's bytes of `stored`, inflating no further than them.
    static func textBytes(_ stored: Data) -> Data? {
        guard let (textCount, rawCount) = counts(of: stored) else { return nil }
        return inflatedBytes(stored, count: textCount, whole: rawCount == 0)
    }

    private static func counts(of stored: Data) -> (Int, Int)? {
        guard stored.count >= headerSize else { return nil }
        let header = Array(stored.prefix(headerSize))
        let text = (0..<4).reduce(0) { $0 | Int(header[$1]) << (8 * $1) }
        let raw = (0..<4).reduce(0) { $0 | Int(header[4 + $1]) << (8 * $1) }
        // Deflate expands at most 1032:1; larger claimed sizes are not ours.
        guard text + raw <= maximumBytes, text + raw <= (stored.count - headerSize) * 1032 + 64 else { return nil }
        return (text, raw)
    }

    /// The first `count` bytes the stream of `stored` inflates to: all of them when `whole`
    /// (the stream must end there, its checksum checked), else a prefix.
    private static func inflatedBytes(_ stored: Data, count: Int, whole: Bool) -> Data? {
        if count == 0, !whole { return Data() }
        var output = Data(count: count)
        var stream = z_stream()
        guard inflateInit_(&stream, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
        defer { inflateEnd(&stream) }
        let status = output.withUnsafeMutableBytes { out in
            stored.withUnsafeBytes { input -> Int32 in
                stream.next_in = UnsafeMutablePointer(mutating: input.bindMemory(to: UInt8.self).baseAddress! + headerSize)
                stream.avail_in = uInt(stored.count - headerSize)
                stream.next_out = out.bindMemory(to: UInt8.self).baseAddress!
                stream.avail_out = uInt(count)
                return CZlib.inflate(&stream, whole ? Z_FINISH : Z_SYNC_FLUSH)
            }
        }
        // A prefix leaves the stream unfinished (Z_OK); the whole must end it, checksum and all.
        guard stream.avail_out == 0, whole ? status == Z_STREAM_END : (status == Z_OK || status == Z_STREAM_END) else { return nil }
        return output
    }

    /// The bytes `start..<end` of the normalised text of `stored`, inflating no further than
    /// them; clamped to the text as SQL's `substr` and `TextRange` slicing clamp, so that the
    /// index is told the same text when it forgets a passage as when it indexed it.
    static func passageBytes(_ stored: Data, start: Int, end: Int) -> Data? {
        guard let (textCount, _) = counts(of: stored) else { return nil }
        let upper = min(max(end, 0), textCount), lower = min(max(start, 0), upper)
        guard let prefix = inflatedBytes(stored, count: upper, whole: false) else { return nil }
        return prefix.subdata(in: lower..<upper)
    }

    /// What a statement that meets a value ``deflate(text:raw:)`` did not write fails with.
    static let damaged = "a stored document text is damaged (it does not inflate): the store file is corrupt; "
        + "ingest the corpus into a new store"

    /// ``functionName`` on a connection: a stored BLOB → its normalised text.
    static let function = DatabaseFunction(functionName, argumentCount: 1, pure: true) { values -> (any DatabaseValueConvertible)? in
        guard case .blob(let data) = values[0].storage, let bytes = textBytes(data) else { throw DatabaseError(message: damaged) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// ``passageFunctionName`` on a connection: (stored BLOB, start, end) → that passage's bytes.
    static let passageFunction = DatabaseFunction(passageFunctionName, argumentCount: 3, pure: true) {
        values -> (any DatabaseValueConvertible)? in
        // NULL for a damaged value: FTS5 would turn an error of its content into a bare "SQL
        // logic error", so the search reports a passage without text as damage instead
        // (FTSSearch.hit). The index forgets a document from its text inflated in Swift.
        guard case .blob(let data) = values[0].storage, let start = Int.fromDatabaseValue(values[1]),
              let end = Int.fromDatabaseValue(values[2]) else { return nil }
        // The bytes as they are (the view casts them to TEXT), as the index received them.
        return passageBytes(data, start: start, end: end)
    }
}
