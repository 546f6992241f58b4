import Foundation
import KremlinologyIngest
import KremlinologyModel
import KremlinologyPipeline
import Testing
@testable import KremlinologyStore
import GRDB

/// Structural ties are stored beside relations, on both backends: read back by holder or
/// principal with their document and locator, replaced with the document's extraction, and
/// never counted as relations.
@Suite struct StructuralTieStoreTests {
    static let facts = Result { try FactExtraction(packDirectories: []) }

    static let text = """
        Maxim Oreshkin, Putin's economic adviser, presented the budget.

        Sergei Ivanov is not an adviser to Putin. Russia condemned Ukraine.
        """

    @Test(arguments: StoreBackend.available)
    func tiesAreStoredApartFromRelationsAndReadByEitherEnd(backend: StoreBackend) throws {
        let tmp = try TemporaryStore(backend)
        let facts = try Self.facts.get()
        let document = try DocumentReader().read(bytes: Array(Self.text.utf8), path: "ties.txt", fileName: "ties.txt")
        let payload = facts.payload(for: document)
        #expect(payload.ties.count == 2)
        _ = try tmp.store.store(document, extraction: payload)

        let putin = try tmp.store.ties(involving: "Vladimir Putin")
        #expect(putin.map(\.tie.holder) == ["Maxim Oreshkin", "Sergei Ivanov"])
        #expect(putin.map(\.tie.modality) == [.asserted, .negated])
        #expect(putin.allSatisfy { $0.fileName == "ties.txt" && $0.sourceKey == "document:\(document.document.id)" })
        #expect(putin.first?.locator.paragraph == 1)
        #expect(try tmp.store.ties(involving: "Maxim Oreshkin").count == 1)
        #expect(try tmp.store.ties(involving: nil).count == 2)
        #expect(try tmp.store.countRelations(RelationFilter()) == payload.relations.count, "ties are no relations")

        // The stored extraction carries the ties (for `copy`), and replacing it replaces them.
        let stored = try #require(try tmp.store.extraction(ofDocument: document.document.id))
        #expect(stored.ties == payload.ties)
        var without = payload
        without.ties = []
        try tmp.store.replaceExtraction(documentID: document.document.id, with: without)
        #expect(try tmp.store.ties(involving: nil).isEmpty)
    }
}

/// `stats` and the actors listing count claims as the views do: six notes of one video
/// repeating a remark are one claim of one source.
@Suite struct ClaimFigureTests {
    @Test(arguments: StoreBackend.available)
    func sixNotesOfOneVideoAreOneClaimOfOneSource(backend: StoreBackend) throws {
        let tmp = try TemporaryStore(backend)
        for n in 1...6 {
            let text = "Russia is expected to allocate a loan to Belarus. Hybrid warfare replaced hot war.\n\nNote \(n)."
            let doc = videoNote(path: "notes/loan-\(n).md", text: text, hash: "h\(n)")
            _ = try tmp.store.store(doc, extraction: loanExtraction(for: doc))
        }
        let stats = try tmp.store.stats()
        #expect(stats.documents == 6)
        #expect(stats.relations == 6)
        #expect(stats.claims == 1)
        #expect(stats.claimsByType == ["AID": 1])
        #expect(stats.sources == 1)
        let russia = try #require(try tmp.store.actors(kind: nil, limit: 10).first { $0.actor.name == "Russia" })
        #expect(russia.relationsOut == 1)
        let belarus = try #require(try tmp.store.actors(kind: nil, limit: 10).first { $0.actor.name == "Belarus" })
        #expect(belarus.relationsIn == 1)
    }
}

/// A store written by the previous version (schema up to the sources migration) is brought up
/// to date when a reader opens it, so that `stats` and the dossier find the ties table.
@Suite struct OlderStoreUpgradeTests {
    @Test func aReaderOfAnOlderSQLiteStoreUpgradesItsSchemaOnce() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("older-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("old.sqlite").path
        try SQLiteMigrations.migrator.migrate(DatabaseQueue(path: path), upTo: "v6-document-sources")
        let reader = try SQLiteCorpusStore(path: path, readOnly: true)
        #expect(try reader.stats().ties == 0)
        #expect(try reader.ties(involving: "Vladimir Putin").isEmpty)
    }
}
