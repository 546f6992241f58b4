import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import KremlinologyServer

/// Every route, given every kind of bad input a user or a hostile page can send, answers a
/// 4xx (or a 200 where the input is merely odd) and never a 5xx.
@Suite struct BadInputTests {
    let corpus = TestCorpus.shared

    /// Values that once answered 500 (punctuation-only searches, LIKE wildcards, raw `%`,
    /// emoji) and others a fuzzer would send. Already percent-encoded where needed.
    static let hostileValues = ["", "*", "%22", "!!!", "(", ":", "'", "_", "%25", "%F0%9F%98%80", "%00", "%ff", "-1", "x",
                                "NEAR(", "a%20OR%20b", "Nobody%20At%20All", String(repeating: "Putin%20", count: 400),
                                "2014-13-45", "%E2%80%AE", "%3Cscript%3E"]

    /// Each GET route with the parameters it reads.
    static let routes: [(path: String, parameters: [String])] = [
        ("/api/v1/stats", []), ("/api/v1/search", ["q", "limit", "offset", "outlet"]),
        ("/api/v1/documents", ["limit", "offset"]), ("/api/v1/actors", ["kind", "limit", "offset"]),
        ("/api/v1/relations", ["source", "target", "type", "modality", "outlet", "limit", "offset", "min_grade"]),
        ("/api/v1/outlets", ["limit", "offset"]), ("/api/v1/dossier", ["actor", "limit", "min_grade"]),
        ("/api/v1/brief", ["a", "b", "limit", "offset", "min_grade"]),
        ("/api/v1/network", ["actor", "type", "polarity", "outlet", "from", "to", "limit", "modality", "min_sources", "format", "min_grade"]),
        ("/api/v1/timeline", ["actor", "a", "b", "limit", "offset", "min_grade"]), ("/api/v1/compare", ["outlets", "actor", "min_grade"]),
        ("/", []), ("/search", ["q", "outlet", "page"]), ("/documents", ["page"]), ("/actors", ["kind"]),
        ("/outlets", []), ("/outlet", ["name"]), ("/actor", ["name", "min_grade"]), ("/pair", ["a", "b", "min_grade"]),
        ("/network", ["actor", "type", "polarity", "from", "to", "min_sources", "min_grade"]), ("/timeline", ["actor", "a", "b", "min_grade"]),
    ]

    @Test func everyRouteAnswersBadParametersWithout5xx() async throws {
        try await corpus.withServer { client, _ in
            var failures: [String] = []
            for route in Self.routes {
                for parameter in route.parameters.isEmpty ? ["junk"] : route.parameters {
                    for value in Self.hostileValues {
                        let uri = "\(route.path)?\(parameter)=\(value)"
                        let status = try await client.execute(uri: uri, method: .get).status
                        if status.code >= 500 { failures.append("\(uri) → \(status.code)") }
                    }
                }
            }
            #expect(failures.isEmpty, "\(failures.prefix(20))")
        }
    }

    @Test func documentIdsMadeOfPunctuationOrBadEscapesAreNever5xx() async throws {
        try await corpus.withServer { client, _ in
            for id in ["_", "%25", "%ff", "%00", "*", "..", "%2e%2e%2f", "%F0%9F%98%80"] {
                for prefix in ["/api/v1/documents/", "/documents/"] {
                    let status = try await client.execute(uri: prefix + id, method: .get).status
                    #expect(status.code < 500 && status.code >= 400, "\(prefix + id) → \(status.code)")
                }
            }
        }
    }

    /// An id prefix that several documents share is answered with the candidates.
    @Test func anAmbiguousDocumentIdIsA409WithTheCandidates() async throws {
        try await corpus.withServer { client, _ in
            let listing = try await client.execute(uri: "/api/v1/documents?limit=200", method: .get).json
            let ids = (listing["items"] as? [[String: Any]] ?? []).compactMap { ($0["document"] as? [String: Any])?["id"] as? String }
            // The longest prefix two ids share, if any.
            var shared = ""
            for (i, a) in ids.enumerated() {
                for b in ids[(i + 1)...] {
                    let common = String(zip(a, b).prefix { $0 == $1 }.map(\.0))
                    if common.count > shared.count { shared = common }
                }
            }
            guard !shared.isEmpty else { return }
            let response = try await client.execute(uri: "/api/v1/documents/\(shared)", method: .get)
            #expect(response.status == .conflict)
            let error = response.json["error"] as? [String: Any] ?? [:]
            #expect((error["candidates"] as? [String])?.count ?? 0 >= 2, "\(error)")
        }
    }

    @Test func theTokenSchemeIsCaseInsensitiveAndAWrongTokenIs401() async throws {
        let corpus = try TestCorpus(withSeeds: false)
        try await corpus.withServer(token: "s3cret") { client, _ in
            let body = ByteBuffer(string: "Russia aids Belarus.")
            let lower = try await client.execute(uri: "/api/v1/documents?name=a.txt", method: .post,
                                                 headers: [.authorization: "bearer s3cret"], body: body)
            #expect(lower.status == .created)
            let wrong = try await client.execute(uri: "/api/v1/documents?name=b.txt", method: .post,
                                                 headers: [.authorization: "Bearer nope"], body: body)
            #expect(wrong.status == .unauthorized)
            let none = try await client.execute(uri: "/api/v1/documents?name=c.txt", method: .post, body: body)
            #expect(none.status == .unauthorized)
        }
    }
}
