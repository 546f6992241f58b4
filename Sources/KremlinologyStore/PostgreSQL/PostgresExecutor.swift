import PostgresNIO

/// The store core's statements on a PostgreSQL session.
struct PostgresExecutor: SQLExecutor {
    let session: PostgresSession
    var dialect: SQLDialect { .postgres }

    func execute(_ sql: String, _ arguments: [SQLValue]) throws {
        try ReadCancellation.check()
        try session.execute(Self.query(sql, arguments))
    }

    func rows<T>(_ sql: String, _ arguments: [SQLValue], _ decode: (any StoreRow) throws -> T) throws -> [T] {
        // Between statements: a statement already sent runs to its end (the term caps bound it).
        try ReadCancellation.check()
        return try session.query(Self.query(sql, arguments)).map { try decode(PostgresStoreRow(row: $0.makeRandomAccess())) }
    }

    /// One statement for all rows, in order (serial ids follow the array): the rows travel
    /// as one JSON parameter, one round trip per table instead of one per row.
    func insert(into table: String, columns: [String], rows: [[SQLValue]], conflict: String?) throws {
        guard !rows.isEmpty else { return }
        var json = JSONRows()
        for row in rows { json.append(columns: columns, values: row) }
        let list = StoreSchema.list(columns)
        // `table` and `columns` are fixed names of the store core; the rows are one bound parameter.
        try session.execute(PostgresQuery(unsafeSQL: """
            INSERT INTO \(table) (\(list)) SELECT \(list) FROM json_populate_recordset(NULL::\(table), $1::json) \(conflict ?? "")
            """, binds: Self.bindings([.text(json.json)])))
    }

    /// The texts are columns of the document row (TOAST compresses them).
    func insertDocument(_ values: [SQLValue], text: String, rawText: String) throws {
        try insert(into: "document", columns: StoreSchema.documentColumns + StoreSchema.documentTextColumns,
                   rows: [values + [.text(text), .text(rawText)]], conflict: nil)
    }

    func documentTexts(_ id: String) throws -> (text: String, raw: String)? {
        try rows("SELECT text, raw_text FROM document WHERE id = ?", [.text(id)]) {
            (text: try $0.text("text"), raw: try $0.text("raw_text"))
        }.first
    }

    /// The passage rows with their text in `body`; the `tsvector` column is generated from it.
    func insertPassages(_ passages: [PassageRow]) throws {
        // Headings are stored and indexed with their text like every passage; the search
        // lists them after the passages of text, as SQLite's does.
        try insert(into: "passage", columns: StoreSchema.passageColumns + ["body"],
                   rows: passages.map { $0.values + [.text($0.body)] }, conflict: nil)
    }

    /// The index is a column of the passage rows: it goes with them.
    func forgetSearchEntries(ofDocument id: String) throws {}

    /// Two writers storing the same path or the same text wait for each other here, so the
    /// checks that follow see each other's result: a document is never stored twice.
    func lockForStoring(path: String, id: String) throws {
        try session.execute("SELECT pg_advisory_xact_lock(1, hashtext(\(path)))")
        try session.execute("SELECT pg_advisory_xact_lock(2, hashtext(\(id)))")
    }

    /// A sequence, not a counter row: concurrent workers never wait for each other on it.
    func markChanged() throws {
        try session.execute("SELECT nextval('store_change')")
    }

    /// The sequence's value and whether it was ever taken: a new sequence reads 1 both
    /// before and after its first `nextval`.
    func isDiskFull(_ error: any Error) -> Bool {
        (error as? StoreError)?.isDiskFull ?? false
    }

    func changeToken() throws -> String {
        guard let row = try session.query("SELECT last_value, is_called FROM store_change").first else { return "" }
        let (value, called) = try row.decode((Int, Bool).self)
        return called ? String(value) : "0"
    }

    /// `sql` with its `?` placeholders numbered `$1`, `$2`, … (outside quotes), and its bindings.
    static func query(_ sql: String, _ arguments: [SQLValue]) -> PostgresQuery {
        var numbered = ""
        numbered.reserveCapacity(sql.utf8.count + 8)
        var quote: Character?
        var next = 1
        for character in sql {
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "'" || character == "\"" {
                quote = character
            } else if character == "?" {
                numbered += "$\(next)"
                next += 1
                continue
            }
            numbered.append(character)
        }
        return PostgresQuery(unsafeSQL: numbered, binds: bindings(arguments))
    }

    static func bindings(_ values: [SQLValue]) -> PostgresBindings {
        var bindings = PostgresBindings(capacity: values.count)
        for value in values {
            switch value {
            case .null: bindings.appendNull()
            case .integer(let v): bindings.append(v)
            case .real(let v): bindings.append(v)
            case .text(let v): bindings.append(v)
            }
        }
        return bindings
    }
}

/// A postgres-nio row read by column name.
struct PostgresStoreRow: StoreRow {
    let row: PostgresRandomAccessRow

    func text(_ column: String) throws -> String { try row[column].decode(String.self) }
    func optionalText(_ column: String) throws -> String? { try row[column].decode(String?.self) }
    func integer(_ column: String) throws -> Int { try row[column].decode(Int.self) }
    func optionalInteger(_ column: String) throws -> Int? { try row[column].decode(Int?.self) }
    func real(_ column: String) throws -> Double { try row[column].decode(Double.self) }
}
