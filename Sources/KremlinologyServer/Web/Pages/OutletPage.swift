import KremlinologyAnalysis
import KremlinologyModel

/// The outlet page: the ``OutletProfile`` that Analysis computes, laid out as HTML.
struct OutletPage {
    let profile: OutletProfile

    var page: HTML {
        let outlet = profile.outlet
        let types = profile.types.map { HTML("<li>\($0.type.rawValue) \($0.count)</li>") }
        let pairs = profile.pairs.map {
            HTML("<li>\(Layout.pairLink($0.source, $0.target, label: "\($0.source) → \($0.target)")) <span class=\"count\">\($0.count)</span></li>")
        }
        let quotes = profile.relations.map(StoredRelationView.init).map(Layout.relation)
        let told = profile.moreThanRead ? "\(profile.relationsTold)+" : "\(profile.relationsTold)"
        let body: HTML = """
            <h1>Outlet: \(outlet)</h1>
            \(Layout.figures([("documents", "\(profile.documents)"), ("relations told", told)]
                              + (profile.grade.map { g in [("type", g.type?.rawValue ?? "unknown"),
                                                           ("reliability", "\(g.reliability.rawValue): \(g.reliability.meaning)"),
                                                           ("graded by", g.origin == .analyst ? "analyst" + (g.gradedBy.map { " \($0)" } ?? "")
                                                                                             : g.origin.rawValue)] } ?? [])))
            \(profile.grade?.note.map { HTML("<p class=\"muted\">\($0)</p>") } ?? "")
            <p><a href="\(Formatting.link("/network", [("outlet", outlet)]))">Network as told by \(outlet) →</a></p>
            <div class="columns"><section><h2>Relations by type</h2><ul class="tags">\(types)</ul></section>
            <section><h2>Most told pairs</h2><ul>\(pairs)</ul></section></div>
            <h2>Relations, with quotes</h2><ul class="relations">\(quotes)</ul>
            """
        return Layout.page("Outlet \(outlet)", body)
    }
}
