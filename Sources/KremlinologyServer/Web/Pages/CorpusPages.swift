import Hummingbird
import KremlinologyModel
import KremlinologyStore

/// Pages over the store: home, search, documents, actors, one outlet (the listing: ``OutletsPages``).
struct CorpusPages {
    let corpus: Corpus

    func addRoutes(to router: Router<ServerContext>) {
        router.get("/", use: home)
        router.get("search", use: search)
        router.get("documents", use: documents)
        router.get("documents/{id}", use: document)
        router.get("actors", use: actors)
        router.get("outlet", use: outlet)
    }

    @Sendable func home(_ request: Request, context: ServerContext) async throws -> Response {
        let (stats, top) = try await corpus.read { corpus in
            (try corpus.stats(), try corpus.actors(kind: nil, limit: 24))
        }
        let kinds = stats.documentsByKind.sorted { $0.key < $1.key }.map { HTML("<li>\($0.key): \($0.value)</li>") }
        let types = stats.claimsByType.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
            .map { HTML("<li><a href=\"\(Formatting.link("/timeline", [("type", $0.key)]))\">\($0.key)</a> \($0.value)</li>") }
        let outlets = stats.outlets.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(20)
            .map { HTML("<li>\(Layout.outletLink($0.key)) \($0.value)</li>") }
        let actors = top.map { HTML("<li>\(Layout.actorLink($0.actor.name)) <span class=\"count\">\($0.mentions)</span></li>") }
        let body: HTML = """
            <section class="hero">
              <h1>The corpus</h1>
              \(Layout.figures([("documents", "\(stats.documents)"), ("sources", "\(stats.sources)"), ("actors", "\(stats.actors)"),
                                ("claims", "\(stats.claims)"), ("text", "\(stats.textBytes / 1000) kB")]))
              <p class="muted">A claim is one source's statement of a relation between two actors, counted once however many
              notes of a video repeat it; denied relations are not counted. \(stats.relations) relations are stored.</p>
              <form class="big-search" action="/search" method="get" role="search">
                <input type="search" name="q" placeholder="Lukashenko, hybrid warfare, &quot;gas transit&quot;…" aria-label="Search the corpus" autofocus>
                <button type="submit">Search</button>
              </form>
            </section>
            <div class="columns">
              <section><h2>Most mentioned actors</h2><ul class="tags">\(actors)</ul>
                <p><a href="/network">Open the network →</a></p></section>
              <section><h2>Claims by type</h2><ul class="tags">\(types)</ul></section>
              <section><h2>Outlets</h2><ul class="tags">\(outlets)</ul><h2>Documents by kind</h2><ul class="tags">\(kinds)</ul></section>
            </div>
            """
        return Responses.html(Layout.page("Home", body))
    }

    @Sendable func search(_ request: Request, context: ServerContext) async throws -> Response {
        let query = QueryParameters(request.uri.query)
        let paging = try Paging(query, defaultLimit: 20)
        guard let text = query.string("q") else {
            return Responses.html(Layout.page("Search", "<h1>Search</h1><p>Type words to find, or \"a phrase\" in double quotes.</p>"))
        }
        let outlet = query.string("outlet")
        _ = try FTSQuery.terms(from: text)  // over the caps: a 400 without waiting for a read thread
        let results = try await corpus.read { corpus in
            try corpus.store.searchResults(SearchQuery(text: text, limit: paging.limit, offset: paging.offset, outlet: outlet))
        }
        let hits = results.hits
        let items = hits.map { hit -> HTML in
            let href = "/documents/\(Formatting.queryValue(hit.documentID))#p\(hit.passageIndex)"
            let meta: [HTML] = ["<a href=\"\(href)\">\(hit.title ?? hit.fileName)</a>", Layout.outletLink(hit.outlet),
                                hit.section.map { "\($0)" } ?? "", "\(hit.fileName) \(Layout.locatorLink(label: hit.locator.label, url: hit.locator.url))"]
            return """
                <li class="hit"><p class="snippet">\(Self.highlighted(hit.snippet))</p>
                <p class="meta">\(HTML.join(meta.filter { !$0.rendered.isEmpty }, separator: " · "))</p></li>
                """
        }
        let body: HTML = """
            <h1>Search: \(text)</h1>
            <p class="muted">\(hits.isEmpty ? "No passage matches." : "Passages \(paging.offset + 1)–\(paging.offset + hits.count) of \(results.total.description), best first.")</p>
            <ol class="hits" start="\(paging.offset + 1)">\(items)</ol>
            \(Layout.pager("/search", [("q", text), ("outlet", outlet)], paging: paging, count: hits.count))
            """
        return Responses.html(Layout.page("Search: \(text)", query: text, body))
    }

    /// A snippet whose matched terms stand between `[` and `]`, with those terms in `<mark>`.
    static func highlighted(_ snippet: String) -> HTML {
        var parts: [HTML] = []
        var rest = Substring(snippet)
        while let open = rest.firstIndex(of: "["), let close = rest[open...].firstIndex(of: "]") {
            parts.append("\(String(rest[..<open]))<mark>\(String(rest[rest.index(after: open)..<close]))</mark>")
            rest = rest[rest.index(after: close)...]
        }
        parts.append("\(String(rest))")
        return HTML.join(parts)
    }

    @Sendable func documents(_ request: Request, context: ServerContext) async throws -> Response {
        let paging = try Paging(QueryParameters(request.uri.query), defaultLimit: 50)
        let documents = try await corpus.read { try $0.store.documents(limit: paging.limit, offset: paging.offset) }
        let rows = documents.map { stored -> HTML in
            let doc = stored.document
            return """
                <tr><td><a href="/documents/\(Formatting.queryValue(doc.id))">\(doc.title ?? doc.fileName)</a><br><span class="muted">\(doc.fileName)</span></td>
                <td>\(doc.kind.rawValue)</td><td>\(Layout.outletLink(doc.outlet))</td><td>\(doc.published)</td>
                <td class="num">\(stored.passageCount)</td><td class="num">\(stored.relationCount)</td></tr>
                """
        }
        let body: HTML = """
            <h1>Documents</h1>
            <table class="list"><thead><tr><th>Title</th><th>Kind</th><th>Outlet</th><th>Published</th><th>Passages</th><th>Relations</th></tr></thead>
            <tbody>\(rows)</tbody></table>
            \(Layout.pager("/documents", [], paging: paging, count: documents.count))
            """
        return Responses.html(Layout.page("Documents", body))
    }

    @Sendable func document(_ request: Request, context: ServerContext) async throws -> Response {
        let key = try context.parameters.require("id")
        let detail = try await corpus.read { corpus in
            try DocumentDetail.load(key, from: corpus.store, paging: Paging(limit: 5000, offset: 0))
        }
        return Responses.html(DocumentView(detail: detail).page)
    }

    @Sendable func actors(_ request: Request, context: ServerContext) async throws -> Response {
        let query = QueryParameters(request.uri.query)
        let paging = try Paging(query, defaultLimit: 100)
        let kind = try query.choice("kind", as: ActorKind.self)
        let all = try await corpus.read { try $0.actors(kind: kind, limit: paging.offset + paging.limit) }
        let rows = paging.slice(all).map { summary in
            HTML("""
                <tr\(summary.actor.reviewed ? "" : HTML(" class=\"unreviewed\" title=\"unreviewed: a name no pack knows; its kind is a guess\""))>\
                <td>\(Layout.actorLink(summary.actor.name))</td><td>\(summary.actor.kind.rawValue)\(summary.actor.reviewed ? "" : " (unreviewed)")</td>\
                <td class="num">\(summary.mentions)</td><td class="num">\(summary.documents.count)</td>\
                <td class="num">\(summary.relationsOut)</td><td class="num">\(summary.relationsIn)</td></tr>
                """)
        }
        let kinds = ActorKind.allCases.map { HTML("<a href=\"\(Formatting.link("/actors", [("kind", $0.rawValue)]))\">\($0.rawValue)</a>") }
        let body: HTML = """
            <h1>Actors\(kind.map { HTML(": \($0.rawValue)") } ?? "")</h1>
            <p class="filters"><a href="/actors">all</a> \(HTML.join(kinds, separator: " "))</p>
            <table class="list"><thead><tr><th>Actor</th><th>Kind</th><th>Mentions</th><th>Documents</th><th>Acts on</th><th>Acted on by</th></tr></thead>
            <tbody>\(rows)</tbody></table>
            \(Layout.pager("/actors", [("kind", kind?.rawValue)], paging: paging, count: min(paging.limit, max(0, all.count - paging.offset))))
            """
        return Responses.html(Layout.page("Actors", body))
    }

    @Sendable func outlet(_ request: Request, context: ServerContext) async throws -> Response {
        let name = try QueryParameters(request.uri.query).required("name")
        let profile = try await corpus.read { corpus in try corpus.memo("outlet|" + name.lowercased()) { try corpus.analyzer.outlet(name) } }
        return Responses.html(OutletPage(profile: profile).page)
    }
}
