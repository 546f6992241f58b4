import GRDB

/// The schema, as named, append-only migrations: never edit one that has shipped.
enum SQLiteMigrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-documents-passages-fts") { db in
            try db.execute(sql: """
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
                    byte_count INTEGER NOT NULL,
                    passage_count INTEGER NOT NULL,
                    ingested_at TEXT NOT NULL
                );
                CREATE INDEX document_file_name ON document(file_name);
                CREATE INDEX document_outlet ON document(outlet COLLATE NOCASE);
                -- passage.id is also the rowid of the passage's row in passage_fts.
                CREATE TABLE passage (
                    id INTEGER PRIMARY KEY,
                    document_id TEXT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
                    idx INTEGER NOT NULL,
                    start INTEGER NOT NULL,
                    "end" INTEGER NOT NULL,
                    section TEXT,
                    kind TEXT NOT NULL,
                    anchors TEXT NOT NULL,
                    UNIQUE (document_id, idx)
                );
                CREATE TABLE topic_link (
                    document_id TEXT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
                    passage_idx INTEGER NOT NULL,
                    slug TEXT NOT NULL,
                    label TEXT NOT NULL,
                    start INTEGER NOT NULL,
                    "end" INTEGER NOT NULL
                );
                CREATE INDEX topic_link_document ON topic_link(document_id);
                CREATE INDEX topic_link_slug ON topic_link(slug);
                -- The index keeps no copy of the passage text: snippets read it from the
                -- document's normalised text through this view (byte ranges, hence the BLOB casts).
                CREATE VIEW passage_body AS
                    SELECT p.id AS id,
                           CAST(substr(CAST(d.text AS BLOB), p.start + 1, p."end" - p.start) AS TEXT) AS body
                    FROM passage p JOIN document d ON d.id = p.document_id;
                CREATE VIRTUAL TABLE passage_fts USING fts5(
                    body,
                    content = 'passage_body', content_rowid = 'id',
                    tokenize = 'porter unicode61 remove_diacritics 2'
                );
                """)
        }
        migrator.registerMigration("v2-actors-mentions-relations-claims") { db in
            try db.execute(sql: """
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
                    start INTEGER NOT NULL,
                    "end" INTEGER NOT NULL,
                    rule TEXT NOT NULL
                );
                CREATE INDEX mention_document ON mention(document_id);
                CREATE INDEX mention_actor ON mention(actor);
                CREATE TABLE relation (
                    id INTEGER PRIMARY KEY,
                    document_id TEXT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
                    passage_idx INTEGER,
                    source TEXT NOT NULL,
                    source_wikidata TEXT,
                    source_text TEXT NOT NULL,
                    target TEXT NOT NULL,
                    target_wikidata TEXT,
                    target_text TEXT NOT NULL,
                    type TEXT NOT NULL,
                    polarity INTEGER NOT NULL,
                    modality TEXT NOT NULL,
                    attribution TEXT,
                    instruments TEXT NOT NULL,
                    time TEXT,
                    quote TEXT NOT NULL,
                    start INTEGER NOT NULL,
                    "end" INTEGER NOT NULL,
                    rule TEXT NOT NULL,
                    locator TEXT,
                    locator_seconds INTEGER,
                    locator_paragraph INTEGER,
                    locator_url TEXT
                );
                CREATE INDEX relation_document ON relation(document_id);
                CREATE INDEX relation_source ON relation(source);
                CREATE INDEX relation_target ON relation(target);
                CREATE INDEX relation_type ON relation(type);
                CREATE TABLE claim (
                    document_id TEXT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
                    speaker TEXT NOT NULL,
                    quote TEXT NOT NULL,
                    start INTEGER NOT NULL,
                    "end" INTEGER NOT NULL,
                    modality TEXT NOT NULL,
                    attribution TEXT
                );
                CREATE INDEX claim_document ON claim(document_id);
                CREATE INDEX claim_speaker ON claim(speaker);
                """)
        }
        migrator.registerMigration("v3-change-counter") { db in
            // Bumped by every write transaction, so that a reader in another process (the
            // server) can tell cheaply that the store changed: see `changeToken()`.
            try db.execute(sql: """
                CREATE TABLE store_change (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL);
                INSERT INTO store_change (id, version) VALUES (1, 0);
                """)
        }
        migrator.registerMigration("v4-fts-content-without-headings") { db in
            // Headings are never indexed (they name sections; as hits they crowd out the
            // text), so the index's content view must not show them either: with them, FTS5's
            // integrity check reports a clean index as corrupt.
            try db.execute(sql: """
                DROP VIEW passage_body;
                CREATE VIEW passage_body AS
                    SELECT p.id AS id,
                           CAST(substr(CAST(d.text AS BLOB), p.start + 1, p."end" - p.start) AS TEXT) AS body
                    FROM passage p JOIN document d ON d.id = p.document_id
                    WHERE p.kind <> 'heading';
                """)
        }
        return migrator
    }
}
