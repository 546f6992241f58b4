import Foundation
import Testing
@testable import KremlinologyStore

/// A backend that the shared store tests run against: every test of a store behaviour is
/// written once and runs for each backend in ``StoreBackend/available``.
enum StoreBackend: String, Sendable, CustomTestStringConvertible {
    case sqlite
    case postgres

    var testDescription: String { rawValue }

    /// `KREMLINOLOGY_TEST_POSTGRES`: the URL of a database the tests may create schemas in.
    static var postgresURL: String? {
        ProcessInfo.processInfo.environment["KREMLINOLOGY_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Whether this is a CI run, where a missing PostgreSQL server is a failure, not a skip.
    static var isCI: Bool { ["true", "1"].contains(ProcessInfo.processInfo.environment["CI"]?.lowercased() ?? "") }

    /// SQLite always; PostgreSQL when a server is configured, and always in CI, where a
    /// missing one then fails every PostgreSQL case.
    static var available: [StoreBackend] { postgresURL != nil || isCI ? [.sqlite, .postgres] : [.sqlite] }

    /// The PostgreSQL cases only.
    static var postgresOnly: [StoreBackend] { available.filter { $0 == .postgres } }

    static let skipMessage = "KREMLINOLOGY_TEST_POSTGRES is unset: PostgreSQL store tests skipped "
        + "(set it to e.g. postgres://postgres@127.0.0.1:55432/kremlinology_test, or run .ci/run)"

    /// The test database's location, with a fresh schema for one test.
    static func freshPostgresLocation() throws -> PostgresLocation {
        guard let url = postgresURL else {
            throw StoreError("KREMLINOLOGY_TEST_POSTGRES is not set, and CI=true requires the PostgreSQL tests to run: "
                             + "start a server and export KREMLINOLOGY_TEST_POSTGRES=postgres://USER@HOST:PORT/DB (see .ci/run)")
        }
        let schema = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(20)
        return try PostgresLocation(url: url).with(schema: String(schema))
    }
}

/// A fresh, empty store of one backend: a SQLite file in a temporary folder, or a
/// PostgreSQL schema of its own; removed when the test ends.
final class TemporaryStore {
    let backend: StoreBackend
    /// A temporary folder for files the test writes (and the SQLite file).
    let folder: URL
    let store: any CorpusStore
    /// The `--db` value that opens this store again (another process, a second connection).
    let location: String
    private let postgres: PostgresLocation?

    /// The store as SQLite, for tests of SQLite-only behaviour (the default backend).
    var sqlite: SQLiteCorpusStore {
        get throws {
            guard let store = store as? SQLiteCorpusStore else { throw StoreError("this test needs the SQLite backend") }
            return store
        }
    }

    init(_ backend: StoreBackend = .sqlite) throws {
        self.backend = backend
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("kremlinology-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        switch backend {
        case .sqlite:
            location = folder.appendingPathComponent("test.sqlite").path
            postgres = nil
            store = try SQLiteCorpusStore(path: location)
        case .postgres:
            let fresh = try StoreBackend.freshPostgresLocation()
            location = fresh.url
            postgres = fresh
            store = try PostgresCorpusStore(location: fresh)
        }
    }

    /// Opens the same store again, as another process would.
    func reopen(readOnly: Bool = false) throws -> any CorpusStore {
        try StoreLocation.open(location, readOnly: readOnly)
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
        if let postgres, let schema = postgres.schema, let session = try? PostgresSession(postgres.with(schema: nil)) {
            try? session.dropSchema(schema)
        }
    }
}

@Suite struct StoreBackendTests {
    @Test(.enabled(if: StoreBackend.postgresURL != nil || StoreBackend.isCI, Comment(rawValue: StoreBackend.skipMessage)))
    func thePostgreSQLServerOfTheTestsAnswers() throws {
        let tmp = try TemporaryStore(.postgres)
        #expect(try tmp.store.stats().documents == 0)
    }
}
