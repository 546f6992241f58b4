import Foundation
import KremlinologyExtract
import KremlinologyModel
import KremlinologyStore

/// The extractor with its knowledge pack, turning read documents into what the store keeps:
/// the one place where a read document becomes extraction input and stored facts, for
/// `ingest`, `worker`, `reextract`, uploads to the server and the tests alike.
public struct FactExtraction: Sendable {
    /// The extractor over the loaded pack.
    public let extractor: Extractor
    private let actorsByName: [String: Actor]

    /// Loads the bundled pack, extended by `packDirectories` (`--pack DIR`), then by
    /// `extraFiles` (a store's curation as pack files, ``CurationPlan/packFiles``).
    public init(packDirectories: [String], extraFiles: [(path: String, text: String)] = []) throws {
        try self.init(pack: KnowledgePack.load(includingBundled: true,
                                               extraDirectories: packDirectories.map { URL(fileURLWithPath: $0) },
                                               extraFiles: extraFiles.map { ($0.path, $0.text) }))
    }

    /// The extraction `store`'s documents are read with: the packs of `packDirectories` and
    /// the store's curation decisions (``Curator``).
    public init(packDirectories: [String], curatedBy store: any CorpusStore) throws {
        self = try Curator(store: store, packDirectories: packDirectories).facts()
    }

    /// Extraction over an already loaded pack.
    public init(pack: KnowledgePack) {
        extractor = Extractor(pack: pack)
        actorsByName = Dictionary(pack.actors.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Runs the extractor on a read document.
    public func extract(_ document: IngestedDocument, explain: Bool = false) -> ExtractionResult {
        extractor.extract(ExtractionInput(document: document), explain: explain)
    }

    /// The facts to store for a read document.
    public func payload(for document: IngestedDocument) -> ExtractionPayload {
        payload(from: extract(document))
    }

    /// The facts of a read document in parts of about `partBytes` of its text each, for
    /// documents too large to hold all their facts at once (see ``CorpusIngestor/partedAboveBytes``).
    public func payloads(for document: IngestedDocument, partBytes: Int,
                         each write: (ExtractionPayload) throws -> Void) throws {
        try extractor.extract(ExtractionInput(document: document), partBytes: partBytes) { try write(payload(from: $0)) }
    }

    private func payload(from result: ExtractionResult) -> ExtractionPayload {
        // Unnamed fallbacks ("officials", a capitalised phrase) may stand in a relation, but
        // only actors of the pack, and open-world actors (unreviewed), are actors of the corpus.
        let mentions = result.mentions.filter(ExtractionResult.isKnown)
        let unreviewed = Dictionary(result.unreviewed.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let actors = Set(mentions.map(\.actor)).sorted().compactMap { actorsByName[$0] ?? unreviewed[$0] }
        return ExtractionPayload(actors: actors, mentions: mentions, relations: result.relations, claims: result.claims,
                                 ties: result.ties)
    }

    /// The closure the ingestor and the queue worker run on every document.
    public var closure: CorpusIngestor.Extraction {
        { document in self.payload(for: document) }
    }

    /// The closure the ingestor runs on documents it extracts in parts, while writing them.
    public var partedClosure: CorpusIngestor.PartedExtraction {
        { document, write in try self.payloads(for: document, partBytes: CorpusIngestor.partBytes, each: write) }
    }
}

extension ExtractionInput {
    /// The extractor's input for a read document: its text, name, outlet, date and passages.
    public init(document: IngestedDocument) {
        self.init(text: document.text, documentName: document.document.fileName, outlet: document.document.outlet,
                  published: document.document.published, passages: document.passages)
    }
}
