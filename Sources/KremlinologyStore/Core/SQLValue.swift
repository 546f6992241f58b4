/// A value bound to a statement, the same for both backends: the store core builds its
/// statements with `?` placeholders and these values, and each backend binds them its way.
enum SQLValue: Sendable, Hashable {
    case null
    case integer(Int)
    case real(Double)
    case text(String)

    init(_ value: String?) { self = value.map(SQLValue.text) ?? .null }
    init(_ value: Int?) { self = value.map(SQLValue.integer) ?? .null }
}

/// One result row as the store core reads it, by column name. Each backend wraps its own
/// row type (GRDB's `Row`, postgres-nio's `PostgresRandomAccessRow`) in one of these.
protocol StoreRow {
    func text(_ column: String) throws -> String
    func optionalText(_ column: String) throws -> String?
    func integer(_ column: String) throws -> Int
    func optionalInteger(_ column: String) throws -> Int?
    func real(_ column: String) throws -> Double
}

/// What a backend does with SQL, inside one read or one write transaction.
///
/// Statements use `?` placeholders and bind ``SQLValue``s; the few places where the two
/// dialects differ are named in ``SQLDialect`` or are methods here with one implementation
/// per backend.
protocol SQLExecutor {
    /// How this backend spells what SQLite and PostgreSQL spell differently.
    var dialect: SQLDialect { get }
    /// Runs a statement that returns no rows.
    func execute(_ sql: String, _ arguments: [SQLValue]) throws
    /// Runs a query and decodes each row.
    func rows<T>(_ sql: String, _ arguments: [SQLValue], _ decode: (any StoreRow) throws -> T) throws -> [T]
    /// Inserts `rows` (values in the order of `columns`) in order, e.g. one prepared
    /// statement per row or one bulk statement; `conflict` is an `ON CONFLICT …` clause.
    func insert(into table: String, columns: [String], rows: [[SQLValue]], conflict: String?) throws
    /// Inserts a document's row (values of ``StoreSchema/documentColumns``) and its two texts,
    /// where and how this backend keeps them.
    func insertDocument(_ values: [SQLValue], text: String, rawText: String) throws
    /// The normalised and the raw text of stored document `id`.
    func documentTexts(_ id: String) throws -> (text: String, raw: String)?
    /// Inserts a document's passages and indexes their text.
    func insertPassages(_ passages: [PassageRow]) throws
    /// Forgets the search-index entries of a document's passages before they are deleted.
    func forgetSearchEntries(ofDocument id: String) throws
    /// Takes the locks that make concurrent writers of one path or one text wait for each
    /// other (a no-op where writes are serialised anyway).
    func lockForStoring(path: String, id: String) throws
    /// Marks the store as changed, for ``CorpusStore/changeToken()``.
    func markChanged() throws
    /// A value that differs after any write to the store, by any process.
    func changeToken() throws -> String
    /// Whether `error`, thrown by a statement of this executor, says the disk is full: the
    /// one failure that stops a group of documents instead of failing only its own.
    func isDiskFull(_ error: any Error) -> Bool
}

extension SQLExecutor {
    /// The first column of the first row as an integer (0 when there is none).
    func count(_ sql: String, _ arguments: [SQLValue] = []) throws -> Int {
        try rows(sql, arguments) { try $0.integer("n") }.first ?? 0
    }
}

/// A passage row to insert: its column values (``StoreSchema/passageColumns``), its text,
/// and whether it is a heading (searched, but weighed below the text).
struct PassageRow {
    var values: [SQLValue]
    var body: String
    var isHeading: Bool
}
