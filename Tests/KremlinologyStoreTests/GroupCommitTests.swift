import Foundation
import GRDB
import KremlinologyIngest
import KremlinologyModel
import KremlinologyPipeline
import Testing
@testable import KremlinologyStore

/// Issue 14: several documents per transaction (group commit), each still wholly present or
/// absent: a document that fails inside a group is rolled back alone.
@Suite struct GroupCommitTests {
    static func document(_ name: String) throws -> IngestedDocument {
        try DocumentReader().read(bytes: Array("Russia condemned Ukraine in \(name).".utf8), path: name, fileName: name)
    }

    @Test func aDocumentThatFailsInAGroupIsRolledBackAloneAndTheRestCommit() throws {
        let tmp = try TemporaryStore(.sqlite)
        // A real SQLite failure for one path: the trigger aborts its insert.
        try tmp.sqlite.pool.write { db in
            try db.execute(sql: """
                CREATE TRIGGER refuse_bad BEFORE INSERT ON document WHEN NEW.path = 'bad.txt'
                BEGIN SELECT RAISE(ABORT, 'refused by the test'); END
                """)
        }
        let quote = "Russia condemned Ukraine"
        let relation = Relation(source: "Russia", sourceText: "Russia", target: "Ukraine", targetText: "Ukraine", type: .disapprove,
                                quote: quote, range: TextRange(start: 0, end: quote.utf8.count), rule: "test")
        let items = try ["a.txt", "bad.txt", "c.txt"].map { (document: try Self.document($0), extraction: Optional(ExtractionPayload(relations: [relation]))) }
        let results = try tmp.store.store(batch: items)
        #expect(results.count == 3)
        if case .success(.added) = results[0] {} else { Issue.record("a.txt: \(results[0])") }
        if case .failure(let error) = results[1] { #expect("\(error)".contains("refused by the test")) } else { Issue.record("bad.txt stored") }
        if case .success(.added) = results[2] {} else { Issue.record("c.txt: \(results[2])") }
        #expect(try tmp.store.documents(limit: 10, offset: 0).map(\.document.fileName).sorted() == ["a.txt", "c.txt"])
        // Nothing of the failed document is left: no passage, relation or source row.
        let bad = items[1].document.document.id
        for table in ["passage", "relation", "document_source", "document_band"] {
            let count = try tmp.sqlite.pool.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM \(table) WHERE document_id = ?", arguments: [bad]) }
            #expect(count == 0, "\(table)")
        }
        #expect(try tmp.store.relations(RelationFilter()).count == 2)
    }

    @Test(arguments: StoreBackend.available)
    func theIngestorWritesGroupsAndReportsEveryFile(backend: StoreBackend) throws {
        let tmp = try TemporaryStore(backend)
        var files: [URL] = []
        for i in 0..<150 {
            let url = tmp.folder.appendingPathComponent("note\(i).txt")
            try Data("Kyiv asked Berlin for air defence systems, request \(i).\n".utf8).write(to: url)
            files.append(url)
        }
        var events = 0
        let report = CorpusIngestor(store: tmp.store, workers: 2).ingest(files: files, event: { _ in events += 1 })
        #expect(report.added == 150)
        #expect(events == 150)
        #expect(try tmp.store.documentCount() == 150)
        let again = CorpusIngestor(store: tmp.store, workers: 2).ingest(files: files)
        #expect(again.unchanged == 150)
    }
}
