import ArgumentParser
import Foundation
import KremlinologyPipeline

extension CorpusExport.Content: ExpressibleByArgument {}
extension CorpusExport.Format: ExpressibleByArgument {}

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export relations, actors or claims as JSON lines or CSV (the format of ONTOLOGY.md).",
        discussion: """
            Relation offsets (start, end) are Unicode code points into the normalised text that \
            `show DOC --text` prints. Negated relations are exported with modality "negated".
            Examples:
              kremlinology export relations --format jsonl > relations.jsonl
              kremlinology export actors --format csv > actors.csv
              kremlinology export claims > claims.jsonl
            """)

    @OptionGroup var store: StoreOptions
    @Argument(help: "relations, actors or claims.") var what: CorpusExport.Content
    @Option(help: "jsonl or csv.") var format: CorpusExport.Format = .jsonl

    func run() throws {
        var output = FileHandle.standardOutput
        try CorpusExport(store: try store.openForReading()).write(what, as: format) { line in
            print(line, to: &output)
        }
    }
}
