import Foundation
import KremlinologyModel
import KremlinologyStore
import Testing

/// The real server, the real pages, headless Chromium. Skipped (with a message) when chromium
/// is absent, except under CI, where it must be there.
@Suite(.serialized, .enabled(if: Browser.shouldRun, "chromium is not installed: browser tests skipped (apt-get install chromium)"))
struct BrowserTests {
    let corpus = TestCorpus.shared

    @Test func theHomePageLoadsWithTheCorpusFigures() async throws {
        try await corpus.withServer { _, port in
            let dom = try await Browser.dom("http://127.0.0.1:\(port)/")
            #expect(dom.contains("<h1>The corpus</h1>"))
            #expect(dom.contains("<dt>claims</dt>") && dom.contains("<dt>sources</dt>"), "the home page counts claims, not note copies")
            #expect(dom.contains("Claims by type"))
            try await Browser.screenshot("http://127.0.0.1:\(port)/", name: "home")
        }
    }

    @Test(.enabled(if: TestCorpus.seedsPresent, "../shared/seeds is absent: seed tests skipped"))
    func searchingLukashenkoListsTheSeedPassageAtItsTimestamp() async throws {
        try await corpus.withServer { _, port in
            let url = "http://127.0.0.1:\(port)/search?q=Lukashenko"
            let dom = try await Browser.dom(url)
            let hits = dom.components(separatedBy: "<li class=\"hit\">").dropFirst()
            #expect(hits.contains { $0.contains("000_e1470ed089bcd8ad.txt") && $0.contains("00:55:12") })
            #expect(dom.contains("<mark>Lukashenko</mark>"))
            #expect(dom.contains("watch?v=") && dom.contains("&amp;t=3312s"), "the timestamp opens the video there")
            try await Browser.screenshot(url, name: "search-lukashenko")
        }
    }

    @Test(.enabled(if: TestCorpus.seedsPresent, "../shared/seeds is absent: seed tests skipped"))
    func putinsActorPageListsTheConfidantsHeTrusts() async throws {
        let trusted = Set(try corpus.store.relations(RelationFilter(source: "Vladimir Putin", type: .trust))
            .filter { $0.relation.modality != .negated }.map(\.relation.target))
        #expect(!trusted.isEmpty, "the seeds name Putin's trusted confidants")
        try await corpus.withServer { _, port in
            let url = "http://127.0.0.1:\(port)/actor?name=Vladimir%20Putin"
            let dom = try await Browser.dom(url)
            let circle = try #require(dom.components(separatedBy: "<section id=\"inner-circle\">").dropFirst().first?
                .components(separatedBy: "</section>").first)
            for name in trusted {
                #expect(circle.contains("data-name=\"\(name)\""), "\(name) is missing from the inner circle")
            }
            #expect(circle.contains("trusted by Vladimir Putin"))
            try await Browser.screenshot(url, name: "actor-putin")
        }
    }

    @Test(.enabled(if: TestCorpus.seedsPresent, "../shared/seeds is absent: seed tests skipped"))
    func theWholeNetworkDrawsRussiaAndBelarusJoinedWithNodeLinksToTheActors() async throws {
        try await corpus.withServer { _, port in
            let url = "http://127.0.0.1:\(port)/network"
            let dom = try await Browser.dom(url)
            #expect(dom.contains("data-graph-ready=\"true\""), "the script drew the graph")
            let joined = dom.contains("data-source=\"Russia\" data-target=\"Belarus\"") || dom.contains("data-source=\"Belarus\" data-target=\"Russia\"")
            #expect(joined, "an edge joins Russia and Belarus")
            let svg = try #require(dom.components(separatedBy: "<svg id=\"graph\"").dropFirst().first?.components(separatedBy: "</svg>").first)
            let node = try #require(svg.firstMatch(of: /<a href="([^"]+)" class="node [a-z]+" data-name="Belarus"[^>]*>/), "Belarus is a node link")
            let href = String(node.output.1).replacingOccurrences(of: "&amp;", with: "&")
            #expect(href == "/actor?name=Belarus")
            let actorPage = try await Browser.dom("http://127.0.0.1:\(port)\(href)")
            #expect(actorPage.contains("<h1>Belarus</h1>"), "clicking the node opens Belarus's actor page")
            try await Browser.screenshot(url, name: "network")
            try await Browser.screenshot("http://127.0.0.1:\(port)/pair?a=Russia&b=Belarus", name: "pair-russia-belarus")
        }
    }

    /// Putin's ego network, driven with real mouse events (`Scripts/cdp_network.py`): arrows on
    /// every edge, both legends, "A → B: TYPE ×N" titles, no overlapping label at the default
    /// zoom; dragging a node moves it and stays on the page; clicking a neighbour merges its
    /// ego network (more nodes); the node panel opens the actor page.
    @Test(.enabled(if: TestCorpus.seedsPresent, "../shared/seeds is absent: seed tests skipped"))
    func putinsEgoNetworkHasArrowsLegendsReadableLabelsAndExpandsOnClick() async throws {
        let script = TestCorpus.repository.appendingPathComponent("Tests/KremlinologyServerTests/Scripts/cdp_network.py").path
        let chromium = try #require(Browser.path, "chromium is needed for the click test")
        try FileManager.default.createDirectory(at: Browser.screenshots, withIntermediateDirectories: true)
        let shot = Browser.screenshots.appendingPathComponent("network-putin-expanded.png").path
        try await corpus.withServer { _, port in
            let url = "http://127.0.0.1:\(port)/network?actor=Vladimir%20Putin"
            let result = try await Shell.runAsync("/usr/bin/env", ["python3", script, chromium, url, shot])
            #expect(result.status == 0, "\(result.output)")
            let json = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any] ?? [:]
            let before = json["before"] as? [String: Any] ?? [:]
            #expect(before["centre"] as? String == "Vladimir Putin")
            let edges = before["edges"] as? Int ?? 0
            #expect(edges > 0 && before["arrowed"] as? Int == edges, "every edge carries an arrow marker: \(before)")
            #expect(Set(before["markers"] as? [String] ?? []) == ["arrow-pos", "arrow-neg", "arrow-mixed"])
            let titles = before["titles"] as? [String] ?? []
            #expect(!titles.isEmpty && titles.allSatisfy { $0.firstMatch(of: /^.+ → .+: [A-Z_]+ ×\d+/) != nil }, "\(titles)")
            let polarity = (before["polarityLegend"] as? [String] ?? []).joined(separator: " | ")
            #expect(polarity.contains("cooperation") && polarity.contains("conflict"), "\(polarity)")
            let kinds = (before["kindLegend"] as? [String] ?? []).joined(separator: " | ")
            for kind in ["state", "person", "organization", "group"] { #expect(kinds.contains(kind), "\(kind): \(kinds)") }
            #expect(before["overlaps"] as? Int == 0, "labels overlap at the default zoom: \(before)")
            #expect(before["visibleLabels"] as? Int ?? 0 > 0)
            let afterDrag = json["afterDrag"] as? [String: Any] ?? [:]
            #expect(afterDrag["path"] as? String == "/network", "dragging a node does not leave the page")
            #expect(afterDrag["moved"] as? Bool == true, "the dragged node moved")
            #expect(afterDrag["expanded"] as? Bool == false, "a drag is not a click")
            let expansion = try #require(json["expansion"] as? [String: Any], "no neighbour click added nodes: \(json)")
            #expect(expansion["after"] as? Int ?? 0 > expansion["before"] as? Int ?? 0)
            let clicked = expansion["clicked"] as? String ?? ""
            let download = expansion["download"] as? String ?? ""
            #expect(download.contains("actor=Vladimir+Putin") && download.contains("format=gexf"), "\(download)")
            #expect(download.contains("actor=" + (clicked.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? clicked)
                .replacingOccurrences(of: "%20", with: "+")), "the download follows the expansion: \(download)")
            let after = json["after"] as? [String: Any] ?? [:]
            #expect(after["overlaps"] as? Int == 0, "labels overlap after the expansion: \(after)")
            let actorPage = json["actorPage"] as? [String: Any] ?? [:]
            #expect(actorPage["heading"] as? String == clicked, "the node panel opens the actor page: \(actorPage)")
            try await Browser.screenshot(url, name: "network-putin")
        }
    }

    @Test func hostileDocumentTextNeverExecutes() async throws {
        let stored = try #require(try corpus.store.document(matching: "hostile-script.txt"))
        try await corpus.withServer { _, port in
            let pages = ["/documents/\(stored.document.id)", "/search?q=broker", "/search?q=%3Cscript%3E", "/documents",
                         "/search?q=%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E"]
            for page in pages {
                let dom = try await Browser.dom("http://127.0.0.1:\(port)\(page)")
                #expect(!dom.contains("data-xss=\""), "\(page): an injected script or handler ran")
                #expect(!dom.contains("<img src=\"x\""), "\(page): an injected element was parsed")
                #expect(dom.firstMatch(of: /<a\s[^<>]*href="javascript:/.ignoresCase()) == nil, "\(page): a javascript: link was made")
                #expect(!dom.contains("<script>alert"), "\(page)")
            }
            let document = try await Browser.dom("http://127.0.0.1:\(port)/documents/\(stored.document.id)")
            #expect(document.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the text is shown, escaped")
            #expect(document.contains("onerror=alert(1)&gt;"))
            #expect(document.contains("[link](javascript:alert(1))"))
            try await Browser.screenshot("http://127.0.0.1:\(port)/documents/\(stored.document.id)", name: "hostile-document")
        }
    }
}
