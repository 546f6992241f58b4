import Foundation
import KremlinologyModel
import PostgresNIO

/// The shared store: a PostgreSQL database, searched with `tsvector`/`ts_rank_cd` over a GIN
/// index, with a jobs table from which `kremlinology worker` processes on any machine ingest.
///
/// Open it with `StoreLocation.open("postgres://user@host:5432/db")`. Calls block the caller;
/// one store object serialises its callers on its one connection. Everything but the
/// connection, the search and the job queue lives in the store core (``SQLCorpusStore``).
public final class PostgresCorpusStore: SQLCorpusStore, @unchecked Sendable {
    let session: PostgresSession
    /// The server, database and schema, without the password.
    public var location: PostgresLocation { session.location }

    /// Connects to the database at `url` and applies pending migrations (unless `readOnly`).
    public convenience init(url: String, readOnly: Bool = false) throws {
        try self.init(location: PostgresLocation(url: url), readOnly: readOnly)
    }

    /// Connects to `location` and applies pending migrations (unless `readOnly`).
    public init(location: PostgresLocation, readOnly: Bool = false) throws {
        session = try PostgresSession(location)
        if readOnly {
            let table = try session.query("SELECT to_regclass('document')::text").first.map { try $0.decode(String?.self) } ?? nil
            if table == nil {
                throw StoreError.missingStore(location: location.description)
            }
            // A store written by an earlier version gets the tables of later migrations, which every reader queries.
            try PostgresMigrations.migrateIfOlder(session)
        } else {
            try PostgresMigrations.migrate(session)
        }
        super.init()
    }

    override var displayName: String { location.description }

    override func read<T>(_ body: (any SQLExecutor) throws -> T) throws -> T {
        try body(PostgresExecutor(session: session))
    }

    override func write<T>(_ body: (any SQLExecutor) throws -> T) throws -> T {
        try session.transaction { try body(PostgresExecutor(session: session)) }
    }

    override public func searchResults(_ query: SearchQuery) throws -> SearchResults {
        try searchIndex(query)
    }
}
