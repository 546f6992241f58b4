import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KremlinologyAnalysis
import KremlinologyModel
import Testing
@testable import KremlinologyServer

/// The network page (issue 13, item 9): the ego network from the actor page, legends, the
/// explained figures, the download links with the filters, and no whole graph too large to read.
@Suite struct NetworkPageTests {
    let corpus = TestCorpus.shared

    @Test(.enabled(if: TestCorpus.seedsPresent, "../shared/seeds is absent: seed tests skipped"))
    func theActorPageOpensItsEgoNetworkWithLegendsExplanationsAndDownloads() async throws {
        try await corpus.withServer { client, _ in
            let actor = try await client.execute(uri: "/actor?name=Vladimir%20Putin", method: .get).text
            #expect(actor.contains("<a class=\"ego-network\" href=\"/network?actor=Vladimir%20Putin\">network</a>"))
            let response = try await client.execute(uri: "/network?actor=Vladimir%20Putin&min_sources=1&from=2000", method: .get)
            #expect(response.status == .ok)
            let page = response.text
            #expect(page.contains("<h1>Network of Vladimir Putin"))
            #expect(page.contains("id=\"legend-polarity\"") && page.contains("id=\"legend-kinds\""))
            for kind in ActorKind.allCases { #expect(page.contains("node-key \(kind.rawValue)"), "\(kind) is in the legend") }
            #expect(page.contains("id=\"network-explained\"") && page.contains("label propagation") && page.contains("balanced"))
            #expect(page.contains("href=\"/api/v1/network?actor=Vladimir%20Putin&amp;from=2000&amp;limit=60&amp;format=gexf\""))
            #expect(page.contains("format=graphml"))
            #expect(page.contains("name=\"min_sources\" type=\"range\""))
            #expect(!page.contains("<script>") && !page.contains(" style=\""), "the CSP holds: no inline script or style")
            #expect(response.headers[.contentSecurityPolicy]?.contains("script-src 'self'") == true)
            let rolled = try await client.execute(uri: "/actor?name=Russia&rollup=states", method: .get).text
            #expect(rolled.contains("href=\"/network?actor=Russia&amp;rollup=states\">network</a>"))
        }
    }

    @Test(.enabled(if: TestCorpus.seedsPresent, "../shared/seeds is absent: seed tests skipped"))
    func anEgoNetworkWithoutATieUnderTheFiltersSaysSo() async throws {
        try await corpus.withServer { client, _ in
            let response = try await client.execute(uri: "/network?actor=Putin&type=AID&polarity=negative", method: .get)
            #expect(response.status == .ok)
            #expect(response.text.contains("No tie of Vladimir Putin passes these filters."))
        }
    }

    /// The date sliders span the years of the dated claims under the other filters, so a date
    /// bound does not shrink them; the API says which years those are.
    @Test(.enabled(if: TestCorpus.seedsPresent, "../shared/seeds is absent: seed tests skipped"))
    func theYearSlidersSpanTheDatedClaimsWhateverTheDateBounds() async throws {
        try await corpus.withServer { client, _ in
            let all = try await client.execute(uri: "/api/v1/network", method: .get).json
            let (first, last) = (try #require(all["firstYear"] as? Int), try #require(all["lastYear"] as? Int))
            #expect(first < last)
            let bounded = try await client.execute(uri: "/api/v1/network?from=\(last)", method: .get).json
            #expect(bounded["firstYear"] as? Int == first && bounded["lastYear"] as? Int == last)
            let page = try await client.execute(uri: "/network?from=\(last)", method: .get).text
            #expect(page.contains("<input id=\"year-from\" type=\"range\" min=\"\(first)\" max=\"\(last)\" value=\"\(last)\""))
            #expect(page.contains("<output id=\"years-value\">\(last)–any</output>"))
        }
    }

    @Test func aWholeNetworkTooLargeToReadIsNotDrawnAndThePageSaysHowToNarrowIt() throws {
        // A star of 400 actors around "Hub": more than the page draws at once.
        var nodes = [Network.Node(id: 0, name: "Hub", kind: .state, wikidata: nil)]
        var edges: [Network.Edge] = []
        for i in 1...400 {
            nodes.append(Network.Node(id: i, name: "Actor <\(i)>", kind: .person, wikidata: nil))
            edges.append(Network.Edge(source: i, target: 0, weight: 1, polarity: 1, types: ["SUPPORT": 1], citations: []))
        }
        let network = Network(nodes: nodes, edges: edges)
        let filters = try NetworkQuery(QueryParameters("type=SUPPORT"))
        let whole = NetworkView(NetworkSelection(network, filters: filters, centres: []), filters: filters)
        let page = NetworkPageView(filters: filters, view: whole, outlets: []).page.rendered
        #expect(page.contains("id=\"network-too-large\""))
        #expect(page.contains("These filters leave 401 actors"))
        #expect(!page.contains("id=\"graph\""), "no graph is drawn")
        #expect(page.contains("href=\"/network?actor=Hub&amp;type=SUPPORT&amp;limit=60\""), "the page offers ego networks to start from")
        #expect(page.contains("Actor &lt;100&gt;") && !page.contains("Actor <100>"), "names are escaped")

        let egoFilters = try NetworkQuery(QueryParameters("actor=Hub"))
        let ego = NetworkView(NetworkSelection(network, filters: egoFilters, centres: ["Hub"]), filters: egoFilters)
        let egoPage = NetworkPageView(filters: egoFilters, view: ego, outlets: []).page.rendered
        #expect(egoPage.contains("id=\"graph\""), "an ego network is drawn (trimmed to its heaviest actors)")
        #expect(ego.nodes.first?.name == "Hub" && ego.nodes.count == 60)
    }

    @Test func theCommunitiesAndTheBalanceFigureAreThoseOfTheDrawnTies() throws {
        // Two triangles: A–B–C all cooperative (balanced), C–D–E with one conflict (unbalanced).
        let names = ["A", "B", "C", "D", "E"]
        let nodes = names.enumerated().map { Network.Node(id: $0.offset, name: $0.element, kind: .state, wikidata: nil) }
        func edge(_ s: Int, _ t: Int, _ p: Int) -> Network.Edge {
            Network.Edge(source: s, target: t, weight: 2, polarity: 2 * p, types: [p > 0 ? "AID" : "THREATEN": 2], citations: [])
        }
        let network = Network(nodes: nodes, edges: [edge(0, 1, 1), edge(1, 2, 1), edge(2, 0, 1), edge(2, 3, 1), edge(3, 4, 1), edge(4, 2, -1)])
        let filters = try NetworkQuery(QueryParameters(nil))
        let view = NetworkView(NetworkSelection(network, filters: filters, centres: []), filters: filters)
        #expect(view.balance.triangles == 2 && view.balance.balanced == 1)
        let page = NetworkPageView(filters: filters, view: view, outlets: []).page.rendered
        #expect(page.contains("1 of 2 triangles balanced (50 %)"))
        #expect(page.contains("<strong id=\"metric-communities\">\(view.communities) communit"))
    }
}
