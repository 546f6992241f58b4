import ArgumentParser
import KremlinologyStore

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Show figures about the corpus: documents, sources, passages, actors, claims, relations.",
        discussion: "Example: kremlinology stats --json")

    @OptionGroup var store: StoreOptions
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let stats = try store.openForReading().stats()
        if json { return try Output.json(stats) }
        StatsCommand.print(stats)
    }

    static func print(_ stats: CorpusStats) {
        func breakdown(_ counts: [String: Int]) -> String {
            counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        }
        Swift.print("documents  \(stats.documents) (\(breakdown(stats.documentsByKind)))")
        Swift.print("outlets    \(breakdown(stats.outlets))")
        Swift.print("passages   \(stats.passages), \(Output.bytes(stats.textBytes)) of text")
        Swift.print("actors     \(stats.actors) with \(stats.mentions) mentions")
        Swift.print("sources    \(stats.sources) (a video's notes, near-identical texts and one URL count once)")
        Swift.print("claims     \(stats.claims)" + (stats.claimsByType.isEmpty ? "" : " (\(breakdown(stats.claimsByType)))"))
        Swift.print("           a claim is one source's statement of a relation between two actors, counted once however")
        Swift.print("           many notes repeat it; denied relations are not counted")
        Swift.print("relations  \(stats.relations) stored rows, every note's copy and denials included")
        Swift.print("ties       \(stats.ties) structural ties (adviser, spokesperson), apart from relations")
    }
}
