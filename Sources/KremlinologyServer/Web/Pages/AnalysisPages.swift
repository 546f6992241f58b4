import Hummingbird
import KremlinologyAnalysis
import KremlinologyModel

/// Pages over the analysis: actor (dossier), pair (brief), network, timeline.
struct AnalysisPages {
    let corpus: Corpus

    func addRoutes(to router: Router<ServerContext>) {
        router.get("actor", use: actor)
        router.get("pair", use: pair)
        router.get("network", use: network)
        router.get("timeline", use: timeline)
    }

    @Sendable func actor(_ request: Request, context: ServerContext) async throws -> Response {
        let query = QueryParameters(request.uri.query)
        let name = try query.required("name")
        let (rollUp, reviewed, grade) = (try query.rollUp(), try query.reviewedOnly(), try query.minimumGrade())
        let page = try await corpus.read { corpus in
            try corpus.memo("page|actor|\(name)|\(rollUp)|\(reviewed)|\(grade?.description ?? "")") {
                DossierView(dossier: try AnalysisViews.dossier(name, rollUp: rollUp, reviewedOnly: reviewed, minimumGrade: grade, in: corpus)
                    .capped(50), minimumGrade: grade).page
            }
        }
        return Responses.html(page)
    }

    @Sendable func pair(_ request: Request, context: ServerContext) async throws -> Response {
        let query = QueryParameters(request.uri.query)
        let (a, b) = (try query.required("a"), try query.required("b"))
        let (rollUp, reviewed, grade) = (try query.rollUp(), try query.reviewedOnly(), try query.minimumGrade())
        let page = try await corpus.read { corpus in
            try corpus.memo("page|pair|\(a)\u{1}\(b)|\(rollUp)|\(reviewed)|\(grade?.description ?? "")") {
                BriefView(brief: try AnalysisViews.brief(a, b, rollUp: rollUp, reviewedOnly: reviewed, minimumGrade: grade, in: corpus)
                    .paged(Paging(limit: Paging.maximumLimit, offset: 0)), minimumGrade: grade).page
            }
        }
        return Responses.html(page)
    }

    @Sendable func network(_ request: Request, context: ServerContext) async throws -> Response {
        let query = QueryParameters(request.uri.query)
        let filters = try NetworkQuery(query)
        let (view, stats) = try await corpus.read { corpus in (try AnalysisViews.network(filters, in: corpus), try corpus.stats()) }
        return Responses.html(NetworkPageView(filters: filters, view: view, outlets: stats.outlets.keys.sorted()).page)
    }

    @Sendable func timeline(_ request: Request, context: ServerContext) async throws -> Response {
        let query = QueryParameters(request.uri.query)
        let paging = try Paging(query, defaultLimit: 100)
        let actor = query.string("actor")
        let type = try query.choice("type", as: RelationType.self, uppercase: true)
        let (from, to) = (try query.datePrefix("from"), try query.datePrefix("to"))
        let (rollUp, reviewed, grade) = (try query.rollUp(), try query.reviewedOnly(), try query.minimumGrade())
        let timeline = try await corpus.read {
            try AnalysisViews.timeline(actor: actor, pair: nil, rollUp: rollUp, reviewedOnly: reviewed, minimumGrade: grade, in: $0)
        }
            .dated(from: from, to: to)
        let entries = timeline.entries.filter { type == nil || $0.type == type }
        let page = paging.slice(entries)
        var lastPeriod: String?
        var items: [HTML] = []
        for entry in page {
            let period = entry.when.period
            if period != lastPeriod {
                items.append("<li class=\"period\"><h2>\(period)</h2></li>")
                lastPeriod = period
            }
            items.append(Layout.relation(entry))
        }
        let body: HTML = """
            <h1>Timeline\(actor.map { HTML(": \($0)") } ?? "")\(type.map { HTML(" · \($0.rawValue)") } ?? "")</h1>
            <form class="filters" action="/timeline" method="get">
              <label>Actor <input name="actor" value="\(actor)" placeholder="any"></label>
              <label>Type <select name="type"><option value="">any</option>\(Self.typeOptions(selected: type.map { [$0] } ?? []))</select></label>
              <label>From <input name="from" value="\(from)" placeholder="YYYY[-MM[-DD]]" size="10"></label>
              <label>To <input name="to" value="\(to)" placeholder="YYYY[-MM[-DD]]" size="10"></label>
              <label><input type="checkbox" name="rollup" value="states"\(rollUp ? HTML(" checked") : "")> people → states</label>
              \(Self.gradeField(grade))
              <button type="submit">Show</button>
            </form>
            \(Self.rollUpNote(timeline.rollUp))\(Layout.minimumGradeNote(grade))
            <p class="muted">\(entries.count) claims in date order: the date the text states, else the document's date (in italics); \
            negated ones are left out\(from != nil || to != nil ? HTML(", and so are undated ones when a date bound is set") : "").</p>
            <ul class="relations timeline">\(items)</ul>
            \(Layout.pager("/timeline", [("actor", actor), ("type", type?.rawValue), ("from", from), ("to", to),
                                         ("rollup", rollUp ? "states" : nil), ("min_grade", grade?.description)],
                         paging: paging, count: page.count))
            """
        return Responses.html(Layout.page("Timeline", body))
    }

    /// What a rolled-up view folded in, or nothing when the view is not rolled up.
    static func rollUpNote(_ rollUp: RollUp?) -> HTML {
        guard let rollUp else { return "" }
        return "<p class=\"rollup\"><strong>Rolled up into states:</strong> \(rollUp.isEmpty ? "no person here is affiliated with a state" : rollUp.summary)</p>"
    }

    /// The form field of `min_grade`: a letter A–F and a digit 1–6, e.g. B3.
    static func gradeField(_ grade: AdmiraltyGrade?) -> HTML {
        """
        <label title="Only facts graded at least this well: source reliability A–F, then credibility 1–6 (docs/ANALYSIS.md)">\
        Grade ≥ <input name="min_grade" value="\(grade?.description)" placeholder="B3" size="3" pattern="[A-Fa-f][1-6]"></label>
        """
    }

    /// `<option>`s of every relation type.
    static func typeOptions(selected: [RelationType]) -> HTML {
        HTML.join(RelationType.allCases.map { type in
            "<option value=\"\(type.rawValue)\"\(selected.contains(type) ? HTML(" selected") : "")>\(type.rawValue)</option>"
        })
    }
}
