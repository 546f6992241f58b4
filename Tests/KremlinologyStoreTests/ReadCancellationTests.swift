import Foundation
import KremlinologyModel
import Testing
@testable import KremlinologyStore

/// Work given up by its request stops: a long SQLite statement is interrupted from inside,
/// and on every backend no statement starts once the work is cancelled.
@Suite struct ReadCancellationTests {
    /// A statement that runs for many seconds unless stopped.
    static let longQuery = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 2000000000) SELECT COUNT(*) AS n FROM c"

    @Test func aCancelledReadStopsInsideALongSQLiteStatement() throws {
        let tmp = try TemporaryStore(.sqlite)
        let core = try #require(tmp.store as? SQLCorpusStore)
        let cancellation = ReadCancellation()
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.2) { cancellation.cancel() }
        let start = Date()
        #expect(throws: StoreError.cancelled) {
            try cancellation.run { try core.read { x in try x.count(Self.longQuery) } }
        }
        #expect(Date().timeIntervalSince(start) < 5, "stopped \(Date().timeIntervalSince(start)) s after it started")
    }

    @Test(arguments: StoreBackend.available)
    func noStatementStartsOnceTheWorkIsCancelled(backend: StoreBackend) throws {
        let tmp = try TemporaryStore(backend)
        let cancellation = ReadCancellation()
        cancellation.cancel()
        #expect(throws: StoreError.cancelled) { try cancellation.run { try tmp.store.documents(limit: 10, offset: 0) } }
        #expect(throws: StoreError.cancelled) { try cancellation.run { try tmp.store.search(SearchQuery(text: "Russia")) } }
        #expect(try tmp.store.documents(limit: 10, offset: 0).isEmpty, "work outside the cancellation is unaffected")
    }
}
