import ArgumentParser
import KremlinologyModel
import KremlinologyStore

extension ActorKind: ExpressibleByArgument {}
extension RelationType: ExpressibleByArgument {
    public init?(argument: String) { self.init(rawValue: argument.uppercased()) }
}
extension Modality: ExpressibleByArgument {}

struct ActorsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "actors",
        abstract: "List the actors the corpus mentions, most mentioned first.",
        discussion: """
            OUT and IN count claims, as every view does: one per source and statement (six notes of
            one video repeating a remark are one claim), between actors, denials left out.

            Examples:
              kremlinology actors --top 20
              kremlinology actors --kind person --json
            """)

    @OptionGroup var store: StoreOptions
    @Option(help: "Only actors of this kind: \(ActorKind.allCases.map(\.rawValue).joined(separator: ", ")).") var kind: ActorKind?
    @Option(help: "Show at most this many actors.") var top = 50
    @Option(help: "Skip this many actors first.") var offset = 0
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let corpus = try store.openForReading()
        let actors = Array(try corpus.actors(kind: kind, limit: max(0, offset) + top).dropFirst(max(0, offset)))
        if json { return try Output.json(actors) }
        if actors.isEmpty { return print("No actors yet. Ingest documents first: kremlinology ingest PATH") }
        print("\(Output.pad("ACTOR", 32))  \(Output.pad("KIND", 12))  \(Output.pad("WIKIDATA", 10))  MENTIONS  OUT   IN  DOCS")
        for a in actors {
            print("\(Output.pad(Output.clip(a.actor.name, 32), 32))  \(Output.pad(a.actor.kind.rawValue, 12))  "
                  + "\(Output.pad(a.actor.wikidata ?? "-", 10))  \(Output.pad(String(a.mentions), 8))  "
                  + "\(Output.pad(String(a.relationsOut), 4))  \(Output.pad(String(a.relationsIn), 3))  \(a.documents.count)")
        }
        try Output.shown(actors.count, offset: offset, limit: top, noun: "actors", next: "--offset") { try corpus.countActors(kind: kind) }
    }
}
