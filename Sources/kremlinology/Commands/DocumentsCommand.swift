import ArgumentParser
import KremlinologyStore

struct DocumentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "documents",
        abstract: "List the documents in the store, or delete some.",
        discussion: """
            Examples:
              kremlinology documents --json
              kremlinology documents delete 000_e1470ed089bcd8ad.txt
            """,
        subcommands: [DocumentsListCommand.self, DocumentsDeleteCommand.self],
        defaultSubcommand: DocumentsListCommand.self)
}

struct DocumentsListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the documents in the store (the default).",
        discussion: "Example: kremlinology documents list --limit 20 --json")

    @OptionGroup var store: StoreOptions
    @Option(help: "Show at most this many documents.") var limit = 1000
    @Option(help: "Skip this many documents first.") var offset = 0
    @Flag(help: "Print JSON instead of a table.") var json = false

    func run() throws {
        let corpus = try store.openForReading()
        let documents = try corpus.documents(limit: limit, offset: offset)
        if json { return try Output.json(documents) }
        if documents.isEmpty {
            let total = try corpus.documentCount()
            return Output.line(total == 0 ? "No documents yet. Add some with: kremlinology ingest PATH"
                                          : "No documents at offset \(offset): the store has \(total).")
        }
        Output.line("\(Output.pad("ID", 16))  \(Output.pad("KIND", 10))  \(Output.pad("OUTLET", 16))  PASS  REL  FILE / TITLE")
        for stored in documents {
            let doc = stored.document
            Output.line("\(doc.id)  \(Output.pad(doc.kind.rawValue, 10))  \(Output.pad(Output.clip(doc.outlet ?? "-", 16), 16))  "
                  + "\(Output.pad(String(stored.passageCount), 4))  \(Output.pad(String(stored.relationCount), 3))  "
                  + "\(doc.fileName) — \(Output.clip(doc.title ?? "", 60))")
        }
        try Output.shown(documents.count, offset: offset, limit: limit, noun: "documents", next: "--offset") { try corpus.documentCount() }
    }
}

struct DocumentsDeleteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete",
        abstract: "Delete documents and everything read from them, in one transaction.",
        discussion: """
            Passages, search entries, mentions, relations, claims, ties and the document's source
            go with it; every view, page and the server's memo reflect it at once. A name that
            matches no document stops the command before anything is deleted.

            Example: kremlinology documents delete 000_e1470ed089bcd8ad.txt notes/interview.md
            """)

    @OptionGroup var store: StoreOptions
    @Argument(help: "Document ids, file names or paths in the store.") var documents: [String]
    @Flag(help: "Print JSON.") var json = false

    func validate() throws {
        if documents.isEmpty { throw ValidationError("name at least one document (id, file name or path)") }
    }

    func run() throws {
        let corpus = try store.openForWriting()
        var ids: [String] = []
        for key in documents {
            guard let stored = try corpus.document(matching: key) else {
                throw CommandError.invalidInput("no document \"\(key)\" in the store; nothing was deleted (`kremlinology documents` lists them)")
            }
            ids.append(stored.document.id)
        }
        let deleted = try corpus.deleteDocuments(ids: ids)
        if json { return try Output.json(["deleted": deleted]) }
        Output.line("deleted \(deleted) document\(deleted == 1 ? "" : "s") with their passages, mentions, relations, claims and ties")
    }
}
