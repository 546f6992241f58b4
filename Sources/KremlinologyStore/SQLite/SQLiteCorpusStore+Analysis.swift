import GRDB
import KremlinologyModel

/// Queries the analysis views need: all facts about one actor in one indexed pass.
extension SQLiteCorpusStore {
    /// Relations with `actor` as source or target. Exact names use the `relation_source` and
    /// `relation_target` indexes; a relation from the actor to itself is returned once.
    public func relations(involving actor: String) throws -> [StoredRelation] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT r.*, d.file_name, d.outlet, d.published FROM relation r JOIN document d ON d.id = r.document_id
                WHERE r.source = ?
                UNION ALL
                SELECT r.*, d.file_name, d.outlet, d.published FROM relation r JOIN document d ON d.id = r.document_id
                WHERE r.target = ? AND r.source <> ?
                ORDER BY file_name, start, id
                """, arguments: [actor, actor, actor]).map(Self.storedRelation)
        }
    }

    /// Relations whose attribution is `speaker`, compared case-insensitively.
    public func relations(attributedTo speaker: String) throws -> [StoredRelation] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT r.*, d.file_name, d.outlet, d.published FROM relation r JOIN document d ON d.id = r.document_id
                WHERE r.attribution = ? COLLATE NOCASE ORDER BY d.file_name, r.start, r.id
                """, arguments: [speaker]).map(Self.storedRelation)
        }
    }
}
