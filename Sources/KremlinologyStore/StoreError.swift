/// Errors of the store, written for the person at the terminal.
public struct StoreError: Error, CustomStringConvertible, Sendable {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }

    static func unsupportedLocation(_ location: String) -> StoreError {
        StoreError("\(location): unsupported database location; give a SQLite file path (e.g. --db corpus.sqlite) or a PostgreSQL URL (postgres://USER@HOST[:PORT]/DATABASE)")
    }
}
