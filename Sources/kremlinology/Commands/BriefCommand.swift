import ArgumentParser
import KremlinologyAnalysis

struct BriefCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "brief",
        abstract: "The relationship of two actors, both ways, scored per year.",
        discussion: """
            Every relation between A and B in both directions; a cooperation–conflict score per \
            year (the year the text states, else the document's, else "undated") from the weights \
            of docs/WEIGHTS.md; instruments; each outlet's polarity; and statements that \
            contradict each other (one source asserts, another denies; or opposite polarities \
            in the same year), with both quotes. Negated relations are shown, never scored.
            Examples:
              kremlinology brief Russia Belarus
              kremlinology brief "Vladimir Putin" "Recep Tayyip Erdoğan" --json
              kremlinology brief Russia Belarus --roll-up states   # Putin–Lukashenko counts too
              kremlinology brief Russia Belarus --min-grade B3      # only facts graded A1 … B3
            """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var review: ReviewOption
    @OptionGroup var grades: GradeOptions
    @Argument(help: "The first actor.") var a: String
    @Argument(help: "The second actor.") var b: String
    @OptionGroup var rollUp: RollUpOption
    @Option(help: ArgumentHelp("Write a self-contained HTML page to FILE.", valueName: "FILE")) var html: String?
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let analyzer = try grades.analyzer(store: store.openForReading(), reviewedOnly: review.reviewedOnly)
        let brief = try analyzer.brief(a, b, rollUp: rollUp.states)
        if json { return try Output.json(brief) }
        let page = ViewPages.brief(brief)
        if let html { return try Output.write(PageRenderer.html(page), to: html) }
        print(PageRenderer.markdown(page), terminator: "")
    }
}
