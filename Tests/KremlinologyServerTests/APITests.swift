import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KremlinologyPipeline
import KremlinologyStore
import Testing
@testable import KremlinologyServer

@Suite struct APITests {
    let corpus = TestCorpus.shared

    @Test(.enabled(if: TestCorpus.seedsPresent, "../shared/seeds is absent: seed tests skipped"))
    func searchFindsTheLukashenkoPassageWithItsTimestamp() async throws {
        try await corpus.withServer { client, _ in
            let response = try await client.execute(uri: "/api/v1/search?q=Lukashenko&limit=20", method: .get)
            #expect(response.status == .ok)
            let items = response.json["items"] as? [[String: Any]] ?? []
            let timestamps = items.compactMap { ($0["locator"] as? [String: Any])?["timestamp"] as? String }
            #expect(timestamps.contains("00:55:12"))
            #expect(response.json["limit"] as? Int == 20)
            // A rare name: every match counted, so the total is exact.
            #expect(response.json["total"] as? Int == items.count)
            #expect(response.json["total_is_lower_bound"] as? Bool == false)
        }
    }

    @Test func malformedParametersGetA400WithAClearMessageNeverA500() async throws {
        try await corpus.withServer { client, _ in
            for (uri, words) in [("/api/v1/search?q=x&limit=abc", "integer"), ("/api/v1/documents?limit=-1", "between"),
                                 ("/api/v1/documents?limit=201", "between"), ("/api/v1/relations?type=FOO", "unknown type"),
                                 ("/api/v1/actors?kind=planet", "unknown kind"), ("/api/v1/search", "missing"),
                                 ("/api/v1/network?from=yesterday", "date"), ("/api/v1/network?polarity=up", "polarity"),
                                 ("/api/v1/compare?outlets=RT", "two outlets"), ("/api/v1/relations?offset=x", "integer")] {
                let response = try await client.execute(uri: uri, method: .get)
                #expect(response.status == .badRequest, "\(uri)")
                let message = (response.json["error"] as? [String: Any])?["message"] as? String ?? ""
                #expect(message.contains(words), "\(uri): \(message)")
                #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
            }
        }
    }

    @Test func everyListingObeysTheHardLimit() async throws {
        try await corpus.withServer { client, _ in
            for uri in ["/api/v1/documents", "/api/v1/actors", "/api/v1/relations", "/api/v1/timeline", "/api/v1/outlets"] {
                let response = try await client.execute(uri: uri + "?limit=2", method: .get)
                #expect(response.status == .ok, "\(uri)")
                #expect((response.json["items"] as? [Any])?.count ?? 99 <= 2, "\(uri)")
                let tooMany = try await client.execute(uri: uri + "?limit=1000", method: .get).status
                #expect(tooMany == .badRequest, "\(uri)")
            }
        }
    }

    @Test func unknownActorsAndDocumentsAre404s() async throws {
        try await corpus.withServer { client, _ in
            for uri in ["/api/v1/dossier?actor=Nobody%20At%20All", "/api/v1/documents/ffffffffffff", "/no/such/page"] {
                let status = try await client.execute(uri: uri, method: .get).status
                #expect(status == .notFound, "\(uri)")
            }
        }
    }

    @Test func everyResponseCarriesTheSecurityHeaders() async throws {
        try await corpus.withServer { client, _ in
            for uri in ["/", "/api/v1/stats", "/static/app.css", "/nowhere", "/api/v1/search?limit=abc"] {
                let response = try await client.execute(uri: uri, method: .get)
                #expect(response.headers[HTTPField.Name("Content-Security-Policy")!] == SecurityHeadersMiddleware.contentSecurityPolicy, "\(uri)")
                #expect(response.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff", "\(uri)")
            }
        }
    }

    @Test func staticFilesRejectPathTraversal() async throws {
        try await corpus.withServer { client, _ in
            let script = try await client.execute(uri: "/static/network.js", method: .get).status
            #expect(script == .ok)
            for uri in ["/static/../Package.swift", "/static/%2e%2e/Package.swift", "/static/..%2f..%2fPackage.swift",
                        "/static/%2e%2e%2f%2e%2e%2fPackage.swift", "/static/.%2e/api/openapi.yaml"] {
                let response = try await client.execute(uri: uri, method: .get)
                #expect(response.status == .notFound || response.status == .badRequest, "\(uri)")
                #expect(!response.text.contains("PackageDescription"), "\(uri)")
            }
        }
    }
}

@Suite struct UploadTests {
    @Test func withoutAConfiguredTokenTheServerIsReadOnly() async throws {
        let corpus = try TestCorpus(withSeeds: false)
        try await corpus.withServer(token: nil) { client, _ in
            let response = try await client.execute(uri: "/api/v1/documents?name=a.md", method: .post,
                                                    headers: [.authorization: "Bearer anything"], body: ByteBuffer(string: "Russia aids Belarus."))
            #expect(response.status == .forbidden)
            #expect(response.text.contains("read-only"))
        }
    }

    @Test func uploadsNeedTheBearerTokenAndGoThroughTheIngestPath() async throws {
        let corpus = try TestCorpus(withSeeds: false)
        try await corpus.withServer(token: "s3cret") { client, _ in
            let corpusDocumentsBefore = try await client.execute(uri: "/api/v1/stats", method: .get).json["documents"] as? Int ?? -1
            let body = ByteBuffer(string: "# Loan\n\nRussia will lend money to Belarus in 2025.\n")
            let missing = try await client.execute(uri: "/api/v1/documents?name=loan.md", method: .post, body: body)
            #expect(missing.status == .unauthorized)
            let wrong = try await client.execute(uri: "/api/v1/documents?name=loan.md", method: .post,
                                                 headers: [.authorization: "Bearer nope"], body: body)
            #expect(wrong.status == .unauthorized)
            let badName = try await client.execute(uri: "/api/v1/documents?name=../x.md", method: .post,
                                                   headers: [.authorization: "Bearer s3cret"], body: body)
            #expect(badName.status == .badRequest)
            let stored = try await client.execute(uri: "/api/v1/documents?name=loan.md", method: .post,
                                                  headers: [.authorization: "Bearer s3cret"], body: body)
            #expect(stored.status == .created)
            #expect(stored.json["outcome"] as? String == "added")
            let id = try #require(stored.json["documentID"] as? String)
            let document = try await client.execute(uri: "/api/v1/documents/\(id)", method: .get)
            #expect(document.status == .ok)
            #expect((document.json["text"] as? String)?.contains("lend money") == true)
            let relations = try await client.execute(uri: "/api/v1/relations?source=Russia&target=Belarus", method: .get)
            #expect((relations.json["count"] as? Int ?? 0) >= 1, "the real extractor ran on the upload")
            let stats = try await client.execute(uri: "/api/v1/stats", method: .get)
            #expect(stats.json["documents"] as? Int == corpusDocumentsBefore + 1, "memoised figures are dropped after an upload")
        }
    }

    @Test func writesByAnotherProcessAreSeenWithinASecond() async throws {
        let corpus = try TestCorpus(withSeeds: false)
        try await corpus.withServer { client, _ in
            let before = try await client.execute(uri: "/api/v1/stats", method: .get).json["documents"] as? Int ?? -1
            // As `kremlinology ingest` would: straight into the store, not through the server.
            let other = try SQLiteCorpusStore(path: corpus.folder.appendingPathComponent("test.sqlite").path)
            let report = CorpusIngestor(store: other, extraction: nil, workers: 1)
                .ingest(bytes: Array("Russia aids Belarus.".utf8), path: "elsewhere.txt", fileName: "elsewhere.txt")
            #expect(report.added == 1)
            try await Task.sleep(for: .milliseconds(1100))
            let after = try await client.execute(uri: "/api/v1/stats", method: .get).json["documents"] as? Int ?? -1
            #expect(after == before + 1)
        }
    }

    @Test func theUploadFormNeedsTheTokenField() async throws {
        let corpus = try TestCorpus(withSeeds: false)
        try await corpus.withServer(token: "s3cret") { client, _ in
            let headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
            let wrong = try await client.execute(uri: "/upload", method: .post, headers: headers,
                                                 body: ByteBuffer(string: "name=a.md&content=Russia+aids+Belarus.&token=bad"))
            #expect(wrong.status == .unauthorized)
            let right = try await client.execute(uri: "/upload", method: .post, headers: headers,
                                                 body: ByteBuffer(string: "name=a.md&content=Russia+aids+Belarus.&token=s3cret"))
            #expect(right.status == .seeOther)
            #expect(right.headers[.location]?.hasPrefix("/documents/") == true)
        }
    }

    /// Sent with curl, which may take as long as it needs: the test client gives up after 20 s,
    /// which 16 MB in a debug build on a loaded 2-core machine can exceed.
    @Test func bodiesOverSixteenMebibytesGetA413() async throws {
        let corpus = try TestCorpus(withSeeds: false)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("big-\(UUID().uuidString).txt")
        try Data(repeating: UInt8(ascii: "a"), count: ServerContext.maximumBodyBytes + 1024).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        try await corpus.withServer(token: "s3cret") { _, port in
            let curl = Process()
            curl.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            curl.arguments = ["curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "--max-time", "180", "-X", "POST",
                              "--data-binary", "@\(file.path)", "-H", "Authorization: Bearer s3cret",
                              "http://127.0.0.1:\(port)/api/v1/documents?name=big.txt"]
            let out = Pipe()
            curl.standardOutput = out
            try curl.run()
            let status = await Task.detached { () -> String in
                let data = out.fileHandleForReading.readDataToEndOfFile()
                curl.waitUntilExit()
                return String(decoding: data, as: UTF8.self)
            }.value
            #expect(status == "413", "status \(status)")
        }
    }

    @Test func listingsReportTheirTotal() async throws {
        try await TestCorpus.shared.withServer { client, _ in
            for uri in ["/api/v1/documents", "/api/v1/actors", "/api/v1/relations"] {
                let page = try await client.execute(uri: uri + "?limit=1", method: .get).json
                let total = try #require(page["total"] as? Int, "\(uri) has no total")
                let all = try await client.execute(uri: uri + "?limit=200", method: .get).json
                #expect(total == (all["items"] as? [Any])?.count || total > 200, "\(uri): total \(total)")
                #expect(total >= (page["items"] as? [Any])?.count ?? 0)
            }
        }
    }
}
