import Foundation
import KremlinologyAnalysis
import KremlinologyExtract
import KremlinologyIngest
import KremlinologyModel
import KremlinologyPipeline
import KremlinologyStore

/// The store and the analysis over it, shared by every route.
///
/// Reads run on a dispatch queue so that a slow query never holds up the server's event
/// loops, and run concurrently on the store's read connections (the SQLite store reads
/// through a GRDB `DatabasePool`). Views that cost more than a query (figures, networks,
/// dossiers, briefs, rendered pages) are memoised until the next upload changes the store,
/// in a ``MemoCache`` bounded by bytes. Every read has a time budget: past it the request is
/// answered 503 while its store work runs to its end on the read queue.
public final class Corpus: Sendable {
    /// The store read by every page.
    public let store: any CorpusStore
    private let extraction: CorpusIngestor.Extraction?
    /// Actor curation, when the server allows it.
    let curation: LiveCuration?
    private let packDirectories: [String]
    /// The outlet catalog every view grades facts with.
    public let sources: SourceCatalog
    private let state: Locked<State>
    /// Longest a ``read(_:)`` is waited for, in seconds.
    let timeBudget: TimeInterval
    private static let readQueue = DispatchQueue(label: "kremlinology.server.reads", attributes: .concurrent)
    /// The budgets' timers: a serial queue of its own always gets a thread, where the global
    /// queue's few threads (one per core) may all be blocked in store reads.
    private static let budgetQueue = DispatchQueue(label: "kremlinology.server.budgets")

    private struct State {
        var analyzer: CorpusAnalyzer
        var memo: MemoCache
        /// The store's change token when the memo was last checked.
        var changeToken: String?
        var checkedAt = Date.distantPast
    }

    /// Default bound of the memo: 64 MiB of estimated value sizes.
    public static let defaultMemoBytes = 64 << 20

    /// Opens the analysis over `store`; reads are answered 503 after `timeBudget` seconds.
    /// `sources` nil grades with the bundled catalog.
    public init(store: any CorpusStore, extraction: CorpusIngestor.Extraction?, curation: LiveCuration? = nil,
                packDirectories: [String] = [], sources: SourceCatalog? = nil,
                memoBytes: Int = Corpus.defaultMemoBytes, timeBudget: TimeInterval = RequestBounds().timeBudget) throws {
        self.store = store
        self.extraction = extraction
        self.curation = curation
        self.packDirectories = packDirectories
        self.timeBudget = timeBudget
        let catalog = try sources ?? SourceCatalog.bundled()
        self.sources = catalog
        state = Locked(State(analyzer: try CorpusAnalyzer(store: store, sources: catalog), memo: MemoCache(capacityBytes: memoBytes),
                             changeToken: try? store.changeToken()))
    }

    /// How many memoised values are kept, and their estimated bytes (for tests and figures).
    public var memoFigures: (count: Int, bytes: Int) { state.withLock { ($0.memo.count, $0.memo.totalBytes) } }

    /// The analysis facade (actor directory loaded once, refreshed after uploads).
    public var analyzer: CorpusAnalyzer { state.withLock { $0.analyzer } }

    /// Runs `work` off the event loops and returns its result; after ``timeBudget`` seconds,
    /// or when the request is cancelled (the client left, the server stops), it gives up
    /// with a 503 and leaves `work` to end on the read queue, its result thrown away.
    /// An upload passes its own, longer `budget`: extracting a 16 MiB file takes a while.
    public func read<T: Sendable>(budget: TimeInterval? = nil, _ work: @escaping @Sendable (Corpus) throws -> T) async throws -> T {
        let once = OnceContinuation<T>()
        let budget = budget ?? timeBudget
        // Given-up work stops too: its store reads check this and end with StoreError.cancelled.
        let cancellation = ReadCancellation()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                once.set(continuation)
                Self.readQueue.async { once.resume(with: Result { try cancellation.run { try work(self) } }) }
                Self.budgetQueue.asyncAfter(deadline: .now() + budget) {
                    cancellation.cancel()
                    once.resume(with: .failure(RequestError.unavailable(
                        "the request took longer than \(Int(budget)) s and was stopped; narrow it or retry", retryAfter: 1)))
                }
            }
        } onCancel: {
            cancellation.cancel()
            once.resume(with: .failure(CancellationError()))
        }
    }

    /// The value memoised under `key`, built by `build` the first time (and after each upload).
    /// Two requests may build the same value at once; both get a correct result.
    public func memo<T: Sendable>(_ key: String, _ build: () throws -> T) rethrows -> T {
        forgetIfWrittenElsewhere()
        if let cached = state.withLock({ $0.memo.value(forKey: key) }) as? T { return cached }
        let value = try build()
        state.withLock { $0.memo.insert(value, forKey: key) }
        return value
    }

    /// The network for `options`, built once per distinct filter.
    public func network(_ options: NetworkOptions, key: String, reviewedOnly: Bool = false,
                        minimumGrade: AdmiraltyGrade? = nil) throws -> Network {
        try memo("network|" + key) { try analyzer.reviewed(only: reviewedOnly).graded(atLeast: minimumGrade).network(options) }
    }

    /// The `limit` most mentioned actors, of one kind or all.
    public func actors(kind: ActorKind?, limit: Int) throws -> [ActorSummary] {
        try memo("actors|\(kind?.rawValue ?? "")|\(limit)") { try store.actors(kind: kind, limit: limit) }
    }

    /// Corpus figures (counting the whole store takes a while on a large corpus).
    public func stats() throws -> CorpusStats {
        try memo("stats") { try store.stats() }
    }

    /// Empties the memo when another process (`kremlinology ingest`, a queue worker) wrote to
    /// the store: at most once a second, compares the store's change token with the one last
    /// seen. Both backends keep the token, so pages refresh on SQLite and PostgreSQL alike.
    private func forgetIfWrittenElsewhere() {
        let now = Date()
        guard state.withLock({ state in
            guard now.timeIntervalSince(state.checkedAt) >= 1 else { return false }
            state.checkedAt = now
            return true
        }) else { return }
        let token = try? store.changeToken()
        let changed = state.withLock { state in
            defer { state.changeToken = token }
            return token == nil || state.changeToken != token
        }
        guard changed, let refreshed = try? CorpusAnalyzer(store: store, sources: sources) else { return }
        state.withLock { state in
            state.analyzer = refreshed
            state.memo.removeAll()
        }
    }

    /// Reads, extracts and stores one uploaded document through the same path as `ingest`.
    public func ingest(bytes: [UInt8], fileName: String) async throws -> UploadResult {
        try await read(budget: 600) { corpus in
            let ingestor = CorpusIngestor(store: corpus.store, reader: DocumentReader(maxFileBytes: ServerContext.maximumBodyBytes),
                                          extraction: corpus.extraction, workers: 1)
            var outcome: IngestOutcome?
            var failure: String?
            _ = ingestor.ingest(bytes: bytes, path: "upload/\(fileName)", fileName: fileName) { event in
                switch event {
                case .stored(_, let result): outcome = result
                case .failed(_, let message): failure = message
                }
            }
            if let failure { throw RequestError.badRequest(failure) }
            try corpus.refresh()
            return UploadResult(outcome ?? .duplicate(of: fileName), fileName: fileName)
        }
    }
}

extension Corpus {
    /// Records an analyst's judgement of a fact and drops every memoised view.
    public func judge(relationID: Int64, verdict: Verdict, note: String?) async throws -> StoredRelation {
        try await read(budget: 60) { corpus in
            let judged = try corpus.store.judge(relationID: relationID, verdict: verdict, note: note, author: "api")
            try corpus.refresh()
            return judged
        }
    }

    /// Deletes one document (id, file name or path) with every fact read from it.
    public func deleteDocument(_ key: String) async throws -> Int {
        try await read(budget: 60) { corpus in
            guard let stored = try corpus.store.document(matching: key) else {
                throw RequestError(.notFound, "no document \"\(key)\"; GET /api/v1/documents lists them")
            }
            let deleted = try corpus.store.deleteDocuments(ids: [stored.document.id])
            try corpus.refresh()
            return deleted
        }
    }

    /// Records a curation decision and extracts again the documents it changes; every view follows.
    public func curate(_ decision: CurationDecision) async throws -> Curator.Outcome {
        try await curating { try $0.decide(decision) }
    }

    /// Undoes curation decision `id`.
    public func undoCuration(id: Int64) async throws -> Curator.Outcome {
        try await curating { try $0.undo(id: id) }
    }

    /// The decisions that hold, as pack files (``CurationPlan/packFiles``). A read-only server
    /// loads the packs for it once per request: exporting is rare.
    public func curationPack() async throws -> [(path: String, text: String)] {
        try await read(budget: 120) { corpus in
            let curator = try corpus.curation?.curator ?? Curator(store: corpus.store, packDirectories: corpus.packDirectories)
            return try curator.plan().packFiles
        }
    }

    private func curating(_ change: @escaping @Sendable (LiveCuration) throws -> Curator.Outcome) async throws -> Curator.Outcome {
        guard let curation else {
            throw RequestError(.forbidden, "this server was started without curation; start it with --token T to curate actors")
        }
        // Extracting again the documents of a common name takes a while: the upload's budget.
        return try await read(budget: 600) { corpus in
            let outcome = try change(curation)
            try corpus.refresh()
            return outcome
        }
    }

    /// A new analyzer over the store as it is now, and an empty memo: after every write.
    func refresh() throws {
        let refreshed = try CorpusAnalyzer(store: store, sources: sources)
        state.withLock { state in
            state.analyzer = refreshed
            state.memo.removeAll()
        }
    }
}

/// What an upload did, as the API reports it.
public struct UploadResult: Sendable, Codable, Hashable {
    /// `added`, `unchanged`, `replaced` or `duplicate`.
    public var outcome: String
    /// The stored document's id (for a duplicate, nil).
    public var documentID: String?
    /// The file name it was stored under.
    public var fileName: String
    /// For a duplicate, the path of the document that holds the same text.
    public var duplicateOf: String?

    init(_ outcome: IngestOutcome, fileName: String) {
        self.fileName = fileName
        switch outcome {
        case .added(let id): self.outcome = "added"; documentID = id
        case .unchanged(let id): self.outcome = "unchanged"; documentID = id
        case .replaced(let id, _): self.outcome = "replaced"; documentID = id
        case .duplicate(let twin): self.outcome = "duplicate"; duplicateOf = twin
        }
    }
}

/// A continuation resumed by whichever comes first (the work, the time budget, the
/// cancellation); later attempts are ignored.
final class OnceContinuation<T: Sendable>: Sendable {
    private struct State {
        var continuation: CheckedContinuation<T, any Error>?
        var early: Result<T, any Error>?
        var done = false
    }
    private let state = Locked(State())

    func set(_ continuation: CheckedContinuation<T, any Error>) {
        let early: Result<T, any Error>? = state.withLock { state in
            if let early = state.early { state.done = true; return early }
            state.continuation = continuation
            return nil
        }
        if let early { continuation.resume(with: early) }
    }

    func resume(with result: Result<T, any Error>) {
        let continuation: CheckedContinuation<T, any Error>? = state.withLock { state in
            guard !state.done else { return nil }
            guard let continuation = state.continuation else {
                // Cancelled before the continuation existed: keep the outcome for `set`.
                if state.early == nil { state.early = result }
                return nil
            }
            state.done = true
            state.continuation = nil
            return continuation
        }
        continuation?.resume(with: result)
    }
}

/// A value guarded by a lock.
final class Locked<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()

    init(_ value: Value) { self.value = value }

    func withLock<T>(_ body: (inout Value) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
