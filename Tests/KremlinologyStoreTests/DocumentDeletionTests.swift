import Foundation
import KremlinologyIngest
import KremlinologyModel
import KremlinologyPipeline
import Testing
@testable import KremlinologyStore

/// Deleting a document removes everything read from it, in one transaction, on both backends;
/// the other documents keep theirs (issue 15, item 4).
@Suite struct DocumentDeletionTests {
    static let facts = Result { try FactExtraction(packDirectories: []) }

    static func read(_ text: String, _ name: String) throws -> IngestedDocument {
        try DocumentReader().read(bytes: Array(text.utf8), path: name, fileName: name)
    }

    @Test(arguments: StoreBackend.available)
    func aDeletedDocumentLeavesNoFactBehindAndTheOthersKeepTheirs(backend: StoreBackend) throws {
        let tmp = try TemporaryStore(backend)
        let facts = try Self.facts.get()
        let gone = try Self.read("""
            Maxim Oreshkin, Putin's economic adviser, presented the budget.

            Zembla agreed to restore diplomatic ties with Freedonia. Russia condemned Ukraine over the gas transit.
            """, "gone.txt")
        let kept = try Self.read("Russia condemned Ukraine over the gas transit.\n", "kept.txt")
        for document in [gone, kept] { _ = try tmp.store.store(document, extraction: facts.payload(for: document)) }
        #expect(try tmp.store.ties(involving: nil).count == 1)
        #expect(try tmp.store.actorRecords().contains { $0.name == "Zembla" && !$0.reviewed })
        let before = try tmp.store.stats()
        let keptRelations = try tmp.store.relations(RelationFilter(documentID: kept.document.id)).count
        #expect(keptRelations >= 1)

        #expect(try tmp.store.deleteDocuments(ids: [gone.document.id, "no-such-id"]) == 1)

        let after = try tmp.store.stats()
        #expect(after.documents == before.documents - 1)
        #expect(after.relations == keptRelations)
        #expect(after.ties == 0)
        #expect(try tmp.store.documents(limit: 10, offset: 0).map(\.document.fileName) == ["kept.txt"])
        #expect(try tmp.store.search(SearchQuery(text: "budget")).isEmpty, "its passages leave the search index")
        #expect(try !tmp.store.search(SearchQuery(text: "transit")).isEmpty)
        #expect(try tmp.store.extraction(ofDocument: gone.document.id) == nil)
        #expect(try !tmp.store.actorRecords().contains { $0.name == "Zembla" }, "an unreviewed actor goes with its last mention")
        #expect(try tmp.store.actorRecords().contains { $0.name == "Russia" })
        // Stored again, it comes back whole: the store forgot the records it had written.
        _ = try tmp.store.store(gone, extraction: facts.payload(for: gone))
        #expect(try tmp.store.actorRecords().contains { $0.name == "Zembla" })
        #expect(try tmp.store.stats().relations == before.relations)
    }
}
