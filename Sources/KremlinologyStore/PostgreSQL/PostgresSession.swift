import Foundation
import PostgresNIO

/// One connection to a PostgreSQL server, used synchronously.
///
/// The store's protocol is synchronous, postgres-nio is not: every call here blocks its
/// caller on an `EventLoopFuture` that a dedicated event-loop thread fulfils. Callers are
/// never event-loop threads (the CLI's threads, Dispatch workers, test tasks), so blocking
/// them cannot stall the loop, and no Swift-concurrency thread is needed to make progress.
final class PostgresSession: @unchecked Sendable {
    /// The process-wide event loop that runs every connection's I/O; it lives as long as the process.
    static let eventLoops = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    private static let logger: Logger = {
        var logger = Logger(label: "kremlinology.postgres")
        logger.logLevel = .critical
        return logger
    }()

    let location: PostgresLocation
    private let connection: PostgresConnection
    /// Serialises callers: one connection runs one statement (and one transaction) at a time.
    private let lock = NSRecursiveLock()
    private var inTransaction = false

    /// Connects and, when the location names a schema, creates it and makes it the search path.
    init(_ location: PostgresLocation) throws {
        self.location = location
        var configuration = PostgresConnection.Configuration(
            host: location.host, port: location.port, username: location.user, password: location.password,
            database: location.database, tls: .disable)
        configuration.options.connectTimeout = .seconds(10)
        do {
            connection = try PostgresConnection.connect(on: Self.eventLoops.next(), configuration: configuration,
                                                        id: 1, logger: Self.logger).wait()
        } catch {
            throw StoreError.unavailable(location: location.description, reason: "cannot connect: \(Self.message(of: error)). "
                + "Is the server running, and do the role and database exist? "
                + "(e.g. `createdb -h \(location.host) -p \(location.port) \(location.database)`)")
        }
        if let schema = location.schema {
            // Identifiers cannot be bound; `schema` was checked to be a plain identifier.
            do {
                try execute("CREATE SCHEMA IF NOT EXISTS \(unescaped: schema)")
            } catch {
                // Two processes creating the same schema at once: the loser sees a unique violation.
                let exists = try query("SELECT 1 FROM pg_namespace WHERE nspname = \(schema)")
                if exists.isEmpty { throw error }
            }
            try execute("SET search_path TO \(unescaped: schema)")
        }
    }

    deinit {
        try? connection.close().wait()
    }

    /// Runs a statement and returns its rows.
    @discardableResult
    func query(_ query: PostgresQuery, file: String = #fileID, line: Int = #line) throws -> [PostgresRow] {
        lock.lock()
        defer { lock.unlock() }
        do {
            return try connection.query(query, logger: Self.logger, file: file, line: line).wait().rows
        } catch {
            throw Self.storeError(error, location: location, sql: query.sql)
        }
    }

    /// Runs a statement and returns the number of rows it changed.
    @discardableResult
    func execute(_ query: PostgresQuery, file: String = #fileID, line: Int = #line) throws -> Int {
        lock.lock()
        defer { lock.unlock() }
        do {
            return try connection.query(query, logger: Self.logger, file: file, line: line).wait().metadata.rows ?? 0
        } catch {
            throw Self.storeError(error, location: location, sql: query.sql)
        }
    }

    /// Runs `body` in one transaction: committed when it returns, rolled back when it throws.
    /// A process killed inside leaves nothing: the server rolls back when the connection drops.
    func transaction<T>(_ body: () throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        precondition(!inTransaction, "nested PostgreSQL transactions are not supported")
        try execute("BEGIN")
        inTransaction = true
        defer { inTransaction = false }
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            _ = try? execute("ROLLBACK")
            throw error
        }
    }

    /// Drops a schema and everything in it (the tests use one schema each).
    func dropSchema(_ name: String) throws {
        guard PostgresLocation.isPlainIdentifier(name) else { throw StoreError.invalidLocation("\(name): not a plain schema name") }
        try execute("DROP SCHEMA IF EXISTS \(unescaped: name) CASCADE")
    }

    /// SQLSTATE 53100 (disk_full) becomes ``StoreError/diskFull(location:)``, which stops an
    /// ingest; any other failure names the statement.
    static func storeError(_ error: any Error, location: PostgresLocation, sql: String) -> StoreError {
        if let error = error as? PSQLError, error.serverInfo?[.sqlState] == "53100" {
            return .diskFull(location: location.description)
        }
        if let error = error as? StoreError { return error }
        return .failure("\(location): \(Self.message(of: error)) (in \(Self.firstLine(of: sql)))")
    }

    /// The server's message for an error, never the password.
    static func message(of error: any Error) -> String {
        if let error = error as? PSQLError {
            if let message = error.serverInfo?[.message] {
                let detail = error.serverInfo?[.detail].map { " (\($0))" } ?? ""
                return message + detail
            }
            if let underlying = error.underlying { return String(describing: underlying) }
            return "\(error.code)"
        }
        if let error = error as? StoreError { return error.description }
        return String(describing: error)
    }

    private static func firstLine(of sql: String) -> String {
        let line = sql.split(separator: "\n").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? sql
        return line.count > 80 ? String(line.prefix(80)) + "…" : line
    }
}
