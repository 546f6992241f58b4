import KremlinologyModel
import KremlinologyStore

/// Extracts the facts of every stored document again, after the knowledge pack changed:
/// `kremlinology reextract`. Each document's facts are replaced in one transaction; its text
/// and passages stay as they are.
public struct Reextraction: Sendable {
    public var store: any CorpusStore
    public var facts: FactExtraction

    public init(store: any CorpusStore, facts: FactExtraction) {
        self.store = store
        self.facts = facts
    }

    /// What a re-extraction did.
    public struct Report: Sendable, Codable {
        public var documents = 0
        public var relations = 0
    }

    /// Re-extracts every document, calling `progress` after each.
    public func run(progress: (IngestProgress) -> Void = { _ in }) throws -> Report {
        var report = Report()
        let ids = try store.documentIDs()
        for (done, id) in ids.enumerated() {
            guard let content = try store.content(ofDocument: id) else { continue }
            let payload = facts.payload(for: content)
            try store.replaceExtraction(documentID: id, with: payload)
            report.documents += 1
            report.relations += payload.relations.count
            progress(IngestProgress(filesDone: done + 1, filesTotal: ids.count, bytesDone: 0, seconds: 0))
        }
        return report
    }
}
