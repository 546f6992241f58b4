import Foundation
import Testing
import KremlinologyModel
import KremlinologyStore
@testable import KremlinologyAnalysis

/// Issue 13, item 4: only actors are actors. A relation whose other end is a common noun or a
/// fragment the extractor could not name ("troops", "Happening") is kept in the store and its
/// exports, but never becomes a node, a counterpart, a wiki page or a figure of a view.
@Suite struct OnlyActorsTests {
    func store() throws -> (SQLiteCorpusStore, URL) {
        let folder = try temporaryFolder()
        let store = try SQLiteCorpusStore(path: folder.appendingPathComponent("test.sqlite").path)
        var (document, extraction) = loanNote()
        let quote = "Russia promised"
        for fallback in ["troops", "Happening"] {
            extraction.relations.append(Relation(source: "Russia", sourceText: "Russia", target: fallback, targetText: fallback,
                                                 type: .threaten, quote: quote, range: TextRange(start: 0, end: quote.utf8.count),
                                                 rule: "unknown:test"))
        }
        _ = try store.store(document, extraction: extraction)
        return (store, folder)
    }

    @Test func unnamedEndsAreNeverNodesCounterpartsOrPages() throws {
        let (store, folder) = try store()
        defer { try? FileManager.default.removeItem(at: folder) }
        let analyzer = try CorpusAnalyzer(store: store)
        #expect(try store.relations(RelationFilter()).count == 4)  // the store keeps them
        let network = try analyzer.network(NetworkOptions())
        #expect(Set(network.nodes.map(\.name)) == ["Russia", "Belarus"])
        let dossier = try analyzer.dossier("Russia")
        #expect(Set(dossier.relationsOut.map(\.counterpart)) == ["Belarus"])
        #expect(dossier.balanceOut.conflictual == 0)
        #expect(try analyzer.timeline(actor: "Russia").entries.allSatisfy { $0.target == "Belarus" })
        var pages: [String] = []
        try analyzer.wiki().forEachPage { pages.append($0.title) }
        #expect(!pages.contains { $0.contains("troops") || $0.contains("Happening") }, "\(pages)")
        #expect(throws: AnalysisError.unknownActor("troops")) { try analyzer.dossier("troops") }
    }

    /// Open-world actors (names no pack knows, stored unreviewed) are actors of the store: their
    /// relations count, and the directory says which they are.
    @Test func unreviewedActorsAreActorsAndSayWhichTheyAre() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try SQLiteCorpusStore(path: folder.appendingPathComponent("test.sqlite").path)
        var (document, extraction) = loanNote()
        let quote = "Russia promised"
        extraction.actors.append(Actor(name: "Zembla", kind: .organization, reviewed: false))
        extraction.mentions.append(ActorMention(actor: "Zembla", text: "Zembla", range: TextRange(start: 0, end: 6), rule: "open-world"))
        extraction.relations.append(Relation(source: "Russia", sourceText: "Russia", target: "Zembla", targetText: "Zembla",
                                             type: .threaten, quote: quote, range: TextRange(start: 0, end: quote.utf8.count),
                                             rule: "open-world:test"))
        _ = try store.store(document, extraction: extraction)
        let analyzer = try CorpusAnalyzer(store: store)
        #expect(analyzer.actorsOnly(try store.relations(RelationFilter())).contains { $0.relation.target == "Zembla" })
        #expect(try analyzer.dossier("Russia").relationsOut.contains { $0.counterpart == "Zembla" })
        #expect(analyzer.directory.isUnreviewed("Zembla"))
        #expect(!analyzer.directory.isUnreviewed("Russia"))

        // Shown, marked as such: on its dossier and as a node.
        #expect(try analyzer.dossier("Zembla").profile.reviewed == false)
        #expect(try analyzer.dossier("Russia").profile.reviewed)
        let nodes = try analyzer.network(NetworkOptions()).nodes
        #expect(nodes.first { $0.name == "Zembla" }?.reviewed == false)
        #expect(nodes.first { $0.name == "Russia" }?.reviewed == true)
        #expect(PageRenderer.markdown(ViewPages.dossier(try analyzer.dossier("Zembla"))).contains("**unreviewed**"))

        // One switch hides it everywhere: its relations, its node, its dossier.
        let reviewed = analyzer.reviewed(only: true)
        #expect(!reviewed.actorsOnly(try store.relations(RelationFilter())).contains { $0.relation.target == "Zembla" })
        #expect(try !reviewed.dossier("Russia").relationsOut.contains { $0.counterpart == "Zembla" })
        #expect(try !reviewed.network(NetworkOptions()).nodes.contains { $0.name == "Zembla" })
        #expect(throws: AnalysisError.hiddenUnreviewed("Zembla")) { try reviewed.dossier("Zembla") }
    }
}
