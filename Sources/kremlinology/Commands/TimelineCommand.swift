import ArgumentParser
import KremlinologyAnalysis

struct TimelineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline",
        abstract: "Relations in date order, each with its quote.",
        discussion: """
            The date is the one the text states when it gives one, marked (stated); otherwise \
            the document's publication date, marked (document date). Undated relations come \
            last. Negated relations are not events and are left out.
            Examples:
              kremlinology timeline --actor "Alexander Lukashenko"
              kremlinology timeline --pair Russia Ukraine --format csv > russia-ukraine.csv
              kremlinology timeline --actor Russia --from 2014 --to 2015-06 --json
              kremlinology timeline --pair Russia Belarus --roll-up states
              kremlinology timeline --actor Russia --min-grade B3   # graded facts only: A or B source, credibility 1–3
            """)

    enum Format: String, ExpressibleByArgument { case markdown, csv, json }

    @OptionGroup var store: StoreOptions
    @OptionGroup var review: ReviewOption
    @OptionGroup var grades: GradeOptions
    @Option(help: "Only relations of this actor.") var actor: String?
    @Option(parsing: .upToNextOption, help: ArgumentHelp("Only relations between A and B.", valueName: "A B")) var pair: [String] = []
    @OptionGroup var rollUp: RollUpOption
    @Option(help: "markdown, csv or json.") var format: Format = .markdown
    @Option(help: ArgumentHelp("Only relations dated on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD).", valueName: "DATE")) var from: String?
    @Option(help: ArgumentHelp("Only relations dated on or before DATE (YYYY, YYYY-MM or YYYY-MM-DD).", valueName: "DATE")) var to: String?
    @Flag(help: "Print JSON (the same as --format json).") var json = false

    func validate() throws {
        if !pair.isEmpty, pair.count != 2 { throw ValidationError("--pair takes two actors, e.g. --pair Russia Belarus") }
        for (name, value) in [("--from", from), ("--to", to)] {
            if let value, !Timeline.isDateBound(value) {
                throw ValidationError("\(name) \"\(value)\" is not a date: write YYYY, YYYY-MM or YYYY-MM-DD, e.g. \(name) 2014-03")
            }
        }
    }

    func run() throws {
        let analyzer = try grades.analyzer(store: store.openForReading(), reviewedOnly: review.reviewedOnly)
        let timeline = try analyzer.timeline(actor: actor, pair: pair.count == 2 ? (pair[0], pair[1]) : nil,
                                           rollUp: rollUp.states)
            .dated(from: from, to: to)
        switch json ? .json : format {
        case .json: try Output.json(timeline)
        case .csv: print(ViewPages.timelineCSV(timeline), terminator: "")
        case .markdown: print(PageRenderer.markdown(ViewPages.timeline(timeline)), terminator: "")
        }
    }
}
