import Foundation
import KremlinologyIngest
import KremlinologyPipeline
import Testing
@testable import KremlinologyStore

/// A duplicate is the same note, not the same body: two notes of different videos or
/// channels with one text are both stored, so that each source's attribution counts.
@Suite struct DocumentIdentityTests {
    static func note(video: String, channel: String) -> [UInt8] {
        Array("""
            ---
            title: One body
            videoId: \(video)
            ---

            From: [[\(channel)]]

            Putin met Lukashenko in Minsk <a class="yt-timestamp" data-t="00:01:00">[00:01:00]</a>.

            """.utf8)
    }

    @Test(arguments: StoreBackend.available)
    func oneBodyFromTwoSourcesIsTwoDocumentsAndACopyIsADuplicate(backend: StoreBackend) throws {
        let tmp = try TemporaryStore(backend)
        let ingestor = CorpusIngestor(store: tmp.store, extraction: nil, workers: 1)
        var report = ingestor.ingest(bytes: Self.note(video: "aaaaaaaaaaa", channel: "one"), path: "a/1.md", fileName: "1.md")
        report.merge(ingestor.ingest(bytes: Self.note(video: "bbbbbbbbbbb", channel: "one"), path: "b/1.md", fileName: "1.md"))
        report.merge(ingestor.ingest(bytes: Self.note(video: "aaaaaaaaaaa", channel: "two"), path: "c/1.md", fileName: "1.md"))
        #expect(report.added == 3, "\(report.problems)")
        report.merge(ingestor.ingest(bytes: Self.note(video: "aaaaaaaaaaa", channel: "one"), path: "copy/1.md", fileName: "1.md"))
        #expect(report.duplicates == 1)
        #expect(try tmp.store.stats().documents == 3)
    }
}
