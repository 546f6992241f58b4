import ArgumentParser
import KremlinologyStore

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Find passages by full-text search, best first (BM25).",
        discussion: """
            Every word must occur; "a phrase" in double quotes must occur as written.
            Examples:
              kremlinology search "hybrid warfare"
              kremlinology search Lukashenko --outlet bonus_professor --limit 5 --json
            """)

    @OptionGroup var store: StoreOptions
    @Argument(help: "Words to find.") var query: [String]
    @Option(help: "Show at most this many passages (1–1000).") var limit = 10
    @Option(help: "Only documents from this outlet.") var outlet: String?
    @Flag(help: "Print JSON.") var json = false

    func validate() throws {
        guard (1...1000).contains(limit) else { throw ValidationError("--limit must be between 1 and 1000") }
        guard !query.isEmpty else { throw ValidationError("give words to search for, e.g. kremlinology search \"hybrid warfare\"") }
    }

    func run() throws {
        let hits = try store.openForReading().search(SearchQuery(text: query.joined(separator: " "), limit: limit, outlet: outlet))
        if json { return try Output.json(hits) }
        if hits.isEmpty { return print("No passage matches. Try fewer or other words.") }
        for (rank, hit) in hits.enumerated() {
            let place = [hit.outlet, hit.section].compactMap { $0 }.joined(separator: " · ")
            print("\(rank + 1). \(hit.fileName)  \(Output.locator(hit.locator))")
            if !place.isEmpty { print("   \(place)") }
            print("   \(hit.snippet.replacingOccurrences(of: "\n", with: " "))\n")
        }
    }
}
