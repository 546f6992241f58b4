import PostgresNIO

/// The PostgreSQL schema, as named, append-only migrations recorded in `schema_migrations`:
/// never edit one that has shipped; add a new one at the end.
///
/// The shared tables come from ``StoreSchema`` (``TableSpec``), as SQLite's do, so that `copy`
/// is a plain row-for-row transfer; what is PostgreSQL's own is written here: full-text
/// search by a generated `tsvector` column with a GIN index, `lower()` indexes, the job queue.
enum PostgresMigrations {
    static let all: [(name: String, statements: [String])] = [
        ("v1-documents-passages-fts", [
            // English stemming without a stop-word list, like SQLite's porter tokenizer: a
            // phrase such as "or loan" must not shrink to "loan".
            "CREATE TEXT SEARCH DICTIONARY kremlinology_stem (TEMPLATE = snowball, Language = english)",
            "CREATE TEXT SEARCH CONFIGURATION kremlinology (COPY = pg_catalog.english)",
            "ALTER TEXT SEARCH CONFIGURATION kremlinology ALTER MAPPING REPLACE english_stem WITH kremlinology_stem",
        ] + StoreSchema.createStatements(StoreSchema.documentTables, in: .postgres, extraColumns: ["passage": [
            "body TEXT NOT NULL",
            "body_tsv TSVECTOR GENERATED ALWAYS AS (to_tsvector('kremlinology', body)) STORED",
        ]]) + [
            "CREATE INDEX document_outlet ON document (lower(outlet))",
            "CREATE INDEX passage_body_tsv ON passage USING GIN (body_tsv)",
        ]),
        ("v2-actors-mentions-relations-claims", StoreSchema.createStatements(StoreSchema.factTables, in: .postgres) + [
            // Case-insensitive filters use the lower() indexes, exact analysis queries the others.
            "CREATE INDEX relation_source ON relation (lower(source))",
            "CREATE INDEX relation_target ON relation (lower(target))",
            "CREATE INDEX relation_source_exact ON relation (source)",
            "CREATE INDEX relation_target_exact ON relation (target)",
        ]),
        ("v3-ingest-jobs", statements("""
            -- Work for `kremlinology worker`: one row per file, its bytes included so that
            -- workers on other machines need no shared folder.
            CREATE TABLE ingest_job (
                id BIGSERIAL PRIMARY KEY,
                path TEXT NOT NULL,
                file_name TEXT NOT NULL,
                bytes BYTEA NOT NULL,
                state TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'done', 'failed')),
                attempts BIGINT NOT NULL DEFAULT 0,
                worker TEXT,
                lease_until TIMESTAMPTZ,
                outcome TEXT,
                error TEXT,
                enqueued_at TIMESTAMPTZ NOT NULL DEFAULT now(),
                finished_at TIMESTAMPTZ
            );
            CREATE INDEX ingest_job_open ON ingest_job (id) WHERE state IN ('queued', 'running');
            """)),
        ("v4-change-sequence", statements("""
            -- Advanced by every write transaction, so that readers in other processes (the
            -- server) can tell that the store changed: see `changeToken()`. A sequence, not a
            -- counter row, so concurrent workers never wait for each other on it.
            CREATE SEQUENCE store_change
            """)),
        ("v5-document-sources", StoreSchema.createStatements(StoreSchema.sourceTables, in: .postgres)
            + [StoreSchema.backfillSources]),
        ("v6-structural-ties", StoreSchema.createStatements(StoreSchema.tieTables, in: .postgres)),
        // Open-world actors: names the pack does not know, found acting in a document.
        ("v7-unreviewed-actors", [StoreSchema.addActorReviewed(in: .postgres)]),
        // Analysts' judgements of facts, beside the evidence (issue 15).
        ("v8-judgements", StoreSchema.createStatements(StoreSchema.judgementTables, in: .postgres)),
        // Analysts' decisions about actors (issue 15), applied by every later extraction.
        ("v9-curation", StoreSchema.createStatements(StoreSchema.curationTables, in: .postgres)),
        // Analysts' grades of outlets (Admiralty code), beside the pack's defaults (issue 15).
        ("v10-outlet-grades", StoreSchema.outletGradeStatements(in: .postgres)),
        // Where a relation took place, and the transliteration key of actor names (issue 11, items 4–5).
        ("v11-places-and-name-keys", StoreSchema.placesAndNameKeys(in: .postgres)),
    ]

    /// The statements of a script: the extended protocol runs one statement per query, and
    /// none of ours holds a `;` inside.
    private static func statements(_ script: String) -> [String] {
        script.split(separator: ";").map(String.init).filter { !$0.allSatisfy(\.isWhitespace) }
    }

    /// Applies the migrations not yet recorded, when there are any (one cheap query when there are none).
    static func migrateIfOlder(_ session: PostgresSession) throws {
        let recorded = try session.query("SELECT to_regclass('schema_migrations')::text").first.map { try $0.decode(String?.self) } ?? nil
        if recorded != nil {
            let applied = Set(try session.query("SELECT name FROM schema_migrations").map { try $0.decode(String.self) })
            if all.allSatisfy({ applied.contains($0.name) }) { return }
        }
        try migrate(session)
    }

    /// Applies the migrations not yet recorded, in one transaction. An advisory lock keeps
    /// two processes that open the store at once (workers starting together) from migrating
    /// it twice.
    static func migrate(_ session: PostgresSession) throws {
        try session.transaction {
            try session.execute("SELECT pg_advisory_xact_lock(hashtext(current_schema() || '.schema_migrations'))")
            try session.execute("""
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    name TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())
                """)
            let applied = Set(try session.query("SELECT name FROM schema_migrations").map { try $0.decode(String.self) })
            for migration in all where !applied.contains(migration.name) {
                for statement in migration.statements {
                    try session.execute(PostgresQuery(unsafeSQL: statement))
                }
                try session.execute("INSERT INTO schema_migrations (name) VALUES (\(migration.name))")
            }
        }
    }
}
