import Foundation
import GRDB
import KremlinologyModel

/// The store core's statements on a GRDB connection.
struct SQLiteExecutor: SQLExecutor {
    let db: Database
    var dialect: SQLDialect { .sqlite }

    func execute(_ sql: String, _ arguments: [SQLValue]) throws {
        try db.cachedStatement(sql: sql).execute(arguments: Self.arguments(arguments))
    }

    func rows<T>(_ sql: String, _ arguments: [SQLValue], _ decode: (any StoreRow) throws -> T) throws -> [T] {
        var result: [T] = []
        let cursor = try Row.fetchCursor(db.cachedStatement(sql: sql), arguments: Self.arguments(arguments))
        while let row = try cursor.next() { result.append(try decode(SQLiteRow(row: row))) }
        return result
    }

    /// One prepared statement, executed once per row.
    func insert(into table: String, columns: [String], rows: [[SQLValue]], conflict: String?) throws {
        guard !rows.isEmpty else { return }
        let placeholders = StoreSchema.marks(columns.count)
        let statement = try db.cachedStatement(sql: """
            INSERT INTO \(table) (\(StoreSchema.list(columns))) VALUES (\(placeholders)) \(conflict ?? "")
            """)
        for row in rows { try statement.execute(arguments: Self.arguments(row)) }
    }

    /// The document row, then its texts deflated into `document_text` (``DeflatedText``).
    func insertDocument(_ values: [SQLValue], text: String, rawText: String) throws {
        try insert(into: "document", columns: StoreSchema.documentColumns, rows: [values], conflict: nil)
        guard case .text(let id)? = values.first else { preconditionFailure("a document row starts with its id") }
        try db.cachedStatement(sql: "INSERT INTO document_text (id, texts) VALUES (?, ?)")
            .execute(arguments: [id, try DeflatedText.deflate(text: text, raw: rawText)])
    }

    func documentTexts(_ id: String) throws -> (text: String, raw: String)? {
        guard let stored = try Data.fetchOne(db.cachedStatement(sql: "SELECT texts FROM document_text WHERE id = ?"),
                                             arguments: [id]) else { return nil }
        // Rows are BLOBs that DeflatedText wrote; anything else is a damaged store.
        guard let texts = DeflatedText.inflate(stored) else {
            throw StoreError.failure("document \(id): " + DeflatedText.damaged)
        }
        return texts
    }

    /// Each passage row, then its text into the FTS5 index under the passage's rowid: a
    /// heading's into the `heading` column, any other passage's into `body`.
    func insertPassages(_ passages: [PassageRow]) throws {
        guard !passages.isEmpty else { return }
        let placeholders = StoreSchema.marks(StoreSchema.passageColumns.count)
        let insertPassage = try db.cachedStatement(sql: """
            INSERT INTO passage (\(StoreSchema.list(StoreSchema.passageColumns))) VALUES (\(placeholders))
            """)
        let insertText = try db.cachedStatement(sql: "INSERT INTO passage_fts (rowid, body, heading) VALUES (?, ?, ?)")
        for passage in passages {
            try insertPassage.execute(arguments: Self.arguments(passage.values))
            let (body, heading) = passage.isHeading ? ("", passage.body) : (passage.body, "")
            try insertText.execute(arguments: [db.lastInsertedRowID, body, heading])
        }
    }

    /// An external-content index forgets a row only when told the text it indexed: each
    /// passage's slice of the text, inflated once, as ``insertPassages(_:)`` gave it. Through
    /// the content view every passage would inflate the text up to its own end, quadratic in
    /// a long document. A damaged text throws here, before the index is told anything.
    func forgetSearchEntries(ofDocument id: String) throws {
        guard let text = try documentTexts(id)?.text else { return }
        let forget = try db.cachedStatement(sql: "INSERT INTO passage_fts (passage_fts, rowid, body, heading) VALUES ('delete', ?, ?, ?)")
        let passages = try Row.fetchAll(db.cachedStatement(sql: #"SELECT id, start, "end", kind FROM passage WHERE document_id = ?"#),
                                        arguments: [id])
        for passage in passages {
            let body = text.slice(TextRange(start: passage["start"], end: passage["end"]))
            let isHeading = (passage["kind"] as String) == PassageKind.heading.rawValue
            try forget.execute(arguments: [passage["id"] as Int64, isHeading ? "" : body, isHeading ? body : ""])
        }
    }

    /// SQLite serialises writers: nothing to lock.
    func lockForStoring(path: String, id: String) throws {}

    func markChanged() throws {
        try db.execute(sql: "UPDATE store_change SET version = version + 1")
    }

    func isDiskFull(_ error: any Error) -> Bool {
        (error as? DatabaseError)?.resultCode == .SQLITE_FULL
    }

    func changeToken() throws -> String {
        String(try Int.fetchOne(db, sql: "SELECT version FROM store_change") ?? 0)
    }

    static func arguments(_ values: [SQLValue]) -> StatementArguments {
        StatementArguments(values.map { value -> (any DatabaseValueConvertible)? in
            switch value {
            case .null: nil
            case .integer(let v): v
            case .real(let v): v
            case .text(let v): v
            }
        })
    }
}

/// A GRDB row read by column name.
struct SQLiteRow: StoreRow {
    let row: Row

    func text(_ column: String) throws -> String { row[column] }
    func optionalText(_ column: String) throws -> String? { row[column] }
    func integer(_ column: String) throws -> Int { row[column] }
    func optionalInteger(_ column: String) throws -> Int? { row[column] }
    func real(_ column: String) throws -> Double { row[column] }
}
