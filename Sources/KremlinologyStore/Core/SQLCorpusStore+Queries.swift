import KremlinologyModel

/// The reading side of the store core: every listing and figure, written once.
extension SQLCorpusStore {
    public func documents(limit: Int, offset: Int) throws -> [StoredDocument] {
        try read { x in
            let order = x.dialect.byteOrder
            return try x.rows("""
                SELECT \(StoreSchema.storedDocumentSelect) FROM document d
                ORDER BY d.file_name\(order), d.path\(order) LIMIT ? OFFSET ?
                """, [.integer(max(0, limit)), .integer(max(0, offset))], StoreRecords.storedDocument)
        }
    }

    public func document(matching key: String) throws -> StoredDocument? {
        try read { x in
            // Exact id, path and file name first; then an id prefix (compared as text, so
            // that `%` and `_` are not wildcards).
            let lookups: [(String, [SQLValue])] = [
                ("d.id = ?", [.text(key)]), ("d.path = ?", [.text(key)]), ("d.file_name = ?", [.text(key)]),
                ("substr(d.id, 1, length(?)) = ?", [.text(key), .text(key)]),
            ]
            for (condition, arguments) in lookups {
                let rows = try x.rows("SELECT \(StoreSchema.storedDocumentSelect) FROM document d WHERE \(condition) LIMIT 11",
                                      arguments, StoreRecords.storedDocument)
                if rows.count == 1 { return rows[0] }
                if rows.count > 1 {
                    throw StoreError.ambiguousDocument(key: key, candidates: rows.map { "\($0.document.id) (\($0.document.fileName))" })
                }
            }
            return nil
        }
    }

    public func content(ofDocument id: String) throws -> IngestedDocument? {
        try read { x in
            // The named columns: on PostgreSQL the row holds the texts too, read once below.
            let found = try x.rows("SELECT \(StoreSchema.list(StoreSchema.documentColumns)) FROM document WHERE id = ?",
                                   [.text(id)]) { row in
                (document: try StoreRecords.document(from: row), hash: try row.text("content_hash"))
            }
            guard let doc = found.first, let texts = try x.documentTexts(id) else { return nil }
            var linksByPassage: [Int: [TopicLink]] = [:]
            let links = try x.rows(#"SELECT passage_idx, slug, label, start, "end" FROM topic_link WHERE document_id = ? ORDER BY start"#,
                                   [.text(id)]) { row in
                (try row.integer("passage_idx"),
                 TopicLink(slug: try row.text("slug"), label: try row.text("label"),
                           range: TextRange(start: try row.integer("start"), end: try row.integer("end"))))
            }
            for (index, link) in links { linksByPassage[index, default: []].append(link) }
            let passages = try x.rows(#"SELECT idx, start, "end", section, kind, anchors FROM passage WHERE document_id = ? ORDER BY idx"#,
                                      [.text(id)]) { p in
                let index = try p.integer("idx")
                return Passage(index: index, range: TextRange(start: try p.integer("start"), end: try p.integer("end")),
                               section: try p.optionalText("section"),
                               kind: PassageKind(rawValue: try p.text("kind")) ?? .paragraph,
                               anchors: AnchorText.decode(try p.text("anchors")),
                               topicLinks: linksByPassage[index] ?? [])
            }
            return IngestedDocument(document: doc.document, text: texts.text, rawText: texts.raw, contentHash: doc.hash,
                                    passages: passages)
        }
    }

    public func documentIDs() throws -> [String] {
        try read { x in
            try x.rows("SELECT id FROM document ORDER BY file_name\(x.dialect.byteOrder)", []) { try $0.text("id") }
        }
    }

    // MARK: - Figures

    public func stats() throws -> CorpusStats {
        try read { x in
            func counts(_ column: String, in table: String) throws -> [String: Int] {
                var result: [String: Int] = [:]
                for (key, value) in try x.rows("SELECT \(column) AS k, COUNT(*) AS n FROM \(table) GROUP BY \(column)", [], {
                    (try $0.optionalText("k"), try $0.integer("n"))
                }) { result[key ?? "(unknown)"] = value }
                return result
            }
            var stats = CorpusStats(
                documents: try x.count("SELECT COUNT(*) AS n FROM document"),
                documentsByKind: try counts("kind", in: "document"),
                passages: try x.count("SELECT COUNT(*) AS n FROM passage"),
                textBytes: try x.count("SELECT CAST(COALESCE(SUM(byte_count), 0) AS BIGINT) AS n FROM document"),
                actors: try x.count("SELECT COUNT(DISTINCT actor) AS n FROM mention"),
                mentions: try x.count("SELECT COUNT(*) AS n FROM mention"),
                relations: try x.count("SELECT COUNT(*) AS n FROM relation"),
                relationsByType: try counts("type", in: "relation"),
                outlets: try counts("outlet", in: "document"),
                claims: 0, claimsByType: try counts("type", in: "(\(StoreSchema.factClaims)) c"),
                sources: try x.count("SELECT COUNT(DISTINCT COALESCE(s.source_key, 'document:' || d.id)) AS n FROM document d LEFT JOIN document_source s ON s.document_id = d.id"),
                ties: try x.count("SELECT COUNT(*) AS n FROM structural_tie"))
            stats.claims = stats.claimsByType.values.reduce(0, +)
            return stats
        }
    }

    // MARK: - Facts

    public func relations(_ filter: RelationFilter) throws -> [StoredRelation] {
        try read { x in
            let (whereClause, arguments) = Self.conditions(of: filter, in: x.dialect)
            return try x.rows("""
                \(StoreSchema.storedRelationSelect)
                \(whereClause) ORDER BY d.file_name\(x.dialect.byteOrder), r.start, r.id LIMIT ? OFFSET ?
                """, arguments + [.integer(max(0, filter.limit)), .integer(max(0, filter.offset))], StoreRecords.storedRelation)
        }
    }

    /// The source key of relation alias `r` with document source alias `s`, as the relation select reads it.
    static func sourceKeyOf(_ s: String, _ r: String) -> String { "COALESCE(\(s).source_key, 'document:' || \(r).document_id)" }

    public func withCorroboration(_ relations: [StoredRelation]) throws -> [StoredRelation] {
        let actors = Array(Set(relations.map(\.relation.source))).sorted()
        guard !actors.isEmpty else { return relations }
        var counts: [StatementKey: Int] = [:]
        try read { x in
            // A page names few source actors; each is one indexed lookup.
            for chunk in actors.chunks(of: 200) {
                let marks = StoreSchema.marks(chunk.count)
                let rows = try x.rows("""
                    SELECT r.source, r.type, r.target, r.modality, COALESCE(r.time, '') AS stated,
                           COUNT(DISTINCT \(Self.sourceKeyOf("s", "r"))) AS n
                    FROM relation r LEFT JOIN document_source s ON s.document_id = r.document_id
                    WHERE r.source IN (\(marks)) GROUP BY r.source, r.type, r.target, r.modality, COALESCE(r.time, '')
                    """, chunk.map { .text($0) }) {
                    row -> (StatementKey, Int)? in
                    guard let type = RelationType(rawValue: try row.text("type")),
                          let modality = Modality(rawValue: try row.text("modality")) else { return nil }
                    let stated = try row.text("stated")
                    return (StatementKey(source: try row.text("source"), type: type, target: try row.text("target"), modality: modality,
                                         time: stated.isEmpty ? nil : stated), try row.integer("n"))
                }
                for case let (key, n)? in rows { counts[key] = n }
            }
        }
        return relations.map { stored in
            var copy = stored
            copy.corroboration = max(1, counts[StatementKey(stored.relation)] ?? 1)
            return copy
        }
    }

    public func countRelations(_ filter: RelationFilter) throws -> Int {
        try read { x in
            let (whereClause, arguments) = Self.conditions(of: filter, in: x.dialect)
            return try x.count("SELECT COUNT(*) AS n FROM relation r JOIN document d ON d.id = r.document_id \(whereClause)", arguments)
        }
    }

    /// The WHERE clause of a relation filter (its limit and offset aside), written once for
    /// the listing and its count.
    static func conditions(of filter: RelationFilter, in dialect: SQLDialect) -> (String, [SQLValue]) {
        var conditions: [String] = []
        var arguments: [SQLValue] = []
        func add(_ condition: String, _ value: String?) {
            guard let value else { return }
            conditions.append(condition)
            arguments.append(.text(value))
        }
        add(dialect.equalsIgnoringCase("r.source"), filter.source)
        add(dialect.equalsIgnoringCase("r.target"), filter.target)
        add("r.type = ?", filter.type?.rawValue)
        add("r.modality = ?", filter.modality?.rawValue)
        add(dialect.equalsIgnoringCase("d.outlet"), filter.outlet)
        add("r.document_id = ?", filter.documentID)
        if filter.modality == nil, !filter.includeNegated { add("r.modality <> ?", Modality.negated.rawValue) }
        if filter.minSources > 1 {
            conditions.append("""
                (r.source, r.type, r.target, r.modality, COALESCE(r.time, '')) IN (
                    SELECT c.source, c.type, c.target, c.modality, COALESCE(c.time, '') FROM relation c
                    LEFT JOIN document_source cs ON cs.document_id = c.document_id
                    GROUP BY c.source, c.type, c.target, c.modality, COALESCE(c.time, '')
                    HAVING COUNT(DISTINCT \(Self.sourceKeyOf("cs", "c"))) >= ?)
                """)
            arguments.append(.integer(filter.minSources))
        }
        return (conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "), arguments)
    }

    public func documentCount() throws -> Int {
        try read { x in try x.count("SELECT COUNT(*) AS n FROM document") }
    }

    public func countActors(kind: ActorKind?) throws -> Int {
        try read { x in
            try x.count("""
                SELECT COUNT(DISTINCT m.actor) AS n FROM mention m LEFT JOIN actor a ON a.name = m.actor
                \(kind == nil ? "" : "WHERE a.kind = ?")
                """, kind.map { [SQLValue.text($0.rawValue)] } ?? [])
        }
    }

    /// Relations with `actor` as source or target, by the `relation_source` and
    /// `relation_target` indexes; a relation from the actor to itself is returned once.
    public func relations(involving actor: String) throws -> [StoredRelation] {
        try read { x in
            // Sorted outside the union: PostgreSQL orders a UNION only by plain result columns,
            // never by `file_name COLLATE "C"`.
            try x.rows("""
                SELECT * FROM (
                \(StoreSchema.storedRelationSelect) WHERE r.source = ?
                UNION ALL
                \(StoreSchema.storedRelationSelect) WHERE r.target = ? AND r.source <> ?
                ) u ORDER BY u.file_name\(x.dialect.byteOrder), u.start, u.id
                """, [.text(actor), .text(actor), .text(actor)], StoreRecords.storedRelation)
        }
    }

    /// Relations whose attribution is `speaker`, compared case-insensitively.
    public func relations(attributedTo speaker: String) throws -> [StoredRelation] {
        try read { x in
            try x.rows("""
                \(StoreSchema.storedRelationSelect) WHERE \(x.dialect.equalsIgnoringCase("r.attribution"))
                ORDER BY d.file_name\(x.dialect.byteOrder), r.start, r.id
                """, [.text(speaker)], StoreRecords.storedRelation)
        }
    }

    public func actors(kind: ActorKind?, limit: Int) throws -> [ActorSummary] {
        try read { x in
            let order = x.dialect.byteOrder
            // The top actors by mentions first, then the claim counts of those alone: counted in
            // the grouping query, they were counted for every actor (0.4 s on the whole corpus).
            let rows = try x.rows("""
                SELECT t.name, t.mentions, a.kind, a.wikidata, a.country, a.aliases, a.affiliations, a.reviewed,
                       (\(StoreSchema.claimCount(where: "r.source = t.name"))) AS out_count,
                       (\(StoreSchema.claimCount(where: "r.target = t.name"))) AS in_count
                FROM (SELECT m.actor AS name, COUNT(*) AS mentions FROM mention m
                      \(kind == nil ? "" : "JOIN actor k ON k.name = m.actor WHERE k.kind = ?")
                      GROUP BY m.actor ORDER BY mentions DESC, m.actor\(order) LIMIT ?) t
                LEFT JOIN actor a ON a.name = t.name
                ORDER BY t.mentions DESC, t.name\(order)
                """, (kind.map { [SQLValue.text($0.rawValue)] } ?? []) + [.integer(max(0, limit))]) { row in
                (actor: try StoreRecords.actor(from: row), mentions: try row.integer("mentions"),
                 out: try row.integer("out_count"), in: try row.integer("in_count"))
            }
            // The documents of all of them in one statement per 200 actors: each actor's distinct
            // documents first (from the index on actor and document alone), then their names.
            var documents: [String: [String]] = [:]
            for chunk in rows.map(\.actor.name).chunks(of: 200) {
                let marks = StoreSchema.marks(chunk.count)
                for (actor, file) in try x.rows("""
                    SELECT DISTINCT a.actor\(order) AS actor, d.file_name\(order) AS file_name
                    FROM (SELECT DISTINCT actor, document_id FROM mention WHERE actor IN (\(marks))) a
                    JOIN document d ON d.id = a.document_id ORDER BY 1, 2
                    """, chunk.map { .text($0) }, { (try $0.text("actor"), try $0.text("file_name")) }) {
                    documents[actor, default: []].append(file)
                }
            }
            return rows.map { row in
                ActorSummary(actor: row.actor, mentions: row.mentions, documents: documents[row.actor.name] ?? [],
                             relationsOut: row.out, relationsIn: row.in)
            }
        }
    }

    // MARK: - Copying

    public func extraction(ofDocument id: String) throws -> ExtractionPayload? {
        try read { x in
            guard try x.count("SELECT COUNT(*) AS n FROM document WHERE id = ?", [.text(id)]) > 0 else { return nil }
            let order = x.dialect.insertionOrder
            // Mentions and claims have no id: the physical order is the insertion order, as rows are never updated.
            let mentions = try x.rows("SELECT * FROM mention WHERE document_id = ? ORDER BY \(order)", [.text(id)],
                                      StoreRecords.mention)
            let relations = try x.rows("\(StoreSchema.storedRelationSelect) WHERE r.document_id = ? ORDER BY r.id", [.text(id)],
                                       StoreRecords.relation)
            let claims = try x.rows("SELECT * FROM claim WHERE document_id = ? ORDER BY \(order)", [.text(id)], StoreRecords.claim)
            let ties = try x.rows("SELECT * FROM structural_tie WHERE document_id = ? ORDER BY id", [.text(id)], StoreRecords.tie)
            let actors = try x.rows("""
                SELECT * FROM actor WHERE name IN (SELECT actor FROM mention WHERE document_id = ?) ORDER BY name\(x.dialect.byteOrder)
                """, [.text(id)], StoreRecords.actor)
            return ExtractionPayload(actors: actors, mentions: mentions, relations: relations, claims: claims, ties: ties)
        }
    }

    public func ties(involving actor: String?) throws -> [StoredTie] {
        try read { x in
            let order = " ORDER BY t.document_id, t.start, t.id"
            guard let actor else { return try x.rows(StoreSchema.storedTieSelect + order, [], StoreRecords.storedTie) }
            return try x.rows("\(StoreSchema.storedTieSelect) WHERE t.holder = ? OR t.principal = ?" + order,
                              [.text(actor), .text(actor)], StoreRecords.storedTie)
        }
    }

    public func actorRecords() throws -> [Actor] {
        try read { x in try x.rows("SELECT * FROM actor ORDER BY name\(x.dialect.byteOrder)", [], StoreRecords.actor) }
    }
}
