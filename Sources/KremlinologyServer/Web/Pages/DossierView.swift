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
                \(group.citations.map(Layout.citation))</details></li>
                """)
        }
        return "<ul class=\"groups\">\(items)</ul>"
    }

    var instruments: HTML {
        guard !dossier.instruments.isEmpty else { return "" }
        let items = dossier.instruments.map { use in
            HTML("<li><details><summary>\(use.instrument.rawValue) <span class=\"count\">×\(use.count)</span></summary>\(use.citations.map(Layout.citation))</details></li>")
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

/// The pair page: both directions, the cooperation–conflict chart per period (inline SVG),
/// instruments, outlets, contradictions and every relation with its quote.
struct BriefView {
    let brief: Brief

    var page: HTML {
        let (a, b) = (brief.actorA, brief.actorB)
        let contradictions = brief.contradictions.map { c in
            HTML("<li><strong>\(c.kind.rawValue)</strong> in \(c.period)<ul class=\"relations\">\(Layout.relation(c.first))\(Layout.relation(c.second))</ul></li>")
        }
        let body: HTML = """
            <h1>\(Layout.actorLink(a)) ↔ \(Layout.actorLink(b))</h1>
            \(Layout.figures([("\(a) → \(b)", "\(brief.balanceAToB.cooperative) + / \(brief.balanceAToB.conflictual) −"),
                              ("\(b) → \(a)", "\(brief.balanceBToA.cooperative) + / \(brief.balanceBToA.conflictual) −"),
                              ("relations", "\(brief.relations.count)")]))
            <h2>Cooperation and conflict over time</h2>
            \(ScoreChart(periods: brief.periods).svg)
            \(brief.instruments.isEmpty ? "" : HTML("<h2>Instruments</h2><ul class=\"tags\">\(brief.instruments.map { HTML("<li>\($0.instrument.rawValue) ×\($0.count)</li>") })</ul>"))
            \(contradictions.isEmpty ? "" : HTML("<h2>Contradictions</h2><ul>\(contradictions)</ul>"))
            <h2>Every relation</h2><ul class="relations">\(brief.relations.map(Layout.relation))</ul>
            <p><a href="\(Formatting.link("/pair", [("a", b), ("b", a)]))">Swap the two actors</a></p>
            """
        return Layout.page("\(a) and \(b)", body)
    }
}

/// A bar chart of cooperation (up, green) and conflict (down, red) per period, with the net
/// score as a line; drawn on the server as SVG, no script.
struct ScoreChart {
    let periods: [Brief.PeriodScore]

    var svg: HTML {
        guard !periods.isEmpty else { return "<p class=\"muted\">No dated relation to chart.</p>" }
        let width = 760.0, height = 260.0, left = 40.0, top = 16.0, bottom = 36.0
        let plotHeight = height - top - bottom
        let extent = max(1, periods.map { max($0.cooperation, -$0.conflict) }.max() ?? 1)
        let band = (width - left - 10) / Double(periods.count)
        let zero = top + plotHeight / 2
        func y(_ value: Double) -> Double { zero - value / extent * (plotHeight / 2) }
        var parts: [HTML] = []
        var line: [String] = []
        for (i, period) in periods.enumerated() {
            let x = left + Double(i) * band
            let barWidth = min(60, max(2, band * 0.6))
            let barX = x + (band - barWidth) / 2
            let coop = zero - y(period.cooperation), conflict = y(period.conflict) - zero
            parts.append("""
                <g class="period" data-period="\(period.period)"><title>\(period.period): cooperation \(period.cooperation, decimals: 1), \
                conflict \(period.conflict, decimals: 1), score \(period.score, decimals: 1) (\(period.relations) relations)</title>
                <rect class="coop" x="\(barX, decimals: 1)" y="\(y(period.cooperation), decimals: 1)" width="\(barWidth, decimals: 1)" height="\(coop, decimals: 1)"/>
                <rect class="conflict" x="\(barX, decimals: 1)" y="\(zero, decimals: 1)" width="\(barWidth, decimals: 1)" height="\(conflict, decimals: 1)"/>
                <text class="label" x="\(x + band / 2, decimals: 1)" y="\(height - 12, decimals: 1)">\(period.period)</text></g>
                """)
            line.append("\(Formatting.number(x + band / 2)),\(Formatting.number(y(period.score)))")
        }
        let dots = periods.enumerated().map { i, period in
            HTML("<circle class=\"score\" cx=\"\(left + (Double(i) + 0.5) * band, decimals: 1)\" cy=\"\(y(period.score), decimals: 1)\" r=\"3.5\"/>")
        }
        return """
            <svg class="chart" id="score-chart" viewBox="0 0 \(Int(width)) \(Int(height))" role="img" aria-label="Cooperation and conflict per period">
            <line class="axis" x1="\(left, decimals: 0)" x2="\(width - 10, decimals: 0)" y1="\(zero, decimals: 1)" y2="\(zero, decimals: 1)"/>
            <text class="tick" x="4" y="\(top + 8, decimals: 0)">+\(extent, decimals: 0)</text>
            <text class="tick" x="4" y="\(zero + 4, decimals: 0)">0</text>
            <text class="tick" x="4" y="\(top + plotHeight, decimals: 0)">−\(extent, decimals: 0)</text>
            \(parts)
            <polyline class="score" points="\(line.joined(separator: " "))"/>
            \(dots)
            </svg>
            <p class="legend"><span class="swatch coop"></span> cooperation <span class="swatch conflict"></span> conflict \
            <span class="swatch score"></span> net score · periods dated by the document (not the text) are included; see the relations below.</p>
            """
    }
}
