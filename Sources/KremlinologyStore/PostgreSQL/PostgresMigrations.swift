import PostgresNIO

/// The PostgreSQL schema, as named, append-only migrations recorded in `schema_migrations`:
/// never edit one that has shipped; add a new one at the end.
///
/// The tables mirror the SQLite ones (same names and columns) so that `copy` is a plain
/// row-for-row transfer; full-text search uses a generated `tsvector` column with a GIN
/// index instead of an FTS5 table.
enum PostgresMigrations {
    static let all: [(name: String, sql: String)] = [
        ("v1-documents-passages-fts", """
            -- English stemming without a stop-word list, like SQLite's porter tokenizer: a
            -- phrase such as "or loan" must not shrink to "loan".
            CREATE TEXT SEARCH DICTIONARY kremlinology_stem (TEMPLATE = snowball, Language = english);
            CREATE TEXT SEARCH CONFIGURATION kremlinology (COPY = pg_catalog.english);
            ALTER TEXT SEARCH CONFIGURATION kremlinology ALTER MAPPING REPLACE english_stem WITH kremlinology_stem;
            CREATE TABLE document (
                id TEXT PRIMARY KEY,
                path TEXT NOT NULL UNIQUE,
                file_name TEXT NOT NULL,
                title TEXT,
                kind TEXT NOT NULL,
                outlet TEXT,
                republisher TEXT,
                author TEXT,
                published TEXT,
                url TEXT,
                video_id TEXT,
                content_hash TEXT NOT NULL,
                text TEXT NOT NULL,
                raw_text TEXT NOT NULL,
                byte_count BIGINT NOT NULL,
                passage_count BIGINT NOT NULL,
                ingested_at TEXT NOT NULL
            );
            CREATE INDEX document_file_name ON document (file_name);
            CREATE INDEX document_outlet ON document (lower(outlet));
            CREATE TABLE passage (
                id BIGSERIAL PRIMARY KEY,
                document_id TEXT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
                idx BIGINT NOT NULL,
                start BIGINT NOT NULL,
                "end" BIGINT NOT NULL,
                section TEXT,
                kind TEXT NOT NULL,
                anchors TEXT NOT NULL,
                body TEXT NOT NULL,
                body_tsv TSVECTOR GENERATED ALWAYS AS (to_tsvector('kremlinology', body)) STORED,
                UNIQUE (document_id, idx)
            );
            CREATE INDEX passage_body_tsv ON passage USING GIN (body_tsv);
            CREATE TABLE topic_link (
                document_id TEXT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
                passage_idx BIGINT NOT NULL,
                slug TEXT NOT NULL,
                label TEXT NOT NULL,
                start BIGINT NOT NULL,
                "end" BIGINT NOT NULL
            );
            CREATE INDEX topic_link_document ON topic_link (document_id);
            CREATE INDEX topic_link_slug ON topic_link (slug);
            """),
        ("v2-actors-mentions-relations-claims", """
            CREATE TABLE actor (
                name TEXT PRIMARY KEY,
                kind TEXT NOT NULL,
                wikidata TEXT,
                country TEXT,
                aliases TEXT NOT NULL,
                affiliations TEXT NOT NULL
            );
            CREATE TABLE mention (
                document_id TEXT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
                actor TEXT NOT NULL,
                text TEXT NOT NULL,
                start BIGINT NOT NULL,
                "end" BIGINT NOT NULL,
                rule TEXT NOT NULL
            );
            CREATE INDEX mention_document ON mention (document_id);
            CREATE INDEX mention_actor ON mention (actor);
            CREATE TABLE relation (
                id BIGSERIAL PRIMARY KEY,
                document_id TEXT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
                passage_idx BIGINT,
                source TEXT NOT NULL,
                source_wikidata TEXT,
                source_text TEXT NOT NULL,
                target TEXT NOT NULL,
                target_wikidata TEXT,
                target_text TEXT NOT NULL,
                type TEXT NOT NULL,
                polarity BIGINT NOT NULL,
                modality TEXT NOT NULL,
                attribution TEXT,
                instruments TEXT NOT NULL,
                time TEXT,
                quote TEXT NOT NULL,
                start BIGINT NOT NULL,
                "end" BIGINT NOT NULL,
                rule TEXT NOT NULL,
                locator TEXT,
                locator_seconds BIGINT,
                locator_paragraph BIGINT,
                locator_url TEXT
            );
            CREATE INDEX relation_document ON relation (document_id);
            CREATE INDEX relation_source ON relation (lower(source));
            CREATE INDEX relation_target ON relation (lower(target));
            CREATE INDEX relation_source_exact ON relation (source);
            CREATE INDEX relation_target_exact ON relation (target);
            CREATE INDEX relation_type ON relation (type);
            CREATE TABLE claim (
                document_id TEXT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
                speaker TEXT NOT NULL,
                quote TEXT NOT NULL,
                start BIGINT NOT NULL,
                "end" BIGINT NOT NULL,
                modality TEXT NOT NULL,
                attribution TEXT
            );
            CREATE INDEX claim_document ON claim (document_id);
            CREATE INDEX claim_speaker ON claim (speaker);
            """),
        ("v3-ingest-jobs", """
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
            """),
        ("v4-change-sequence", """
            -- Advanced by every write transaction, so that readers in other processes (the
            -- server) can tell that the store changed: see `changeToken()`. A sequence, not a
            -- counter row, so concurrent workers never wait for each other on it.
            CREATE SEQUENCE store_change
            """),
    ]

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
                // The extended protocol runs one statement per query; none of ours holds a `;` inside.
                for statement in migration.sql.split(separator: ";") where !statement.allSatisfy(\.isWhitespace) {
                    try session.execute(PostgresQuery(unsafeSQL: String(statement)))
                }
                try session.execute("INSERT INTO schema_migrations (name) VALUES (\(migration.name))")
            }
        }
    }
}
