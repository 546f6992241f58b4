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
        abstract: "List the actors the corpus mentions, or curate them (merge, split, rename, alias, dismiss, promote).",
        discussion: """
            Examples:
              kremlinology actors --top 20
              kremlinology actors merge "Valery Solovey" "Valery Soloviev"
              kremlinology actors dismiss Happening --note "a heading, not an actor"
            Every curation decision is logged (`kremlinology curation log`) and can be undone.
            """,
        subcommands: [ActorsListCommand.self, ActorsMergeCommand.self, ActorsSplitCommand.self, ActorsRenameCommand.self,
                      ActorsAliasCommand.self, ActorsDismissCommand.self, ActorsPromoteCommand.self],
        defaultSubcommand: ActorsListCommand.self)
}

struct ActorsListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the actors the corpus mentions, most mentioned first (the default).",
        discussion: """
            OUT and IN count claims, as every view does: one per source and statement (six notes of
            one video repeating a remark are one claim), between actors, denials left out.

            --unreviewed lists the open-world actors instead: names no pack knows that the extractor
            found acting in a document, with their guessed kind, mentions and one example quote, for
            an analyst to promote into a pack.

            Examples:
              kremlinology actors --top 20
              kremlinology actors --kind person --json
              kremlinology actors --unreviewed --limit 20
            """)

    @OptionGroup var store: StoreOptions
    @Option(help: "Only actors of this kind: \(ActorKind.allCases.map(\.rawValue).joined(separator: ", ")).") var kind: ActorKind?
    @Option(name: [.customLong("top"), .customLong("limit")], help: "Show at most this many actors.") var top = 50
    @Option(help: "Skip this many actors first.") var offset = 0
    @Flag(help: "List the open-world actors (unreviewed: found in the text, in no pack), with an example quote each.")
    var unreviewed = false
    @Flag(help: "Print JSON.") var json = false

    func validate() throws {
        if unreviewed && kind != nil { throw ValidationError("--unreviewed lists every kind; leave out --kind") }
    }

    func run() throws {
        let corpus = try store.openForReading()
        if unreviewed { return try listUnreviewed(corpus) }
        let actors = Array(try corpus.actors(kind: kind, limit: max(0, offset) + top).dropFirst(max(0, offset)))
        if json { return try Output.json(actors) }
        if actors.isEmpty { return print("No actors yet. Ingest documents first: kremlinology ingest PATH") }
        print("\(Output.pad("ACTOR", 32))  \(Output.pad("KIND", 12))  \(Output.pad("WIKIDATA", 10))  MENTIONS  OUT   IN  DOCS")
        for a in actors {
            // An unreviewed actor's kind is a guess: marked with a '?', explained below the table.
            let kind = a.actor.kind.rawValue + (a.actor.reviewed ? "" : "?")
            print("\(Output.pad(Output.clip(a.actor.name, 32), 32))  \(Output.pad(kind, 12))  "
                  + "\(Output.pad(a.actor.wikidata ?? "-", 10))  \(Output.pad(String(a.mentions), 8))  "
                  + "\(Output.pad(String(a.relationsOut), 4))  \(Output.pad(String(a.relationsIn), 3))  \(a.documents.count)")
        }
        if actors.contains(where: { !$0.actor.reviewed }) {
            print("? unreviewed: a name no pack knows, found acting in the text (its kind a guess); `actors --unreviewed` lists them")
        }
        try Output.shown(actors.count, offset: offset, limit: top, noun: "actors", next: "--offset") { try corpus.countActors(kind: kind) }
    }

    private func listUnreviewed(_ corpus: any CorpusStore) throws {
        let actors = try corpus.unreviewedActors(limit: max(0, top), offset: max(0, offset))
        if json { return try Output.json(actors) }
        if actors.isEmpty {
            let total = try corpus.countUnreviewedActors()
            return Output.line(total == 0 ? "No unreviewed actors: every actor of the store is in a pack."
                                          : "No unreviewed actors at offset \(offset): the store has \(total).")
        }
        Output.line("\(Output.pad("UNREVIEWED ACTOR", 32))  \(Output.pad("KIND", 12))  MENTIONS  DOCS  EXAMPLE")
        for a in actors {
            let example = a.example.map { "\"\(Output.clip($0, 80))\"" + (a.exampleDocument.map { " (\($0))" } ?? "") } ?? "-"
            Output.line("\(Output.pad(Output.clip(a.actor.name, 32), 32))  \(Output.pad(a.actor.kind.rawValue, 12))  "
                        + "\(Output.pad(String(a.mentions), 8))  \(Output.pad(String(a.documents), 4))  \(example)")
        }
        try Output.shown(actors.count, offset: max(0, offset), limit: top, noun: "unreviewed actors", next: "--offset") {
            try corpus.countUnreviewedActors()
        }
    }
}
