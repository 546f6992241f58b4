import ArgumentParser
import KremlinologyModel
import KremlinologyStore

struct RelationsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "relations",
        abstract: "List relations with their quotes and locators.",
        discussion: """
            Negated relations are listed only when asked for with --modality negated, and are
            never facts: they record that a source denies or rules out the event.
            Examples:
              kremlinology relations --source "Vladimir Putin"
              kremlinology relations --source Russia --target Belarus --type AID --json
              kremlinology relations --modality negated
              kremlinology relations --source Russia --min-sources 3
            A claim's sources are independent: the notes of one video, copies of one URL and
            near-identical texts are one source. "sources N" on each line is its corroboration.
            """)

    @OptionGroup var store: StoreOptions
    @Option(help: "Canonical name of the source actor.") var source: String?
    @Option(help: "Canonical name of the target actor.") var target: String?
    @Option(help: "Relation type, e.g. AID, ASSAULT, TRUST.") var type: RelationType?
    @Option(help: "asserted, reported, expected, hypothetical or negated.") var modality: Modality?
    @Option(help: "Only documents from this outlet.") var outlet: String?
    @Option(help: "Only relations that at least N independent sources state (videos, URLs and near-identical texts count once).")
    var minSources = 1
    @Option(help: "Show at most this many relations.") var limit = 200
    @Option(help: "Skip this many relations first.") var offset = 0
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let corpus = try store.openForReading()
        let filter = RelationFilter(source: source, target: target, type: type, modality: modality, outlet: outlet,
                                    includeNegated: false, minSources: minSources, limit: limit, offset: offset)
        guard minSources >= 1 else { throw CommandError.invalidInput("--min-sources must be 1 or more, got \(minSources)") }
        let relations = try corpus.withCorroboration(corpus.relations(filter))
        if relations.isEmpty, let outlet {
            let known = try corpus.stats().outlets.keys.sorted()
            if !known.contains(where: { $0.lowercased() == outlet.lowercased() }) {
                throw CommandError.notFound("no document comes from the outlet \"\(outlet)\"; the corpus has "
                                            + (known.isEmpty ? "no outlet yet" : known.joined(separator: ", ")))
            }
        }
        if json { return try Output.json(relations) }
        if relations.isEmpty { return Output.line("No relation matches.") }
        for stored in relations {
            let r = stored.relation
            let extras = [r.modality == .asserted ? nil : r.modality.rawValue,
                          r.instruments.isEmpty ? nil : r.instruments.map(\.rawValue).joined(separator: ","),
                          r.time, r.attribution.map { "per \($0)" },
                          stored.corroboration.map { "sources \($0)" }].compactMap { $0 }
            Output.line("\(r.source) —\(r.type.rawValue)→ \(r.target)" + (extras.isEmpty ? "" : "  (\(extras.joined(separator: "; ")))"))
            Output.line("   “\(Output.clip(r.quote, 160))”")
            Output.line("   \(stored.fileName) \(Output.locator(stored.locator))  rule \(r.rule)\n")
        }
        try Output.shown(relations.count, offset: offset, limit: limit, noun: "relations", next: "--offset") {
            try corpus.countRelations(filter)
        }
    }
}
