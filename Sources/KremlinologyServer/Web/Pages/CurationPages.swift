import Foundation
import Hummingbird
import KremlinologyAnalysis
import KremlinologyModel
import KremlinologyPipeline
import KremlinologyStore

/// The analyst's corrections from the pages (issue 15): plain HTML forms, each with the
/// server's token, posted to the routes below (behind ``WriteAccessMiddleware``, which reads
/// the form's `token` field) and answered with a redirect to the page that shows the result.
/// They work without scripts; `curation.js` only fills every token field from the first one typed.
struct CurationPages {
    let corpus: Corpus
    let writeAccess: WriteAccess

    func addRoutes(to router: Router<ServerContext>) {
        let guarded = router.group().add(middleware: WriteAccessMiddleware(access: writeAccess))
        guarded.post("actor/curate", use: curate)
        guarded.post("relations/judge", use: judge)
        guarded.post("curation/undo", use: undo)
        router.get("curation", use: log)
        router.get("curation/pack/{file}", use: packFile)
    }

    /// The log: every decision with an undo form, the judgements whose fact is gone, and the
    /// decisions as pack files to download.
    @Sendable func log(_ request: Request, context: ServerContext) async throws -> Response {
        let (decisions, orphans) = try await corpus.read { corpus in
            (try corpus.store.curations(includingUndone: true), try corpus.store.orphanedJudgements())
        }
        let rows = decisions.reversed().map { d -> HTML in
            let state: HTML = d.undoneAt.map { HTML("<span class=\"muted\">undone \(String($0.prefix(19)))</span>") }
                ?? CurationForms.undo(id: d.id ?? 0)
            return "<tr><td class=\"num\">\(String(d.id ?? 0))</td><td>\(String(d.decidedAt.prefix(19)))</td><td>\(d.author ?? "-")</td><td>\(d.summary)</td><td>\(d.note ?? "")</td><td>\(state)</td></tr>"
        }
        let orphanItems = orphans.map { o in
            HTML("<li>\(o.source) \(o.type) \(o.target), judged \(o.verdict.rawValue)\(o.note.map { HTML(": \($0)") } ?? "") — in <a href=\"/documents/\(Formatting.queryValue(o.documentID))\">its document</a></li>")
        }
        let body: HTML = """
            <h1>Curation</h1>
            <p class="muted">Decisions about actors, newest first. Each is applied by extracting again the documents it changes;
            undoing one does the same without it. Make them on an actor's page.</p>
            \(decisions.isEmpty ? HTML("<p>No decision yet.</p>") : HTML("<table class=\"list curation-log\"><thead><tr><th>#</th><th>Decided</th><th>By</th><th>Decision</th><th>Why</th><th></th></tr></thead><tbody>\(rows)</tbody></table>"))
            <h2>As a knowledge pack</h2>
            <p>Save <a href="/curation/pack/curation.yaml" download>actors/curation.yaml</a> and
            <a href="/curation/pack/cues-curation.tsv" download>cues-curation.tsv</a> into a folder; another store reads its
            documents the same way with <code>kremlinology ingest … --pack FOLDER</code> (or <code>kremlinology curation export --pack FOLDER</code>).</p>
            <h2>Judgements whose fact is gone</h2>
            \(orphans.isEmpty ? HTML("<p class=\"muted\">None: every judgement matches a stored fact.</p>") : HTML("<ul>\(orphanItems)</ul>"))
            """
        return Responses.html(Layout.page("Curation", scripts: ["curation.js"], body))
    }

    @Sendable func undo(_ request: Request, context: ServerContext) async throws -> Response {
        let fields = try await Self.fields(of: request, context: context)
        guard let raw = fields.string("id"), let id = Int64(raw), id > 0 else {
            throw RequestError.badRequest("the decision id must be a positive number")
        }
        _ = try await corpus.undoCuration(id: id)
        return Responses.seeOther("/curation")
    }

    /// One of the two files of the decisions as a pack, as text.
    @Sendable func packFile(_ request: Request, context: ServerContext) async throws -> Response {
        let name = context.parameters.get("file") ?? ""
        let paths = ["curation.yaml": "actors/curation.yaml", "cues-curation.tsv": "cues-curation.tsv"]
        guard let path = paths[name] else { throw RequestError.notFound("the pack has curation.yaml and cues-curation.tsv") }
        let text = try await corpus.curationPack().first { $0.path == path }?.text ?? ""
        return Response(status: .ok, headers: [.contentType: "text/plain; charset=utf-8",
                                               .contentDisposition: "attachment; filename=\"\(name)\""],
                        body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    @Sendable func curate(_ request: Request, context: ServerContext) async throws -> Response {
        let fields = try await Self.fields(of: request, context: context)
        var decision = try CurationAPI.decision(from: fields)
        decision.author = "web"
        let outcome = try await corpus.curate(decision)
        let shown = outcome.decision
        // The actor the decision leaves to look at: the merged one, the renamed one, the one split from.
        let next: String? = switch shown.action {
        case .merge: shown.newName ?? shown.other
        case .rename: shown.newName
        case .dismiss: nil
        default: shown.actor
        }
        return Responses.seeOther(next.map { Formatting.link("/actor", [("name", $0)]) } ?? "/actors")
    }

    @Sendable func judge(_ request: Request, context: ServerContext) async throws -> Response {
        let fields = try await Self.fields(of: request, context: context)
        guard let raw = fields.string("id"), let id = Int64(raw), id > 0 else {
            throw RequestError.badRequest("the relation id must be a positive number")
        }
        guard let verdict = try fields.choice("verdict", as: Verdict.self) else {
            throw RequestError.badRequest("'verdict' is required: wrong or right")
        }
        _ = try await corpus.judge(relationID: id, verdict: verdict, note: fields.string("note").map { String($0.prefix(2_000)) })
        return Responses.seeOther(Self.sameSitePath(fields.string("back")) ?? "/")
    }

    private static func fields(of request: Request, context: ServerContext) async throws -> QueryParameters {
        var request = request
        let body = try await request.collectBody(upTo: context.maxUploadSize)
        return QueryParameters(String(buffer: body))
    }

    /// `back` when it is a path of this server ("/actor?name=…"), never another site ("//x", "https:").
    static func sameSitePath(_ back: String?) -> String? {
        guard let back, back.hasPrefix("/"), !back.hasPrefix("//"), !back.contains("\\"),
              !back.contains(where: { $0.isNewline }) else { return nil }
        return back
    }
}

/// The forms themselves, for the pages that show actors and facts.
enum CurationForms {
    /// A token field: every form carries one (the middleware reads it).
    private static let token: HTML = "<input name=\"token\" type=\"password\" class=\"curation-token\" placeholder=\"token\" autocomplete=\"off\" required>"

    private static func form(_ action: String, _ fields: HTML, submit: String) -> HTML {
        "<form class=\"curate\" method=\"post\" action=\"\(action)\">\(fields)<input name=\"note\" placeholder=\"why (optional)\">\(token)<button type=\"submit\">\(submit)</button></form>"
    }

    /// "undo" on the curation log.
    static func undo(id: Int64) -> HTML {
        "<form class=\"curate\" method=\"post\" action=\"/curation/undo\"><input type=\"hidden\" name=\"id\" value=\"\(String(id))\">\(token)<button type=\"submit\">Undo</button></form>"
    }

    /// "judge": wrong or right, beside each fact.
    /// Without scripts the answer opens the fact in its document; `curation.js` returns to the page.
    static func judge(relationID: Int64, documentID: String) -> HTML {
        let back = Layout.evidenceHref(documentID: documentID, relationID: relationID)
        let fields: HTML = """
            <input type="hidden" name="id" value="\(String(relationID))"><input type="hidden" name="back" class="curation-back" value="\(back)">\
            <select name="verdict"><option value="wrong">wrong</option><option value="right">right</option></select>
            """
        return "<details class=\"judge\"><summary>judge</summary>\(form("/relations/judge", fields, submit: "Judge"))</details>"
    }

    /// The actor page's panel: merge, rename, aliases, split, dismiss, promote.
    static func actorPanel(_ profile: Dossier.Profile) -> HTML {
        let name = profile.name
        let actor: HTML = "<input type=\"hidden\" name=\"actor\" value=\"\(name)\">"
        func action(_ value: String) -> HTML { "<input type=\"hidden\" name=\"action\" value=\"\(value)\">" }
        let aliases = profile.aliases.map { HTML("<option>\($0)</option>") }
        let kinds = ActorKind.allCases.map { HTML("<option\(profile.kind == $0 ? " selected" : "")>\($0.rawValue)</option>") }
        var forms: [HTML] = [
            form("/actor/curate", "\(actor)\(action("merge"))<label>Merge this actor into <input name=\"into\" required placeholder=\"another actor\"></label>", submit: "Merge"),
            form("/actor/curate", "\(actor)\(action("rename"))<label>Rename to <input name=\"name\" required></label>", submit: "Rename"),
            form("/actor/curate", "\(actor)\(action("alias-add"))<label>Add the alias <input name=\"alias\" required></label>", submit: "Add"),
        ]
        if !aliases.isEmpty {
            forms.append(form("/actor/curate", "\(actor)\(action("alias-remove"))<label>Remove the alias <select name=\"alias\">\(aliases)</select></label>", submit: "Remove"))
            forms.append(form("/actor/curate", """
                \(actor)\(action("split"))<label>Split the mentions written <select name="alias">\(aliases)</select></label>\
                <label>off as <input name="name" required placeholder="the other actor"></label><label>a <select name="kind">\(kinds)</select></label>
                """, submit: "Split"))
        }
        forms.append(form("/actor/curate", "\(actor)\(action("dismiss"))<span>Not an actor: its mentions stop being actors everywhere</span>", submit: "Dismiss"))
        if !profile.reviewed {
            forms.append(form("/actor/curate", "\(actor)\(action("promote"))<label>Promote to a reviewed <select name=\"kind\">\(kinds)</select></label>", submit: "Promote"))
        }
        return """
            <details class="curation" id="curation"><summary>Curate this actor</summary>
            <p class="muted">Each decision is logged (<a href="/api/v1/curation">curation log</a>) and undoable; the documents it changes are extracted again. Needs the server's token.</p>
            \(forms)</details>
            """
    }
}
