import KremlinologyModel
import PostgresNIO

extension PostgresCorpusStore {
    public func extraction(ofDocument id: String) throws -> ExtractionPayload? {
        guard try !session.query("SELECT 1 FROM document WHERE id = \(id)").isEmpty else { return nil }
        // Mentions and claims have no id: the physical order is the insertion order until rows are updated, which they never are.
        let mentions = try session.query(#"SELECT actor, text, start, "end", rule FROM mention WHERE document_id = \#(id) ORDER BY ctid"#)
            .map { row in
                let (actor, text, start, end, rule) = try row.decode((String, String, Int, Int, String).self)
                return ActorMention(actor: actor, text: text, range: TextRange(start: start, end: end), rule: rule)
            }
        let relations = try session.query("""
            SELECT r.*, d.file_name, d.outlet, d.published FROM relation r JOIN document d ON d.id = r.document_id
            WHERE r.document_id = \(id) ORDER BY r.id
            """).map { try Self.storedRelation(from: $0.makeRandomAccess()).relation }
        let claims = try session.query(#"SELECT speaker, quote, start, "end", modality, attribution FROM claim WHERE document_id = \#(id) ORDER BY ctid"#)
            .map { row in
                let (speaker, quote, start, end, modality, attribution) = try row.decode((String, String, Int, Int, String, String?).self)
                return Claim(speaker: speaker, quote: quote, range: TextRange(start: start, end: end),
                             modality: Modality(rawValue: modality) ?? .asserted, attribution: attribution)
            }
        let actors = try session.query("""
            SELECT * FROM actor WHERE name IN (SELECT actor FROM mention WHERE document_id = \(id)) ORDER BY name COLLATE "C"
            """).map { try Self.actor(from: $0.makeRandomAccess()) }
        return ExtractionPayload(actors: actors, mentions: mentions, relations: relations, claims: claims)
    }

    public func actorRecords() throws -> [Actor] {
        try session.query(#"SELECT * FROM actor ORDER BY name COLLATE "C""#).map { try Self.actor(from: $0.makeRandomAccess()) }
    }

    static func actor(from row: PostgresRandomAccessRow) throws -> Actor {
        Actor(name: try row.get("name"), kind: ActorKind(rawValue: try row.get("kind")) ?? .group, wikidata: try row.get("wikidata"),
              country: try row.get("country"), aliases: JSONText.decode([String].self, from: try row.get("aliases")) ?? [],
              affiliations: JSONText.decode([Affiliation].self, from: try row.get("affiliations")) ?? [])
    }
}
