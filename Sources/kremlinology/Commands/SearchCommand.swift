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
    @Option(help: "Skip this many passages (the next page).") var offset = 0
    @Option(help: "Only documents from this outlet.") var outlet: String?
    @Flag(help: "Print JSON.") var json = false

    func validate() throws {
        guard (1...1000).contains(limit) else { throw ValidationError("--limit must be between 1 and 1000") }
        guard offset >= 0 else { throw ValidationError("--offset must be 0 or more") }
        guard !query.isEmpty else { throw ValidationError("give words to search for, e.g. kremlinology search \"hybrid warfare\"") }
    }

    func run() throws {
        let results = try store.openForReading().searchResults(
            SearchQuery(text: query.joined(separator: " "), limit: limit, offset: offset, outlet: outlet))
        let hits = results.hits
        if json { return try Output.json(hits) }
        if hits.isEmpty, results.total.count == 0 { return print("No passage matches. Try fewer or other words.") }
        for (rank, hit) in hits.enumerated() {
            let place = [hit.outlet, hit.section].compactMap { $0 }.joined(separator: " · ")
            print("\(offset + rank + 1). \(hit.fileName)  \(Output.locator(hit.locator))")
            if !place.isEmpty { print("   \(place)") }
            print("   \(hit.snippet.replacingOccurrences(of: "\n", with: " "))\n")
        }
        printTotal(results.total, shown: hits.count)
    }

    /// Says how many of how many passages were shown when that is not all of them; a total
    /// past the candidate bound is a lower bound, and says so.
    private func printTotal(_ total: SearchTotal, shown: Int) {
        guard total.isLowerBound || offset + shown < total.count || offset > 0 else { return }
        let range = shown == 0 ? "none" : "\(offset + 1)–\(offset + shown)"
        var line = "Showing \(range) of \(total) passages"
        if total.isLowerBound {
            line += " (so many match that the best are ranked among \(total.figure) of them)"
        }
        if total.isLowerBound || offset + shown < total.count { line += "; the next ones with --offset \(offset + shown)" }
        Output.line(line + ".")
    }
}
