import Foundation
import GRDB
import KremlinologyModel

/// The embedded store: one SQLite file with an FTS5 index over passages.
///
/// Everything but the connection and the search lives in the store core
/// (``SQLCorpusStore``), shared with PostgreSQL.
public final class SQLiteCorpusStore: SQLCorpusStore, @unchecked Sendable {
    let pool: DatabasePool
    /// The file the store lives in.
    public let path: String
    /// Pages written to the write-ahead log before SQLite checkpoints it into the database.
    static let checkpointPages = 4096

    /// Opens the store at `path`, creating the file and applying pending migrations.
    public init(path: String, readOnly: Bool = false) throws {
        self.path = path
        var configuration = Configuration()
        configuration.readonly = readOnly
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            Self.addFunctions(to: db)
            // NORMAL is durable across process crashes in WAL mode; only an OS crash can
            // lose the last transactions, never half of one.
            // The write-ahead log is checkpointed every 4,096 pages (16 MB), often enough to
            // keep it small during a long ingest and rarely enough not to sync the disk every
            // few documents; after a checkpoint the file is cut back to 16 MB at most.
            try db.execute(sql: """
                PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY;
                PRAGMA wal_autocheckpoint = \(SQLiteCorpusStore.checkpointPages);
                PRAGMA journal_size_limit = \(SQLiteCorpusStore.checkpointPages * 4096)
                """)
        }
        if readOnly, !FileManager.default.fileExists(atPath: path) {
            throw StoreError.missingStore(location: path)
        }
        do {
            if readOnly { try Self.upgradeIfOlder(path) }
            pool = try DatabasePool(path: path, configuration: configuration)
            if !readOnly { try Self.migrate(pool) }
        } catch let error as DatabaseError {
            throw StoreError.unavailable(location: path, reason: "cannot open the database: \(error.message ?? error.description)")
        }
        super.init()
    }

    /// A store written by an earlier version lacks the tables of later migrations, which every
    /// reader queries: they are added once, by a short write, before the store is read.
    private static func upgradeIfOlder(_ path: String) throws {
        var check = Configuration()
        check.readonly = true
        let migrator = SQLiteMigrations.migrator
        // Only a store an earlier version finished writing: a file that another process is
        // creating right now (no documents table yet) is left to that process.
        let older = try DatabaseQueue(path: path, configuration: check).read { db in
            try db.tableExists("document") && !migrator.hasCompletedMigrations(db)
        }
        guard older else { return }
        guard FileManager.default.isWritableFile(atPath: path) else {
            throw StoreError.unavailable(location: path, reason: "the store was written by an earlier version of Kremlinology and "
                                         + "is read-only here; open it once where it is writable (e.g. `kremlinology stats`) to upgrade it")
        }
        var upgrade = Configuration()
        upgrade.busyMode = .timeout(10)
        upgrade.prepareDatabase { db in Self.addFunctions(to: db) }
        try migrate(DatabaseQueue(path: path, configuration: upgrade))
    }

    /// Applies the pending migrations; after the one that moves the texts out of the document
    /// rows, rewrites a store that has documents (once, a few seconds per 100 MB) to give the
    /// space back.
    private static func migrate(_ writer: some DatabaseWriter) throws {
        let migrator = SQLiteMigrations.migrator
        // On the writer's connection: a pool's reader that read the schema before the migration
        // would prepare its next statements on the old columns.
        let compacts = try writer.writeWithoutTransaction { db in
            try db.tableExists("document") && !(try migrator.appliedIdentifiers(db).contains(SQLiteMigrations.deflatedTextMigration))
        }
        try migrator.migrate(writer)
        guard compacts else { return }
        // The migration has committed; the vacuum only gives space back. It needs about the
        // store's size again, so its copy goes to a file, not memory, and a failure (a full
        // disk) leaves a sound store that is merely larger: the open goes on.
        try? writer.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA temp_store = FILE")
            defer { try? db.execute(sql: "PRAGMA temp_store = MEMORY") }
            try db.execute(sql: "VACUUM")
        }
    }

    /// The SQL functions the schema uses, on every connection to a store (a tool that opens the
    /// file itself adds them too, e.g. the search benchmark): ``DeflatedText/function``.
    public static func addFunctions(to db: Database) {
        db.add(function: DeflatedText.function)
        db.add(function: DeflatedText.passageFunction)
    }

    override var displayName: String { path }

    override func read<T>(_ body: (any SQLExecutor) throws -> T) throws -> T {
        try interruptibleRead { db in try body(SQLiteExecutor(db: db)) }
    }

    /// Writes in one transaction; SQLITE_FULL becomes ``StoreError/diskFull(location:)`` so
    /// that an ingest can stop at the first one instead of failing every remaining file.
    override func write<T>(_ body: (any SQLExecutor) throws -> T) throws -> T {
        do {
            return try pool.write { db in try body(SQLiteExecutor(db: db)) }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_FULL {
            throw StoreError.diskFull(location: path)
        } catch let error as DatabaseError where error.message == DeflatedText.damaged {
            throw StoreError.failure("\(path): \(DeflatedText.damaged)")
        }
    }

    override public func searchResults(_ query: SearchQuery) throws -> SearchResults {
        try searchIndex(query)
    }
}
