import ArgumentParser
import Foundation
import KremlinologyPipeline

extension CorpusExport.Content: ExpressibleByArgument {}
extension CorpusExport.Format: ExpressibleByArgument {}

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export relations, actors or claims as JSON lines or CSV (the format of ONTOLOGY.md), or FollowTheMoney entities.",
        discussion: """
            Relation offsets (start, end) are Unicode code points into the normalised text that \
            `show DOC --text` prints. Negated relations are exported with modality "negated". \
            Each relation also carries its Admiralty grade ("B2") and an analyst's judgement \
            (judgement, judgement_note), when there is one.

            ftm writes FollowTheMoney entities as JSON Lines (for Aleph and the followthemoney \
            library): people as Person, organisations as Organization, states and state bodies \
            as PublicBody with their country code, groups as LegalEntity, each relation as an \
            UnknownLink (Associate for trust and respect between people) with its type, quote, \
            date, outlet and Document. Denied relations and facts judged wrong are left out. \
            Ids are stable: a hash of the canonical name, the document, the quote's place.
            Examples:
              kremlinology export relations --format jsonl > relations.jsonl
              kremlinology export relations --format csv --pack my-pack/ > relations.csv   # graded with my-pack/sources.yaml
              kremlinology export actors --format csv > actors.csv
              kremlinology export claims > claims.jsonl
              kremlinology export ftm > corpus.ftm.jsonl
            """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var pack: SourcesPackOption
    @Argument(help: "relations, actors, claims or ftm.") var what: CorpusExport.Content
    @Option(help: "jsonl or csv (ftm: jsonl only).") var format: CorpusExport.Format = .jsonl

    func validate() throws {
        if what == .ftm, format == .csv { throw ValidationError("FollowTheMoney entities are JSON Lines only; leave out --format csv") }
    }

    func run() throws {
        var output = FileHandle.standardOutput
        try CorpusExport(store: try store.openForReading(), sources: pack.catalog()).write(what, as: format) { line in
            print(line, to: &output)
        }
    }
}
