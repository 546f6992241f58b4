import Foundation
import KremlinologyExtract
import KremlinologyModel
import KremlinologyStore

/// The extractor with its knowledge pack, turning read documents into what the store keeps.
struct FactExtraction: Sendable {
    let extractor: Extractor
    let actorsByName: [String: Actor]

    /// Loads the bundled pack, extended by `packDirectories` (`--pack DIR`).
    init(packDirectories: [String]) throws {
        let pack = try KnowledgePack.load(includingBundled: true,
                                          extraDirectories: packDirectories.map { URL(fileURLWithPath: $0) })
        extractor = Extractor(pack: pack)
        actorsByName = Dictionary(pack.actors.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The extractor's input for a read document.
    static func input(for document: IngestedDocument) -> ExtractionInput {
        ExtractionInput(text: document.text, documentName: document.document.fileName, outlet: document.document.outlet,
                        published: document.document.published, passages: document.passages)
    }

    /// Runs the extractor on a read document.
    func extract(_ document: IngestedDocument, explain: Bool = false) -> ExtractionResult {
        extractor.extract(Self.input(for: document), explain: explain)
    }

    /// The facts to store for a read document.
    func payload(for document: IngestedDocument) -> ExtractionPayload {
        let result = extract(document)
        // Unnamed fallbacks ("officials", a capitalised phrase) may stand in a relation, but
        // only actors of the pack are listed as actors of the corpus.
        let mentions = result.mentions.filter(ExtractionResult.isKnown)
        let actors = Set(mentions.map(\.actor)).sorted().compactMap { actorsByName[$0] }
        return ExtractionPayload(actors: actors, mentions: mentions, relations: result.relations, claims: result.claims)
    }

    /// The closure the ingestor runs on every document.
    var closure: CorpusIngestor.Extraction {
        { document in self.payload(for: document) }
    }
}

