import KremlinologyModel

/// The network page: filters, the legends, the SVG the script draws into, the data, what the
/// communities and the balance figure mean, downloads of the view, and a plain list of nodes
/// (links to actor pages) for readers without JavaScript. Without an actor, the whole network
/// is drawn only when the filters leave at most ``wholeGraphLimit`` actors.
struct NetworkPageView {
    let filters: NetworkQuery
    let view: NetworkView
    let outlets: [String]

    /// Most actors of a whole (not ego) network the page offers to draw.
    static let wholeGraphLimit = 300

    /// Whether the page draws: an ego network always, the whole network when small enough.
    var draws: Bool { !filters.actors.isEmpty || view.totalNodes <= Self.wholeGraphLimit }

    var page: HTML {
        let title = view.actors.first.map { "Network of \($0)" } ?? "Network"
        let body: HTML = """
            <h1>\(title)\(view.actors.count > 1 ? HTML(" <span class=\"muted\">and \(view.actors.count - 1) more</span>") : "")</h1>
            \(form)
            \(draws ? graph : narrowing)
            """
        return Layout.page(title, scripts: ["network-layout.js", "network.js"], body)
    }

    private var form: HTML {
        let polarity = filters.polarity
        let outletOptions = outlets.map { outlet in
            HTML("<option value=\"\(outlet)\"\(filters.outlets.contains(outlet) ? HTML(" selected") : "")>\(outlet)</option>")
        }
        let more = filters.actors.dropFirst().map { HTML("<input type=\"hidden\" name=\"actor\" value=\"\($0)\">") }
        return """
            <form id="network-filters" class="filters" action="/network" method="get">
              <label>Actor <input name="actor" value="\(filters.actors.first)" placeholder="whole network" size="18"></label>\
            <span id="expanded-actors">\(more)</span>
              <label>Type <select name="type"><option value="">any</option>\(AnalysisPages.typeOptions(selected: filters.types))</select></label>
              <label>Polarity <select name="polarity"><option value="">any</option>\
            <option value="positive"\(polarity == 1 ? HTML(" selected") : "")>cooperation</option>\
            <option value="negative"\(polarity == -1 ? HTML(" selected") : "")>conflict</option></select></label>
              <label>Outlet <select name="outlet"><option value="">any</option>\(outletOptions)</select></label>
              <label>From <input id="date-from" name="from" value="\(filters.from)" placeholder="2014" size="10"></label>
              <label>To <input id="date-to" name="to" value="\(filters.to)" placeholder="2024-12" size="10"></label>
            \(yearSliders)
              <label>Sources ≥ <input id="min-sources" name="min_sources" type="range" min="1" max="\(max(10, filters.minSources))" value="\(filters.minSources)">\
             <output id="min-sources-value" for="min-sources">\(filters.minSources)</output></label>
              \(AnalysisPages.gradeField(filters.minimumGrade))
              <label>Nodes <input name="limit" type="number" min="1" max="\(Paging.maximumLimit)" value="\(filters.limit)"></label>
              <label><input type="checkbox" name="rollup" value="states"\(filters.rollUp ? HTML(" checked") : "")> people → states</label>
              <label title="Names no pack knows, found acting in the text (dashed outline)"><input type="checkbox" name="reviewed" value="only"\(filters.reviewedOnly ? HTML(" checked") : "")> hide unreviewed</label>
              <button type="submit">Apply</button>
            </form>
            """
    }

    /// Two sliders over the years the claims are dated in, which set From and To (a slider at
    /// its end sets no bound, so undated claims stay in); unnamed, so only From and To are sent.
    private var yearSliders: HTML {
        guard let first = view.firstYear, let last = view.lastYear, first < last else { return "" }
        let from = filters.from.flatMap { Int($0.prefix(4)) }.map { min(max($0, first), last) } ?? first
        let to = filters.to.flatMap { Int($0.prefix(4)) }.map { min(max($0, first), last) } ?? last
        return """
              <label>Years <span class="year-sliders"><input id="year-from" type="range" min="\(first)" max="\(last)" value="\(from)" \
            aria-label="from year"><input id="year-to" type="range" min="\(first)" max="\(last)" value="\(to)" aria-label="to year"></span>\
             <output id="years-value">\(from == first ? "any" : String(from))–\(to == last ? "any" : String(to))</output></label>
            """
    }

    /// The graph, its legends, the explanation of its figures and the downloads.
    private var graph: HTML {
        let list = view.nodes.map { node in
            HTML("<li>\(Layout.actorLink(node.name)) <a class=\"ego\" href=\"\(egoLink(node.name))\">network</a> <span class=\"count\">\(node.weight)</span></li>")
        }
        let empty = view.nodes.isEmpty
            ? HTML("<p class=\"notice\">\(view.actors.isEmpty ? "No tie" : "No tie of " + view.actors.joined(separator: ", ")) passes these filters.</p>")
            : ""
        return """
            <p class="muted" id="network-summary">\(view.nodes.count) of \(view.totalNodes) actors, \(view.edges.count) of \(view.totalEdges) ties\
            \(view.minSources > 1 ? HTML(", each made by at least \(view.minSources) independent sources") : ""). \
            An arrow points from the actor who acts (or speaks) to the one it concerns. Drag to pan, wheel to zoom, drag a node to \
            move it; click a node to add its own ties and open its panel, click a tie for its quotes.</p>
            \(empty)
            \(Self.legend)
            <div class="graph-frame"><svg id="graph" role="img" aria-label="\(view.actors.isEmpty ? "Network of actors" : "Ego network of " + view.actors.joined(separator: ", "))" \
            viewBox="0 0 1000 640"></svg>
            <div id="edge-info" class="edge-info" hidden></div></div>
            <p class="downloads">Download this view: <a id="download-gexf" href="\(downloadLink("gexf"))" download="network.gexf">GEXF</a> (Gephi) · \
            <a id="download-graphml" href="\(downloadLink("graphml"))" download="network.graphml">GraphML</a> \
            <span class="muted">(the actors and ties drawn, with the filters above and the actors expanded)</span></p>
            \(explanation)
            <script type="application/json" id="network-data">\(HTML(trusted: Responses.jsonForHTML(view)))</script>
            <h2>Actors in view</h2><ul id="node-list" class="tags">\(list)</ul>
            """
    }

    /// When the whole network is too large to read: how to narrow it, and where to start.
    private var narrowing: HTML {
        let starts = view.nodes.prefix(12).map { HTML("<li><a href=\"\(egoLink($0.name))\">\($0.name)</a></li>") }
        return """
            <p class="notice" id="network-too-large">These filters leave \(view.totalNodes) actors, more than the \(Self.wholeGraphLimit) \
            the page draws at once (a graph that large cannot be read). Start from one actor (type a name above, or pick one \
            below), or narrow the whole network: choose a type, a polarity, an outlet, a date range, or more sources.</p>
            <h2>Start from one of the most connected actors</h2><ul id="ego-starts" class="tags">\(starts)</ul>
            """
    }

    static var legend: HTML {
        let kinds = (ActorKind.allCases.map(\.rawValue) + ["unknown"]).map { kind in
            HTML("<li><svg class=\"key\" viewBox=\"0 0 12 12\"><circle class=\"node-key \(kind)\" cx=\"6\" cy=\"6\" r=\"5\"/></svg> \(kind == "unknown" ? "other" : kind as String)</li>")
        }
        let polarities: [(String, String)] = [("pos", "cooperation (claims sum above zero)"), ("neg", "conflict (below zero)"),
                                              ("mixed", "balanced (zero)")]
        let ties = polarities.map { cls, label in
            HTML("<li><svg class=\"key\" viewBox=\"0 0 28 12\"><line class=\"edge-key \(cls)\" x1=\"1\" y1=\"6\" x2=\"27\" y2=\"6\"/></svg> \(label)</li>")
        }
        return """
            <div class="network-legend" id="network-legend">
            <ul class="legend" id="legend-polarity"><li><strong>Ties</strong> (width: claims)</li>\(ties)</ul>
            <ul class="legend" id="legend-kinds"><li><strong>Actors</strong> (size: claims)</li>\(kinds)\
            <li><svg class="key" viewBox="0 0 12 12"><circle class="node-key unreviewed" cx="6" cy="6" r="5"/></svg> unreviewed (no pack knows it)</li></ul>
            </div>
            """
    }

    private var explanation: HTML {
        let balance = view.balance
        let figure: HTML = balance.triangles == 0
            ? "no triangle of signed ties"
            : "\(balance.balanced) of \(balance.triangles) triangles balanced (\(Int(((balance.balancedShare ?? 0) * 100).rounded())) %)"
        var groups: [Int: [String]] = [:]
        for node in view.nodes { groups[node.community, default: []].append(node.name) }
        let communities = groups.keys.sorted().prefix(12).map { key in
            HTML("<li>\(groups[key, default: []].prefix(8).joined(separator: ", "))\(groups[key, default: []].count > 8 ? HTML(" …") : "")</li>")
        }
        return """
            <section id="network-explained"><h2>Communities and balance</h2>
            <p><strong id="metric-communities">\(view.communities) \(view.communities == 1 ? "community" : "communities" as String)</strong> among the \
            actors drawn. Each actor joins the community it has the most claims with (weighted label propagation over the ties \
            drawn, both directions), so actors who deal with each other more than with the rest share one. A claim is one \
            source stating one relation, counted once however many notes repeat it, after the roll-up when it is on; denied \
            claims and names that are not actors are left out.</p>
            <ol id="community-list" class="communities">\(communities)</ol>
            <p><strong id="metric-balance">\(figure)</strong>, over \(balance.signedTies) signed ties. A tie's sign is that of \
            the sum of its claims both ways (ties summing to zero are left out); a triangle of three actors is balanced when \
            the product of its signs is positive: the friend of a friend is a friend, the enemy of an enemy is a friend.</p>
            </section>
            """
    }

    private func egoLink(_ name: String) -> String {
        Formatting.link("/network", [("actor", name)] + filters.parameters.filter { $0.0 != "actor" })
    }

    private func downloadLink(_ format: String) -> String {
        Formatting.link("/api/v1/network", filters.parameters + [("format", format)])
    }
}
