import ArgumentParser
import Foundation
import KremlinologyModel
import KremlinologyPipeline
import KremlinologyStore

/// What every curation command takes: the store, its packs, who decides and why.
struct CurationOptions: ParsableArguments {
    @OptionGroup var store: StoreOptions
    @OptionGroup var pack: PackOptions
    @Option(help: "Why, in your words: kept in the curation log.") var note: String?
    @Option(help: "Who decides (default: $USER).") var author: String?
    @Flag(help: "Print the outcome as JSON.") var json = false

    /// Records `decision` and extracts again the documents it changes, with a progress line.
    func decide(_ decision: CurationDecision) throws {
        var decision = decision
        decision.note = note
        decision.author = author ?? ProcessInfo.processInfo.environment["USER"]
        let curator = try Curator(store: try store.openForWriting(), packDirectories: pack.directories)
        let line = ProgressLine(enabled: isatty(STDERR_FILENO) != 0 && !json)
        let outcome = try curator.decide(decision, progress: line.update)
        line.finish()
        try report(outcome)
    }

    func report(_ outcome: Curator.Outcome) throws {
        if json { return try Output.json(outcome) }
        let id = outcome.decision.id.map { "#\($0)" } ?? ""
        Output.line("\(id) \(outcome.decision.summary): re-extracted \(outcome.documents) document"
                    + "\(outcome.documents == 1 ? "" : "s") (\(outcome.relations) relations now)")
        for skipped in outcome.skipped { Output.line("  no longer applies: \(skipped)") }
        if let id = outcome.decision.id, outcome.decision.holds { Output.line("undo with: kremlinology curation undo \(id)") }
    }
}

struct ActorsMergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge actor B into actor A: B's names, mentions and relations become A's.",
        discussion: """
            The documents that name either are extracted again; the evidence is never edited.
            Examples:
              kremlinology actors merge "Valery Solovey" "Valery Soloviev"
              kremlinology actors merge Russia "Russian Federation" --into Russia --note "one state"
            """)

    @OptionGroup var options: CurationOptions
    @Argument(help: "The actor that stays (name or alias).") var a: String
    @Argument(help: "The actor merged into it.") var b: String
    @Option(help: "The merged actor's name (default: A's).") var into: String?

    func run() throws {
        try options.decide(CurationDecision(action: .merge, actor: b, other: a, newName: into))
    }
}

struct ActorsSplitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "split",
        abstract: "Undo a wrong merge: the mentions written ALIAS leave NAME for a new actor.",
        discussion: """
            Example: kremlinology actors split "Vladimir Solovyov" --alias "Valery Solovey" --as "Valery Solovey" --kind person
            """)

    @OptionGroup var options: CurationOptions
    @Argument(help: "The actor that has the alias now.") var name: String
    @Option(help: "The name as written that belongs to another actor.") var alias: String
    @Option(name: .customLong("as"), help: "The new actor's name (an existing actor gets the alias).") var newName: String
    @Option(help: "The new actor's kind (default: NAME's).") var kind: ActorKind?

    func run() throws {
        try options.decide(CurationDecision(action: .split, actor: name, newName: newName, alias: alias, kind: kind))
    }
}

struct ActorsRenameCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rename",
        abstract: "Give an actor another canonical name; the old one stays an alias.",
        discussion: "Example: kremlinology actors rename \"Valery Soloviev\" \"Valery Solovey\"")

    @OptionGroup var options: CurationOptions
    @Argument(help: "The actor (name or alias).") var name: String
    @Argument(help: "Its new name.") var newName: String

    func run() throws {
        try options.decide(CurationDecision(action: .rename, actor: name, newName: newName))
    }
}

struct ActorsAliasCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alias",
        abstract: "Add a name an actor goes by, or remove one.",
        discussion: """
            Examples:
              kremlinology actors alias add "Valery Solovey" "Professor Solovey"
              kremlinology actors alias remove "Vladimir Solovyov" Solovyev
            """,
        subcommands: [Add.self, Remove.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add an alias: text written so becomes a mention of the actor (it leaves any other actor).",
            discussion: "Example: kremlinology actors alias add \"Valery Solovey\" \"Professor Solovey\"")
        @OptionGroup var options: CurationOptions
        @Argument(help: "The actor.") var name: String
        @Argument(help: "The alias, as written.") var alias: String
        func run() throws { try options.decide(CurationDecision(action: .aliasAdd, actor: name, alias: alias)) }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove an alias of an actor.",
            discussion: "Example: kremlinology actors alias remove \"Vladimir Solovyov\" Solovyev")
        @OptionGroup var options: CurationOptions
        @Argument(help: "The actor.") var name: String
        @Argument(help: "The alias to remove.") var alias: String
        func run() throws { try options.decide(CurationDecision(action: .aliasRemove, actor: name, alias: alias)) }
    }
}

struct ActorsDismissCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dismiss",
        abstract: "Say a name is not an actor: its mentions stop being actors everywhere.",
        discussion: "Example: kremlinology actors dismiss Happening --note \"a heading, not an actor\"")

    @OptionGroup var options: CurationOptions
    @Argument(help: "The actor (name or alias).") var name: String

    func run() throws { try options.decide(CurationDecision(action: .dismiss, actor: name)) }
}

struct ActorsPromoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "promote",
        abstract: "Make an unreviewed (open-world) actor a reviewed one, of the kind you name.",
        discussion: "Example: kremlinology actors promote \"Alan Gagloyev\" --kind person")

    @OptionGroup var options: CurationOptions
    @Argument(help: "The actor (name or alias).") var name: String
    @Option(help: "Its kind: \(ActorKind.allCases.map(\.rawValue).joined(separator: ", ")) (default: the guessed one).")
    var kind: ActorKind?

    func run() throws { try options.decide(CurationDecision(action: .promote, actor: name, kind: kind)) }
}
