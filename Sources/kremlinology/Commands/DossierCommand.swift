import ArgumentParser
import Foundation
import KremlinologyAnalysis

struct DossierCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dossier",
        abstract: "Everything the corpus says about one actor, each figure with its quotes.",
        discussion: """
            Kind, affiliations and roles, Wikidata link; relations out and in by counterpart and \
            type with counts and polarity; instruments; inner circle (TRUST ties and people \
            affiliated to the actor's state); the strongest quotes with document, locator and \
            deep link; which outlets tell the actor's relations and with what polarity. \
            Negated relations are listed apart and never counted. \
            The actor is matched case-insensitively, then by a unique alias or prefix.
            Examples:
              kremlinology dossier "Vladimir Putin"
              kremlinology dossier putin --html putin.html
              kremlinology dossier Russia --json
              kremlinology dossier Russia --roll-up states   # Putin's, Lavrov's … relations as Russia's
              kremlinology dossier Russia --min-grade C3 --pack my-pack/   # my-pack/sources.yaml grades the outlets
            """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var review: ReviewOption
    @OptionGroup var grades: GradeOptions
    @Argument(help: "The actor: canonical name, alias or unique prefix.") var actor: String
    @OptionGroup var rollUp: RollUpOption
    @Flag(help: "Print Markdown (the default).") var markdown = false
    @Option(help: ArgumentHelp("Write a self-contained HTML page to FILE.", valueName: "FILE")) var html: String?
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let analyzer = try grades.analyzer(store: store.openForReading(), reviewedOnly: review.reviewedOnly)
        let dossier = try analyzer.dossier(actor, rollUp: rollUp.states)
        if json { return try Output.json(dossier) }
        let page = ViewPages.dossier(dossier)
        if let html {
            try Data(PageRenderer.html(page).utf8).write(to: URL(fileURLWithPath: html))
            return print("Wrote \(html)")
        }
        print(PageRenderer.markdown(page), terminator: "")
    }
}
