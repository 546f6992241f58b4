import Foundation
import Testing
import KremlinologyModel
@testable import KremlinologyStore

/// A markdown document of our own whose passages are `texts`, one paragraph each.
func paragraphs(_ id: String, outlet: String? = nil, _ texts: [String]) -> IngestedDocument {
    var text = ""
    var passages: [Passage] = []
    for (index, paragraph) in texts.enumerated() {
        if !text.isEmpty { text += "\n\n" }
        let start = text.utf8.count
        text += paragraph
        passages.append(Passage(index: index, range: TextRange(start: start, end: text.utf8.count)))
    }
    let document = Document(id: id, path: "\(id).md", fileName: "\(id).md", kind: .markdown, outlet: outlet)
    return IngestedDocument(document: document, text: text, rawText: text, contentHash: id, passages: passages)
}

/// Issue 14: a search ranks at most ``SearchQuery/candidateBound`` matches, so a common word
/// costs the same as a rare one; its total then says "more than" (docs/SEARCH.md).
@Suite struct SearchCandidateBoundTests {
    /// Eight documents of five passages, each passage naming its document and place (`d3p4`)
    /// and holding "common" once to four times: 40 matches of "common".
    static func commonCorpus(_ store: any CorpusStore, outlet: (Int) -> String? = { _ in nil }) throws {
        for d in 0..<8 {
            let texts = (0..<5).map { p in
                "Marker d\(d)p\(p) says " + Array(repeating: "common", count: 1 + (d + p) % 4).joined(separator: " and ")
                    + (p == 2 ? " rare\(d)" : "") + " words about the weather."
            }
            _ = try store.store(paragraphs("doc\(d)", outlet: outlet(d), texts), extraction: nil)
        }
    }

    @Test(arguments: StoreBackend.available)
    func aCommonWordPastTheBoundGivesRankedHitsAndALowerBoundTotal(backend: StoreBackend) throws {
        let tmp = try TemporaryStore(backend)
        try Self.commonCorpus(tmp.store)
        let results = try tmp.store.searchResults(SearchQuery(text: "common", limit: 5, candidateBound: 12))
        #expect(results.hits.count == 5)
        #expect(results.total == SearchTotal(count: 12, isLowerBound: true))
        #expect(results.total.description == "more than 12")
        let scores = results.hits.map(\.score)
        #expect(scores == scores.sorted(), "hits are ranked best first: \(scores)")
        #expect(Set(results.hits.map { "\($0.documentID)#\($0.passageIndex)" }).count == 5)
        // Under the bound, the same query is exact: every match ranked and counted.
        let exact = try tmp.store.searchResults(SearchQuery(text: "common", limit: 5, candidateBound: 40))
        #expect(exact.total == SearchTotal(count: 40, isLowerBound: false))
        #expect(exact.hits.map(\.score) == exact.hits.map(\.score).sorted())
        #expect(try tmp.store.searchResults(SearchQuery(text: "rare3")).total == SearchTotal(count: 1, isLowerBound: false))
        #expect(try tmp.store.searchResults(SearchQuery(text: "absentword")).total == SearchTotal(count: 0, isLowerBound: false))
    }

    @Test(arguments: StoreBackend.available)
    func underTheBoundTheRankingIsThatOfEveryMatch(backend: StoreBackend) throws {
        let tmp = try TemporaryStore(backend)
        try Self.commonCorpus(tmp.store)
        let bounded = try tmp.store.searchResults(SearchQuery(text: "common weather", limit: 40))
        let exact = try tmp.store.searchResults(SearchQuery(text: "common weather", limit: 40, candidateBound: Int.max))
        #expect(bounded.hits == exact.hits)
        #expect(bounded.total == SearchTotal(count: 40, isLowerBound: false))
        // Four "common" in a passage rank above one: BM25 and ts_rank_cd agree on that much.
        let best = try #require(try tmp.store.search(SearchQuery(text: "common")).first)
        #expect(best.snippet.components(separatedBy: "[common]").count - 1 == 4, "\(best.snippet)")
    }

    @Test(arguments: StoreBackend.available)
    func snippetsHighlightTheirOwnPassage(backend: StoreBackend) throws {
        let tmp = try TemporaryStore(backend)
        try Self.commonCorpus(tmp.store)
        let results = try tmp.store.searchResults(SearchQuery(text: "common", limit: 10, candidateBound: 12))
        #expect(results.hits.count == 10)
        for hit in results.hits {
            let document = try #require(Int(hit.documentID.dropFirst(3)))
            // The snippet is cut from this hit's passage, not another hit's of the same page.
            #expect(hit.snippet.contains("d\(document)p\(hit.passageIndex)"), "\(hit.documentID) \(hit.passageIndex): \(hit.snippet)")
            #expect(hit.snippet.contains("[common]"), "\(hit.snippet)")
            #expect(hit.title == nil && hit.fileName == "\(hit.documentID).md")
        }
    }

    @Test(arguments: StoreBackend.available)
    func deeperPagesRankMoreCandidatesAndOutletsCountTheirOwn(backend: StoreBackend) throws {
        let tmp = try TemporaryStore(backend)
        try Self.commonCorpus(tmp.store, outlet: { $0 % 2 == 0 ? "Even" : "Odd" })
        // Pages within the bound page through one ranking of the same candidates.
        let first = try tmp.store.searchResults(SearchQuery(text: "common", limit: 5, candidateBound: 10))
        let second = try tmp.store.searchResults(SearchQuery(text: "common", limit: 5, offset: 5, candidateBound: 10))
        #expect(first.hits.count == 5 && second.hits.count == 5)
        #expect(Set(first.hits).isDisjoint(with: second.hits))
        // A page past the bound ranks offset + limit candidates rather than come back empty.
        let third = try tmp.store.searchResults(SearchQuery(text: "common", limit: 5, offset: 10, candidateBound: 10))
        #expect(third.hits.count == 5)
        #expect(third.total == SearchTotal(count: 15, isLowerBound: true))
        let even = try tmp.store.searchResults(SearchQuery(text: "common", limit: 50, outlet: "even", candidateBound: 50))
        #expect(even.total == SearchTotal(count: 20, isLowerBound: false))
        #expect(even.hits.allSatisfy { $0.outlet == "Even" })
        let capped = try tmp.store.searchResults(SearchQuery(text: "common", limit: 3, outlet: "ODD", candidateBound: 5))
        #expect(capped.total == SearchTotal(count: 5, isLowerBound: true))
        #expect(capped.hits.count == 3 && capped.hits.allSatisfy { $0.outlet == "Odd" })
    }

    @Test(arguments: StoreBackend.available)
    func cyrillicWordsAreFoundAndHighlightedPastTheBound(backend: StoreBackend) throws {
        let tmp = try TemporaryStore(backend)
        for d in 0..<4 {
            let texts = (0..<4).map { p in "Заметка \(d)-\(p): Путин встретился с Лукашенко" + (p == 1 ? " в Минске." : ".") }
            _ = try tmp.store.store(paragraphs("ru\(d)", texts), extraction: nil)
        }
        let common = try tmp.store.searchResults(SearchQuery(text: "путин", limit: 3, candidateBound: 5))
        #expect(common.hits.count == 3)
        #expect(common.total == SearchTotal(count: 5, isLowerBound: true))
        #expect(common.hits.allSatisfy { $0.snippet.contains("[Путин]") }, "\(common.hits.map(\.snippet))")
        let rare = try tmp.store.searchResults(SearchQuery(text: "Минске Лукашенко"))
        #expect(rare.total == SearchTotal(count: 4, isLowerBound: false))
        #expect(rare.hits.allSatisfy { $0.passageIndex == 1 && $0.snippet.contains("[Минске]") })
    }

    /// SQLite draws a common word's candidates from windows spread over the rowids, which follow
    /// the order of ingestion: the oldest document's matches are ranked too, not only the newest.
    @Test func sqliteCandidatesSpanTheWholeCorpus() throws {
        let tmp = try TemporaryStore()
        try Self.commonCorpus(tmp.store)
        let results = try tmp.store.searchResults(SearchQuery(text: "common", limit: 12, candidateBound: 12))
        let documents = Set(results.hits.map(\.documentID))
        #expect(documents.contains("doc0") && documents.contains("doc7"), "\(documents.sorted())")
    }

    @Test func aTotalSaysWhetherItIsALowerBound() {
        #expect(SearchTotal(count: 37, isLowerBound: false).description == "37")
        #expect(SearchTotal(count: 2_000, isLowerBound: true).description == "more than 2,000")
        #expect(SearchTotal(count: 1_234_567, isLowerBound: false).description == "1,234,567")
    }

    /// A backend without its own count says only what its page shows.
    @Test func theDefaultTotalIsALowerBoundWhenThePageIsFull() throws {
        let tmp = try TemporaryStore()
        try Self.commonCorpus(tmp.store)
        let minimal = MinimalStore(base: try tmp.sqlite)
        #expect(try minimal.searchResults(SearchQuery(text: "common", limit: 5)).total == SearchTotal(count: 5, isLowerBound: true))
        #expect(try minimal.searchResults(SearchQuery(text: "rare2", limit: 5)).total == SearchTotal(count: 1, isLowerBound: false))
    }
}
