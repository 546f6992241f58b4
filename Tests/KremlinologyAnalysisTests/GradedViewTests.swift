import Foundation
import Testing
import KremlinologyModel
@testable import KremlinologyStore
@testable import KremlinologyAnalysis

/// Grades in the views (issue 15, item 3): each quote shows its grade, one filter drops what
/// does not meet a minimum grade from every view, and the dossier and the brief say what
/// remains when only A–C sources count.
@Suite struct GradedViewTests {
    static let catalog = SourceCatalog(typeDefaults: [.stateMedia: .e, .thinkTank: .b, .videoChannel: .f], unlisted: .f,
                                       entries: [.init(name: "RT", type: .stateMedia), .init(name: "ISW", type: .thinkTank)])

    /// Hand-graded relations: RT (E) tells of aid and a threat, ISW (B) of the same threat.
    static func graded() -> [StoredRelation] {
        var corpus = Corpus()
        corpus.add("Russia", .aid, "Belarus", outlet: "RT", quote: "Russia sent aid to Belarus")
        corpus.add("Russia", .threaten, "Belarus", outlet: "RT", quote: "Russia threatened Belarus")
        corpus.add("Russia", .threaten, "Belarus", outlet: "ISW", quote: "Moscow threatened Minsk")
        corpus.add("Belarus", .support, "Russia", outlet: "ISW", quote: "Minsk backed Moscow")
        let grading = SourceGrading(catalog: catalog)
        return grading.graded(corpus.relations, evidence: StatementEvidence(corpus.relations))
    }

    @Test func theBriefSaysWhatRemainsWhenOnlyAToCSourcesCount() throws {
        let relations = Self.graded()
        #expect(relations.map { $0.grade?.description } == ["E3", "E2", "B2", "B3"], "two sources make the threat: 2")
        let brief = Brief("Russia", "Belarus", relations: relations)
        let comparison = try #require(brief.reliableSourcesOnly)
        #expect((comparison.claims, comparison.remaining) == (4, 2))
        #expect(comparison.leftOut.map(\.outlet) == ["RT"] && comparison.leftOut.first?.claims == 2)
        let aToB = try #require(comparison.balances.first)
        #expect((aToB.all.cooperative, aToB.all.conflictual, aToB.reliable.cooperative, aToB.reliable.conflictual) == (1, 2, 0, 1))
        let markdown = PageRenderer.markdown(ViewPages.brief(brief))
        #expect(markdown.contains("**Only A–C sources:** 2 of 4 claims remain"), "\(markdown)")
        #expect(markdown.contains("left out: RT (E, 2 claims)"), "\(markdown)")
        #expect(markdown.contains("(B2, ISW"), "every quote shows its grade: \(markdown)")
        #expect(Brief("Russia", "Belarus", relations: Corpus.ungraded).reliableSourcesOnly == nil, "ungraded: no line")
    }

    @Test func aMinimumGradeDropsAnUnreliableOutletFromEveryViewOfTheAnalyzer() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try SQLiteCorpusStore(path: folder.appendingPathComponent("test.sqlite").path)
        let (document, extraction) = loanNote()
        _ = try store.store(document, extraction: extraction)
        let analyzer = try CorpusAnalyzer(store: store, sources: Self.catalog)
        let dossier = try analyzer.dossier("Russia")
        #expect(dossier.strongestQuotes.first?.citation.grade?.description == "F3", "a video channel: F; one source: 3")
        #expect(dossier.reliableSourcesOnly?.remaining == 0)
        let strict = analyzer.graded(atLeast: AdmiraltyGrade("C6"))
        #expect(try strict.dossier("Russia").strongestQuotes.isEmpty)
        #expect(try strict.brief("Russia", "Belarus").relations.isEmpty)
        #expect(try strict.timeline(actor: "Russia").entries.isEmpty)
        #expect(try strict.network(NetworkOptions()).edges.isEmpty)
        #expect(try analyzer.graded(atLeast: AdmiraltyGrade("F6")).brief("Russia", "Belarus").relations.count == 2)
        #expect(throws: AnalysisError.self) { try CorpusAnalyzer(store: store, minimumGrade: AdmiraltyGrade("B3")) }
        #expect(try CorpusAnalyzer(store: store).dossier("Russia").strongestQuotes.first?.citation.grade == nil)
    }
}

extension Corpus {
    /// Relations without grades, as a view built without a catalog sees them.
    static var ungraded: [StoredRelation] {
        var corpus = Corpus()
        corpus.add("Russia", .aid, "Belarus")
        return corpus.relations
    }
}
