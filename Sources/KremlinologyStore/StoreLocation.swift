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

    /// Opens (creating and migrating if needed) the store at `location`.
    public static func open(_ location: String, readOnly: Bool = false) throws -> any CorpusStore {
        if location.hasPrefix("postgres://") || location.hasPrefix("postgresql://") {
            throw StoreError("\(location): the PostgreSQL backend is not built yet; use a SQLite file (--db FILE)")
        }
        if location.contains("://") { throw StoreError.unsupportedLocation(location) }
        return try SQLiteCorpusStore(path: location, readOnly: readOnly)
    }
}
