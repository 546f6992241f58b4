import Foundation

/// Opens the store that a `--db` value names.
public enum StoreLocation {
    /// The default file name in the current folder.
    public static let defaultFileName = "kremlinology.sqlite"

    /// The location to use: the explicit value, else `$KREMLINOLOGY_DB`, else the default file.
    public static func resolve(_ explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let explicit, !explicit.isEmpty { return explicit }
        if let fromEnvironment = environment["KREMLINOLOGY_DB"], !fromEnvironment.isEmpty { return fromEnvironment }
        return defaultFileName
    }

    /// Opens (creating and migrating if needed) the store at `location`: a
    /// `postgres://user@host[:port]/db` URL opens a ``PostgresCorpusStore``, anything else
    /// without `://` a ``SQLiteCorpusStore`` file.
    public static func open(_ location: String, readOnly: Bool = false) throws -> any CorpusStore {
        if PostgresLocation.isPostgres(location) {
            return try PostgresCorpusStore(url: location, readOnly: readOnly)
        }
        if location.contains("://") { throw StoreError.unsupportedLocation(location) }
        return try SQLiteCorpusStore(path: location, readOnly: readOnly)
    }
}
