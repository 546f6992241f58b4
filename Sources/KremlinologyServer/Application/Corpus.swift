import Foundation
import KremlinologyAnalysis
import KremlinologyIngest
import KremlinologyModel
import KremlinologyStore

/// The store and the analysis over it, shared by every route.
///
/// Reads run on a dispatch queue so that a slow query never holds up the server's event
/// loops, and run concurrently on the store's read connections (the SQLite store reads
/// through a GRDB `DatabasePool`). Whole-corpus views (the network) are cached until the
/// next upload.
public final class Corpus: Sendable {
    /// The store read by every page.
    public let store: any CorpusStore
    private let extraction: CorpusIngestor.Extraction?
    private let state: Locked<State>
    private static let readQueue = DispatchQueue(label: "kremlinology.server.reads", attributes: .concurrent)

    private struct State {
        var analyzer: CorpusAnalyzer
        var networks: [String: Network] = [:]
    }

    /// Opens the analysis over `store`.
    public init(store: any CorpusStore, extraction: CorpusIngestor.Extraction?) throws {
        self.store = store
        self.extraction = extraction
        state = Locked(State(analyzer: try CorpusAnalyzer(store: store)))
    }

    /// The analysis facade (actor directory loaded once, refreshed after uploads).
    public var analyzer: CorpusAnalyzer { state.withLock { $0.analyzer } }

    /// Runs `work` off the event loops and returns its result.
    public func read<T: Sendable>(_ work: @escaping @Sendable (Corpus) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Self.readQueue.async { continuation.resume(with: Result { try work(self) }) }
        }
    }

    /// The network for `options`, built once per distinct filter and kept until the next write.
    public func network(_ options: NetworkOptions, key: String) throws -> Network {
        if let cached = state.withLock({ $0.networks[key] }) { return cached }
        let network = try analyzer.network(options)
        state.withLock { state in
            if state.networks.count > 64 { state.networks.removeAll() }
            state.networks[key] = network
        }
        return network
    }

    /// Reads, extracts and stores one uploaded document through the same path as `ingest`.
    public func ingest(bytes: [UInt8], fileName: String) async throws -> UploadResult {
        try await read { corpus in
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
            let refreshed = try CorpusAnalyzer(store: corpus.store)
            corpus.state.withLock { state in
                state.analyzer = refreshed
                state.networks.removeAll()
            }
            return UploadResult(outcome ?? .duplicate(of: fileName), fileName: fileName)
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
