import Foundation
import KremlinologyModel
import PostgresNIO

/// The shared store: a PostgreSQL database, searched with `tsvector`/`ts_rank_cd` over a GIN
/// index, with a jobs table from which `kremlinology worker` processes on any machine ingest.
///
/// Open it with `StoreLocation.open("postgres://user@host:5432/db")`. Calls block the caller;
/// one store object serialises its callers on its one connection.
public final class PostgresCorpusStore: CorpusStore {
    let session: PostgresSession
    /// Actors already written by this process (see the SQLite store). Only touched inside
    /// transactions, which the session serialises.
    nonisolated(unsafe) private var writtenActors = Set<Actor>()
    /// The server, database and schema, without the password.
    public var location: PostgresLocation { session.location }

    /// Connects to the database at `url` and applies pending migrations (unless `readOnly`).
    public convenience init(url: String, readOnly: Bool = false) throws {
        try self.init(location: PostgresLocation(url: url), readOnly: readOnly)
    }

    /// Connects to `location` and applies pending migrations (unless `readOnly`).
    public init(location: PostgresLocation, readOnly: Bool = false) throws {
        session = try PostgresSession(location)
        if readOnly {
            let table = try session.query("SELECT to_regclass('document')::text").first.map { try $0.decode(String?.self) } ?? nil
            if table == nil {
                throw StoreError("\(location): no Kremlinology store there yet; run `kremlinology ingest PATH --db \(location)` first")
            }
        } else {
            try PostgresMigrations.migrate(session)
        }
    }

    // MARK: - Writing

    public func store(_ ingested: IngestedDocument, extraction: ExtractionPayload?) throws -> IngestOutcome {
        try transaction { try storeInTransaction(ingested, extraction: extraction) }
    }

    /// Runs `body` in one transaction; after a rollback the actor cache is forgotten, since
    /// actors it wrote are gone with it.
    func transaction<T>(_ body: () throws -> T) throws -> T {
        do {
            return try session.transaction(body)
        } catch {
            writtenActors.removeAll()
            throw error
        }
    }

    /// The body of ``store(_:extraction:)``, for callers that add work to the same transaction
    /// (a worker marks its job done in it).
    func storeInTransaction(_ ingested: IngestedDocument, extraction: ExtractionPayload?) throws -> IngestOutcome {
        let doc = ingested.document
        // Two workers storing the same path or the same text wait for each other here, so the
        // checks below see each other's result: a document is never stored twice.
        try session.execute("SELECT pg_advisory_xact_lock(1, hashtext(\(doc.path)))")
        try session.execute("SELECT pg_advisory_xact_lock(2, hashtext(\(doc.id)))")
        let existing = try session.query("SELECT id, content_hash FROM document WHERE path = \(doc.path)").first?.makeRandomAccess()
        if let existing, try existing.get("content_hash", as: String.self) == ingested.contentHash {
            return .unchanged(documentID: try existing.get("id"))
        }
        let previousID: String? = try existing?.get("id")
        let twin = try session.query("SELECT path FROM document WHERE id = \(doc.id) AND path <> \(doc.path)").first
        if let twin { return .duplicate(of: try twin.decode(String.self)) }
        if let previousID { try session.execute("DELETE FROM document WHERE id = \(previousID)") }
        try insert(ingested)
        if let extraction { try insertExtraction(extraction, of: ingested) }
        if let previousID { return .replaced(documentID: doc.id, previousID: previousID) }
        return .added(documentID: doc.id)
    }

    public func replaceExtraction(documentID: String, with extraction: ExtractionPayload) throws {
        guard let content = try content(ofDocument: documentID) else {
            throw StoreError("no document \(documentID) in \(location)")
        }
        try transaction {
            try deleteExtraction(documentID)
            try insertExtraction(extraction, of: content)
        }
    }

    private func deleteExtraction(_ id: String) throws {
        try session.execute("DELETE FROM mention WHERE document_id = \(id)")
        try session.execute("DELETE FROM relation WHERE document_id = \(id)")
        try session.execute("DELETE FROM claim WHERE document_id = \(id)")
    }

    private func insert(_ ingested: IngestedDocument) throws {
        let doc = ingested.document
        let bytes = ingested.text.utf8.count, passageCount = ingested.passages.count
        let now = Date().formatted(.iso8601)
        try session.execute("""
            INSERT INTO document (id, path, file_name, title, kind, outlet, republisher, author, published, url,
                                  video_id, content_hash, text, raw_text, byte_count, passage_count, ingested_at)
            VALUES (\(doc.id), \(doc.path), \(doc.fileName), \(doc.title), \(doc.kind.rawValue), \(doc.outlet),
                    \(doc.republisher), \(doc.author), \(doc.published), \(doc.url), \(doc.videoID),
                    \(ingested.contentHash), \(ingested.text), \(ingested.rawText), \(bytes), \(passageCount), \(now))
            """)
        var passages = JSONRows(), links = JSONRows()
        for passage in ingested.passages {
            passages.append(["document_id": .string(doc.id), "idx": .int(passage.index), "start": .int(passage.range.start),
                             "end": .int(passage.range.end), "section": passage.section.jsonValue,
                             "kind": .string(passage.kind.rawValue), "anchors": .string(JSONText.anchors(passage.anchors)),
                             "body": .string(ingested.text.slice(passage.range))])
            for link in passage.topicLinks {
                links.append(["document_id": .string(doc.id), "passage_idx": .int(passage.index), "slug": .string(link.slug),
                              "label": .string(link.label), "start": .int(link.range.start), "end": .int(link.range.end)])
            }
        }
        try insertRows(passages, into: "passage", columns: #"document_id, idx, start, "end", section, kind, anchors, body"#)
        try insertRows(links, into: "topic_link", columns: #"document_id, passage_idx, slug, label, start, "end""#)
    }

    private func insertExtraction(_ extraction: ExtractionPayload, of ingested: IngestedDocument) throws {
        let id = ingested.document.id
        // Sorted and unique by name: concurrent workers lock actor rows in the same order,
        // so their upserts never deadlock.
        var newActors: [String: Actor] = [:]
        for actor in extraction.actors where !writtenActors.contains(actor) { newActors[actor.name] = actor }
        if !newActors.isEmpty {
            var actors = JSONRows()
            for actor in newActors.values.sorted(by: { $0.name < $1.name }) {
                actors.append(["name": .string(actor.name), "kind": .string(actor.kind.rawValue), "wikidata": actor.wikidata.jsonValue,
                               "country": actor.country.jsonValue, "aliases": .string(try JSONText.encode(actor.aliases)),
                               "affiliations": .string(try JSONText.encode(actor.affiliations))])
            }
            try session.execute("""
                INSERT INTO actor (name, kind, wikidata, country, aliases, affiliations)
                SELECT name, kind, wikidata, country, aliases, affiliations FROM json_populate_recordset(NULL::actor, \(actors.json)::json)
                ON CONFLICT (name) DO UPDATE SET kind = excluded.kind, wikidata = excluded.wikidata,
                    country = excluded.country, aliases = excluded.aliases, affiliations = excluded.affiliations
                """)
        }
        var mentions = JSONRows(), relations = JSONRows(), claims = JSONRows()
        for mention in extraction.mentions {
            mentions.append(["document_id": .string(id), "actor": .string(mention.actor), "text": .string(mention.text),
                             "start": .int(mention.range.start), "end": .int(mention.range.end), "rule": .string(mention.rule)])
        }
        for r in extraction.relations {
            let passage = ingested.passage(containing: r.range.start)
            let locator = passage?.locator(at: r.range.start, videoID: ingested.document.videoID)
            relations.append([
                "document_id": .string(id), "passage_idx": (passage?.index).jsonValue, "source": .string(r.source),
                "source_wikidata": r.sourceWikidata.jsonValue, "source_text": .string(r.sourceText), "target": .string(r.target),
                "target_wikidata": r.targetWikidata.jsonValue, "target_text": .string(r.targetText), "type": .string(r.type.rawValue),
                "polarity": .int(r.polarity), "modality": .string(r.modality.rawValue), "attribution": r.attribution.jsonValue,
                "instruments": .string(JSONText.strings(r.instruments.map(\.rawValue))), "time": r.time.jsonValue,
                "quote": .string(r.quote), "start": .int(r.range.start), "end": .int(r.range.end), "rule": .string(r.rule),
                "locator": locator?.timestamp.jsonValue, "locator_seconds": locator?.seconds.jsonValue,
                "locator_paragraph": locator?.paragraph.jsonValue, "locator_url": locator?.url.jsonValue,
            ])
        }
        for claim in extraction.claims {
            claims.append(["document_id": .string(id), "speaker": .string(claim.speaker), "quote": .string(claim.quote),
                           "start": .int(claim.range.start), "end": .int(claim.range.end),
                           "modality": .string(claim.modality.rawValue), "attribution": claim.attribution.jsonValue])
        }
        try insertRows(mentions, into: "mention", columns: #"document_id, actor, text, start, "end", rule"#)
        try insertRows(relations, into: "relation", columns: """
            document_id, passage_idx, source, source_wikidata, source_text, target, target_wikidata, target_text, type, \
            polarity, modality, attribution, instruments, time, quote, start, "end", rule, locator, locator_seconds, \
            locator_paragraph, locator_url
            """)
        try insertRows(claims, into: "claim", columns: #"document_id, speaker, quote, start, "end", modality, attribution"#)
        writtenActors.formUnion(newActors.values)
    }

    /// One INSERT for all `rows`, in order (the serial ids follow the array).
    private func insertRows(_ rows: JSONRows, into table: String, columns: String) throws {
        guard rows.count > 0 else { return }
        // `table` and `columns` are fixed names from this file; the rows are one bound parameter.
        try session.execute("""
            INSERT INTO \(unescaped: table) (\(unescaped: columns))
            SELECT \(unescaped: columns) FROM json_populate_recordset(NULL::\(unescaped: table), \(rows.json)::json)
            """)
    }
}
