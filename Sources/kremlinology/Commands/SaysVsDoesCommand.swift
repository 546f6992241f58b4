import ArgumentParser
import KremlinologyAnalysis

struct SaysVsDoesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "says-vs-does",
        abstract: "An actor's own statements next to its conflict events toward the same targets.",
        discussion: """
            Says: relations attributed to the actor, and its cooperative verbal relations \
            (SUPPORT, AGREE, CONSULT, CONCEDE: offers of dialogue, peace, cooperation). \
            Does: material conflict (ASSAULT, COERCE, SANCTION, MOBILIZE, CRIME, PROTEST) by the \
            actor toward the same target. Targets with both come first.
            Examples:
              kremlinology says-vs-does "Vladimir Putin"
              kremlinology says-vs-does Russia --json
              kremlinology says-vs-does Russia --min-grade C4
            """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var review: ReviewOption
    @OptionGroup var grades: GradeOptions
    @Argument(help: "The actor.") var actor: String
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let analyzer = try grades.analyzer(store: store.openForReading(), reviewedOnly: review.reviewedOnly)
        let view = try analyzer.saysVsDoes(actor)
        if json { return try Output.json(view) }
        print(PageRenderer.markdown(ViewPages.saysVsDoes(view)), terminator: "")
    }
}
