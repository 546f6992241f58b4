import ArgumentParser
import Foundation
import KremlinologyModel
import KremlinologyStore

struct OutletsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outlets",
        abstract: "List the outlets with their type and reliability grade (Admiralty code), or grade one.",
        discussion: """
            Every outlet (a document's outlet; for a video note, its channel) has a type and a \
            reliability from A (completely reliable) to F (cannot be judged). The pack's \
            sources.yaml gives defaults by type and grades for known outlets: a starting point, \
            never a verdict. An analyst's grade overrides them and is kept in the store.

            Examples:
              kremlinology outlets
              kremlinology outlets grade RT E --note "state media; reviewed its record on Ukraine"
              kremlinology outlets --json
            """,
        subcommands: [OutletsListCommand.self, OutletsGradeCommand.self],
        defaultSubcommand: OutletsListCommand.self)
}

struct OutletsListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the outlets with type, grade, where the grade comes from, documents and claims (the default).",
        discussion: """
            FROM says where each grade comes from: analyst (who, when), pack (sources.yaml names the \
            outlet), type default (sources.yaml's default for its type), or unlisted (neither knows \
            it: F, reliability cannot be judged). An outlet the pack does not list whose documents \
            are all video notes is a video channel. CLAIMS counts each source's statement once.

            Examples:
              kremlinology outlets
              kremlinology outlets --limit 10 --offset 10
              kremlinology outlets --pack my-pack/ --json   # my-pack/sources.yaml over the bundled one
            """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var pack: SourcesPackOption
    @Option(help: "Show at most this many outlets.") var limit = 100
    @Option(help: "Skip this many outlets first.") var offset = 0
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let corpus = try store.openForReading()
        let grading = try SourceGrading(catalog: pack.catalog(), store: corpus)
        let all = try grading.outlets(in: corpus)
        let page = Array(all.dropFirst(max(0, offset)).prefix(max(0, limit)))
        if json { return try Output.json(page) }
        if all.isEmpty { return Output.line("No outlets yet. Ingest documents first: kremlinology ingest PATH") }
        Output.line("\(Output.pad("OUTLET", 28))  \(Output.pad("TYPE", 17))  GRADE  \(Output.pad("FROM", 28))  DOCS  CLAIMS")
        for o in page {
            Output.line("\(Output.pad(Output.clip(o.outlet, 28), 28))  \(Output.pad(o.type?.rawValue ?? "unknown", 17))  "
                        + "\(Output.pad(o.reliability.rawValue, 5))  \(Output.pad(Output.clip(o.originLabel, 28), 28))  "
                        + "\(Output.pad(String(o.documents), 4))  \(o.claims)" + (o.note.map { "  — \(Output.clip($0, 60))" } ?? ""))
        }
        Output.shown(page.count, offset: max(0, offset), limit: limit, noun: "outlets", next: "--offset") { all.count }
    }
}

struct OutletsGradeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grade",
        abstract: "Grade an outlet's reliability (A–F); every view applies it at once.",
        discussion: """
            The grade is kept in the store with who gave it, when and why; grading again replaces \
            it and keeps the earlier one on record. --reset returns the outlet to the pack's \
            default. The outlet is matched case-insensitively among the corpus's outlets, then \
            the names and aliases of sources.yaml.
              A completely reliable   B usually reliable   C fairly reliable
              D not usually reliable  E unreliable         F reliability cannot be judged

            Examples:
              kremlinology outlets grade RT E --note "state media; reviewed its record on Ukraine"
              kremlinology outlets grade bonus_professor C --author ana
              kremlinology outlets grade RT --reset
            """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var pack: SourcesPackOption
    @Argument(help: "The outlet, as `outlets` lists it.") var outlet: String
    @Argument(help: "The reliability: one letter A–F.") var reliability: String?
    @Option(help: "Why: shown beside the grade.") var note: String?
    @Option(help: "Who grades (default: $USER).") var author: String?
    @Flag(help: "Return the outlet to the pack's default grade instead.") var reset = false
    @Flag(help: "Print JSON.") var json = false

    func validate() throws {
        switch (reliability, reset) {
        case (nil, false): throw ValidationError("give a reliability letter A–F, e.g. `outlets grade \(outlet) E`, or --reset")
        case (_?, true): throw ValidationError("give either a reliability letter or --reset, not both")
        case (let letter?, false) where Reliability(letter: letter) == nil:
            throw ValidationError("the reliability must be \(Reliability.expectedForm); got \"\(letter)\"")
        default: break
        }
    }

    func run() throws {
        let corpus = try store.openForWriting()
        let grading = try SourceGrading(catalog: pack.catalog(), store: corpus)
        let graded = try grading.grade(outlet: outlet, reliability: reliability.flatMap(Reliability.init(letter:)), note: note,
                                       author: author ?? ProcessInfo.processInfo.environment["USER"], in: corpus)
        if json { return try Output.json(graded) }
        Output.line("\(graded.outlet): \(graded.reliability.rawValue) (\(graded.reliability.meaning)), from \(graded.originLabel)"
                    + "; \(graded.claims) claim\(graded.claims == 1 ? "" : "s") carry it in every view from now on")
    }
}
