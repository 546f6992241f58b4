/// The column lists both backends write and read, named once. The tables themselves are
/// created by each backend's migrations (their DDL is the one dialect-specific part).
enum StoreSchema {
    static let documentColumns = ["id", "path", "file_name", "title", "kind", "outlet", "republisher", "author", "published",
                                  "url", "video_id", "content_hash", "text", "raw_text", "byte_count", "passage_count",
                                  "ingested_at"]
    static let passageColumns = ["document_id", "idx", "start", "end", "section", "kind", "anchors"]
    static let topicLinkColumns = ["document_id", "passage_idx", "slug", "label", "start", "end"]
    static let actorColumns = ["name", "kind", "wikidata", "country", "aliases", "affiliations"]
    static let mentionColumns = ["document_id", "actor", "text", "start", "end", "rule"]
    static let relationColumns = ["document_id", "passage_idx", "source", "source_wikidata", "source_text", "target",
                                  "target_wikidata", "target_text", "type", "polarity", "modality", "attribution", "instruments",
                                  "time", "quote", "start", "end", "rule", "locator", "locator_seconds", "locator_paragraph",
                                  "locator_url"]
    static let claimColumns = ["document_id", "speaker", "quote", "start", "end", "modality", "attribution"]

    /// An actor row that replaces the record of an actor already stored.
    static let actorUpsert = """
        ON CONFLICT (name) DO UPDATE SET kind = excluded.kind, wikidata = excluded.wikidata,
            country = excluded.country, aliases = excluded.aliases, affiliations = excluded.affiliations
        """

    /// The columns of a stored document listing, with its relation count.
    static let storedDocumentSelect = """
        d.id, d.path, d.file_name, d.title, d.kind, d.outlet, d.republisher, d.author, d.published, d.url, d.video_id,
        d.content_hash, d.byte_count, d.passage_count,
        (SELECT COUNT(*) FROM relation r WHERE r.document_id = d.id) AS relation_count
        """

    /// A relation with the document fields every listing shows.
    static let storedRelationSelect = "SELECT r.*, d.file_name, d.outlet, d.published FROM relation r JOIN document d ON d.id = r.document_id"

    /// `name` quoted as an SQL identifier (a few columns, like `end`, are keywords).
    static func quoted(_ name: String) -> String { "\"" + name + "\"" }

    /// `a, b, "end"`: a column list for a statement.
    static func list(_ columns: [String]) -> String { columns.map(quoted).joined(separator: ", ") }
}
