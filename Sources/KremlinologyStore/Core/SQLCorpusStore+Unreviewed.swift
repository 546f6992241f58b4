import KremlinologyModel

/// The open-world actors of a store: the names the extractor found acting in documents that no
/// pack knows (``Actor/reviewed`` false), listed for an analyst to promote into a pack.
extension SQLCorpusStore {
    public func unreviewedActors(limit: Int, offset: Int) throws -> [UnreviewedActor] {
        try read { x in
            let order = x.dialect.byteOrder
            let rows = try x.rows("""
                SELECT a.name, a.kind, a.wikidata, a.country, a.aliases, a.affiliations, a.reviewed,
                       COUNT(*) AS mentions, COUNT(DISTINCT m.document_id) AS documents
                FROM actor a JOIN mention m ON m.actor = a.name
                WHERE a.reviewed = 0
                GROUP BY a.name ORDER BY mentions DESC, a.name\(order) LIMIT ? OFFSET ?
                """, [.integer(max(0, limit)), .integer(max(0, offset))]) { row in
                UnreviewedActor(actor: try StoreRecords.actor(from: row), mentions: try row.integer("mentions"),
                                documents: try row.integer("documents"))
            }
            return try rows.map { row in
                var row = row
                // The first relation stored with the actor at either end: one indexed lookup a side.
                let example = try x.rows("""
                    SELECT r.id, r.quote, d.file_name FROM relation r JOIN document d ON d.id = r.document_id WHERE r.source = ?
                    UNION ALL
                    SELECT r.id, r.quote, d.file_name FROM relation r JOIN document d ON d.id = r.document_id WHERE r.target = ?
                    ORDER BY 1 LIMIT 1
                    """, [.text(row.actor.name), .text(row.actor.name)]) { (try $0.text("quote"), try $0.text("file_name")) }.first
                row.example = example?.0
                row.exampleDocument = example?.1
                return row
            }
        }
    }

    public func countUnreviewedActors() throws -> Int {
        try read { x in
            try x.count("""
                SELECT COUNT(*) AS n FROM actor a
                WHERE a.reviewed = 0 AND EXISTS (SELECT 1 FROM mention m WHERE m.actor = a.name)
                """)
        }
    }
}
