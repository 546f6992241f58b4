import Foundation
import KremlinologyModel
import KremlinologyStore

/// Applies analysts' decisions about actors (issue 15): records each in the store, and
/// extracts again the documents it can change, with the knowledge pack the decisions make
/// (``CurationPlan``). The evidence (documents, passages, quotes) is never edited; the facts
/// read from it are derived again, so every view, listing, count and export follows, and a
/// decision undone is undone the same way.
public struct Curator: Sendable {
    public let store: any CorpusStore
    /// The `--pack` folders the store's documents are read with, besides the bundled pack.
    public let packDirectories: [String]
    /// The extraction with those packs and no decision: loaded once, since a decision loads
    /// the pack again with the curation on top.
    public let uncurated: FactExtraction

    public init(store: any CorpusStore, packDirectories: [String]) throws {
        self.store = store
        self.packDirectories = packDirectories
        uncurated = try FactExtraction(packDirectories: packDirectories)
    }

    /// What a decision or its undoing did.
    public struct Outcome: Sendable, Codable {
        public var decision: CurationDecision
        /// Documents extracted again.
        public var documents: Int
        /// Relations they hold now.
        public var relations: Int
        /// Later decisions that no longer apply after an undo, with why.
        public var skipped: [String]
    }

    /// The pack's actors and the store's open-world ones, with the decisions that hold folded in.
    public func plan() throws -> CurationPlan {
        let decisions = try store.curations(includingUndone: true)
        return CurationPlan(known: try knownActors(decisions), decisions: decisions)
    }

    /// The extraction the store's documents are read with: the packs and the decisions.
    public func facts() throws -> FactExtraction {
        let decisions = try store.curations(includingUndone: true)
        guard decisions.contains(where: \.holds) else { return uncurated }
        let plan = CurationPlan(known: try knownActors(decisions), decisions: decisions)
        return try FactExtraction(packDirectories: packDirectories, extraFiles: plan.packFiles)
    }

    /// Checks `decision` against the actors as they are (typed names resolved to canonical
    /// ones), records it, and extracts again the documents it can change.
    /// - Throws: ``CurationError`` when it does not apply; nothing is recorded then.
    public func decide(_ decision: CurationDecision, progress: (IngestProgress) -> Void = { _ in }) throws -> Outcome {
        let before = try plan()
        var resolved = decision
        resolved.actor = try before.resolve(decision.actor)
        if decision.action == .merge, let other = decision.other { resolved.other = try before.resolve(other) }
        // The records as extraction made them, for folding the decisions again later.
        resolved.snapshot = [resolved.actor, resolved.other, resolved.newName].compactMap { $0.flatMap { before.base[$0] } }
        var after = before
        try after.apply(resolved)
        let recorded = try store.recordCuration(resolved)
        // Judgements follow the facts to their new names (an undo leaves them there: see docs/CURATION.md).
        switch resolved.action {
        case .merge: if let into = resolved.other { try store.renameInJudgements(resolved.actor, to: resolved.newName ?? into) }
                     if let into = resolved.other, let name = resolved.newName { try store.renameInJudgements(into, to: name) }
        case .rename: if let name = resolved.newName { try store.renameInJudgements(resolved.actor, to: name) }
        default: break
        }
        return try reextract(for: recorded, before: before, after: after, progress: progress)
    }

    /// Undoes decision `id` and extracts again the documents it changed.
    public func undo(id: Int64, progress: (IngestProgress) -> Void = { _ in }) throws -> Outcome {
        let before = try plan()
        let undone = try store.undoCuration(id: id)
        let after = try plan()
        var outcome = try reextract(for: undone, before: before, after: after, progress: progress)
        outcome.skipped = after.skipped.map { "\($0.decision.id.map { "#\($0) " } ?? "")\($0.decision.summary): \($0.reason)" }
        return outcome
    }

    /// Writes the decisions that hold as a knowledge-pack folder that `--pack DIR` loads.
    public func exportPack(to directory: URL) throws -> CurationPlan {
        let plan = try plan()
        for file in plan.packFiles {
            let url = directory.appendingPathComponent(file.path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.text.utf8).write(to: url)
        }
        return plan
    }

    private func reextract(for decision: CurationDecision, before: CurationPlan, after: CurationPlan,
                           progress: (IngestProgress) -> Void) throws -> Outcome {
        let canonical = Set(decision.names.filter { before.actors[$0] != nil || after.actors[$0] != nil })
        let phrases = after.changedPhrases(comparedTo: before) + (decision.alias.map { [$0] } ?? [])
        // Spellings the pack's folding reads as a changed name ("Valery Soloviev" for "Valery
        // Solovyov") stand in relations under their own spelling when no actor had them.
        let keys = Set(phrases.map(Transliteration.nameKey))
        let folded = try store.relationEndNames().filter { keys.contains(Transliteration.nameKey($0)) }
        let ids = try store.documentIDs(mentioningAny: Array(canonical) + folded, containingAny: phrases)
        let facts = try self.facts()
        let report = try Reextraction(store: store, facts: facts).run(ids: ids, progress: progress)
        // Names the decision took away keep no record once no document mentions them.
        try store.forgetUnmentionedActors(named: Array(canonical.filter { after.actors[$0] == nil || before.actors[$0] != nil }))
        return Outcome(decision: decision, documents: report.documents, relations: report.relations,
                       skipped: after.skipped.map { "\($0.decision.summary): \($0.reason)" })
    }

    /// The actors before any decision: the pack's; then the records the decisions took of the
    /// actors they act on (what the store holds of those now is what the decisions made); then
    /// the store's records of open-world actors no decision touched.
    private func knownActors(_ decisions: [CurationDecision]) throws -> [Actor] {
        let pack = uncurated.extractor.pack
        let touched = Set(decisions.flatMap(\.names))
        return pack.actors + decisions.flatMap(\.snapshot) + (try store.actorRecords()).filter { !touched.contains($0.name) }
    }
}

/// The extraction of a long-running writer (the server): uploads are read with the curation as
/// it is now, and a decision made through it (``decide(_:)``, ``undo(id:)``) takes effect for
/// the next upload at once.
public final class LiveCuration: @unchecked Sendable {
    public let curator: Curator
    private let lock = NSLock()
    /// One decision at a time: each is checked against the actors the one before left.
    private let deciding = NSLock()
    private var current: FactExtraction

    /// The decisions `current` was built with: another process (`kremlinology actors …` beside a
    /// running server) may have decided since.
    private var basis: [String]

    public init(_ curator: Curator) throws {
        self.curator = curator
        basis = try Self.basis(of: curator.store)
        current = try curator.facts()
    }

    /// The extraction as of the latest decision, rebuilt when the log changed elsewhere.
    public var facts: FactExtraction {
        if let now = try? Self.basis(of: curator.store), now != lock.withLock({ basis }), let fresh = try? curator.facts() {
            lock.withLock { current = fresh; basis = now }
        }
        return lock.withLock { current }
    }

    /// Runs on every uploaded document with the extraction as of now.
    public var closure: CorpusIngestor.Extraction {
        { [self] document in facts.payload(for: document) }
    }

    private static func basis(of store: any CorpusStore) throws -> [String] {
        try store.curations(includingUndone: true).map { "\($0.id ?? 0)\($0.holds ? "" : "u")" }
    }

    public func decide(_ decision: CurationDecision) throws -> Curator.Outcome {
        try refreshing { try curator.decide(decision) }
    }

    public func undo(id: Int64) throws -> Curator.Outcome {
        try refreshing { try curator.undo(id: id) }
    }

    private func refreshing(_ change: () throws -> Curator.Outcome) throws -> Curator.Outcome {
        deciding.lock()
        defer { deciding.unlock() }
        let outcome = try change()
        let (now, fresh) = (try Self.basis(of: curator.store), try curator.facts())
        lock.withLock { current = fresh; basis = now }
        return outcome
    }
}
