import Hummingbird
import KremlinologyModel
import KremlinologyStore

/// The outlets page: every outlet with its type, reliability grade (Admiralty code) and where
/// the grade comes from, its documents and claims; with the server's token, a form that grades
/// one (the same write as `POST /api/v1/outlets/{name}/grade`).
struct OutletsPages {
    let corpus: Corpus
    let writeAccess: WriteAccess

    func addRoutes(to router: Router<ServerContext>) {
        router.get("outlets", use: list)
        router.group().add(middleware: WriteAccessMiddleware(access: writeAccess)).post("outlets/grade", use: grade)
    }

    @Sendable func list(_ request: Request, context: ServerContext) async throws -> Response {
        let outlets = try await corpus.read { try $0.outlets() }
        return Responses.html(page(outlets))
    }

    func page(_ outlets: [OutletSummary]) -> HTML {
        let rows = outlets.prefix(Paging.maximumLimit).map { o in
            HTML("""
                <tr data-outlet="\(o.outlet)"><td>\(Layout.outletLink(o.outlet))</td><td>\(o.type?.rawValue ?? "unknown")</td>\
                <td><span class="grade r\(o.reliability.rawValue)" title="\(o.reliability.meaning)">\(o.reliability.rawValue)</span></td>\
                <td>\(o.originLabel)</td><td class="num">\(o.documents)</td><td class="num">\(o.claims)</td><td class="muted">\(o.note)</td></tr>
                """)
        }
        let choices = outlets.map { HTML("<option value=\"\($0.outlet)\">\($0.outlet)</option>") }
        let letters = Reliability.allCases.map { HTML("<option value=\"\($0.rawValue)\">\($0.rawValue): \($0.meaning)</option>") }
        let form: HTML = writeAccess.token == nil
            ? "<p class=\"muted\">This server is read-only: start it with <code>--token T</code> to grade outlets here.</p>"
            : """
              <h2>Grade an outlet</h2>
              <form class="grade-outlet" action="/outlets/grade" method="post">
                <label>Outlet <select name="outlet" required>\(choices)</select></label>
                <label>Reliability <select name="reliability"><option value="">back to the pack's default</option>\(letters)</select></label>
                <label>Note <input name="note" size="40" placeholder="why"></label>
                <label>Token <input name="token" type="password" autocomplete="off" required></label>
                <button type="submit">Grade</button>
              </form>
              """
        return Layout.page("Outlets", """
            <h1>Outlets</h1>
            <p class="muted">Source reliability on the Admiralty code: A completely reliable, B usually reliable, C fairly reliable, \
            D not usually reliable, E unreliable, F cannot be judged. The pack's defaults are a starting point, never a verdict; \
            an analyst's grade overrides them. Every fact shows its grade: the letter, then its credibility 1–6.</p>
            <table class="list outlets"><thead><tr><th>Outlet</th><th>Type</th><th>Grade</th><th>From</th><th>Documents</th><th>Claims</th><th>Note</th></tr></thead>
            <tbody>\(rows)</tbody></table>
            \(form)
            """)
    }

    /// The form's post: grades the outlet, then shows the listing again.
    @Sendable func grade(_ request: Request, context: ServerContext) async throws -> Response {
        var request = request
        let fields = QueryParameters(String(buffer: try await request.collectBody(upTo: context.maxUploadSize)))
        let outlet = try fields.required("outlet")
        let reliability = try fields.string("reliability").map { raw in
            guard let letter = Reliability(letter: raw) else {
                throw RequestError.badRequest("'reliability' must be \(Reliability.expectedForm); got '\(raw)'")
            }
            return letter
        }
        do {
            _ = try await corpus.gradeOutlet(outlet, reliability: reliability, note: fields.string("note").map { String($0.prefix(2_000)) })
        } catch StoreError.notFound(let message) {
            throw RequestError(.notFound, message)
        }
        return Responses.seeOther("/outlets")
    }
}
