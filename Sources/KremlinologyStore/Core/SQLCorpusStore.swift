import Foundation
import KremlinologyModel

/// The store core both backends share: every decision (unchanged, duplicate, replaced,
/// added), every insert and every query written once against ``SQLExecutor``.
///
/// A backend subclasses it and supplies how to run a read and a write transaction
/// (``read(_:)``, ``write(_:)``), its search, and the few dialect methods of its executor.
public class SQLCorpusStore: CorpusStore, @unchecked Sendable {
    /// Actors written by this process and committed: most documents name the same few, and
    /// encoding their aliases again for every document would dominate a bulk ingest.
    let writtenActors = WrittenActors()
    /// The spelling variants of actor names that searches expand words to (``NameVariants``).
    private let nameVariantsCache = NameVariantsCache()

    /// The name variants of the store's actors, as of its latest change.
    func nameVariants() throws -> NameVariants {
        try nameVariantsCache.variants(token: try changeToken()) { try actorRecords() }
    }

    init() {}

    // MARK: - What a backend supplies

    /// Runs `body` on a read connection.
    func read<T>(_ body: (any SQLExecutor) throws -> T) throws -> T {
        preconditionFailure("\(type(of: self)) must override read(_:)")
    }

    /// Runs `body` in one write transaction: committed when it returns, rolled back when it throws.
    func write<T>(_ body: (any SQLExecutor) throws -> T) throws -> T {
        preconditionFailure("\(type(of: self)) must override write(_:)")
    }

    /// The store for messages: a file path, or a URL without its password.
    var displayName: String { "the store" }

    public func search(_ query: SearchQuery) throws -> [SearchHit] {
        try searchResults(query).hits
    }

    public func searchResults(_ query: SearchQuery) throws -> SearchResults {
        preconditionFailure("\(type(of: self)) must override searchResults(_:)")
    }

    public func changeToken() throws -> String {
        try read { try $0.changeToken() }
    }

    // MARK: - Writing

    public func store(_ ingested: IngestedDocument, extraction: ExtractionPayload?) throws -> IngestOutcome {
        var pending: [Actor] = []
        let outcome = try write { x in try storeInTransaction(ingested, extraction: extraction, in: x, newActors: &pending) }
        writtenActors.insert(pending)
        return outcome
    }

    /// The body of ``store(_:extraction:)`` for callers that add work to the same transaction
    /// (a queue worker marks its job done in it). `newActors` collects the actor records
    /// written, to remember once the transaction has committed.
    func storeInTransaction(_ ingested: IngestedDocument, extraction: ExtractionPayload?, in x: any SQLExecutor,
                            newActors: inout [Actor]) throws -> IngestOutcome {
        try storeInTransaction(ingested, in: x, newActors: &newActors) { write in
            if let extraction { try write(extraction) }
        }
    }

    public func store(batch: [(document: IngestedDocument, extraction: ExtractionPayload?)]) throws -> [Result<IngestOutcome, any Error>] {
        var pending: [Actor] = []
        let results = try write { x in
            try batch.map { item -> Result<IngestOutcome, any Error> in
                // A savepoint per document: one that fails is undone alone, the rest commit together.
                try x.execute("SAVEPOINT document_write", [])
                var written: [Actor] = []
                do {
                    let outcome = try storeInTransaction(item.document, extraction: item.extraction, in: x, newActors: &written)
                    try x.execute("RELEASE SAVEPOINT document_write", [])
                    pending += written
                    return .success(outcome)
                } catch where !x.isDiskFull(error) {
                    try x.execute("ROLLBACK TO SAVEPOINT document_write", [])
                    try x.execute("RELEASE SAVEPOINT document_write", [])
                    return .failure(error)
                }
            }
        }
        writtenActors.insert(pending)
        return results
    }

    public func store(_ ingested: IngestedDocument, extractionParts: ExtractionParts) throws -> IngestOutcome {
        var pending: [Actor] = []
        let outcome = try write { x in
            try storeInTransaction(ingested, in: x, newActors: &pending, extractionParts: extractionParts)
        }
        writtenActors.insert(pending)
        return outcome
    }

    private func storeInTransaction(_ ingested: IngestedDocument, in x: any SQLExecutor, newActors: inout [Actor],
                                    extractionParts: ExtractionParts) throws -> IngestOutcome {
        let doc = ingested.document
        try x.lockForStoring(path: doc.path, id: doc.id)
        let existing = try x.rows("SELECT id, content_hash FROM document WHERE path = ?", [.text(doc.path)]) {
            (id: try $0.text("id"), hash: try $0.text("content_hash"))
        }.first
        if let existing, existing.hash == ingested.contentHash { return .unchanged(documentID: existing.id) }
        let twin = try x.rows("SELECT path FROM document WHERE id = ? AND path <> ?", [.text(doc.id), .text(doc.path)]) {
            try $0.text("path")
        }.first
        if let twin { return .duplicate(of: twin) }
        if let previous = existing { try deleteDocument(previous.id, in: x) }
        try insertDocument(ingested, in: x)
        try insertSource(of: ingested, in: x)
        var written = Set<String>()
        var renames: [String: String] = [:]
        try extractionParts { part in
            var part = try foldingOpenWorldNames(part, renames: &renames, in: x)
            // Parts of one document name the same actors again; each record is written once.
            part.actors = part.actors.filter { written.insert($0.name).inserted }
            newActors += try insertExtraction(part, of: ingested, in: x)
        }
        try x.markChanged()
        if let previous = existing { return .replaced(documentID: doc.id, previousID: previous.id) }
        return .added(documentID: doc.id)
    }

    public func replaceExtraction(documentID: String, with extraction: ExtractionPayload) throws {
        guard let content = try content(ofDocument: documentID) else {
            throw StoreError.notFound("no document \(documentID) in \(displayName)")
        }
        var pending: [Actor] = []
        try write { x in
            try deleteExtraction(documentID, in: x)
            var renames: [String: String] = [:]
            pending = try insertExtraction(try foldingOpenWorldNames(extraction, renames: &renames, in: x), of: content, in: x)
            try x.markChanged()
        }
        writtenActors.insert(pending)
    }

    func deleteDocument(_ id: String, in x: any SQLExecutor) throws {
        try x.forgetSearchEntries(ofDocument: id)
        try deleteExtraction(id, in: x)
        for table in ["judgement", "document_band", "document_source", "topic_link", "passage", "document"] {
            try x.execute("DELETE FROM \(table) WHERE \(table == "document" ? "id" : "document_id") = ?", [.text(id)])
        }
    }

    private func deleteExtraction(_ id: String, in x: any SQLExecutor) throws {
        for table in ["mention", "relation", "claim", "structural_tie"] {
            try x.execute("DELETE FROM \(table) WHERE document_id = ?", [.text(id)])
        }
    }

    private func insertDocument(_ ingested: IngestedDocument, in x: any SQLExecutor) throws {
        try x.insertDocument(StoreRecords.values(of: ingested, ingestedAt: Date().formatted(.iso8601)),
                             text: ingested.text, rawText: ingested.rawText)
        try x.insertPassages(ingested.passages.map { StoreRecords.passageRow($0, of: ingested, in: x.dialect) })
        let links = ingested.passages.flatMap { passage in
            passage.topicLinks.map { StoreRecords.values(of: $0, passage: passage, documentID: ingested.document.id) }
        }
        try x.insert(into: "topic_link", columns: StoreSchema.topicLinkColumns, rows: links, conflict: nil)
    }

    /// Files the document under its source: its video's, else that of a stored document with
    /// near-identical text, else its URL's, else its own (see ``SourceIdentity``).
    private func insertSource(of ingested: IngestedDocument, in x: any SQLExecutor) throws {
        let doc = ingested.document
        let identity = SourceIdentity(text: ingested.text)
        var key = SourceIdentity.ownKey(of: doc)
        if !key.hasPrefix("video:"), let twin = try nearDuplicateSource(of: identity, except: doc.id, in: x) { key = twin }
        try x.insert(into: "document_source", columns: StoreSchema.documentSource.insertedColumns,
                     rows: [[.text(doc.id), .text(key), .text(identity.stored)]], conflict: nil)
        try x.insert(into: "document_band", columns: StoreSchema.documentBand.insertedColumns,
                     rows: identity.bandKeys.map { [.text($0), .text(doc.id)] }, conflict: nil)
    }

    /// The source of the most similar stored document at or above the threshold, if any.
    private func nearDuplicateSource(of identity: SourceIdentity, except id: String, in x: any SQLExecutor) throws -> String? {
        let bands = identity.bandKeys
        guard !bands.isEmpty else { return nil }
        let marks = StoreSchema.marks(bands.count)
        // A common boilerplate band could match many documents; a few hundred candidates are plenty.
        let candidates = try x.rows("""
            SELECT DISTINCT s.source_key, s.signature FROM document_band b
            JOIN document_source s ON s.document_id = b.document_id
            WHERE b.band IN (\(marks)) AND b.document_id <> ? LIMIT 500
            """, bands.map { .text($0) } + [.text(id)]) { (key: try $0.text("source_key"), signature: try $0.text("signature")) }
        let scored = candidates.map { ($0.key, identity.similarity(to: SourceIdentity(stored: $0.signature))) }
            .filter { $0.1 >= SourceIdentity.nearDuplicateThreshold }
        return scored.max { ($0.1, $1.0) < ($1.1, $0.0) }?.0
    }

    /// Inserts the facts of a document; returns the actor records it wrote.
    private func insertExtraction(_ extraction: ExtractionPayload, of ingested: IngestedDocument,
                                  in x: any SQLExecutor) throws -> [Actor] {
        let id = ingested.document.id
        // Sorted and unique by name: concurrent writers lock actor rows in the same order, so
        // their upserts never deadlock.
        var byName: [String: Actor] = [:]
        for actor in extraction.actors where !writtenActors.contains(actor) { byName[actor.name] = actor }
        let actors = byName.values.sorted { $0.name < $1.name }
        try x.insert(into: "actor", columns: StoreSchema.actorColumns, rows: try actors.map(StoreRecords.values(of:)),
                     conflict: StoreSchema.actorUpsert)
        try x.insert(into: "mention", columns: StoreSchema.mentionColumns,
                     rows: extraction.mentions.map { StoreRecords.values(of: $0, documentID: id) }, conflict: nil)
        try x.insert(into: "relation", columns: StoreSchema.relationColumns,
                     rows: extraction.relations.map { StoreRecords.values(of: $0, in: ingested) }, conflict: nil)
        try x.insert(into: "claim", columns: StoreSchema.claimColumns,
                     rows: extraction.claims.map { StoreRecords.values(of: $0, documentID: id) }, conflict: nil)
        try x.insert(into: "structural_tie", columns: StoreSchema.tieColumns,
                     rows: extraction.ties.map { StoreRecords.values(of: $0, in: ingested) }, conflict: nil)
        return actors
    }
}

/// The actor records a store object has written and seen committed. Records are added only
/// after their transaction commits, so a rolled-back write never leaves one behind.
final class WrittenActors: @unchecked Sendable {
    private var actors = Set<Actor>()
    private let lock = NSLock()

    func contains(_ actor: Actor) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return actors.contains(actor)
    }

    func removeAll() {
        lock.lock()
        actors.removeAll()
        lock.unlock()
    }

    func insert(_ new: [Actor]) {
        guard !new.isEmpty else { return }
        lock.lock()
        actors.formUnion(new)
        lock.unlock()
    }
}
