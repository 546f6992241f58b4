import Foundation
import KremlinologyModel
import KremlinologyStore

/// Copies every document, with its passages, topic links and extracted facts, every actor
/// record and the analysts' outlet grades from one store to another, whatever their
/// backends: `kremlinology copy`.
///
/// The copy is lossless at the level of the data model: documents keep their ids, paths,
/// content hashes, texts and passages; facts keep their order, ranges and locators. Only
/// what a store assigns itself differs: row ids and the time of ingestion.
public struct StoreCopier {
    /// The store read from.
    public var source: any CorpusStore
    /// The store written to.
    public var target: any CorpusStore

    public init(from source: any CorpusStore, to target: any CorpusStore) {
        self.source = source
        self.target = target
    }

    /// Copies everything, reporting each document; a document already in the target with the
    /// same bytes is left as it is.
    public func copy(event: (IngestEvent) -> Void = { _ in }) throws -> IngestReport {
        var report = IngestReport()
        let start = Date()
        var actors = try source.actorRecords()
        for id in try source.documentIDs() {
            guard let content = try source.content(ofDocument: id), var facts = try source.extraction(ofDocument: id) else { continue }
            // Actor records travel with the first document, so that those no document mentions arrive too.
            if !actors.isEmpty {
                facts.actors = actors
                actors = []
            }
            event(report.record(try target.store(content, extraction: facts), path: content.document.path,
                                bytes: content.rawText.utf8.count))
        }
        try copyCuration()
        try target.restore(judgements: try source.judgementRecords())
        try copyOutletGrades()
        report.seconds = Date().timeIntervalSince(start)
        return report
    }

    /// The curation log, in order, with its undone decisions: the copied facts were extracted
    /// with it, and later ingests of the target must read with it too. A target that has a log
    /// of its own keeps it (copying twice must not double the log).
    private func copyCuration() throws {
        let decisions = try source.curations(includingUndone: true)
        guard !decisions.isEmpty, try target.curations(includingUndone: true).isEmpty else { return }
        for var decision in decisions {
            decision.id = nil
            _ = try target.recordCuration(decision)
        }
    }
}
