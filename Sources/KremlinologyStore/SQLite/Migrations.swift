import GRDB

/// The SQLite schema, as named, append-only migrations: never change what one creates once it
/// has shipped. The shared tables come from ``StoreSchema`` (``TableSpec``); what is SQLite's
/// own (the FTS5 index and its content view, NOCASE indexes) is written here.
enum SQLiteMigrations {
    /// The migration that deflates the stored texts: a store it upgrades is vacuumed after it,
    /// since the text it moved leaves the file's old pages free but not returned.
    static let deflatedTextMigration = "v13-deflated-texts-compact-anchors"

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-documents-passages-fts") { db in
            for statement in StoreSchema.createStatements(StoreSchema.documentTables, in: .sqlite) {
                try db.execute(sql: statement)
            }
            try db.execute(sql: """
                CREATE INDEX document_outlet ON document(outlet COLLATE NOCASE);
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
            for statement in StoreSchema.createStatements(StoreSchema.factTables, in: .sqlite) {
                try db.execute(sql: statement)
            }
            // Exact names: the analysis queries compare them as they are.
            try db.execute(sql: """
                CREATE INDEX relation_source ON relation(source);
                CREATE INDEX relation_target ON relation(target);
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
        migrator.registerMigration("v5-fts-headings-in-their-own-column") { db in
            // Headings are searchable too ("Путин" may stand only in a video's title), in a
            // column of their own (weighed at a quarter by BM25); the search lists them after
            // every passage of text, so that they never crowd out the passages that discuss a word.
            try db.execute(sql: """
                DROP TABLE passage_fts;
                DROP VIEW passage_body;
                CREATE VIEW passage_body AS
                    SELECT p.id AS id,
                           CASE WHEN p.kind = 'heading' THEN '' ELSE
                               CAST(substr(CAST(d.text AS BLOB), p.start + 1, p."end" - p.start) AS TEXT) END AS body,
                           CASE WHEN p.kind = 'heading' THEN
                               CAST(substr(CAST(d.text AS BLOB), p.start + 1, p."end" - p.start) AS TEXT) ELSE '' END AS heading
                    FROM passage p JOIN document d ON d.id = p.document_id;
                CREATE VIRTUAL TABLE passage_fts USING fts5(
                    body, heading,
                    content = 'passage_body', content_rowid = 'id',
                    tokenize = 'porter unicode61 remove_diacritics 2'
                );
                INSERT INTO passage_fts (passage_fts) VALUES ('rebuild');
                INSERT INTO passage_fts (passage_fts, rank) VALUES ('rank', 'bm25(1.0, 0.25)');
                """)
        }
        migrator.registerMigration("v6-document-sources") { db in
            // Documents grouped into sources (a video, a URL, near-identical text), so that
            // the views count one claim once: see `SourceIdentity`.
            for statement in StoreSchema.createStatements(StoreSchema.sourceTables, in: .sqlite) + [StoreSchema.backfillSources] {
                try db.execute(sql: statement)
            }
        }
        migrator.registerMigration("v7-structural-ties") { db in
            // Ties of office and confidence ("Patrushev, Putin's adviser"), apart from relations.
            for statement in StoreSchema.createStatements(StoreSchema.tieTables, in: .sqlite) {
                try db.execute(sql: statement)
            }
        }
        migrator.registerMigration("v8-unreviewed-actors") { db in
            // Open-world actors: names the pack does not know, found acting in a document.
            try db.execute(sql: StoreSchema.addActorReviewed(in: .sqlite))
        }
        migrator.registerMigration("v9-judgements") { db in
            // Analysts' judgements of facts, beside the evidence (issue 15).
            for statement in StoreSchema.createStatements(StoreSchema.judgementTables, in: .sqlite) {
                try db.execute(sql: statement)
            }
        }
        migrator.registerMigration("v10-curation") { db in
            // Analysts' decisions about actors (issue 15), applied by every later extraction.
            for statement in StoreSchema.createStatements(StoreSchema.curationTables, in: .sqlite) {
                try db.execute(sql: statement)
            }
        }
        migrator.registerMigration("v11-outlet-grades") { db in
            // Analysts' grades of outlets (Admiralty code), beside the pack's defaults (issue 15).
            for statement in StoreSchema.outletGradeStatements(in: .sqlite) {
                try db.execute(sql: statement)
            }
        }
        migrator.registerMigration("v12-places-and-name-keys") { db in
            // Where a relation took place, and the transliteration key of actor names (issue 11, items 4–5).
            for statement in StoreSchema.placesAndNameKeys(in: .sqlite) { try db.execute(sql: statement) }
        }
        migrator.registerMigration(deflatedTextMigration) { db in
            // Issue 14, item 5: a document's two texts, deflated, in a table of their own. Kept
            // inline they made the 316 MB document table of a 605 MB store, and every scan of the document rows
            // (stats, listings) walked their overflow pages. The search index's content view
            // reads the text back through the inflating function (``DeflatedText``).
            try db.execute(sql: """
                CREATE TABLE document_text (
                    id TEXT PRIMARY KEY REFERENCES document(id) ON DELETE CASCADE,
                    texts BLOB NOT NULL
                );
                """)
            let insert = try db.makeStatement(sql: "INSERT INTO document_text (id, texts) VALUES (?, ?)")
            let documents = try Row.fetchCursor(db, sql: "SELECT id, text, raw_text FROM document")
            while let row = try documents.next() {
                try insert.execute(arguments: [row["id"] as String, try DeflatedText.deflate(text: row["text"], raw: row["raw_text"])])
            }
            try db.execute(sql: """
                DROP VIEW passage_body;
                ALTER TABLE document DROP COLUMN text;
                ALTER TABLE document DROP COLUMN raw_text;
                -- The outlet grading that every view starts with counts documents and video notes
                -- per outlet: from this index alone, 3 ms instead of a 26 ms scan of the rows.
                CREATE INDEX document_outlet_kind ON document (outlet, kind);
                -- An actor's documents from the index alone (the `actors` listing and the views).
                DROP INDEX mention_actor;
                CREATE INDEX mention_actor ON mention (actor, document_id);
                CREATE VIEW passage_body AS
                    SELECT p.id AS id,
                           CASE WHEN p.kind = 'heading' THEN '' ELSE
                               CAST(\(DeflatedText.passageFunctionName)(t.texts, p.start, p."end") AS TEXT) END AS body,
                           CASE WHEN p.kind = 'heading' THEN
                               CAST(\(DeflatedText.passageFunctionName)(t.texts, p.start, p."end") AS TEXT) ELSE '' END AS heading
                    FROM passage p JOIN document_text t ON t.id = p.document_id;
                """)
            // The anchors of earlier rows in the compact form (``AnchorText``).
            let rewrite = try db.makeStatement(sql: "UPDATE passage SET anchors = ? WHERE id = ?")
            // Read first, then written: no update runs under an open scan of the same table.
            for row in try Row.fetchAll(db, sql: "SELECT id, anchors FROM passage WHERE anchors LIKE '[%'") {
                let stored: String = row["anchors"]
                let compact = stored == "[]" ? "" : AnchorText.encode(AnchorText.decode(stored))
                if compact != stored { try rewrite.execute(arguments: [compact, row["id"] as Int64]) }
            }
        }
        return migrator
    }
}
