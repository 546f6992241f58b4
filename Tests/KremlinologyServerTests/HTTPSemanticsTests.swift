import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import KremlinologyServer

/// HEAD, 405, allowed hosts and date parameters (issue 12, items 5 and 6).
@Suite struct HTTPSemanticsTests {
    let corpus = TestCorpus.shared

    static let getRoutes = ["/api/v1/stats", "/api/v1/search?q=Putin", "/api/v1/documents", "/api/v1/actors", "/api/v1/relations",
                            "/api/v1/outlets", "/api/v1/network", "/api/v1/timeline", "/api/v1/openapi.yaml", "/", "/search?q=Putin",
                            "/documents", "/actors", "/outlets", "/network", "/timeline", "/upload", "/static/app.css"]

    @Test func headAnswersEveryGetRouteWithItsHeadersAndNoBody() async throws {
        try await corpus.withServer { client, _ in
            for uri in Self.getRoutes {
                let get = try await client.execute(uri: uri, method: .get)
                let head = try await client.execute(uri: uri, method: .head)
                #expect(head.status == get.status, "HEAD \(uri) → \(head.status.code), GET → \(get.status.code)")
                #expect(head.body.readableBytes == 0, "HEAD \(uri) has a body")
                #expect(head.headers[.contentType] == get.headers[.contentType], "HEAD \(uri)")
            }
        }
    }

    @Test func anUndeclaredMethodOnAKnownPathIs405WithAllow() async throws {
        try await corpus.withServer { client, _ in
            for (uri, method) in [("/api/v1/stats", HTTPRequest.Method.delete), ("/api/v1/documents/abc", .put),
                                  ("/search", .post), ("/api/v1/search", .patch)] {
                let response = try await client.execute(uri: uri, method: method)
                #expect(response.status == .methodNotAllowed, "\(method) \(uri) → \(response.status.code)")
                #expect(response.headers[.allow]?.contains("GET") == true, "\(uri): Allow \(response.headers[.allow] ?? "missing")")
            }
            let documents = try await client.execute(uri: "/api/v1/documents", method: .delete)
            #expect(documents.headers[.allow] == "GET, HEAD, POST")
            #expect(try await client.execute(uri: "/no/such/path", method: .delete).status == .notFound)
        }
    }

    @Test func impossibleDatesAreA400NamingTheParameter() async throws {
        try await corpus.withServer { client, _ in
            for (name, value) in [("from", "2014-13-45"), ("to", "2021-02-30"), ("from", "2023-00"), ("to", "2014-04-31")] {
                let response = try await client.execute(uri: "/api/v1/network?\(name)=\(value)", method: .get)
                #expect(response.status == .badRequest, "\(name)=\(value) → \(response.status.code)")
                #expect(response.text.contains("'\(name)'"), "\(response.text)")
            }
            for value in ["2024-02-29", "2014", "2021-12"] {
                #expect(try await client.execute(uri: "/api/v1/network?from=\(value)", method: .get).status == .ok, "\(value)")
            }
        }
    }
}
