import Foundation
import Testing
@testable import KremlinologyServer

/// The memo keeps what is used (issue 12, item 6): it once emptied itself at 512 entries, so
/// a page used on every request was rebuilt after every 512 distinct network filters.
@Suite struct MemoCacheTests {
    @Test func aValueInUseSurvivesManyDistinctViews() throws {
        let corpus = try Corpus(store: TestCorpus.shared.store, extraction: nil)
        let builds = Locked(0)
        for index in 0..<1_200 {
            _ = corpus.memo("view|\(index)") { String(repeating: "v", count: 1_000) }
            _ = corpus.memo("hot") { builds.withLock { $0 += 1 }; return "home page" }
        }
        #expect(builds.withLock { $0 } == 1, "the view in use was rebuilt \(builds.withLock { $0 }) times")
    }
}
