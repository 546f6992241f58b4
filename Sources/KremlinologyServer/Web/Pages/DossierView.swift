import KremlinologyAnalysis
import KremlinologyModel

/// The actor page: profile, inner circle (trusted confidants with their quotes), relations
/// both ways by counterpart, instruments, outlets, strongest quotes and denied relations.
struct DossierView {
    let dossier: Dossier

    var page: HTML {
        let profile = dossier.profile
        let name = profile.name
        let wikidata = HTML.safeURL(profile.wikidataURL).map { HTML("<a href=\"\($0)\" rel=\"noopener noreferrer\">\(profile.wikidata)</a>") } ?? ""
        let affiliations = profile.affiliations.map { a in
            HTML("<li>\(a.role), \(Layout.actorLink(a.organization))\(a.from.map { HTML(" from \($0)") } ?? "")\(a.until.map { HTML(" until \($0)") } ?? "")</li>")
        }
        let circle = dossier.innerCircle.map { member in
            HTML("""
                <li class="member" data-name="\(member.name)">\(Layout.actorLink(member.name)) <span class="tie">\(member.tie)</span>
                \(member.citations.prefix(3).map(Layout.citation))</li>
                """)
        }
        let body: HTML = """
            <h1>\(name)</h1>
            <p class="meta">\(profile.kind?.rawValue ?? "actor") \(profile.country.map { HTML("· \($0)") } ?? "") \(wikidata)\
             · <a href="\(Formatting.link("/timeline", [("actor", name)]))">timeline</a>\
             · <a href="\(Formatting.link("/network", [("limit", "60")]))">network</a></p>
            \(profile.aliases.isEmpty ? "" : HTML("<p class=\"muted\">Also: \(profile.aliases.joined(separator: ", "))</p>"))
            \(Layout.figures([("acts on others", "\(dossier.balanceOut.cooperative) + / \(dossier.balanceOut.conflictual) −"),
                              ("acted on", "\(dossier.balanceIn.cooperative) + / \(dossier.balanceIn.conflictual) −"),
                              ("denied", "\(dossier.denied.count)")]))
            \(affiliations.isEmpty ? "" : HTML("<h2>Roles</h2><ul>\(affiliations)</ul>"))
            <section id="inner-circle"><h2>Inner circle</h2>
            \(circle.isEmpty ? HTML("<p class=\"muted\">No trusted confidant or colleague found.</p>") : HTML("<ul class=\"circle\">\(circle)</ul>"))</section>
            <div class="columns">
              <section><h2>\(name) acts on</h2>\(Self.groups(dossier.relationsOut, actor: name))</section>
              <section><h2>Acts on \(name)</h2>\(Self.groups(dossier.relationsIn, actor: name))</section>
            </div>
            \(instruments)
            \(outlets)
            <h2>Strongest quotes</h2><ul class="relations">\(dossier.strongestQuotes.map(Layout.relation))</ul>
            \(dossier.denied.isEmpty ? "" : HTML("<h2>Denied or ruled out (never counted)</h2><ul class=\"relations denied\">\(dossier.denied.map(Layout.relation))</ul>"))
            """
        return Layout.page(name, body)
    }

    static func groups(_ groups: [CounterpartGroup], actor: String) -> HTML {
        guard !groups.isEmpty else { return "<p class=\"muted\">None found.</p>" }
        let items = groups.map { group in
            HTML("""
                <li><details><summary>\(Layout.typeBadge(group.type)) \(Layout.actorLink(group.counterpart)) \
                <span class="count">×\(group.count)</span> \(Layout.pairLink(actor, group.counterpart, label: "pair"))</summary>
                \(group.citations.prefix(3).map(Layout.citation))\
                \(group.citations.count > 3 ? HTML("<p class=\"more\">\(Layout.pairLink(actor, group.counterpart, label: "all \(group.citations.count) quotes on the pair page →"))</p>") : "")</details></li>
                """)
        }
        return "<ul class=\"groups\">\(items)</ul>"
    }

    var instruments: HTML {
        guard !dossier.instruments.isEmpty else { return "" }
        let items = dossier.instruments.map { use in
            HTML("<li><details><summary>\(use.instrument.rawValue) <span class=\"count\">×\(use.count)</span></summary>\(use.citations.prefix(3).map(Layout.citation))</details></li>")
        }
        return "<h2>Instruments</h2><ul class=\"groups\">\(items)</ul>"
    }

    var outlets: HTML {
        guard !dossier.outlets.isEmpty else { return "" }
        let rows = dossier.outlets.map { view in
            HTML("<tr><td>\(Layout.outletLink(view.outlet))</td><td class=\"num\">\(view.relations)</td><td class=\"num\">\(view.balance.cooperative)</td><td class=\"num\">\(view.balance.conflictual)</td></tr>")
        }
        return "<h2>Told by</h2><table class=\"list\"><thead><tr><th>Outlet</th><th>Relations</th><th>+</th><th>−</th></tr></thead><tbody>\(rows)</tbody></table>"
    }
}
