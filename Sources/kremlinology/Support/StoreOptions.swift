import ArgumentParser
import KremlinologyStore

/// The `--db` option every command that reads or writes the store takes.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The store: a SQLite file or postgres://USER@HOST[:PORT]/DB. Default: $KREMLINOLOGY_DB, else kremlinology.sqlite.",
        valueName: "FILE|URL"))
    var db: String?

    /// The location after applying the environment and the default.
    var location: String { StoreLocation.resolve(db) }

    /// The location for messages: a PostgreSQL URL without its password.
    var displayLocation: String { (try? PostgresLocation(url: location).description) ?? location }

    /// Opens the store for writing, creating it if needed.
    func openForWriting() throws -> any CorpusStore {
        try StoreLocation.open(location)
    }

    /// Opens an existing store; says how to create one when it is missing.
    func openForReading() throws -> any CorpusStore {
        try StoreLocation.open(location, readOnly: true)
    }

    /// Opens the PostgreSQL store that the queue commands (`enqueue`, `worker`) need.
    func openQueue() throws -> PostgresCorpusStore {
        guard PostgresLocation.isPostgres(location) else {
            throw CommandError.invalidInput("\(location): the job queue lives in PostgreSQL; give --db postgres://USER@HOST[:PORT]/DB "
                                  + "(for one machine and a SQLite file, use `kremlinology ingest --workers N`)")
        }
        return try PostgresCorpusStore(url: location)
    }
}
