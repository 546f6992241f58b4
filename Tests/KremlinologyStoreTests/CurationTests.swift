import Foundation
import KremlinologyIngest
import KremlinologyModel
import KremlinologyPipeline
import Testing
@testable import KremlinologyStore

/// Actor curation (issue 15, item 1) on both backends: decisions are kept in the store,
/// applied by extracting again the documents they change, undone the same way, and exported
/// as a pack that a fresh store reads to the same result.
@Suite struct CurationTests {
    /// Texts of our own: a professor the pack does not know, spelled two ways, and facts of pack actors.
    static let texts = [
        ("a.txt", "Valery Solovey criticised Vladimir Putin over the mobilisation.\n\nValery Solovey praised Belarus for its restraint.\n"),
        ("b.txt", "Valery Soloviev condemned Russia for the missile strikes.\n"),
        ("c.txt", "Russia threatened Belarus with a gas embargo.\n"),
        // The surname alone: once a merge makes Valery Solovey a pack entry, it matches here too.
        ("d.txt", "Officials said that Solovey warned Ukraine about the coming offensive.\n"),
    ]

    static func ingested(_ backend: StoreBackend) throws -> (TemporaryStore, Curator) {
        let tmp = try TemporaryStore(backend)
        let curator = try Curator(store: tmp.store, packDirectories: [])
        for (name, text) in texts {
            let document = try DocumentReader().read(bytes: Array(text.utf8), path: name, fileName: name)
            _ = try tmp.store.store(document, extraction: try curator.facts().payload(for: document))
        }
        return (tmp, curator)
    }

    /// Name → (mentions, claims out, claims in, reviewed) of every listed actor.
    static func figures(_ store: any CorpusStore) throws -> [String: [Int]] {
        Dictionary(uniqueKeysWithValues: try store.actors(kind: nil, limit: 100).map {
            ($0.actor.name, [$0.mentions, $0.relationsOut, $0.relationsIn, $0.actor.reviewed ? 1 : 0])
        })
    }

    @Test(arguments: StoreBackend.available)
    func mergeThenSplitRestoresTheCountsAndUndoRestoresThemToo(backend: StoreBackend) throws {
        let (tmp, curator) = try Self.ingested(backend)
        let original = try Self.figures(tmp.store)
        #expect(original["Valery Solovey"] == [2, 2, 0, 0] && original["Valery Soloviev"] == [1, 1, 0, 0], "\(original)")

        let merged = try curator.decide(CurationDecision(action: .merge, actor: "valery soloviev", other: "Valery Solovey", note: "one man"))
        #expect(merged.decision.actor == "Valery Soloviev", "typed names are resolved to canonical ones")
        #expect(merged.documents == 3, "the documents that name either, and the one with the surname alone (it matches now)")
        let afterMerge = try Self.figures(tmp.store)
        #expect(afterMerge["Valery Solovey"] == [4, 4, 0, 0], "\(afterMerge)")
        #expect(afterMerge["Valery Soloviev"] == nil)
        #expect(try tmp.store.actorRecords().allSatisfy { $0.name != "Valery Soloviev" }, "the merged-away record goes")
        #expect(try tmp.store.relations(RelationFilter(source: "Valery Solovey")).count == 4)

        _ = try curator.decide(CurationDecision(action: .split, actor: "Valery Solovey", newName: "Valery Soloviev", alias: "Valery Soloviev"))
        #expect(try Self.figures(tmp.store) == original, "split undoes the merge's counts")

        // Undoing both, last first, leaves the store as extraction made it.
        let log = try tmp.store.curations(includingUndone: true)
        #expect(log.map(\.action) == [.merge, .split] && log.first?.note == "one man")
        _ = try curator.undo(id: try #require(log[1].id))
        #expect(try Self.figures(tmp.store) == afterMerge)
        _ = try curator.undo(id: try #require(log[0].id))
        #expect(try Self.figures(tmp.store) == original)
        #expect(try tmp.store.curations(includingUndone: false).isEmpty)
        #expect(try tmp.store.curations(includingUndone: true).allSatisfy { $0.undoneAt != nil }, "the log keeps what was undone")
        #expect(throws: StoreError.self) { try curator.undo(id: try #require(log[0].id)) }
    }

    @Test(arguments: StoreBackend.available)
    func dismissRenamePromoteAndAliases(backend: StoreBackend) throws {
        let (tmp, curator) = try Self.ingested(backend)
        let claims = try tmp.store.stats().claims
        _ = try curator.decide(CurationDecision(action: .dismiss, actor: "Valery Soloviev"))
        #expect(try Self.figures(tmp.store)["Valery Soloviev"] == nil)
        #expect(try tmp.store.stats().claims == claims - 1, "its fact is no claim between actors")
        let dismissal = try #require(try tmp.store.curations(includingUndone: false).last?.id)
        let original = try Self.figures(tmp.store)
        _ = try curator.undo(id: dismissal)
        #expect(try Self.figures(tmp.store)["Valery Soloviev"] == [1, 1, 0, 0], "undone: it is an actor again")
        #expect(try tmp.store.stats().claims == claims)
        #expect(original["Valery Soloviev"] == nil)

        _ = try curator.decide(CurationDecision(action: .promote, actor: "Valery Solovey", kind: .person))
        #expect(try Self.figures(tmp.store)["Valery Solovey"] == [3, 3, 0, 1], "promoted: reviewed, and a pack entry whose surname matches alone")
        _ = try curator.decide(CurationDecision(action: .rename, actor: "Valery Solovey", newName: "Valery D. Solovey"))
        let renamed = try #require(try tmp.store.actorRecords().first { $0.name == "Valery D. Solovey" })
        #expect(renamed.aliases.contains("Valery Solovey") && renamed.reviewed)
        #expect(try tmp.store.relations(RelationFilter(source: "Valery D. Solovey")).count == 3)

        _ = try curator.decide(CurationDecision(action: .aliasAdd, actor: "Belarus", alias: "the gas embargo"))
        #expect(try tmp.store.relations(RelationFilter(target: "Belarus")).count >= 1)
        #expect(throws: CurationError.self) { try curator.decide(CurationDecision(action: .aliasRemove, actor: "Belarus", alias: "Atlantis")) }
        #expect(throws: CurationError.self) { try curator.decide(CurationDecision(action: .merge, actor: "Nobody", other: "Russia")) }
        #expect(throws: CurationError.self) { try curator.decide(CurationDecision(action: .rename, actor: "Russia", newName: "Belarus")) }
        #expect(try tmp.store.curations(includingUndone: true).count == 4, "a decision that does not apply is not recorded")
    }

    @Test(arguments: StoreBackend.available)
    func theExportedPackReadsAFreshStoreToTheSameResult(backend: StoreBackend) throws {
        let (tmp, curator) = try Self.ingested(backend)
        _ = try curator.decide(CurationDecision(action: .merge, actor: "Valery Soloviev", other: "Valery Solovey"))
        _ = try curator.decide(CurationDecision(action: .dismiss, actor: "Belarus"))
        let pack = tmp.folder.appendingPathComponent("curation-pack")
        _ = try curator.exportPack(to: pack)

        let fresh = try TemporaryStore(.sqlite)
        let facts = try FactExtraction(packDirectories: [pack.path])
        for (name, text) in Self.texts {
            let document = try DocumentReader().read(bytes: Array(text.utf8), path: name, fileName: name)
            _ = try fresh.store.store(document, extraction: facts.payload(for: document))
        }
        #expect(try Self.figures(fresh.store) == Self.figures(tmp.store))
        #expect(try fresh.store.stats().claims == tmp.store.stats().claims)
        #expect(try Self.figures(fresh.store)["Belarus"] == nil)
    }

    /// A server's extraction follows a decision another process made (the CLI beside `serve`).
    @Test func aLiveCurationReadsWithDecisionsMadeElsewhere() throws {
        let (tmp, curator) = try Self.ingested(.sqlite)
        let live = try LiveCuration(curator)
        let upload = try DocumentReader().read(bytes: Array("Valery Soloviev praised Belarus.\n".utf8), path: "u.txt", fileName: "u.txt")
        #expect(live.facts.payload(for: upload).relations.first?.source == "Valery Soloviev")
        let elsewhere = try Curator(store: tmp.store, packDirectories: [])
        _ = try elsewhere.decide(CurationDecision(action: .merge, actor: "Valery Soloviev", other: "Valery Solovey"))
        #expect(live.facts.payload(for: upload).relations.first?.source == "Valery Solovey")
    }
}
