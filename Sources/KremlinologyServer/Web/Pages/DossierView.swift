import KremlinologyAnalysis
import KremlinologyModel

/// The actor page: profile, inner circle (trusted confidants with their quotes), relations
/// both ways by counterpart, instruments, outlets, strongest quotes and denied relations.
struct DossierView {
    let dossier: Dossier
    /// The `min_grade` the dossier was filtered by, if any.
    var minimumGrade: AdmiraltyGrade? = nil

    var page: HTML {
        let profile = dossier.profile
        let name = profile.name
        let wikidata = HTML.safeURL(profile.wikidataURL).map { HTML("<a href=\"\($0)\" rel=\"noopener noreferrer\">\(profile.wikidata)</a>") } ?? ""
        let sections = DossierLayout(dossier).sections.map { section -> HTML in
            let inner = section.content.isEmpty && section.emptyNote != nil
                ? HTML("<p class=\"muted\">\(section.emptyNote)</p>") : Self.render(section.content, actor: name)
            if case .balance = section.content { return inner }
            return "<section id=\"\(section.id)\"><h2>\(section.title)</h2>\(inner)</section>"
        }
        let body: HTML = """
            <h1>\(name)</h1>
            \(profile.reviewed ? "" : HTML("<p class=\"unreviewed\"><strong>Unreviewed</strong>: a name no pack knows, found acting in the text; its kind is a guess. Hide such actors with <code>reviewed=only</code>.</p>"))
            <p class="meta">\(profile.kind?.rawValue ?? "actor") \(profile.country.map { HTML("· \($0)") } ?? "") \(wikidata)\
             · <a href="\(Formatting.link("/timeline", [("actor", name)]))">timeline</a>\
             · <a class="ego-network" href="\(Formatting.link("/network", [("actor", name), ("rollup", dossier.rollUp == nil ? nil : "states")]))">network</a>\
            \(profile.kind == .state ? HTML(" · <a href=\"\(Formatting.link("/actor", [("name", name)] + (dossier.rollUp == nil ? [("rollup", "states")] : [])))\">\(dossier.rollUp == nil ? "with its people (roll-up)" : "without roll-up")</a>") : "")</p>
            \(AnalysisPages.rollUpNote(dossier.rollUp))\(Layout.minimumGradeNote(minimumGrade))
            \(minimumGrade == nil ? Layout.reliableOnlyNote(dossier.reliableSourcesOnly, path: "/actor",
                                                           [("name", name), ("rollup", dossier.rollUp == nil ? nil : "states")]) : "")
            \(profile.aliases.isEmpty ? "" : HTML("<p class=\"muted\">Also: \(profile.aliases.joined(separator: ", "))</p>"))
            \(sections)
            \(CurationForms.actorPanel(profile))
            """
        return Layout.page(name, scripts: ["curation.js"], body)
    }

    /// One section of ``DossierLayout`` as HTML.
    static func render(_ content: DossierLayout.Content, actor name: String) -> HTML {
        switch content {
        case .balance(let out, let into, let denied):
            return Layout.figures([("acts on others", "\(out.cooperative) + / \(out.conflictual) −"),
                                   ("acted on", "\(into.cooperative) + / \(into.conflictual) −"), ("denied", "\(denied)")])
        case .roles(let affiliations):
            let items = affiliations.map { a in
                HTML("<li>\(a.role), \(Layout.actorLink(a.organization))\(a.from.map { HTML(" from \($0)") } ?? "")\(a.until.map { HTML(" until \($0)") } ?? "")</li>")
            }
            return "<ul>\(items)</ul>"
        case .innerCircle(let members):
            let items = members.map { member in
                HTML("""
                    <li class="member" data-name="\(member.name)">\(Layout.actorLink(member.name)) <span class="tie">\(member.tie)</span>
                    <span class="count">\(member.sources) source\(member.sources == 1 ? "" : "s")</span>
                    \(member.citations.prefix(3).map(Layout.citation))</li>
                    """)
            }
            return "<ul class=\"circle\">\(items)</ul>"
        case .officials(let members):
            let items = members.map { HTML("<li data-name=\"\($0.name)\">\(Layout.actorLink($0.name)) <span class=\"tie\">\($0.tie)</span></li>") }
            return "<ul class=\"officials\">\(items)</ul>"
        case .relations(let groups, _):
            return Self.groups(groups, actor: name)
        case .instruments(let uses):
            let items = uses.map { use in
                HTML("<li><details><summary>\(use.instrument.rawValue) <span class=\"count\">×\(use.count)</span></summary>\(use.citations.prefix(3).map(Layout.citation))</details></li>")
            }
            return "<ul class=\"groups\">\(items)</ul>"
        case .strongestQuotes(let quotes):
            return "<ul class=\"relations\">\(quotes.map(Layout.relation))</ul>"
        case .outlets(let views):
            let rows = views.map { view in
                HTML("<tr><td>\(Layout.outletLink(view.outlet))</td><td class=\"num\">\(view.relations)</td><td class=\"num\">\(view.balance.cooperative)</td><td class=\"num\">\(view.balance.conflictual)</td></tr>")
            }
            return "<table class=\"list\"><thead><tr><th>Outlet</th><th>Relations</th><th>+</th><th>−</th></tr></thead><tbody>\(rows)</tbody></table>"
        case .denied(let denied):
            return "<ul class=\"relations denied\">\(denied.map(Layout.relation))</ul>"
        case .ties(let ties):
            let items = ties.prefix(50).map { t in
                HTML("<li class=\"tie\" data-type=\"\(t.type.rawValue)\">\(Layout.actorLink(t.holder)) <span class=\"tie\">\(t.type.rawValue)</span> \(Layout.actorLink(t.principal))\(Layout.citation(t.citation))</li>")
            }
            return "<ul class=\"ties\">\(items)</ul>"
        }
    }

    static func groups(_ groups: [CounterpartGroup], actor: String) -> HTML {
        guard !groups.isEmpty else { return "<p class=\"muted\">None found.</p>" }
        let items = groups.map { group in
            HTML("""
                <li><details><summary>\(Layout.typeBadge(group.type)) \(Layout.actorLink(group.counterpart)) \
                <span class="count" title="claims, each counted once per source">×\(group.count)</span> \
                <span class="muted">\(group.evidence.summary)</span> \(Layout.pairLink(actor, group.counterpart, label: "pair"))</summary>
                \(group.citations.prefix(3).map(Layout.citation))\
                \(group.citations.count > 3 ? HTML("<p class=\"more\">\(Layout.pairLink(actor, group.counterpart, label: "all \(group.citations.count) quotes on the pair page →"))</p>") : "")</details></li>
                """)
        }
        return "<ul class=\"groups\">\(items)</ul>"
    }
}
