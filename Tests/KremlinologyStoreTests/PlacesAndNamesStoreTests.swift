import Foundation
import GRDB
import KremlinologyModel
import KremlinologyPipeline
import Testing
@testable import KremlinologyStore

/// Issue 11, items 4 and 5, in the store: a relation keeps its location, and an open-world actor
/// whose name folds like a stored one's is that actor across documents, never a pack's person or
/// a person whose given name disagrees. Run against every backend; the sentences are our own.
@Suite struct PlacesAndNamesStoreTests {
    static func document(_ n: Int, _ text: String) -> IngestedDocument {
        let document = Document(id: String(format: "%016x", 0x0f00 + n), path: "pn/\(n).txt", fileName: "\(n).txt", kind: .text)
        return IngestedDocument(document: document, text: text, rawText: text, contentHash: "pn\(n)",
                                passages: [Passage(index: 0, range: TextRange(start: 0, end: text.utf8.count))])
    }

    static let extraction = Result { try FactExtraction(packDirectories: []) }

    /// Extracts and stores each text as a document of its own, in order.
    static func store(_ texts: [String], into store: any CorpusStore, from first: Int = 0) throws {
        let facts = try extraction.get()
        for (n, text) in texts.enumerated() {
            let doc = document(first + n, text)
            _ = try store.store(doc, extraction: facts.payload(for: doc))
        }
    }

    @Test(arguments: StoreBackend.available)
    func aRelationKeepsItsLocation(backend: StoreBackend) throws {
        let tmp = try TemporaryStore(backend)
        try Self.store(["Russia shelled Kherson overnight."], into: tmp.store)
        let r = try #require(try tmp.store.relations(RelationFilter(limit: 10)).first)
        #expect(r.relation.target == "Ukraine")
        #expect(r.relation.location == "Kherson")
        // A copy of the facts (as `copy` reads them) keeps it too.
        let facts = try #require(try tmp.store.extraction(ofDocument: Self.document(0, "").document.id))
        #expect(facts.relations.map(\.location) == ["Kherson"])
    }

    @Test(arguments: StoreBackend.available)
    func spellingsOfAnOpenWorldNameAreOneActorAcrossDocuments(backend: StoreBackend) throws {
        let tmp = try TemporaryStore(backend)
        try Self.store(["Valery Solovyov accused the Kremlin of lying.", "Valery Soloviev accused NATO of lying.",
                        "Valeriy Solovyov later criticised Ukraine."], into: tmp.store)
        let listed = try tmp.store.unreviewedActors(limit: 10, offset: 0).map(\.actor.name)
        #expect(listed == ["Valery Solovyov"], "\(listed)")
        let sources = Set(try tmp.store.relations(RelationFilter(limit: 10)).map(\.relation.source))
        #expect(sources == ["Valery Solovyov"], "\(sources)")
        // The spelling as written stays in the mention and the relation's source text.
        let texts = Set(try tmp.store.relations(RelationFilter(limit: 10)).map(\.relation.sourceText))
        #expect(texts == ["Valery Solovyov", "Valery Soloviev", "Valeriy Solovyov"])
    }

    @Test(arguments: StoreBackend.available)
    func disagreeingGivenNamesAndPacksPeopleAreNeverFoldedTogether(backend: StoreBackend) throws {
        let tmp = try TemporaryStore(backend)
        try Self.store(["Valery Solovey accused the Kremlin of lying.", "Vladimir Solovey accused NATO of lying.",
                        "Vladimir Solovyov criticised Ukraine."], into: tmp.store)
        let listed = Set(try tmp.store.unreviewedActors(limit: 10, offset: 0).map(\.actor.name))
        #expect(listed == ["Valery Solovey", "Vladimir Solovey"], "\(listed)")
        let sources = Set(try tmp.store.relations(RelationFilter(limit: 10)).map(\.relation.source))
        #expect(sources == ["Valery Solovey", "Vladimir Solovey", "Vladimir Solovyov"], "\(sources)")
    }

    @Test(arguments: StoreBackend.available)
    func reextractionFoldsAsTheFirstIngestDid(backend: StoreBackend) throws {
        let tmp = try TemporaryStore(backend)
        try Self.store(["Anton Vrelkoyev accused the Kremlin of lying.", "Anton Vrelkoev accused NATO of lying."], into: tmp.store)
        let report = try Reextraction(store: tmp.store, facts: try Self.extraction.get()).run(threads: 1)
        #expect(report.documents == 2)
        let sources = Set(try tmp.store.relations(RelationFilter(limit: 10)).map(\.relation.source))
        #expect(sources == ["Anton Vrelkoyev"], "\(sources)")
    }
}

/// A SQLite store of the schema before places (up to the judgements migration) gets the
/// location and name-key columns when it is opened, and stores locations from then on.
@Suite struct PlacesMigrationTests {
    @Test func anOlderSQLiteStoreGainsLocationsAndNameKeys() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("places-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("old.sqlite").path
        try SQLiteMigrations.migrator.migrate(DatabaseQueue(path: path), upTo: "v9-judgements")
        let store = try SQLiteCorpusStore(path: path)
        let doc = PlacesAndNamesStoreTests.document(0, "Russia shelled Kherson overnight.")
        _ = try store.store(doc, extraction: try PlacesAndNamesStoreTests.extraction.get().payload(for: doc))
        #expect(try store.relations(RelationFilter(limit: 10)).map(\.relation.location) == ["Kherson"])
    }
}
