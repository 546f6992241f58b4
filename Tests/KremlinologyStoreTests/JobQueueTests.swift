import Foundation
import KremlinologyIngest
import KremlinologyModel
import KremlinologyPipeline
import Testing
@testable import KremlinologyStore

/// The PostgreSQL jobs table that `kremlinology worker` processes share.
@Suite struct JobQueueTests {
    static func queue(_ tmp: TemporaryStore) throws -> PostgresCorpusStore {
        try #require(tmp.store as? PostgresCorpusStore)
    }

    static func file(_ name: String, _ text: String) -> (path: String, fileName: String, bytes: [UInt8]) {
        ("inbox/" + name, name, Array(text.utf8))
    }

    @Test(arguments: StoreBackend.postgresOnly)
    func aWorkerStoresEachJobAndRecordsFailures(backend: StoreBackend) throws {
        let tmp = try TemporaryStore(backend)
        let store = try Self.queue(tmp)
        try store.enqueue([Self.file("a.txt", "Kyiv asked Berlin for air defence systems.\n"), Self.file("empty.txt", ""),
                           Self.file("b.txt", "Moscow threatened Vilnius over the transit ban.\n")])
        #expect(try store.jobCounts().queued == 3)
        let report = try QueueWorker(store: store, extraction: nil, name: "w1", lease: 5, pollInterval: 0.05).run(exitWhenEmpty: true)
        #expect(report.added == 2)
        #expect(report.failed == 1)
        var expected = JobCounts()
        expected.done = 2
        expected.failed = 1
        #expect(try store.jobCounts() == expected)
        let failed = try store.failedJobs()
        #expect(failed.map(\.path) == ["inbox/empty.txt"])
        #expect(failed.first?.error.isEmpty == false)
        #expect(try store.stats().documents == 2)
    }

    @Test(arguments: StoreBackend.postgresOnly)
    func aJobWhoseLeaseExpiredIsTakenByAnotherWorkerAndStoredOnce(backend: StoreBackend) throws {
        let tmp = try TemporaryStore(backend)
        let store = try Self.queue(tmp)
        let other = try #require(try tmp.reopen() as? PostgresCorpusStore)
        try store.enqueue([Self.file("a.txt", "Kyiv asked Berlin for air defence systems.\n")])
        let first = try #require(try store.claimJob(worker: "slow", lease: 0.5))
        #expect(try other.claimJob(worker: "fast", lease: 30) == nil, "a leased job is not handed out twice")
        Thread.sleep(forTimeInterval: 0.8)
        let second = try #require(try other.claimJob(worker: "fast", lease: 30))
        #expect(second.id == first.id)
        #expect(second.attempts == 2)
        let document = try DocumentReader().read(bytes: second.bytes, path: second.path, fileName: second.fileName)
        #expect(try other.complete(second, worker: "fast", document: document, extraction: nil) == .added(documentID: document.document.id))
        #expect(throws: LeaseLost.self) { try store.complete(first, worker: "slow", document: document, extraction: nil) }
        #expect(try store.stats().documents == 1)
        #expect(try store.jobCounts().done == 1)
    }

    @Test(arguments: StoreBackend.postgresOnly)
    func theSameFileQueuedTwiceIsStoredOnce(backend: StoreBackend) throws {
        let tmp = try TemporaryStore(backend)
        let store = try Self.queue(tmp)
        let text = "Moscow threatened Vilnius over the transit ban.\n"
        try store.enqueue([Self.file("a.txt", text), Self.file("a.txt", text), Self.file("copy.txt", text)])
        let report = try QueueWorker(store: store, extraction: nil, name: "w", lease: 5, pollInterval: 0.05).run(exitWhenEmpty: true)
        #expect(report.added == 1)
        #expect(report.unchanged == 1)
        #expect(report.duplicates == 1)
        #expect(try store.stats().documents == 1)
        #expect(try store.jobCounts().open == 0)
    }
}
