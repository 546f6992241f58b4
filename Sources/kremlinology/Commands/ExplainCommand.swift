import ArgumentParser
import Foundation
import KremlinologyIngest
import KremlinologyModel
import KremlinologyStore

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show, sentence by sentence, the actors, predicates and rules behind each extraction.",
        discussion: """
            DOC is a stored document (id, file name or path) or a file to read. For each \
            sentence: the actors found and how, the predicates matched, the relations emitted \
            with their rule, and every dropped candidate with the reason it was dropped.
            Examples:
              kremlinology explain 000_e1470ed089bcd8ad.txt --sentence 12
              kremlinology explain notes/interview.md --json
            """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var pack: PackOptions
    @Argument(help: "Document id, file name, path in the store, or a file.") var doc: String
    @Option(help: "Only the sentence with this number (as printed).") var sentence: Int?
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let (document, corpus) = try load()
        // A stored document is read as the store reads it: with its curation decisions.
        let facts = try corpus.map { try pack.load(curatedBy: $0) } ?? pack.load()
        let result = facts.extract(document, explain: true)
        var traces = result.trace
        if let sentence {
            traces = traces.filter { $0.index == sentence }
            if traces.isEmpty { throw CommandError.notFound("\(doc) has no sentence \(sentence) (it has \(result.trace.count))") }
        }
        if json { return try Output.json(traces) }
        for trace in traces { print(trace.render()) }
    }

    private func load() throws -> (IngestedDocument, (any CorpusStore)?) {
        if FileManager.default.fileExists(atPath: doc), store.db == nil || !doc.hasSuffix(".sqlite") {
            if let data = FileManager.default.contents(atPath: doc) {
                return (try DocumentReader(maxFileBytes: DocumentReader.maxFileBytesFromEnvironment).read(bytes: [UInt8](data), path: doc, fileName: URL(fileURLWithPath: doc).lastPathComponent), nil)
            }
        }
        let corpus = try store.openForReading()
        guard let stored = try corpus.document(matching: doc), let content = try corpus.content(ofDocument: stored.document.id) else {
            throw CommandError.notFound("no document or file matches \"\(doc)\"; list stored documents with `kremlinology documents`")
        }
        return (content, corpus)
    }
}
