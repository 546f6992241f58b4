import Foundation
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

    /// Re-extracts every document, calling `progress` after each batch: documents are read a
    /// batch at a time, extracted on `threads` threads and written one transaction each.
    public func run(threads: Int = ProcessInfo.processInfo.activeProcessorCount,
                    progress: (IngestProgress) -> Void = { _ in }) throws -> Report {
        try run(ids: try store.documentIDs(), threads: threads, progress: progress)
    }

    /// Re-extracts the documents with these ids (a curation decision's, say) the same way.
    public func run(ids: [String], threads: Int = ProcessInfo.processInfo.activeProcessorCount,
                    progress: (IngestProgress) -> Void = { _ in }) throws -> Report {
        var report = Report()
        let start = Date()
        var done = 0, bytes = 0
        for first in stride(from: 0, to: ids.count, by: max(1, threads) * 8) {
            let batch = ids[first..<min(ids.count, first + max(1, threads) * 8)]
            let contents = try batch.compactMap { id in try store.content(ofDocument: id).map { (id, $0) } }
            let facts = self.facts
            let payloads = Parallel.map(contents, threads: threads) { facts.payload(for: $0.1) }
            for ((id, content), payload) in zip(contents, payloads) {
                try store.replaceExtraction(documentID: id, with: payload)
                report.documents += 1
                report.relations += payload.relations.count
                bytes += content.text.utf8.count
            }
            done += batch.count
            progress(IngestProgress(filesDone: done, filesTotal: ids.count, bytesDone: bytes, seconds: Date().timeIntervalSince(start)))
        }
        return report
    }
}
