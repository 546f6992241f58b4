import Foundation
import Hummingbird
import HummingbirdTesting
import KremlinologyStore
import Testing
@testable import KremlinologyServer

@Suite struct EscapingTests {
    @Test func interpolatedTextIsEscapedAndMarkupIsNot() {
        let hostile = "<script>alert(1)</script> \"><img src=x onerror=alert(1)> 'quoted' & more"
        let inner: HTML = "<b>\(hostile)</b>"
        let page: HTML = "<p>\(inner)</p>"
        #expect(page.rendered == "<p><b>&lt;script&gt;alert(1)&lt;/script&gt; &quot;&gt;&lt;img src=x onerror=alert(1)&gt; &#39;quoted&#39; &amp; more</b></p>")
    }

    @Test func onlyHTTPAndLocalLinksAreSafe() {
        #expect(HTML.safeURL("javascript:alert(1)") == nil)
        #expect(HTML.safeURL(" JavaScript:alert(1)") == nil)
        #expect(HTML.safeURL("data:text/html,<script>") == nil)
        #expect(HTML.safeURL("//evil.example/x") == nil)
        #expect(HTML.safeURL("https://www.youtube.com/watch?v=IYDGrJ3b4Ls&t=3312s") != nil)
        #expect(HTML.safeURL("/actor?name=Russia") == "/actor?name=Russia")
    }

    @Test func queryValuesAreDecodedLikeABrowserSendsThem() {
        let query = QueryParameters("q=hybrid+warfare&name=Vladimir%20Putin&type=AID,TRUST&type=FEAR&empty=")
        #expect(query.string("q") == "hybrid warfare")
        #expect(query.string("name") == "Vladimir Putin")
        #expect(query.list("type") == ["AID", "TRUST", "FEAR"])
        #expect(query.string("empty") == nil)
    }
}

@Suite struct PageTests {
    let corpus = TestCorpus.shared

    @Test(.enabled(if: TestCorpus.seedsPresent, "../shared/seeds is absent: seed tests skipped"))
    func everyPageAnswersWithHTML() async throws {
        try await corpus.withServer { client, _ in
            for uri in ["/", "/search?q=Lukashenko", "/search", "/actors", "/actors?kind=person", "/actor?name=Putin",
                        "/pair?a=Russia&b=Belarus", "/network", "/network?polarity=negative&type=THREATEN", "/network?outlet=UNN&from=2021",
                        "/timeline", "/timeline?actor=Belarus", "/documents", "/documents/000_e1470ed089bcd8ad.txt", "/outlets",
                        "/outlet?name=bonus_professor", "/upload"] {
                let response = try await client.execute(uri: uri, method: .get)
                #expect(response.status == .ok, "\(uri)")
                #expect(response.headers[.contentType] == "text/html; charset=utf-8", "\(uri)")
                #expect(response.text.hasPrefix("<!doctype html>"), "\(uri)")
                #expect(!response.text.contains(" style=\""), "\(uri): inline styles break the CSP")
                #expect(!response.text.contains("<script>"), "\(uri): inline scripts break the CSP")
            }
        }
    }

    @Test(.enabled(if: TestCorpus.seedsPresent, "../shared/seeds is absent: seed tests skipped"))
    func thePairPageDrawsTheCooperationConflictChartAsInlineSVG() async throws {
        try await corpus.withServer { client, _ in
            let page = try await client.execute(uri: "/pair?a=Russia&b=Belarus", method: .get).text
            #expect(page.contains("<svg class=\"chart\" id=\"score-chart\""))
            #expect(page.contains("<rect class=\"coop\""))
            #expect(page.contains("00:55:55") || page.contains("00:55:12"), "the relations carry their timestamps")
        }
    }

    @Test(.enabled(if: TestCorpus.seedsPresent, "../shared/seeds is absent: seed tests skipped"))
    func theDocumentPageHighlightsEveryFactAndLinksItToTheVideo() async throws {
        let stored = try #require(try corpus.store.document(matching: "000_e1470ed089bcd8ad.txt"))
        let relations = try corpus.store.relations(RelationFilter(documentID: stored.document.id, limit: 5000))
        try await corpus.withServer { client, _ in
            let page = try await client.execute(uri: "/documents/\(stored.document.id)", method: .get).text
            for relation in relations {
                #expect(page.contains("id=\"fact-\(relation.id)\""), "fact \(relation.id) is listed")
                #expect(page.contains("href=\"#r\(relation.id)\""), "fact \(relation.id) links to its quote")
            }
            #expect(page.contains("https://www.youtube.com/watch?v="), "video notes open the video at the timestamp")
        }
    }

    @Test(.enabled(if: TestCorpus.seedsPresent, "../shared/seeds is absent: seed tests skipped"))
    func theNetworkFiltersNarrowTheGraph() async throws {
        try await corpus.withServer { client, _ in
            let all = try await client.execute(uri: "/api/v1/network?limit=200", method: .get).json
            let negative = try await client.execute(uri: "/api/v1/network?limit=200&polarity=negative", method: .get).json
            let edgesAll = (all["edges"] as? [[String: Any]])?.count ?? 0
            let negativeEdges = negative["edges"] as? [[String: Any]] ?? []
            #expect(edgesAll > negativeEdges.count)
            #expect(negativeEdges.allSatisfy { ($0["polarity"] as? Int ?? 0) < 0 })
            let trimmed = try await client.execute(uri: "/api/v1/network?limit=5", method: .get).json
            #expect((trimmed["nodes"] as? [Any])?.count == 5)
        }
    }
}
