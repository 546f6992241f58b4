import KremlinologyAnalysis
import KremlinologyModel

/// The page frame and the small pieces of markup every page shares.
enum Layout {
    /// A whole page: header with navigation and search, the content, the footer.
    static func page(_ title: String, query: String? = nil, scripts: [String] = [], _ content: HTML) -> HTML {
        let scriptTags = scripts.map { HTML("<script src=\"/static/\($0)\" defer></script>") }
        return """
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title) · Kremlinology</title>
            <link rel="stylesheet" href="/static/app.css">
            \(scriptTags)
            </head>
            <body>
            <header class="site">
              <a class="brand" href="/">Kremlinology</a>
              <nav>
                <a href="/actors">Actors</a><a href="/network">Network</a><a href="/timeline">Timeline</a>
                <a href="/documents">Documents</a><a href="/outlets">Outlets</a><a href="/curation">Curation</a><a href="/upload">Upload</a>
                <a href="/api/v1/openapi.yaml">API</a>
              </nav>
              <form class="search" action="/search" method="get" role="search">
                <input type="search" name="q" value="\(query)" placeholder="Search the corpus" aria-label="Search">
              </form>
            </header>
            <main>
            \(content)
            </main>
            <footer>Every fact links to its quote. Kremlinology records who said what, where; it does not assert what is true.</footer>
            </body>
            </html>
            """
    }

    /// The page shown for an error status.
    static func errorPage(status: Int, message: String, candidates: [String] = []) -> HTML {
        let choices: HTML = candidates.isEmpty ? "" : "<p>Did you mean:</p><ul>\(candidates.map { "<li>\($0)</li>" as HTML })</ul>"
        return page("Error \(status)",
                    "<h1>Error \(status)</h1><p class=\"error\">\(message)</p>\(choices)<p><a href=\"/\">Back to the start page</a></p>")
    }

    // MARK: Links

    static func actorLink(_ name: String) -> HTML {
        "<a class=\"actor\" href=\"\(Formatting.link("/actor", [("name", name)]))\">\(name)</a>"
    }

    static func pairLink(_ a: String, _ b: String, label: String? = nil) -> HTML {
        "<a href=\"\(Formatting.link("/pair", [("a", a), ("b", b)]))\">\(label ?? "\(a) ↔ \(b)")</a>"
    }

    static func outletLink(_ outlet: String?) -> HTML {
        guard let outlet else { return "" }
        return "<a class=\"outlet\" href=\"\(Formatting.link("/outlet", [("name", outlet)]))\">\(outlet)</a>"
    }

    /// Where a relation's evidence stands in its document page.
    static func evidenceHref(documentID: String, relationID: Int64) -> String {
        // A tie's citation (relation id 0) opens the document itself.
        "/documents/\(Formatting.queryValue(documentID))" + (relationID > 0 ? "#r\(relationID)" : "")
    }

    static func typeBadge(_ type: RelationType) -> HTML {
        "<span class=\"type \(type.polarity > 0 ? "pos" : "neg")\">\(type.rawValue)</span>"
    }

    static func modalityBadge(_ modality: Modality) -> HTML {
        modality == .asserted ? "" : "<span class=\"modality \(modality.rawValue)\">\(modality.rawValue)</span>"
    }

    /// The locator label, linked to the source at that place (the video at its timestamp).
    static func locatorLink(label: String, url: String?) -> HTML {
        guard !label.isEmpty || url != nil else { return "" }
        if let url = HTML.safeURL(url) {
            return "<a class=\"locator\" href=\"\(url)\" rel=\"noopener noreferrer\" target=\"_blank\">▶ \(label.isEmpty ? "source" : label)</a>"
        }
        return "<span class=\"locator\">\(label)</span>"
    }

    /// One quote with where it comes from; the quote opens the document at the evidence.
    static func citation(_ citation: Citation) -> HTML {
        let confirmed: HTML = citation.confirmed ? " <span class=\"confirmed\" title=\"an analyst judged this fact right\">✓ confirmed</span>" : ""
        return """
        <blockquote class="citation"><a class="quote" href="\(evidenceHref(documentID: citation.documentID, relationID: citation.relationID))">“\(citation.quote)”</a>
        <cite>\(gradeBadge(citation.grade)) \(modalityBadge(citation.modality)) \(outletLink(citation.outlet)) · \(citation.document) \(locatorLink(label: citation.locator, url: citation.link))\(confirmed)</cite>\
        \(citation.relationID > 0 ? CurationForms.judge(relationID: citation.relationID, documentID: citation.documentID) : "")</blockquote>
        """
    }

    /// A relation as a sentence with its citation.
    static func relation(_ cited: CitedRelation) -> HTML {
        """
        <li class="relation">\(actorLink(cited.source)) \(typeBadge(cited.type)) \(actorLink(cited.target))\
        \(cited.when.date.map { HTML(" <span class=\"when\">\($0)</span>") } ?? "")
        \(citation(cited.citation))</li>
        """
    }

    /// A stored relation as a sentence with its quote.
    static func relation(_ stored: StoredRelationView) -> HTML { relation(stored.cited) }

    /// A definition list of figures.
    static func figures(_ items: [(String, String)]) -> HTML {
        "<dl class=\"figures\">\(items.map { HTML("<div><dt>\($0.0)</dt><dd>\($0.1)</dd></div>") })</dl>"
    }

    /// Previous/next links for a listing.
    static func pager(_ path: String, _ query: [(String, String?)], paging: Paging, count: Int) -> HTML {
        var links: [HTML] = []
        if paging.offset > 0 {
            let previous = query + [("offset", String(max(0, paging.offset - paging.limit))), ("limit", String(paging.limit))]
            links.append("<a rel=\"prev\" href=\"\(Formatting.link(path, previous))\">← previous</a>")
        }
        if count == paging.limit {
            let next = query + [("offset", String(paging.offset + paging.limit)), ("limit", String(paging.limit))]
            links.append("<a rel=\"next\" href=\"\(Formatting.link(path, next))\">next →</a>")
        }
        return links.isEmpty ? "" : "<nav class=\"pager\">\(links)</nav>"
    }
}

import KremlinologyStore

/// A stored relation seen as the analysis cites it.
struct StoredRelationView {
    var cited: CitedRelation
    init(_ stored: StoredRelation) { cited = CitedRelation(stored) }
}
