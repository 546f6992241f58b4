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
        // Measured from the moment of the cancel, not from the start: under a loaded test run the
        // timer that cancels may itself fire late, and that delay is not the store's.
        let cancelledAt = CancelTime()
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.2) { cancelledAt.mark(); cancellation.cancel() }
        #expect(throws: StoreError.cancelled) {
            try cancellation.run { try core.read { x in try x.count(Self.longQuery) } }
        }
        let stopped = Date()
        let after = try #require(cancelledAt.value).distance(to: stopped)
        #expect(after < 5, "stopped \(after) s after the cancel")
    }

    /// When the cancel happened, set from the timer's thread.
    final class CancelTime: @unchecked Sendable {
        private let lock = NSLock()
        private var date: Date?
        func mark() { lock.lock(); date = Date(); lock.unlock() }
        var value: Date? { lock.lock(); defer { lock.unlock() }; return date }
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
