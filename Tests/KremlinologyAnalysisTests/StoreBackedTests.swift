import Foundation
import Testing
import KremlinologyModel
import KremlinologyStore
@testable import KremlinologyAnalysis

/// A video note like the seeds: a loan to Belarus closed by the timestamp 00:55:55.
func loanNote() -> (IngestedDocument, ExtractionPayload) {
    let first = "Russia promised a 3 billion dollar loan to Belarus."
    let second = "Russia did not invade Belarus."
    let text = first + "\n\n" + second
    let secondStart = first.utf8.count + 2
    let passages = [
        Passage(index: 0, range: TextRange(start: 0, end: first.utf8.count),
                anchors: [TimestampAnchor(offset: first.utf8.count, timestamp: "00:55:55", seconds: 3355)]),
        Passage(index: 1, range: TextRange(start: secondStart, end: secondStart + second.utf8.count),
                anchors: [TimestampAnchor(offset: secondStart + second.utf8.count, timestamp: "00:57:00", seconds: 3420)]),
    ]
    let document = Document(id: "0123456789abcdef", path: "notes/001_loan.md", fileName: "001_loan.md", title: "Loan",
                            kind: .videoNote, outlet: "bonus_professor", published: "2023-05-01",
                            url: "https://www.youtube.com/watch?v=VID", videoID: "VID")
    let quote = "a 3 billion dollar loan"
    let quoteStart = first.utf8.count - " to Belarus.".utf8.count - quote.utf8.count
    let denial = "Russia did not invade Belarus"
    let extraction = ExtractionPayload(
        actors: [Actor(name: "Russia", kind: .state, wikidata: "Q159", aliases: ["Moscow"]),
                 Actor(name: "Belarus", kind: .state, wikidata: "Q184")],
        relations: [
            Relation(source: "Russia", sourceText: "Russia", target: "Belarus", targetText: "Belarus", type: .aid,
                     attribution: "bonus_professor", instruments: [.economic], quote: quote,
                     range: TextRange(start: quoteStart, end: quoteStart + quote.utf8.count), rule: "test"),
            Relation(source: "Russia", sourceText: "Russia", target: "Belarus", targetText: "Belarus", type: .assault,
                     modality: .negated, attribution: "bonus_professor", quote: denial,
                     range: TextRange(start: secondStart, end: secondStart + denial.utf8.count), rule: "test"),
        ])
    return (IngestedDocument(document: document, text: text, rawText: text, contentHash: "h", passages: passages), extraction)
}

@Suite struct StoreBackedTests {
    @Test func theRussiaBelarusBriefCitesTheLoanAtItsTimestamp() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try SQLiteCorpusStore(path: folder.appendingPathComponent("test.sqlite").path)
        let (document, extraction) = loanNote()
        _ = try store.store(document, extraction: extraction)
        let analyzer = try CorpusAnalyzer(store: store)
        let brief = try analyzer.brief("russia", "belarus")
        let loan = try #require(brief.relations.first { $0.type == .aid })
        #expect(loan.citation.quote == "a 3 billion dollar loan")
        #expect(loan.citation.locator == "00:55:55")
        #expect(loan.citation.link == "https://www.youtube.com/watch?v=VID&t=3355s")
        #expect(loan.citation.document == "001_loan.md")
        #expect(brief.periods.map(\.score) == [7], "the negated invasion is listed, never scored")
        #expect(brief.contradictions.isEmpty)
        let markdown = PageRenderer.markdown(ViewPages.brief(brief))
        #expect(markdown.contains("00:55:55"))
        #expect(markdown.contains("https://www.youtube.com/watch?v=VID&t=3355s"))
        #expect(markdown.contains("NEGATED"))
    }

    @Test func theAnalyzerResolvesAliasesAndBuildsEveryView() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try SQLiteCorpusStore(path: folder.appendingPathComponent("test.sqlite").path)
        let (document, extraction) = loanNote()
        _ = try store.store(document, extraction: extraction)
        let analyzer = try CorpusAnalyzer(store: store)
        #expect(try analyzer.resolve("moscow") == "Russia")
        #expect(try analyzer.dossier("Russia").relationsOut.map(\.type) == [.aid])
        #expect(try analyzer.network(NetworkOptions()).edges.count == 1)
        #expect(try analyzer.timeline(actor: "Belarus").entries.count == 1)
        #expect(try analyzer.saysVsDoes("Russia").targets.isEmpty, "an AID is no statement and no conflict deed")
        #expect(try analyzer.wiki().pages.count == 2 + 1 + 1 + 1)
    }
}
