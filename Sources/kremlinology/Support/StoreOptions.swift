import ArgumentParser
import KremlinologyStore

/// The `--db` option every command that reads or writes the store takes.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The store: a SQLite file. Default: $KREMLINOLOGY_DB, else kremlinology.sqlite.", valueName: "FILE"))
    var db: String?

    /// The location after applying the environment and the default.
    var location: String { StoreLocation.resolve(db) }

    /// Opens the store for writing, creating it if needed.
    func openForWriting() throws -> any CorpusStore {
        try StoreLocation.open(location)
    }

    /// Opens an existing store; says how to create one when it is missing.
    func openForReading() throws -> any CorpusStore {
        try StoreLocation.open(location, readOnly: true)
    }
}
