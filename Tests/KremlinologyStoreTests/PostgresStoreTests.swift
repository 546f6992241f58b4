import Foundation
import Testing
import KremlinologyModel
@testable import KremlinologyStore

/// What only the PostgreSQL backend has: migrations on a server, concurrent writers, URLs.
@Suite struct PostgresStoreTests {
    @Test(arguments: StoreBackend.postgresOnly)
    func migrationsAreRecordedByNameAndAppliedOnce(backend: StoreBackend) throws {
        let tmp = try TemporaryStore(backend)
        let store = try #require(tmp.store as? PostgresCorpusStore)
        _ = try tmp.reopen()
        let names = try store.session.query("SELECT name FROM schema_migrations ORDER BY applied_at, name").map { try $0.decode(String.self) }
        #expect(Set(names) == Set(PostgresMigrations.all.map(\.name)))
        #expect(names.count == PostgresMigrations.all.count)
    }

    @Test(arguments: StoreBackend.postgresOnly)
    func concurrentWritersStoreOneDocumentOnce(backend: StoreBackend) throws {
        let tmp = try TemporaryStore(backend)
        let writers = try (0..<4).map { _ in try tmp.reopen() }
        let outcomes = Outcomes()
        DispatchQueue.concurrentPerform(iterations: writers.count) { i in
            // Two paths with the same text, written twice each, by four connections at once.
            let doc = videoNote(path: i % 2 == 0 ? "a/loan.md" : "b/copy.md")
            outcomes.add(Result { try writers[i].store(doc, extraction: loanExtraction(for: doc)) })
        }
        let results = try outcomes.all.map { try $0.get() }
        #expect(results.filter { if case .added = $0 { true } else { false } }.count == 1)
        #expect(try tmp.store.stats().documents == 1)
        #expect(try tmp.store.stats().relations == 1)
    }
}

/// Results gathered from several threads.
private final class Outcomes: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [Result<IngestOutcome, any Error>] = []
    func add(_ result: Result<IngestOutcome, any Error>) { lock.lock(); results.append(result); lock.unlock() }
    var all: [Result<IngestOutcome, any Error>] { lock.lock(); defer { lock.unlock() }; return results }
}

@Suite struct PostgresLocationTests {
    @Test func aURLNamesServerDatabaseAndSchemaAndMessagesHideThePassword() throws {
        let location = try PostgresLocation(url: "postgres://team:s3cret@db.example:6543/corpus?schema=t_1")
        #expect(location.host == "db.example")
        #expect(location.port == 6543)
        #expect(location.user == "team")
        #expect(location.password == "s3cret")
        #expect(location.database == "corpus")
        #expect(location.schema == "t_1")
        #expect(!location.description.contains("s3cret"))
        #expect(try PostgresLocation(url: location.url) == location)
        #expect(try PostgresLocation(url: "postgresql://me@localhost/db").port == 5432)
    }

    @Test func malformedURLsAreRefusedWithTheFormToUse() {
        #expect(throws: StoreError.self) { try PostgresLocation(url: "postgres:///db") }
        #expect(throws: StoreError.self) { try PostgresLocation(url: "postgres://me@host/db?schema=Robert');DROP") }
        #expect(throws: StoreError.self) { try StoreLocation.open("mysql://me@host/db") }
    }

    @Test func anUnreachableServerIsNamedWithoutItsPassword() {
        do {
            _ = try StoreLocation.open("postgres://me:hunter2@127.0.0.1:1/nothing")
            Issue.record("opening a closed port should fail")
        } catch {
            let message = String(describing: error)
            #expect(message.contains("postgres://me@127.0.0.1:1/nothing"))
            #expect(!message.contains("hunter2"))
        }
    }
}
