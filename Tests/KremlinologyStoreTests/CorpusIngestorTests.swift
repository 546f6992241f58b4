import Foundation
import KremlinologyIngest
import KremlinologyModel
@testable import KremlinologyPipeline
import Testing
@testable import KremlinologyStore

@Suite struct CorpusIngestorTests {
    static let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/seeds")

    @Test(.enabled(if: FileManager.default.fileExists(atPath: seeds.path), "../shared/seeds is absent: seed tests skipped"),
          arguments: StoreBackend.available)
    func theSeedsAreStoredInParallelAndReingestedAsUnchanged(backend: StoreBackend) throws {
        let tmp = try TemporaryStore(backend)
        let files = try FileCollector().collect([Self.seeds])
        var progressCalls = 0
        let report = CorpusIngestor(store: tmp.store, workers: 2).ingest(files: files, progress: { _ in progressCalls += 1 })
        #expect(report.added == 5)
        #expect(report.failed == 0)
        #expect(progressCalls >= 1)
        let again = CorpusIngestor(store: tmp.store, workers: 1).ingest(files: files)
        #expect(again.unchanged == 5)
        let unn = try #require(try tmp.store.document(matching: "004_0952ba1948c4e0b0.txt"))
        #expect(unn.document.outlet == "UNN")
    }

    /// The first batch is one file per worker, so the first documents are stored after one
    /// document's work; batches double up to 16 files per worker and cover every file once.
    @Test func batchesStartSmallAndGrowToSixteenPerWorker() {
        let batches = CorpusIngestor.batches(of: 200, workers: 2)
        #expect(batches.map(\.count).prefix(6) == [2, 4, 8, 16, 32, 32])
        #expect(batches.flatMap { $0 } == Array(0..<200))
        #expect(CorpusIngestor.batches(of: 0, workers: 2).isEmpty)
        #expect(CorpusIngestor.batches(of: 3, workers: 1).map(\.count) == [1, 2])
    }

    @Test(arguments: StoreBackend.available)
    func extractedFactsAreStoredWithTheDocument(backend: StoreBackend) throws {
        let tmp = try TemporaryStore(backend)
        let file = tmp.folder.appendingPathComponent("note.md")
        try Data("# Loan\n\nRussia will lend money to Belarus.\n".utf8).write(to: file)
        let ingestor = CorpusIngestor(store: tmp.store, extraction: { document in
            let quote = "Russia will lend money to Belarus."
            let start = document.text.utf8.count - (document.text.hasSuffix("\n") ? 1 : 0) - quote.utf8.count
            return ExtractionPayload(relations: [Relation(source: "Russia", sourceText: "Russia", target: "Belarus", targetText: "Belarus",
                                                          type: .aid, modality: .expected, quote: quote,
                                                          range: TextRange(start: start, end: start + quote.utf8.count), rule: "test")])
        })
        let report = ingestor.ingest(files: [file])
        #expect(report.added == 1)
        let relation = try #require(try tmp.store.relations(RelationFilter()).first)
        #expect(relation.relation.quote == "Russia will lend money to Belarus.")
        #expect(relation.locator.paragraph != nil)
    }

    @Test(arguments: StoreBackend.available)
    func aFailingFileIsReportedAndTheOthersAreStored(backend: StoreBackend) throws {
        let tmp = try TemporaryStore(backend)
        let good = tmp.folder.appendingPathComponent("good.txt")
        let empty = tmp.folder.appendingPathComponent("empty.txt")
        try Data("Kyiv asked Berlin for air defence systems.\n".utf8).write(to: good)
        try Data().write(to: empty)
        var failures: [String] = []
        let report = CorpusIngestor(store: tmp.store).ingest(files: [empty, good], event: { event in
            if case .failed(let path, _) = event { failures.append(path) }
        })
        #expect(report.added == 1)
        #expect(report.failed == 1)
        #expect(failures == [empty.path])
        #expect(report.problems.first?.contains("empty.txt") == true)
    }
}
