import Foundation
import KremlinologyModel
import KremlinologyPipeline
import KremlinologyStore

/// Everything `buildApplication` needs: where to listen, the store, how to extract facts
/// from uploads, and the token that allows writing.
public struct ServerConfiguration: Sendable {
    /// Interface to bind; 127.0.0.1 unless the user says otherwise.
    public var host: String
    /// TCP port; 0 picks a free one (tests).
    public var port: Int
    /// Writes (uploads) need `Authorization: Bearer <token>`; nil makes the server read-only.
    public var token: String?
    /// The store read by every page and written by uploads.
    public var store: any CorpusStore
    /// The same extraction the CLI's `ingest` runs on each document; nil stores documents without facts.
    public var extraction: CorpusIngestor.Extraction?
    /// Host names answered besides the loopback names and `host` (`serve --allow-host`).
    public var allowedHosts: [String]
    /// URL, header, time and concurrency limits.
    public var bounds: RequestBounds
    /// Actor curation through the API and the actor pages (with the token); nil answers those
    /// writes 403. Its extraction reads uploads when `extraction` is nil.
    public var curation: LiveCuration?
    /// The `--pack` folders the store is read with: the base the curation's pack files are
    /// written over when the server is read-only (a writable one has them in `curation`).
    public var packDirectories: [String] = []
    /// The outlet catalog every fact is graded with (`serve --pack DIR` lays a folder's
    /// sources.yaml over the bundled one); nil: the bundled catalog.
    public var sources: SourceCatalog?

    public init(host: String = "127.0.0.1", port: Int = 8080, token: String? = nil,
                store: any CorpusStore, extraction: CorpusIngestor.Extraction? = nil,
                allowedHosts: [String] = [], bounds: RequestBounds = RequestBounds(), curation: LiveCuration? = nil,
                sources: SourceCatalog? = nil) {
        self.curation = curation
        self.sources = sources
        self.allowedHosts = allowedHosts
        self.bounds = bounds
        self.host = host
        self.port = port
        self.token = token.flatMap { $0.isEmpty ? nil : $0 }
        self.store = store
        self.extraction = extraction
    }
}
