import Foundation
import GRDB
import KremlinologyModel
import Testing
@testable import KremlinologyStore

/// The SQLite file itself: the FTS index agrees with its content, and the write-ahead log
/// stays bounded during a long ingest.
@Suite struct SQLiteFileTests {
    /// A note whose first passage is a heading.
    static func noteWithHeading(_ n: Int) -> IngestedDocument {
        let heading = "Belarus \(n)"
        let body = "Russia is expected to allocate loan number \(n) to Belarus, again and again. " + String(repeating: "Filler words. ", count: 200)
        let text = heading + "\n\n" + body
        let start = heading.utf8.count + 2
        let passages = [Passage(index: 0, range: TextRange(start: 0, end: heading.utf8.count), kind: .heading),
                        Passage(index: 1, range: TextRange(start: start, end: start + body.utf8.count), section: heading)]
        let document = Document(id: String(format: "%016x", n), path: "notes/\(n).md", fileName: "\(n).md", kind: .markdown)
        return IngestedDocument(document: document, text: text, rawText: text, contentHash: "h\(n)", passages: passages)
    }

    @Test func theFullTextIndexPassesItsIntegrityCheckWithHeadings() throws {
        let tmp = try TemporaryStore(.sqlite)
        for n in 0..<3 { _ = try tmp.store.store(Self.noteWithHeading(n), extraction: nil) }
        try tmp.sqlite.pool.write { db in
            try db.execute(sql: "INSERT INTO passage_fts(passage_fts, rank) VALUES('integrity-check', 1)")
        }
        let hits = try tmp.store.search(SearchQuery(text: "Belarus"))
        #expect(hits.count == 6, "headings are found too")
        #expect(hits.prefix(3).allSatisfy { $0.passageIndex == 1 }, "the text ranks above the headings: \(hits.map(\.passageIndex))")
        _ = try tmp.store.store(Self.noteWithHeading(0).with(path: "notes/0.md", hash: "changed"), extraction: nil)
        try tmp.sqlite.pool.write { db in
            try db.execute(sql: "INSERT INTO passage_fts(passage_fts, rank) VALUES('integrity-check', 1)")
        }
    }

    @Test func theWriteAheadLogIsCheckpointedDuringALongIngest() throws {
        let tmp = try TemporaryStore(.sqlite)
        // About 25 MB of writes: more than twice the checkpoint interval.
        for n in 0..<2000 { _ = try tmp.store.store(Self.noteWithHeading(n), extraction: nil) }
        let wal = try FileManager.default.attributesOfItem(atPath: tmp.location + "-wal")[.size] as? Int ?? 0
        #expect(wal <= SQLiteCorpusStore.checkpointPages * 4096 * 2, "WAL is \(wal) bytes")
    }
}

extension IngestedDocument {
    func with(path: String, hash: String) -> IngestedDocument {
        var copy = self
        copy.document.path = path
        copy.contentHash = hash
        return copy
    }
}

/// A word that stands only in a heading (a video title on a channel page) is found, in
/// any script, on both backends.
@Suite struct HeadingSearchTests {
    @Test(arguments: StoreBackend.available)
    func aWordOnlyInAHeadingIsFoundInCyrillicToo(backend: StoreBackend) throws {
        let tmp = try TemporaryStore(backend)
        let heading = "Путин мертв. Что дальше?"
        let body = "Rumors of Vladimir Putins death and its implications"
        let text = heading + "\n\n" + body
        let start = heading.utf8.count + 2
        let passages = [Passage(index: 0, range: TextRange(start: 0, end: heading.utf8.count), kind: .heading),
                        Passage(index: 1, range: TextRange(start: start, end: start + body.utf8.count), section: heading)]
        let doc = IngestedDocument(document: Document(id: "c0ffee0000000001", path: "ru.md", fileName: "ru.md", kind: .markdown),
                                   text: text, rawText: text, contentHash: "h", passages: passages)
        _ = try tmp.store.store(doc, extraction: nil)
        let hits = try tmp.store.search(SearchQuery(text: "Путин"))
        #expect(hits.map(\.passageIndex) == [0], "\(hits)")
        #expect(hits.first?.snippet.contains("[Путин]") == true, "\(hits.first?.snippet ?? "")")
        #expect(try tmp.store.search(SearchQuery(text: "дальше")).count == 1)
    }
}
