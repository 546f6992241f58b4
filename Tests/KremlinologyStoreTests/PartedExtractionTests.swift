import Foundation
import KremlinologyIngest
import KremlinologyModel
import KremlinologyPipeline
import Testing
@testable import KremlinologyStore

/// A huge document's facts are written in parts inside its transaction (issue 12: one 50 MB
/// line took 24× its size in memory). The parts must add up to exactly what one whole
/// extraction finds, on both backends.
@Suite struct PartedExtractionTests {
    static let facts = Result { try FactExtraction(packDirectories: []) }

    /// About 560 KB on one line: three of the extractor's 256 KB windows, so three parts.
    static func hugeLine() -> String {
        let actors = ["Russia", "Ukraine", "Vladimir Putin", "Sergei Lavrov", "China", "Belarus", "NATO", "Turkey"]
        let verbs = ["condemned", "met", "praised", "threatened", "accused", "visited", "criticised", "supported"]
        var out = ""
        var i = 0
        while out.utf8.count < 560_000 {
            out += "\(actors[i % actors.count]) \(verbs[(i / 8) % verbs.count]) \(actors[(i / 3 + 1) % actors.count]) on day \(i). "
            i += 1
        }
        return out
    }

    @Test(arguments: StoreBackend.available)
    func factsWrittenInPartsAreThoseOfAWholeExtraction(backend: StoreBackend) throws {
        let tmp = try TemporaryStore(backend)
        let facts = try Self.facts.get()
        let document = try DocumentReader().read(bytes: Array(Self.hugeLine().utf8), path: "huge.txt", fileName: "huge.txt")
        let whole = facts.payload(for: document)
        var parts = 0
        let outcome = try tmp.store.store(document) { write in
            try facts.payloads(for: document, partBytes: 1) { part in
                parts += 1
                try write(part)
            }
        }
        #expect(outcome == .added(documentID: document.document.id))
        #expect(parts >= 3)
        let stored = try #require(try tmp.store.extraction(ofDocument: document.document.id))
        #expect(whole.relations.count > 4_000)
        #expect(stored.relations.map(\.range) == whole.relations.map(\.range))
        #expect(stored.relations.map(\.type) == whole.relations.map(\.type))
        #expect(stored.mentions.count == whole.mentions.count)
        #expect(Set(stored.actors.map(\.name)) == Set(whole.actors.map(\.name)))
    }

    /// An unchanged document is not extracted again: its parts are never asked for.
    @Test func anUnchangedDocumentIsNotExtractedAgain() throws {
        let tmp = try TemporaryStore(.sqlite)
        let document = try DocumentReader().read(bytes: Array("Russia met China.".utf8), path: "a.txt", fileName: "a.txt")
        _ = try tmp.store.store(document, extraction: nil)
        var asked = false
        let again = try tmp.store.store(document) { _ in asked = true }
        #expect(again == .unchanged(documentID: document.document.id))
        #expect(!asked)
    }
}
