import ArgumentParser
import KremlinologyStore

struct DocumentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "documents",
        abstract: "List the documents in the store.",
        discussion: "Example: kremlinology documents --json")

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
