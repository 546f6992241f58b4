import ArgumentParser
import Foundation
import KremlinologyModel
import KremlinologyPipeline
import KremlinologyStore

struct CurationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "curation",
        abstract: "The log of curation decisions about actors: list them, undo one, export them as a pack.",
        discussion: """
            Decisions are made with `kremlinology actors merge|split|rename|alias|dismiss|promote`.
            Examples:
              kremlinology curation log
              kremlinology curation undo 3
              kremlinology curation export --pack my-curation/
              kremlinology ingest notes/ --db fresh.sqlite --pack my-curation/
            """,
        subcommands: [CurationLogCommand.self, CurationUndoCommand.self, CurationExportCommand.self],
        defaultSubcommand: CurationLogCommand.self)
}

struct CurationLogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "List the curation decisions in the order they were made, undone ones marked (the default).",
        discussion: "Example: kremlinology curation log --json")

    @OptionGroup var store: StoreOptions
    @OptionGroup var pack: PackOptions
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let corpus = try store.openForReading()
        let decisions = try corpus.curations(includingUndone: true)
        if json { return try Output.json(decisions) }
        if decisions.isEmpty { return Output.line("No curation decisions yet; `kremlinology actors --help` shows how to make one.") }
        // Decisions that an undo left without the actor they act on are named.
        let skipped = Dictionary(try Curator(store: corpus, packDirectories: pack.directories).plan().skipped
            .compactMap { item in item.decision.id.map { ($0, item.reason) } }, uniquingKeysWith: { first, _ in first })
        Output.line("\(Output.pad("ID", 5))  \(Output.pad("DECIDED", 20))  \(Output.pad("BY", 12))  DECISION")
        for decision in decisions {
            let id = decision.id ?? 0
            var line = "\(Output.pad(String(id), 5))  \(Output.pad(String(decision.decidedAt.prefix(19)), 20))  "
                + "\(Output.pad(Output.clip(decision.author ?? "-", 12), 12))  \(decision.summary)"
            if let note = decision.note { line += " — \(note)" }
            if let undone = decision.undoneAt { line += "  [undone \(undone.prefix(19))]" }
            if let reason = skipped[id] { line += "  [no longer applies: \(reason)]" }
            Output.line(line)
        }
        Output.line("\(decisions.filter(\.holds).count) of \(decisions.count) decisions hold")
    }
}

struct CurationUndoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "undo",
        abstract: "Undo a curation decision: the documents it changed are extracted again without it.",
        discussion: "Example: kremlinology curation undo 3")

    @OptionGroup var store: StoreOptions
    @OptionGroup var pack: PackOptions
    @Argument(help: "The decision's id, as `curation log` shows it.") var id: Int64
    @Flag(help: "Print the outcome as JSON.") var json = false

    func run() throws {
        let curator = try Curator(store: try store.openForWriting(), packDirectories: pack.directories)
        let line = ProgressLine(enabled: isatty(STDERR_FILENO) != 0 && !json)
        let outcome = try curator.undo(id: id, progress: line.update)
        line.finish()
        if json { return try Output.json(outcome) }
        Output.line("undid #\(id) \(outcome.decision.summary): re-extracted \(outcome.documents) document"
                    + "\(outcome.documents == 1 ? "" : "s") (\(outcome.relations) relations now)")
        for skipped in outcome.skipped { Output.line("  no longer applies: \(skipped)") }
    }
}

struct CurationExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the decisions that hold as a knowledge-pack folder, for another store's --pack.",
        discussion: """
            The folder holds actors/curation.yaml (the actors as the decisions made them; `removed: true`
            for those merged away or dismissed) and cues-curation.tsv (the dismissed names). Another
            store loads it with --pack, after the packs this store was read with (name those with
            --read-with, as they were given to `ingest --pack`).
            Example: kremlinology curation export --pack my-curation/ && kremlinology ingest notes/ --db fresh.sqlite --pack my-curation/
            """)

    @OptionGroup var store: StoreOptions
    @Option(name: .customLong("pack"), help: ArgumentHelp("The folder to write (created when missing).", valueName: "DIR"))
    var folder: String
    @Option(name: .customLong("read-with"), help: ArgumentHelp(
        "A pack folder this store's documents were read with (`ingest --pack`). Repeatable.", valueName: "DIR"))
    var packs: [String] = []

    func run() throws {
        let curator = try Curator(store: try store.openForReading(), packDirectories: packs)
        let plan = try curator.exportPack(to: URL(fileURLWithPath: folder))
        let changed = plan.actors.filter { plan.base[$0.key] != $0.value }.count
        let removed = plan.base.keys.filter { plan.actors[$0] == nil }.count
        Output.line("wrote \(folder): \(changed) actors made or changed, \(removed) taken out, \(plan.notActors.count) names dismissed")
        for item in plan.skipped { Output.line("  left out, no longer applies: \(item.decision.summary): \(item.reason)") }
    }
}
