import GRDB
import KremlinologyModel

extension SQLiteCorpusStore {
    public func extraction(ofDocument id: String) throws -> ExtractionPayload? {
        try pool.read { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM document WHERE id = ?", arguments: [id]) != nil else { return nil }
            let mentions = try Row.fetchAll(db, sql: "SELECT * FROM mention WHERE document_id = ? ORDER BY rowid", arguments: [id]).map { row in
                ActorMention(actor: row["actor"], text: row["text"], range: TextRange(start: row["start"], end: row["end"]), rule: row["rule"])
            }
            let relations = try Row.fetchAll(db, sql: """
                SELECT r.*, d.file_name, d.outlet, d.published FROM relation r JOIN document d ON d.id = r.document_id
                WHERE r.document_id = ? ORDER BY r.id
                """, arguments: [id]).map { Self.storedRelation(from: $0).relation }
            let claims = try Row.fetchAll(db, sql: "SELECT * FROM claim WHERE document_id = ? ORDER BY rowid", arguments: [id]).map { row in
                Claim(speaker: row["speaker"], quote: row["quote"], range: TextRange(start: row["start"], end: row["end"]),
                      modality: Modality(rawValue: row["modality"]) ?? .asserted, attribution: row["attribution"])
            }
            let actors = try Row.fetchAll(db, sql: """
                SELECT * FROM actor WHERE name IN (SELECT actor FROM mention WHERE document_id = ?) ORDER BY name
                """, arguments: [id]).map(Self.actor(from:))
            return ExtractionPayload(actors: actors, mentions: mentions, relations: relations, claims: claims)
        }
    }

    public func actorRecords() throws -> [Actor] {
        try pool.read { db in try Row.fetchAll(db, sql: "SELECT * FROM actor ORDER BY name").map(Self.actor(from:)) }
    }

    static func actor(from row: Row) -> Actor {
        Actor(name: row["name"], kind: ActorKind(rawValue: row["kind"]) ?? .group, wikidata: row["wikidata"], country: row["country"],
              aliases: JSONText.decode([String].self, from: row["aliases"]) ?? [],
              affiliations: JSONText.decode([Affiliation].self, from: row["affiliations"]) ?? [])
    }
}
