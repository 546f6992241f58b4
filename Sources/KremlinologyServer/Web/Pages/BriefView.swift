import KremlinologyAnalysis
import KremlinologyModel

/// The pair page: both directions, the cooperation–conflict chart per period (inline SVG),
/// instruments, outlets, contradictions and every relation with its quote.
struct BriefView {
    let brief: Brief
    /// The `min_grade` the brief was filtered by, if any.
    var minimumGrade: AdmiraltyGrade? = nil

    var page: HTML {
        let (a, b) = (brief.actorA, brief.actorB)
        let contradictions = brief.contradictions.map { c in
            HTML("<li><strong>\(c.kind.rawValue)</strong> in \(c.period)<ul class=\"relations\">\(Layout.relation(c.first))\(Layout.relation(c.second))</ul></li>")
        }
        let body: HTML = """
            <h1>\(Layout.actorLink(a)) ↔ \(Layout.actorLink(b))</h1>
            <p class="meta"><a href="\(Formatting.link("/pair", [("a", a), ("b", b)] + (brief.rollUp == nil ? [("rollup", "states")] : [])))">\
            \(brief.rollUp == nil ? "fold people into their states (roll-up)" : "without roll-up")</a></p>
            \(AnalysisPages.rollUpNote(brief.rollUp))\(Layout.minimumGradeNote(minimumGrade))
            \(minimumGrade == nil ? Layout.reliableOnlyNote(brief.reliableSourcesOnly, path: "/pair",
                                                           [("a", a), ("b", b), ("rollup", brief.rollUp == nil ? nil : "states")]) : "")
            \(Layout.figures([("\(a) → \(b)", "\(brief.balanceAToB.cooperative) + / \(brief.balanceAToB.conflictual) −"),
                              ("\(b) → \(a)", "\(brief.balanceBToA.cooperative) + / \(brief.balanceBToA.conflictual) −"),
                              ("claims", "\(brief.relations.count)")]))
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
