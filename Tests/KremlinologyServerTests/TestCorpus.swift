import Foundation
import Hummingbird
@testable import HummingbirdTesting  // TestResponse's memberwise init, for PatientClient
import KremlinologyExtract
import KremlinologyIngest
import KremlinologyModel
import KremlinologyPipeline
import KremlinologyServer
import KremlinologyStore

/// A temporary store holding the seeds (when ../shared/seeds is present) and the XSS
/// fixtures, ingested through `CorpusIngestor` with the real extractor, as `ingest` does.
final class TestCorpus: Sendable {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let seeds = repository.deletingLastPathComponent().appendingPathComponent("shared/seeds")
    static var seedsPresent: Bool { FileManager.default.fileExists(atPath: seeds.path) }

    /// Hostile documents: none of this may ever run in a page. The Markdown reader drops
    /// tags from the text; the plain-text reader keeps them, so the pages must escape them.
    static let hostileFixtures: [(name: String, text: String)] = [("hostile-script.md", "# " + hostileText), ("hostile-script.txt", hostileText)]

    static let hostileText = """
            Hostile <script>document.body.setAttribute('data-xss','title')</script> notes

            Russia threatened Belarus with <script>alert(1)</script> sanctions <script>document.body.setAttribute('data-xss','script')</script> in 2021.

            The broker said "><img src=x onerror="document.body.setAttribute('data-xss','img')"> and then "><img src=x onerror=alert(1)> again.

            See [link](javascript:alert(1)) and <a href="javascript:document.body.setAttribute('data-xss','href')">this page</a> about Lukashenko.
            """

    /// One corpus shared by the read-only tests (built on first use).
    static let shared: TestCorpus = try! TestCorpus()

    let folder: URL
    let store: any CorpusStore
    let extraction: CorpusIngestor.Extraction

    init(withSeeds: Bool = true) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("kremlinology-server-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        store = try SQLiteCorpusStore(path: folder.appendingPathComponent("test.sqlite").path)
        extraction = Self.sharedExtraction
        let ingestor = CorpusIngestor(store: store, extraction: extraction, workers: 2)
        if withSeeds, Self.seedsPresent {
            let report = ingestor.ingest(files: try FileCollector().collect([Self.seeds]))
            precondition(report.failed == 0, "seed ingest failed: \(report.problems)")
        }
        for fixture in Self.hostileFixtures {
            _ = ingestor.ingest(bytes: Array(fixture.text.utf8), path: "fixtures/\(fixture.name)", fileName: fixture.name)
        }
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// The real extraction, loaded once (loading the pack is the slow part).
    static let sharedExtraction: CorpusIngestor.Extraction = try! realExtraction()

    /// The extraction the CLI's `ingest` runs: the bundled pack, only pack actors kept as actors.
    static func realExtraction() throws -> CorpusIngestor.Extraction {
        try FactExtraction(packDirectories: []).closure
    }

    /// Starts the real application on 127.0.0.1 with an ephemeral port and runs `test` against it.
    func withServer<T: Sendable>(token: String? = nil, _ test: @Sendable (any TestClientProtocol, Int) async throws -> T) async throws -> T {
        // With a token, actor curation is on, as `serve --token` has it.
        let curation = try token.map { _ in try LiveCuration(Curator(store: store, packDirectories: [])) }
        let app = try buildApplication(ServerConfiguration(host: "127.0.0.1", port: 0, token: token, store: store, extraction: extraction,
                                                           curation: curation))
        return try await app.test(.live) { live in
            // The live framework's client gives up after 20 s without a byte; on two loaded cores,
            // with every suite in one process, a plain request once waited longer (CI at cbe7c41).
            let port = live.port ?? 0
            let client = TestClient(host: "localhost", port: port, configuration: .init(timeout: .seconds(180)))
            client.connect()
            do {
                let value = try await test(PatientClient(client: client, port: port), port)
                try await client.shutdown()
                return value
            } catch {
                try? await client.shutdown()
                throw error
            }
        }
    }
}

/// The live framework's client with a longer read timeout: a request that is slow under load
/// is waited for, one that hangs still fails, after 180 s.
struct PatientClient: TestClientProtocol {
    let client: TestClient
    let port: Int?

    func executeRequest(uri: String, method: HTTPRequest.Method, headers: HTTPFields, body: ByteBuffer?) async throws -> TestResponse {
        var headers = headers
        headers[.connection] = "keep-alive"
        let response = try await client.execute(TestClient.Request(uri, method: method, authority: "localhost", headers: headers, body: body))
        return TestResponse(head: response.head, body: response.body ?? ByteBuffer(), trailerHeaders: response.trailerHeaders)
    }
}

extension TestResponse {
    /// The body as text.
    var text: String { String(buffer: body) }

    /// The body as a JSON object.
    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
    }
}
