import Foundation
import GRDB
import KremlinologyModel

/// The embedded store: one SQLite file with an FTS5 index over passages.
public final class SQLiteCorpusStore: CorpusStore {
    let pool: DatabasePool
    /// Actors already written by this process: most documents name the same few, and
    /// encoding their aliases again for every document would dominate a bulk ingest.
    /// Only touched inside write transactions, which the pool serialises.
    nonisolated(unsafe) private var writtenActors = Set<Actor>()
    /// The file the store lives in.
    public let path: String

    /// Opens the store at `path`, creating the file and applying pending migrations.
    public init(path: String, readOnly: Bool = false) throws {
        self.path = path
        var configuration = Configuration()
        configuration.readonly = readOnly
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            // NORMAL is durable across process crashes in WAL mode; only an OS crash can
            // lose the last transactions, never half of one.
            // A larger checkpoint interval keeps bulk ingests from syncing the disk every few documents.
            try db.execute(sql: """
                PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY;
                PRAGMA wal_autocheckpoint = 16384
                """)
        }
        if readOnly, !FileManager.default.fileExists(atPath: path) {
            throw StoreError("\(path): no such database; run `kremlinology ingest PATH --db \(path)` first")
        }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            if !readOnly { try SQLiteMigrations.migrator.migrate(pool) }
        } catch let error as DatabaseError {
            throw StoreError("\(path): cannot open the database: \(error.message ?? error.description)")
        }
    }

    // MARK: - Writing

    public func store(_ ingested: IngestedDocument, extraction: ExtractionPayload?) throws -> IngestOutcome {
        try pool.write { db in
            let doc = ingested.document
            let existing = try Row.fetchOne(db, sql: "SELECT id, content_hash FROM document WHERE path = ?", arguments: [doc.path])
            if let existing, existing["content_hash"] as String == ingested.contentHash {
                return .unchanged(documentID: existing["id"])
            }
            let previousID: String? = existing?["id"]
            if let twin = try String.fetchOne(db, sql: "SELECT path FROM document WHERE id = ? AND path <> ?", arguments: [doc.id, doc.path]) {
                return .duplicate(of: twin)
            }
            if let previousID { try Self.deleteDocument(previousID, in: db) }
            try Self.insert(ingested, in: db)
            if let extraction { try self.insertExtraction(extraction, of: ingested, in: db) }
            if let previousID { return .replaced(documentID: doc.id, previousID: previousID) }
            return .added(documentID: doc.id)
        }
    }

    public func replaceExtraction(documentID: String, with extraction: ExtractionPayload) throws {
        guard let content = try content(ofDocument: documentID) else {
            throw StoreError("no document \(documentID) in \(path)")
        }
        try pool.write { db in
            try Self.deleteExtraction(documentID, in: db)
            try self.insertExtraction(extraction, of: content, in: db)
        }
    }

    static func deleteDocument(_ id: String, in db: Database) throws {
        // An external-content index forgets a row only when told the text it indexed.
        try db.execute(sql: """
            INSERT INTO passage_fts (passage_fts, rowid, body)
            SELECT 'delete', b.id, b.body FROM passage_body b
            WHERE b.id IN (SELECT id FROM passage WHERE document_id = ? AND kind <> 'heading')
            """, arguments: [id])
        try deleteExtraction(id, in: db)
        try db.execute(sql: "DELETE FROM topic_link WHERE document_id = ?", arguments: [id])
        try db.execute(sql: "DELETE FROM passage WHERE document_id = ?", arguments: [id])
        try db.execute(sql: "DELETE FROM document WHERE id = ?", arguments: [id])
    }

    static func deleteExtraction(_ id: String, in db: Database) throws {
        for table in ["mention", "relation", "claim"] {
            try db.execute(sql: "DELETE FROM \(table) WHERE document_id = ?", arguments: [id])
        }
    }

    static func insert(_ ingested: IngestedDocument, in db: Database) throws {
        let doc = ingested.document
        try db.execute(sql: """
            INSERT INTO document (id, path, file_name, title, kind, outlet, republisher, author, published, url,
                                  video_id, content_hash, text, raw_text, byte_count, passage_count, ingested_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [doc.id, doc.path, doc.fileName, doc.title, doc.kind.rawValue, doc.outlet, doc.republisher,
                             doc.author, doc.published, doc.url, doc.videoID, ingested.contentHash, ingested.text,
                             ingested.rawText, ingested.text.utf8.count, ingested.passages.count,
                             Date().formatted(.iso8601)])
        let insertPassage = try db.cachedStatement(sql: """
            INSERT INTO passage (document_id, idx, start, "end", section, kind, anchors) VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        let insertText = try db.cachedStatement(sql: "INSERT INTO passage_fts (rowid, body) VALUES (?, ?)")
        let insertLink = try db.cachedStatement(sql: """
            INSERT INTO topic_link (document_id, passage_idx, slug, label, start, "end") VALUES (?, ?, ?, ?, ?, ?)
            """)
        for passage in ingested.passages {
            try insertPassage.execute(arguments: [doc.id, passage.index, passage.range.start, passage.range.end,
                                                  passage.section, passage.kind.rawValue, JSONText.anchors(passage.anchors)])
            // Headings name sections (shown with every hit); as hits of their own they only crowd out the text.
            if passage.kind != .heading {
                try insertText.execute(arguments: [db.lastInsertedRowID, ingested.text.slice(passage.range)])
            }
            for link in passage.topicLinks {
                try insertLink.execute(arguments: [doc.id, passage.index, link.slug, link.label, link.range.start, link.range.end])
            }
        }
    }

    func insertExtraction(_ extraction: ExtractionPayload, of ingested: IngestedDocument, in db: Database) throws {
        let id = ingested.document.id
        let upsertActor = try db.cachedStatement(sql: """
            INSERT INTO actor (name, kind, wikidata, country, aliases, affiliations) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT(name) DO UPDATE SET kind = excluded.kind, wikidata = excluded.wikidata,
                country = excluded.country, aliases = excluded.aliases, affiliations = excluded.affiliations
            """)
        for actor in extraction.actors where !writtenActors.contains(actor) {
            try upsertActor.execute(arguments: [actor.name, actor.kind.rawValue, actor.wikidata, actor.country,
                                                JSONText.encode(actor.aliases), JSONText.encode(actor.affiliations)])
            writtenActors.insert(actor)
        }
        let insertMention = try db.cachedStatement(sql: """
            INSERT INTO mention (document_id, actor, text, start, "end", rule) VALUES (?, ?, ?, ?, ?, ?)
            """)
        for mention in extraction.mentions {
            try insertMention.execute(arguments: [id, mention.actor, mention.text, mention.range.start, mention.range.end, mention.rule])
        }
        let insertRelation = try db.cachedStatement(sql: """
            INSERT INTO relation (document_id, passage_idx, source, source_wikidata, source_text, target, target_wikidata,
                target_text, type, polarity, modality, attribution, instruments, time, quote, start, "end", rule,
                locator, locator_seconds, locator_paragraph, locator_url)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for r in extraction.relations {
            let passage = ingested.passage(containing: r.range.start)
            let locator = passage?.locator(at: r.range.start, videoID: ingested.document.videoID)
            try insertRelation.execute(arguments: [
                id, passage?.index, r.source, r.sourceWikidata, r.sourceText, r.target, r.targetWikidata, r.targetText,
                r.type.rawValue, r.polarity, r.modality.rawValue, r.attribution, JSONText.strings(r.instruments.map(\.rawValue)),
                r.time, r.quote, r.range.start, r.range.end, r.rule,
                locator?.timestamp, locator?.seconds, locator?.paragraph, locator?.url,
            ])
        }
        let insertClaim = try db.cachedStatement(sql: """
            INSERT INTO claim (document_id, speaker, quote, start, "end", modality, attribution) VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        for claim in extraction.claims {
            try insertClaim.execute(arguments: [id, claim.speaker, claim.quote, claim.range.start, claim.range.end,
                                                claim.modality.rawValue, claim.attribution])
        }
    }
}

/// JSON columns: small arrays stored as text so that the schema stays flat.
enum JSONText {
    static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// `["a","b"]` for strings that need no escaping beyond quotes and backslashes.
    static func strings(_ values: [String]) -> String {
        "[" + values.map(quoted).joined(separator: ",") + "]"
    }

    /// Timestamp anchors, written by hand: JSONEncoder is slow on Linux and runs once per passage.
    static func anchors(_ anchors: [TimestampAnchor]) -> String {
        "[" + anchors.map { "{\"offset\":\($0.offset),\"seconds\":\($0.seconds),\"timestamp\":\(quoted($0.timestamp))}" }
            .joined(separator: ",") + "]"
    }

    /// A JSON string literal.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    static func decode<T: Decodable>(_ type: T.Type, from text: String?) -> T? {
        guard let text, let data = text.data(using: .utf8) else { return nil }
        return try? JSONDecoder().decode(type, from: data)
    }
}
