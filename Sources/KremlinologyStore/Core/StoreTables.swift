/// The tables both backends keep, described once; each backend's migrations render them in
/// its dialect (``SQLDialect/columnType(_:)``) and add what only it has: SQLite its FTS5
/// index and content view, PostgreSQL its `tsvector` column and text-search configuration.
///
/// The names and columns are the same on both backends, so `copy` is a row-for-row transfer.
///
/// Units: every `start`/`end` column (passage, topic_link, mention, relation, claim) and every
/// anchor `offset` is a UTF-8 **byte** offset into `document.text`, end exclusive. Exports
/// (`export`, `extract`, the API's quotes) convert them to Unicode **code points**, as
/// ONTOLOGY.md's export format asks (``CodePointOffsets``); nothing else does.
/// Migrations are append-only: a table of a shipped migration is never changed here; a new
/// column or table goes into a new migration.
struct TableSpec {
    /// A column: its name, its type and its constraints (`NOT NULL`, a key, a reference).
    struct Column {
        enum Kind { case text, integer, rowID }
        var name: String
        var kind: Kind
        var constraints: String

        static func text(_ name: String, _ constraints: String = "") -> Column { Column(name: name, kind: .text, constraints: constraints) }
        static func integer(_ name: String, _ constraints: String = "") -> Column { Column(name: name, kind: .integer, constraints: constraints) }
        /// A key the store assigns in insertion order (`INTEGER PRIMARY KEY`, `BIGSERIAL`).
        static func rowID(_ name: String) -> Column { Column(name: name, kind: .rowID, constraints: "") }
    }

    var name: String
    var columns: [Column]
    /// Table constraints after the columns, e.g. `UNIQUE (document_id, idx)`.
    var constraints: [String] = []

    /// The columns a row insert names: all but the key the store assigns itself.
    var insertedColumns: [String] { columns.filter { $0.kind != .rowID }.map(\.name) }

    /// `ALTER TABLE … ADD COLUMN …` in `dialect`: a column that a later migration adds.
    func addColumn(_ column: Column, in dialect: SQLDialect) -> String {
        "ALTER TABLE \(name) ADD COLUMN \(StoreSchema.quotedIfKeyword(column.name)) \(dialect.columnType(column.kind)) \(column.constraints)"
    }

    /// `CREATE TABLE …` in `dialect`, with `extraColumns` (a backend's own) before the constraints.
    func create(in dialect: SQLDialect, extraColumns: [String] = []) -> String {
        let lines = columns.map { column in
            ([StoreSchema.quotedIfKeyword(column.name), dialect.columnType(column.kind)] + (column.constraints.isEmpty ? [] : [column.constraints]))
                .joined(separator: " ")
        } + extraColumns + constraints
        return "CREATE TABLE \(name) (\n    " + lines.joined(separator: ",\n    ") + "\n)"
    }
}

extension StoreSchema {
    private static let ofDocument = "NOT NULL REFERENCES document(id) ON DELETE CASCADE"

    static let document = TableSpec(name: "document", columns: [
        .text("id", "PRIMARY KEY"), .text("path", "NOT NULL UNIQUE"), .text("file_name", "NOT NULL"), .text("title"),
        .text("kind", "NOT NULL"), .text("outlet"), .text("republisher"), .text("author"), .text("published"), .text("url"),
        .text("video_id"), .text("content_hash", "NOT NULL"), .text("text", "NOT NULL"), .text("raw_text", "NOT NULL"),
        .integer("byte_count", "NOT NULL"), .integer("passage_count", "NOT NULL"), .text("ingested_at", "NOT NULL"),
    ])

    /// Passage ids are also the rowids of the SQLite FTS5 index.
    static let passage = TableSpec(name: "passage", columns: [
        .rowID("id"), .text("document_id", ofDocument), .integer("idx", "NOT NULL"), .integer("start", "NOT NULL"),
        .integer("end", "NOT NULL"), .text("section"), .text("kind", "NOT NULL"), .text("anchors", "NOT NULL"),
    ], constraints: ["UNIQUE (document_id, idx)"])

    static let topicLink = TableSpec(name: "topic_link", columns: [
        .text("document_id", ofDocument), .integer("passage_idx", "NOT NULL"), .text("slug", "NOT NULL"),
        .text("label", "NOT NULL"), .integer("start", "NOT NULL"), .integer("end", "NOT NULL"),
    ])

    static let actor = TableSpec(name: "actor", columns: [
        .text("name", "PRIMARY KEY"), .text("kind", "NOT NULL"), .text("wikidata"), .text("country"),
        .text("aliases", "NOT NULL"), .text("affiliations", "NOT NULL"),
    ])

    /// Whether an actor is of a pack (1) or an open-world actor the extractor found, unreviewed
    /// (0); added by the open-world migration (SQLite v8, PostgreSQL v7), after the columns above.
    static let actorReviewed = TableSpec.Column.integer("reviewed", "NOT NULL DEFAULT 1")

    /// The statement of the open-world migration, in `dialect`.
    static func addActorReviewed(in dialect: SQLDialect) -> String { actor.addColumn(actorReviewed, in: dialect) }

    /// The transliteration key of an actor's name (``Transliteration/nameKey(_:)``), by which
    /// spellings of one name the pack does not know are found to be one actor across the corpus.
    static let actorNameKey = TableSpec.Column.text("name_key")

    /// Where a relation took place (``Relation/location``): a region, city or territory.
    static let relationLocation = TableSpec.Column.text("location")

    /// The statements of the places and names migration (SQLite v12, PostgreSQL v11), in `dialect`.
    /// Rows stored before it have no key and no location; re-extraction fills them.
    static func placesAndNameKeys(in dialect: SQLDialect) -> [String] {
        [actor.addColumn(actorNameKey, in: dialect), relation.addColumn(relationLocation, in: dialect),
         "CREATE INDEX actor_name_key ON actor (name_key)"]
    }

    static let mention = TableSpec(name: "mention", columns: [
        .text("document_id", ofDocument), .text("actor", "NOT NULL"), .text("text", "NOT NULL"),
        .integer("start", "NOT NULL"), .integer("end", "NOT NULL"), .text("rule", "NOT NULL"),
    ])

    static let relation = TableSpec(name: "relation", columns: [
        .rowID("id"), .text("document_id", ofDocument), .integer("passage_idx"), .text("source", "NOT NULL"),
        .text("source_wikidata"), .text("source_text", "NOT NULL"), .text("target", "NOT NULL"), .text("target_wikidata"),
        .text("target_text", "NOT NULL"), .text("type", "NOT NULL"), .integer("polarity", "NOT NULL"),
        .text("modality", "NOT NULL"), .text("attribution"), .text("instruments", "NOT NULL"), .text("time"),
        .text("quote", "NOT NULL"), .integer("start", "NOT NULL"), .integer("end", "NOT NULL"), .text("rule", "NOT NULL"),
        .text("locator"), .integer("locator_seconds"), .integer("locator_paragraph"), .text("locator_url"),
    ])

    static let claim = TableSpec(name: "claim", columns: [
        .text("document_id", ofDocument), .text("speaker", "NOT NULL"), .text("quote", "NOT NULL"),
        .integer("start", "NOT NULL"), .integer("end", "NOT NULL"), .text("modality", "NOT NULL"), .text("attribution"),
    ])

    /// Structural ties of ONTOLOGY.md stated in a document (``StructuralTie``), kept apart from
    /// relations so that no relation count, export or score includes them.
    static let structuralTie = TableSpec(name: "structural_tie", columns: [
        .rowID("id"), .text("document_id", ofDocument), .integer("passage_idx"), .text("holder", "NOT NULL"),
        .text("holder_text", "NOT NULL"), .text("type", "NOT NULL"), .text("principal", "NOT NULL"),
        .text("principal_text", "NOT NULL"), .text("modality", "NOT NULL"), .text("quote", "NOT NULL"),
        .integer("start", "NOT NULL"), .integer("end", "NOT NULL"), .text("rule", "NOT NULL"),
        .text("locator"), .integer("locator_seconds"), .integer("locator_paragraph"), .text("locator_url"),
    ])

    /// The table of the ties migration (SQLite v7, PostgreSQL v6) and its indexes.
    static let tieTables = [structuralTie]

    /// An analyst's judgement of a fact (issue 15): kept beside the evidence, never editing it,
    /// and keyed by what the relation says and where (document, quote range, source, type,
    /// target), not by its row id, so that it holds again when `reextract` yields the same
    /// relation from the same words.
    static let judgement = TableSpec(name: "judgement", columns: [
        .rowID("id"), .text("document_id", ofDocument), .integer("start", "NOT NULL"), .integer("end", "NOT NULL"),
        .text("source", "NOT NULL"), .text("type", "NOT NULL"), .text("target", "NOT NULL"),
        .text("verdict", "NOT NULL CHECK (verdict IN ('wrong', 'right'))"), .text("note"), .text("author"),
        .text("judged_at", "NOT NULL"),
    ], constraints: ["UNIQUE (document_id, start, \"end\", source, type, target)"])

    /// The table of the judgements migration (SQLite v9, PostgreSQL v8).
    static let judgementTables = [judgement]

    /// An analyst's decision about an actor (issue 15): merge, split, rename, alias, dismiss,
    /// promote. Kept in order, never deleted: undoing one dates it in `undone_at`, so the log
    /// shows what was decided and undone. The extractor applies those that hold.
    static let curation = TableSpec(name: "curation", columns: [
        .rowID("id"), .text("action", "NOT NULL"), .text("actor", "NOT NULL"), .text("other"), .text("new_name"),
        .text("alias"), .text("kind"), .text("note"), .text("author"), .text("decided_at", "NOT NULL"), .text("undone_at"),
        .text("snapshot", "NOT NULL"),
    ])

    /// The table of the curation migration (SQLite v10, PostgreSQL v9).
    static let curationTables = [curation]

    /// The source a document belongs to (``SourceIdentity``): its key, and its MinHash
    /// signature for finding near-identical documents later (empty for short texts).
    static let documentSource = TableSpec(name: "document_source", columns: [
        .text("document_id", "PRIMARY KEY REFERENCES document(id) ON DELETE CASCADE"), .text("source_key", "NOT NULL"),
        .text("signature", "NOT NULL"),
    ])

    /// One row per MinHash band of a document: the candidates for near-identical text.
    static let documentBand = TableSpec(name: "document_band", columns: [
        .text("band", "NOT NULL"), .text("document_id", ofDocument),
    ])

    /// The tables of the sources migration (SQLite v6, PostgreSQL v5).
    static let sourceTables = [documentSource, documentBand]

    /// Existing documents' sources when the sources migration runs: their video, else themselves.
    static let backfillSources = """
        INSERT INTO document_source (document_id, source_key, signature)
            SELECT id, CASE WHEN video_id IS NOT NULL AND video_id <> '' THEN 'video:' || video_id
                            ELSE 'document:' || id END, ''
            FROM document
        """

    /// Indexes both backends create the same way.
    static let sharedIndexes = [
        "CREATE INDEX document_file_name ON document (file_name)",
        "CREATE INDEX topic_link_document ON topic_link (document_id)",
        "CREATE INDEX topic_link_slug ON topic_link (slug)",
        "CREATE INDEX mention_document ON mention (document_id)",
        "CREATE INDEX mention_actor ON mention (actor)",
        "CREATE INDEX relation_document ON relation (document_id)",
        "CREATE INDEX relation_type ON relation (type)",
        "CREATE INDEX claim_document ON claim (document_id)",
        "CREATE INDEX claim_speaker ON claim (speaker)",
        "CREATE INDEX document_source_key ON document_source (source_key)",
        "CREATE INDEX document_band_band ON document_band (band)",
        "CREATE INDEX document_band_document ON document_band (document_id)",
        "CREATE INDEX structural_tie_document ON structural_tie (document_id)",
        "CREATE INDEX structural_tie_holder ON structural_tie (holder)",
        "CREATE INDEX structural_tie_principal ON structural_tie (principal)",
    ]

    /// The tables of the first migration (documents and their passages) and of the second (facts).
    static let documentTables = [document, passage, topicLink]
    static let factTables = [actor, mention, relation, claim]

    /// `CREATE TABLE` and the shared `CREATE INDEX` statements of `tables`, in `dialect`;
    /// `extraColumns` adds a backend's own columns to a table by name.
    static func createStatements(_ tables: [TableSpec], in dialect: SQLDialect,
                                 extraColumns: [String: [String]] = [:]) -> [String] {
        tables.flatMap { table in
            [table.create(in: dialect, extraColumns: extraColumns[table.name] ?? [])]
                + sharedIndexes.filter { $0.contains(" ON \(table.name) (") }
        }
    }

    /// `name`, quoted where it is an SQL keyword (`end`).
    static func quotedIfKeyword(_ name: String) -> String { name == "end" ? quoted(name) : name }
}
