/// What SQLite and PostgreSQL spell differently in the queries and tables the store core
/// shares. Everything else in the core is SQL both accept.
struct SQLDialect: Sendable {
    /// Appended to a text column in ORDER BY to sort by bytes (SQLite's default; PostgreSQL
    /// sorts by locale unless told `COLLATE "C"`), so both backends list in the same order.
    var byteOrder: String
    /// The hidden column that follows insertion order in tables without an id.
    var insertionOrder: String
    /// `column = ?`, ignoring case.
    var equalsIgnoringCase: @Sendable (_ column: String) -> String

    /// A table of `id` and `text` (the normalised text) of every document: SQLite keeps the
    /// text deflated (``DeflatedText``), PostgreSQL in the document row.
    var documentTexts: String

    /// Whether passage anchors are written in ``AnchorText``'s compact form. SQLite's do, in
    /// the schema of migration v13, which no earlier version can read; PostgreSQL's stay JSON, which
    /// every version of a team sharing the server reads (both forms are read everywhere).
    var compactAnchors: Bool

    /// The column types: SQLite's INTEGER is 64 bits, PostgreSQL's BIGINT.
    var integerType: String
    /// A 64-bit key assigned in insertion order.
    var rowIDType: String

    static let sqlite = SQLDialect(byteOrder: "", insertionOrder: "rowid",
                                   equalsIgnoringCase: { "\($0) = ? COLLATE NOCASE" },
                                   documentTexts: "(SELECT id, \(DeflatedText.functionName)(texts) AS text FROM document_text)",
                                   compactAnchors: true,
                                   integerType: "INTEGER", rowIDType: "INTEGER PRIMARY KEY")
    static let postgres = SQLDialect(byteOrder: #" COLLATE "C""#, insertionOrder: "ctid",
                                     equalsIgnoringCase: { "lower(\($0)) = lower(?)" }, documentTexts: "document", compactAnchors: false,
                                     integerType: "BIGINT", rowIDType: "BIGSERIAL PRIMARY KEY")

    /// The type of a column of ``TableSpec``.
    func columnType(_ kind: TableSpec.Column.Kind) -> String {
        switch kind {
        case .text: "TEXT"
        case .integer: integerType
        case .rowID: rowIDType
        }
    }
}
