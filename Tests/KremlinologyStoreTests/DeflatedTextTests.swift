import Foundation
import GRDB
import KremlinologyModel
import Testing
@testable import KremlinologyStore

/// Issue 14, item 5: the SQLite store keeps a document's two texts deflated in one stream, and
/// everything that reads them (content, search snippets, phrase lookups) reads them back whole.
@Suite struct DeflatedTextTests {
    static let text = "Путин met Erdoğan in Sochi 🇷🇺🇹🇷. The talks were about grain.\n\nA second paragraph."
    static let raw = "---\ntitle: Sochi\n---\n# Sochi\n\n" + text + "\n"

    @Test func bothTextsComeBackByteForByte() throws {
        let stored = try DeflatedText.deflate(text: Self.text, raw: Self.raw)
        let back = try #require(DeflatedText.inflate(stored))
        #expect(back.text == Self.text)
        #expect(back.raw == Self.raw)
        #expect(DeflatedText.textBytes(stored) == Data(Self.text.utf8))
        // A passage inflates as far as its end; a range outside the text is refused.
        let bytes = Array(Self.text.utf8)
        #expect(DeflatedText.passageBytes(stored, start: 6, end: 20) == Data(bytes[6..<20]))
        #expect(DeflatedText.passageBytes(stored, start: 0, end: bytes.count) == Data(bytes))
        // Out of range, clamped as `substr` and `TextRange` slicing clamp (the index saw that text).
        #expect(DeflatedText.passageBytes(stored, start: 10, end: bytes.count + 5) == Data(bytes[10...]))
        #expect(DeflatedText.passageBytes(stored, start: 30, end: 20) == Data())
        // Empty texts, and one empty beside one that is not.
        let empty = try #require(DeflatedText.inflate(try DeflatedText.deflate(text: "", raw: "")))
        #expect(empty.text.isEmpty && empty.raw.isEmpty)
        #expect(DeflatedText.inflate(try DeflatedText.deflate(text: "", raw: "x"))?.raw == "x")
    }

    @Test func theRawTextCostsLittleBesideTheTextItRepeats() throws {
        let note = String(repeating: "Lavrov said the talks in Geneva had failed, and the envoy left. ", count: 40)
            + (0..<200).map { "line \($0) of a varied note with number \($0 * 7919 % 1000)" }.joined(separator: "\n")
        let alone = try DeflatedText.deflate(text: note, raw: "").count
        let pair = try DeflatedText.deflate(text: note, raw: "---\ntitle: x\n---\n" + note).count
        #expect(pair < alone + alone / 5, "the pair took \(pair) bytes, the text alone \(alone)")
        #expect(pair * 4 < note.utf8.count * 2, "the pair took \(pair) bytes for \(note.utf8.count * 2) of text")
    }

    @Test func aDamagedValueIsRefusedNotMisread() throws {
        var stored = try DeflatedText.deflate(text: Self.text, raw: Self.raw)
        #expect(DeflatedText.inflate(Data()) == nil)
        #expect(DeflatedText.inflate(Data(stored.prefix(10))) == nil)
        // A header claiming far more text than the stream can hold.
        stored[3] = 0x7f
        #expect(DeflatedText.inflate(stored) == nil)
        #expect(DeflatedText.textBytes(Data("plain text, not deflated".utf8)) == nil)
        // A header claiming fewer bytes than the stream holds: the whole read must end the stream.
        var short = try DeflatedText.deflate(text: Self.text, raw: Self.raw)
        short[4] = short[4] &- 1
        #expect(DeflatedText.inflate(short) == nil)
    }

    /// A store of the schema before this migration, with a document written the old way (texts
    /// inline), is upgraded when opened: its texts move, its search still finds and quotes the
    /// passage, and the document rows keep no text.
    @Test func anOlderStoreMovesItsTextsAndStillSearches() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("deflate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("old.sqlite").path
        let queue = try DatabaseQueue(path: path)
        try SQLiteMigrations.migrator.migrate(queue, upTo: "v12-places-and-name-keys")
        let second = Self.text.utf8.count - "A second paragraph.".utf8.count
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO document (id, path, file_name, kind, content_hash, text, raw_text, byte_count, passage_count, ingested_at)
                VALUES ('00000000000000aa', 'old/sochi.md', 'sochi.md', 'markdown', 'h', ?, ?, ?, 2, '2026-01-01T00:00:00Z')
                """, arguments: [Self.text, Self.raw, Self.text.utf8.count])
            for (index, range) in [(0, 0..<(second - 2)), (1, second..<Self.text.utf8.count)] {
                try db.execute(sql: """
                    INSERT INTO passage (document_id, idx, start, "end", kind, anchors)
                    VALUES ('00000000000000aa', ?, ?, ?, 'paragraph', ?)
                    """, arguments: [index, range.lowerBound, range.upperBound,
                                     index == 0 ? #"[{"offset":20,"seconds":75,"timestamp":"00:01:15"}]"# : "[]"])
                let body = String(decoding: Array(Self.text.utf8)[range], as: UTF8.self)
                try db.execute(sql: "INSERT INTO passage_fts (rowid, body, heading) VALUES (?, ?, '')",
                               arguments: [db.lastInsertedRowID, body])
            }
        }
        try queue.close()

        let store = try SQLiteCorpusStore(path: path)
        let content = try #require(try store.content(ofDocument: "00000000000000aa"))
        #expect(content.text == Self.text)
        #expect(content.rawText == Self.raw)
        #expect(content.passages.map(\.anchors) == [[TimestampAnchor(offset: 20, timestamp: "00:01:15", seconds: 75)], []])
        let anchors = try store.pool.read { db in try String.fetchAll(db, sql: "SELECT anchors FROM passage ORDER BY idx") }
        #expect(anchors == ["20@75", ""])
        let hits = try store.search(SearchQuery(text: "grain"))
        #expect(hits.map(\.passageIndex) == [0])
        #expect(hits.first?.snippet.contains("[grain]") == true, "\(hits)")
        #expect(try store.documentIDs(mentioningAny: [], containingAny: ["SECOND paragraph"]) == ["00000000000000aa"])
        let columns = try store.pool.read { db in try db.columns(in: "document").map(\.name) }
        #expect(!columns.contains("text") && !columns.contains("raw_text"))
        // The index is sound over the new content view, and deleting the document leaves no text behind.
        try store.pool.write { db in try db.execute(sql: "INSERT INTO passage_fts (passage_fts, rank) VALUES ('integrity-check', 1)") }
        #expect(try store.deleteDocuments(ids: ["00000000000000aa"]) == 1)
        // Forgotten with the text it was indexed with: the index is still sound.
        try store.pool.write { db in try db.execute(sql: "INSERT INTO passage_fts (passage_fts, rank) VALUES ('integrity-check', 1)") }
        #expect(try store.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM document_text") } == 0)
        #expect(try store.search(SearchQuery(text: "grain")).isEmpty)
    }
}

/// A store whose deflated text was damaged outside Kremlinology answers every read that meets
/// it with a clear error naming the store, never a crash or a missing snippet.
@Suite struct DamagedTextTests {
    @Test func searchAndContentReportTheDamage() throws {
        let tmp = try TemporaryStore(.sqlite)
        let text = "Russia shelled Kherson overnight."
        let document = Document(id: "00000000000000dd", path: "d/1.txt", fileName: "1.txt", kind: .text)
        _ = try tmp.store.store(IngestedDocument(document: document, text: text, rawText: text, contentHash: "dd",
                                                 passages: [Passage(index: 0, range: TextRange(start: 0, end: text.utf8.count))]),
                                extraction: nil)
        let store = try #require(tmp.store as? SQLiteCorpusStore)
        #expect(try store.search(SearchQuery(text: "Kherson")).first?.snippet.contains("[Kherson]") == true)
        try store.pool.write { db in try db.execute(sql: "UPDATE document_text SET texts = x'0102030405060708aabbcc'") }
        for read in [{ _ = try store.search(SearchQuery(text: "Kherson")) }, { _ = try store.content(ofDocument: "00000000000000dd") }] {
            #expect {
                try read()
            } throws: { error in
                guard case .failure(let message) = error as? StoreError else { return false }
                return message.contains("damaged") && message.contains("new store")
            }
        }
    }
}

/// Replacing a long document (a changed file under the same path) tells the index to forget
/// every passage, headings included, with the text it indexed: the index stays sound and finds
/// only the new text.
@Suite struct ForgettingPassagesTests {
    static func document(_ word: String, passages: Int) -> IngestedDocument {
        var text = "", ranges: [(TextRange, PassageKind)] = []
        for n in 0..<passages {
            let line = n % 50 == 0 ? "Section \(n) on \(word)" : "Paragraph \(n) of the \(word) note, с кириллицей."
            let start = text.utf8.count
            text += line
            ranges.append((TextRange(start: start, end: text.utf8.count), n % 50 == 0 ? .heading : .paragraph))
            text += "\n\n"
        }
        let id = String(format: "%016llx", UInt64(truncatingIfNeeded: text.hashValue))
        let document = Document(id: id, path: "long/note.md", fileName: "note.md", kind: .markdown)
        return IngestedDocument(document: document, text: text, rawText: text, contentHash: word,
                                passages: ranges.enumerated().map { Passage(index: $0.offset, range: $0.element.0, kind: $0.element.1) })
    }

    @Test func aReplacedLongDocumentLeavesASoundIndex() throws {
        let tmp = try TemporaryStore(.sqlite)
        let store = try #require(tmp.store as? SQLiteCorpusStore)
        _ = try store.store(Self.document("walrus", passages: 3_000), extraction: nil)
        #expect(try store.searchResults(SearchQuery(text: "walrus", candidateBound: 10_000)).total.count == 3_000)
        _ = try store.store(Self.document("narwhal", passages: 3_000), extraction: nil)
        try store.pool.write { db in try db.execute(sql: "INSERT INTO passage_fts (passage_fts, rank) VALUES ('integrity-check', 1)") }
        #expect(try store.search(SearchQuery(text: "walrus")).isEmpty)
        #expect(try store.searchResults(SearchQuery(text: "narwhal", candidateBound: 10_000)).total.count == 3_000)
    }
}
