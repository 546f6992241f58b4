import Foundation
import KremlinologyModel
import KremlinologyPipeline
import Testing
@testable import KremlinologyStore

/// Open-world actors in the store: kept as unreviewed actor records, listed with their counts and
/// an example quote, never replacing a reviewed record of a pack. Run against every backend.
@Suite struct UnreviewedActorsTests {
    static func document(_ n: Int, _ text: String) -> IngestedDocument {
        let document = Document(id: String(format: "%016x", 0x0e00 + n), path: "ow/\(n).txt", fileName: "\(n).txt", kind: .text)
        return IngestedDocument(document: document, text: text, rawText: text, contentHash: "ow\(n)",
                                passages: [Passage(index: 0, range: TextRange(start: 0, end: text.utf8.count))])
    }

    static let texts = [
        "Zembla agreed to restore diplomatic ties with Freedonia.",
        "Russia imposed sanctions on Zembla. Zembla later accused Freedonia of espionage.",
    ]

    static func ingest(into store: any CorpusStore) throws {
        let extraction = try FactExtraction(packDirectories: [])
        for (n, text) in texts.enumerated() {
            let doc = document(n, text)
            _ = try store.store(doc, extraction: extraction.payload(for: doc))
        }
    }

    @Test(arguments: StoreBackend.available)
    func openWorldActorsAreStoredAndListedAsUnreviewed(backend: StoreBackend) throws {
        let tmp = try TemporaryStore(backend)
        try Self.ingest(into: tmp.store)
        let listed = try tmp.store.unreviewedActors(limit: 10, offset: 0)
        #expect(listed.map(\.actor.name) == ["Zembla", "Freedonia"], "\(listed)")
        let zembla = try #require(listed.first)
        #expect(zembla.mentions == 3)
        #expect(zembla.documents == 2)
        #expect(zembla.example == "Zembla agreed to restore diplomatic ties with Freedonia.")
        #expect(zembla.exampleDocument == "0.txt")
        #expect(!zembla.actor.reviewed)
        #expect(try tmp.store.countUnreviewedActors() == 2)
        #expect(try tmp.store.unreviewedActors(limit: 1, offset: 1).map(\.actor.name) == ["Freedonia"])
        // The pack's actors stay reviewed, and the unreviewed ones are actors of the store too.
        let records = Dictionary(try tmp.store.actorRecords().map { ($0.name, $0.reviewed) }, uniquingKeysWith: { a, _ in a })
        #expect(records["Russia"] == true)
        #expect(records["Zembla"] == false)
        #expect(try tmp.store.actors(kind: nil, limit: 10).contains { $0.actor.name == "Zembla" && !$0.actor.reviewed })
    }

    @Test(arguments: StoreBackend.available)
    func anUnreviewedRecordNeverReplacesAReviewedOne(backend: StoreBackend) throws {
        let tmp = try TemporaryStore(backend)
        let text = "Zembla agreed."
        let mention = ActorMention(actor: "Zembla", text: "Zembla", range: TextRange(start: 0, end: 6), rule: "gazetteer")
        let promoted = Actor(name: "Zembla", kind: .state, country: "ZMB")
        _ = try tmp.store.store(Self.document(7, text), extraction: ExtractionPayload(actors: [promoted], mentions: [mention]))
        var guessed = mention
        guessed.rule = "open-world"
        _ = try tmp.store.store(Self.document(8, text + " "),
                                extraction: ExtractionPayload(actors: [Actor(name: "Zembla", kind: .organization, reviewed: false)],
                                                              mentions: [guessed]))
        let record = try #require(try tmp.store.actorRecords().first { $0.name == "Zembla" })
        #expect(record == promoted)
        #expect(try tmp.store.countUnreviewedActors() == 0)
    }
}
