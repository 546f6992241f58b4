import Foundation
import KremlinologyModel
import KremlinologyPipeline
import KremlinologyServer
import KremlinologyStore
import Testing

/// The server's memoised views refresh when another process writes to the store, on
/// PostgreSQL as on SQLite (`APITests.writesByAnotherProcessAreSeenWithinASecond`): a queue
/// worker on another machine writes straight into the database.
@Suite struct ChangeTokenTests {
    static var postgresURL: String? {
        ProcessInfo.processInfo.environment["KREMLINOLOGY_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }
    }
    static var isCI: Bool { ["true", "1"].contains(ProcessInfo.processInfo.environment["CI"]?.lowercased() ?? "") }

    @Test func memoisedFiguresRefreshAfterAnotherProcessWritesToPostgreSQL() async throws {
        guard let url = Self.postgresURL else {
            if Self.isCI { Issue.record("CI=true but KREMLINOLOGY_TEST_POSTGRES is unset: start a server (see .ci/run)") }
            else { print("KREMLINOLOGY_TEST_POSTGRES is unset: the PostgreSQL refresh test is skipped") }
            return
        }
        let schema = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(20)
        let location = try PostgresLocation(url: url).with(schema: String(schema))
        let corpus = try Corpus(store: try PostgresCorpusStore(location: location), extraction: nil)
        let before = try corpus.stats().documents
        // As a worker would: another connection, straight into the database.
        let other = try PostgresCorpusStore(location: location)
        let report = CorpusIngestor(store: other, extraction: nil, workers: 1)
            .ingest(bytes: Array("Russia aids Belarus.".utf8), path: "elsewhere.txt", fileName: "elsewhere.txt")
        #expect(report.added == 1)
        #expect(try corpus.stats().documents == before, "memoised within the second")
        try await Task.sleep(for: .milliseconds(1100))
        #expect(try corpus.stats().documents == before + 1)
    }
}
