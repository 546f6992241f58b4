import ArgumentParser
import Foundation
import KremlinologyStore

struct ReextractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reextract",
        abstract: "Extract the facts of every stored document again, after the knowledge pack changed.",
        discussion: """
            Each document's facts are replaced in one transaction; passages and text stay as they are.
            Example: kremlinology reextract --pack my-pack/
            """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var pack: PackOptions

    func run() throws {
        let corpus = try store.openForWriting()
        let facts = try pack.load()
        let ids = try corpus.documentIDs()
        let line = ProgressLine(enabled: isatty(STDERR_FILENO) != 0)
        var relations = 0
        for (done, id) in ids.enumerated() {
            guard let content = try corpus.content(ofDocument: id) else { continue }
            let payload = facts.payload(for: content)
            relations += payload.relations.count
            try corpus.replaceExtraction(documentID: id, with: payload)
            line.update(IngestProgress(filesDone: done + 1, filesTotal: ids.count, bytesDone: 0, seconds: 0))
        }
        line.finish()
        print("re-extracted \(ids.count) documents: \(relations) relations")
    }
}
