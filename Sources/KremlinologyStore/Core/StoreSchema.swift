/// The column lists both backends write and read, taken from the one description of the
/// tables (``TableSpec``, in StoreTables.swift) so that no column list is written twice. The
/// values of each row (``StoreRecords``) follow these lists' order.
enum StoreSchema {
    /// A document's two texts, normalised and raw: where each backend keeps them is its own
    /// (``SQLExecutor/insertDocument(_:text:rawText:)``).
    static let documentTextColumns = ["text", "raw_text"]
    /// The document row's other columns, the same on both backends.
    static let documentColumns = document.insertedColumns.filter { !documentTextColumns.contains($0) }
    static let passageColumns = passage.insertedColumns
    static let topicLinkColumns = topicLink.insertedColumns
    static let actorColumns = actor.insertedColumns + [actorReviewed.name, actorNameKey.name]
    static let mentionColumns = mention.insertedColumns
    static let relationColumns = relation.insertedColumns + [relationLocation.name]
    static let claimColumns = claim.insertedColumns
    static let tieColumns = structuralTie.insertedColumns

    /// An actor row that replaces the record of an actor already stored; an unreviewed record
    /// (an open-world actor, its kind a guess) never replaces a reviewed one of a pack.
    static let actorUpsert = """
        ON CONFLICT (name) DO UPDATE SET kind = excluded.kind, wikidata = excluded.wikidata,
            country = excluded.country, aliases = excluded.aliases, affiliations = excluded.affiliations,
            reviewed = excluded.reviewed, name_key = excluded.name_key
        WHERE excluded.reviewed = 1 OR actor.reviewed = 0
        """

    /// The columns of a stored document listing, with its relation count.
    static let storedDocumentSelect = """
        d.id, d.path, d.file_name, d.title, d.kind, d.outlet, d.republisher, d.author, d.published, d.url, d.video_id,
        d.content_hash, d.byte_count, d.passage_count,
        (SELECT COUNT(*) FROM relation r WHERE r.document_id = d.id) AS relation_count
        """

    /// A relation with the document fields every listing shows.
    static let storedRelationSelect = """
        SELECT r.*, d.file_name, d.outlet, d.published, COALESCE(s.source_key, 'document:' || d.id) AS source_key,
            j.verdict AS judgement, j.note AS judgement_note
        FROM relation r JOIN document d ON d.id = r.document_id LEFT JOIN document_source s ON s.document_id = d.id
        LEFT JOIN judgement j ON \(judgementOf("r", "j"))
        """

    /// The join of judgement alias `j` to the relation alias `r` it judges.
    static func judgementOf(_ r: String, _ j: String) -> String {
        "\(j).document_id = \(r).document_id AND \(j).start = \(r).start AND \(j).\"end\" = \(r).\"end\" "
            + "AND \(j).source = \(r).source AND \(j).type = \(r).type AND \(j).target = \(r).target"
    }

    /// True for a relation `r` that no analyst judged wrong: what figures count.
    static func notJudgedWrong(_ r: String) -> String {
        "NOT EXISTS (SELECT 1 FROM judgement jw WHERE \(judgementOf(r, "jw")) AND jw.verdict = 'wrong')"
    }

    /// One row per claim that is a fact between two actors: source, statement and stated
    /// date, as `StatementKey` and the views' `ClaimKey` group relations (negated ones are
    /// no facts; relations with an unnamed fallback at one end are no claims between actors).
    static let factClaims = """
        SELECT DISTINCT COALESCE(s.source_key, 'document:' || r.document_id) AS source_key, r.source, r.type, r.target,
            r.modality, COALESCE(r.time, '') AS time
        \(factRelations(where: "1 = 1"))
        """

    /// The number of fact claims (as ``factClaims`` groups them) among the relations matching `condition`.
    static func claimCount(where condition: String) -> String {
        """
        SELECT COUNT(DISTINCT COALESCE(s.source_key, 'document:' || r.document_id) || '|' || r.type || '|' || r.source
            || '|' || r.target || '|' || r.modality || '|' || COALESCE(r.time, ''))
        \(factRelations(where: condition))
        """
    }

    /// The relations `r` (with their source `s`) matching `condition` that figures count: not
    /// denied, between two actors, not judged wrong.
    static func factRelations(where condition: String) -> String {
        """
        FROM relation r LEFT JOIN document_source s ON s.document_id = r.document_id
        WHERE \(condition) AND r.modality <> 'negated' AND r.source IN (SELECT name FROM actor) AND r.target IN (SELECT name FROM actor)
            AND \(notJudgedWrong("r"))
        """
    }

    /// A tie with the document fields a citation shows.
    static let storedTieSelect = """
        SELECT t.*, d.file_name, d.outlet, d.published, COALESCE(s.source_key, 'document:' || d.id) AS source_key
        FROM structural_tie t JOIN document d ON d.id = t.document_id LEFT JOIN document_source s ON s.document_id = d.id
        """

    /// `name` quoted as an SQL identifier (a few columns, like `end`, are keywords).
    static func quoted(_ name: String) -> String { "\"" + name + "\"" }

    /// `a, b, "end"`: a column list for a statement.
    static func list(_ columns: [String]) -> String { columns.map(quoted).joined(separator: ", ") }

    /// `?, ?, …`: `count` placeholders, for an `IN (…)` list or a row of values.
    static func marks(_ count: Int) -> String { Array(repeating: "?", count: count).joined(separator: ", ") }
}

extension Array {
    /// The elements in consecutive runs of at most `size`: a statement binds a few hundred values at a time.
    func chunks(of size: Int) -> [[Element]] {
        stride(from: 0, to: count, by: size).map { Array(self[$0..<Swift.min(count, $0 + size)]) }
    }
}
