import ArgumentParser
import KremlinologyAnalysis

struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "The same dyads as told by different outlets, side by side.",
        discussion: """
            For every directed dyad that two or more of the outlets tell: each outlet's polarity, \
            and the claims one outlet asserts and another denies (negation) or tells only with \
            the opposite polarity, with both quotes.
            Examples:
              kremlinology compare --outlets RT,ISW
              kremlinology compare --outlets RT,ISW,UNN --actor Belarus --json
              kremlinology compare --outlets RT,ISW --actor Russia --roll-up states
              kremlinology compare --outlets RT,ISW --min-grade C3   # only facts of A–C sources, credibility 1–3
            """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var review: ReviewOption
    @OptionGroup var grades: GradeOptions
    @Option(help: ArgumentHelp("Outlets to compare, comma-separated.", valueName: "A,B")) var outlets: String
    @Option(help: "Only dyads of this actor.") var actor: String?
    @OptionGroup var rollUp: RollUpOption
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let names = outlets.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard names.count >= 2 else { throw ValidationError("--outlets takes at least two outlets, e.g. --outlets RT,ISW") }
        let analyzer = try grades.analyzer(store: store.openForReading(), reviewedOnly: review.reviewedOnly)
        let comparison = try analyzer.compare(outlets: names, actor: actor, rollUp: rollUp.states)
        if json { return try Output.json(comparison) }
        print(PageRenderer.markdown(ViewPages.comparison(comparison)), terminator: "")
    }
}
