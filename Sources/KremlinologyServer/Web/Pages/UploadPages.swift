import Hummingbird

/// The upload form: a file name, the content (a file picked is read into it by the page's
/// script) and the server's token; posts go through the same ingest path as the API.
struct UploadPages {
    let corpus: Corpus
    let writeAccess: WriteAccess

    func addRoutes(to router: Router<ServerContext>) {
        router.get("upload") { _, _ in Responses.html(form(message: nil)) }
        router.group().add(middleware: WriteAccessMiddleware(access: writeAccess)).post("upload", use: submit)
    }

    func form(message: HTML?) -> HTML {
        let readOnly: HTML = writeAccess.token == nil
            ? "<p class=\"error\">This server is read-only: start it with <code>--token T</code> (or <code>$KREMLINOLOGY_TOKEN</code>) to allow uploads.</p>"
            : ""
        return Layout.page("Upload", scripts: ["upload.js"], """
            <h1>Add a document</h1>
            \(readOnly)\(message ?? "")
            <form class="upload" action="/upload" method="post">
              <label>File <input type="file" id="upload-file" accept=".md,.txt,.html,.htm,.jsonl"></label>
              <label>Name <input name="name" id="upload-name" placeholder="note.md" required></label>
              <label>Content <textarea name="content" id="upload-content" rows="14" required></textarea></label>
              <label>Token <input name="token" type="password" autocomplete="off" required></label>
              <button type="submit">Ingest</button>
            </form>
            <p class="muted">Scripts can <code>POST /api/v1/documents?name=note.md</code> with the file as the body and <code>Authorization: Bearer T</code>.</p>
            """)
    }

    @Sendable func submit(_ request: Request, context: ServerContext) async throws -> Response {
        var request = request
        let body = try await request.collectBody(upTo: context.maxUploadSize)
        let fields = QueryParameters(String(buffer: body))
        let name = try WriteAccess.fileName(fields.string("name"))
        guard let content = fields.string("content") else { throw RequestError.badRequest("the content is empty") }
        let result = try await corpus.ingest(bytes: Array(content.utf8), fileName: name)
        if let id = result.documentID { return Responses.seeOther("/documents/\(Formatting.queryValue(id))") }
        return Responses.html(form(message: "<p class=\"error\">Not stored: the same text is already in the corpus as \(result.duplicateOf ?? "another document").</p>"))
    }
}
