import Foundation

/// A PostgreSQL server and database named by a URL such as
/// `postgres://user:password@host:5432/db?schema=team`.
///
/// The optional `schema` query item puts every table in that schema (created if missing),
/// so that several stores, e.g. one per test, can share one database.
public struct PostgresLocation: Sendable, Hashable, CustomStringConvertible {
    /// The role to log in as (default: `$USER`).
    public var user: String
    /// The password, if the URL gives one; never printed.
    public var password: String?
    /// The server's host name or address.
    public var host: String
    /// The server's port (default 5432).
    public var port: Int
    /// The database (default: the user's name, as `psql` does).
    public var database: String
    /// The schema that holds the tables; nil means the server's default (`public`).
    public var schema: String?

    /// Whether `location` names a PostgreSQL store rather than a file.
    public static func isPostgres(_ location: String) -> Bool {
        location.hasPrefix("postgres://") || location.hasPrefix("postgresql://")
    }

    /// Parses a `postgres://` or `postgresql://` URL.
    public init(url text: String) throws {
        guard Self.isPostgres(text), let components = URLComponents(string: text) else {
            throw StoreError.invalidLocation("\(Self.redact(text)): not a PostgreSQL URL; write it as postgres://USER@HOST[:PORT]/DATABASE")
        }
        guard let host = components.host, !host.isEmpty else {
            throw StoreError.invalidLocation("\(Self.redact(text)): the URL names no host; write it as postgres://USER@HOST[:PORT]/DATABASE")
        }
        let database = String(components.path.drop(while: { $0 == "/" }))
        self.user = components.user?.removingPercentEncoding ?? ProcessInfo.processInfo.environment["USER"] ?? "postgres"
        self.password = components.password?.removingPercentEncoding
        self.host = host
        self.port = components.port ?? 5432
        self.database = database.isEmpty ? self.user : database
        self.schema = components.queryItems?.first(where: { $0.name == "schema" })?.value
        if let schema, !Self.isPlainIdentifier(schema) {
            throw StoreError.invalidLocation("\(description): schema \"\(schema)\" must be lower-case letters, digits and _, starting with a letter")
        }
    }

    /// The URL without its password, for messages.
    public var description: String {
        "postgres://\(user)@\(host):\(port)/\(database)" + (schema.map { "?schema=\($0)" } ?? "")
    }

    /// The same server and database with another schema.
    public func with(schema: String?) -> PostgresLocation {
        var copy = self
        copy.schema = schema
        return copy
    }

    /// The URL, password included, to hand to another process.
    public var url: String {
        var components = URLComponents()
        components.scheme = "postgres"
        components.user = user
        components.password = password
        components.host = host
        components.port = port
        components.path = "/" + database
        if let schema { components.queryItems = [URLQueryItem(name: "schema", value: schema)] }
        return components.string ?? description
    }

    static func isPlainIdentifier(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, ("a"..."z").contains(first), name.count <= 63 else { return false }
        return name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }

    /// Removes a password from a URL-like text.
    static func redact(_ text: String) -> String {
        guard var components = URLComponents(string: text), components.password != nil else { return text }
        components.password = "***"
        return components.string ?? "(PostgreSQL URL)"
    }
}
