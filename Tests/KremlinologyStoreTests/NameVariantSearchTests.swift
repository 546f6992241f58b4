import Foundation
import KremlinologyIngest
import KremlinologyModel
import Testing
@testable import KremlinologyStore

/// Issue 13 item 8: transliterations find each other where the pack knows the actor.
@Suite struct NameVariantSearchTests {
    static let lukashenko = Actor(name: "Alexander Lukashenko", kind: .person,
                                  aliases: ["Lukashenko", "Lukashenka", "Alyaksandr Lukashenka"])

    @Test(arguments: StoreBackend.available)
    func aSearchForOneSpellingFindsTheOthersOfAKnownActor(backend: StoreBackend) throws {
        let tmp = try TemporaryStore(backend)
        let belarusian = try DocumentReader().read(bytes: Array("Lukashenka met the delegation in Minsk.".utf8), path: "a.txt", fileName: "a.txt")
        let russian = try DocumentReader().read(bytes: Array("Lukashenko flew to Sochi.".utf8), path: "b.txt", fileName: "b.txt")
        _ = try tmp.store.store(belarusian, extraction: ExtractionPayload(actors: [Self.lukashenko]))
        _ = try tmp.store.store(russian, extraction: nil)
        let fromRussian = try tmp.store.search(SearchQuery(text: "Lukashenko")).map(\.fileName).sorted()
        let fromBelarusian = try tmp.store.search(SearchQuery(text: "lukashenka")).map(\.fileName).sorted()
        #expect(fromRussian == ["a.txt", "b.txt"])
        #expect(fromBelarusian == ["a.txt", "b.txt"])
        // A phrase is searched as written, and other words are never expanded.
        #expect(try tmp.store.search(SearchQuery(text: "\"Lukashenka met\"")).map(\.fileName) == ["a.txt"])
        #expect(try tmp.store.search(SearchQuery(text: "delegation")).map(\.fileName) == ["a.txt"])
        // A name with other spellings beside another word: before, FTS5 refused the query as syntax.
        #expect(try tmp.store.search(SearchQuery(text: "Lukashenko Minsk")).map(\.fileName) == ["a.txt"])
        #expect(try tmp.store.search(SearchQuery(text: "Sochi lukashenka")).map(\.fileName) == ["b.txt"])
    }

    @Test func variantsComeOnlyFromOneActorsOwnSpellings() throws {
        let variants = NameVariants([Self.lukashenko, Actor(name: "Vladimir Solovyov", kind: .person, aliases: ["Solovyov"]),
                                     Actor(name: "Valery Solovey", kind: .person, aliases: ["Solovey"])])
        #expect(variants.alternatives(of: "Lukashenko") == ["lukashenka"])
        #expect(variants.alternatives(of: "LUKASHENKA") == ["lukashenko"])
        #expect(variants.alternatives(of: "Solovyov").isEmpty)
        #expect(variants.alternatives(of: "Solovey").isEmpty)
        #expect(FTSQuery.build([FTSQuery.Term(text: "Lukashenko", isPhrase: false, alternatives: ["lukashenka"])])
                == "(\"Lukashenko\" OR \"lukashenka\")")
    }
}
