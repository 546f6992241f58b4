import Foundation
import ArgumentParser
import KremlinologyModel
import KremlinologyStore

struct RelationsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "relations",
        abstract: "List relations with their quotes and locators, or judge one.",
        discussion: """
            Examples:
              kremlinology relations --source "Vladimir Putin"
              kremlinology relations judge 1234 wrong --note "the speaker is quoting a rumour"
            """,
        subcommands: [RelationsListCommand.self, RelationsJudgeCommand.self],
        defaultSubcommand: RelationsListCommand.self)
}

struct RelationsListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List relations with their quotes and locators (the default).",
        discussion: """
            Negated relations are listed only when asked for with --modality negated, and are
            never facts: they record that a source denies or rules out the event.
            Examples:
              kremlinology relations --source "Vladimir Putin"
              kremlinology relations --source Russia --target Belarus --type AID --json
              kremlinology relations --modality negated
              kremlinology relations --source Russia --min-sources 3
              kremlinology relations --source Russia --min-grade B3   # A or B sources, credibility 1–3
            A claim's sources are independent: the notes of one video, copies of one URL and
            near-identical texts are one source. "sources N" on each line is its corroboration.
            "grade B2" is its Admiralty grade: the outlet's reliability (A–F; `outlets` lists
            them) and the claim's credibility (1–6, from its corroboration, modality and
            contradiction; docs/ANALYSIS.md).
            """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var grades: GradeOptions
    @Option(help: "Canonical name of the source actor.") var source: String?
    @Option(help: "Canonical name of the target actor.") var target: String?
    @Option(help: "Relation type, e.g. AID, ASSAULT, TRUST.") var type: RelationType?
    @Option(help: "asserted, reported, expected, hypothetical or negated.") var modality: Modality?
    @Option(help: "Only documents from this outlet.") var outlet: String?
    @Option(help: "Only relations that at least N independent sources state (videos, URLs and near-identical texts count once).")
    var minSources = 1
    @Option(help: "Show at most this many relations.") var limit = 200
    @Option(help: "Skip this many relations first.") var offset = 0
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let corpus = try store.openForReading()
        let filter = RelationFilter(source: source, target: target, type: type, modality: modality, outlet: outlet,
                                    includeNegated: false, minSources: minSources, limit: limit, offset: offset)
        guard minSources >= 1 else { throw CommandError.invalidInput("--min-sources must be 1 or more, got \(minSources)") }
        let grading = try SourceGrading(catalog: grades.catalog(), store: corpus)
        let (relations, total) = try grading.listing(filter, atLeast: grades.minimum, in: corpus)
        if relations.isEmpty, let outlet {
            let known = try corpus.stats().outlets.keys.sorted()
            if !known.contains(where: { $0.lowercased() == outlet.lowercased() }) {
                throw CommandError.notFound("no document comes from the outlet \"\(outlet)\"; the corpus has "
                                            + (known.isEmpty ? "no outlet yet" : known.joined(separator: ", ")))
            }
        }
        if json { return try Output.json(relations) }
        if relations.isEmpty {
            return Output.line("No relation matches" + (grades.minimum.map { " with a grade of \($0) or better" } ?? "") + ".")
        }
        for stored in relations {
            let r = stored.relation
            let extras = [stored.grade.map { "grade \($0)" }, r.modality == .asserted ? nil : r.modality.rawValue,
                          r.instruments.isEmpty ? nil : r.instruments.map(\.rawValue).joined(separator: ","),
                          r.time, r.location.map { "at \($0)" }, r.attribution.map { "per \($0)" },
                          stored.corroboration.map { "sources \($0)" }].compactMap { $0 }
            let head = "\(r.source) —\(r.type.rawValue)→ \(r.target)" + (extras.isEmpty ? "" : "  (\(extras.joined(separator: "; ")))")
            // A fact judged wrong stays listed, struck through, with the note; it counts nowhere.
            switch stored.judgement {
            case .wrong?: Output.line("~~\(head)~~  [#\(stored.id)] JUDGED WRONG" + (stored.judgementNote.map { ": \($0)" } ?? ""))
            case .right?: Output.line("\(head)  [#\(stored.id)] confirmed" + (stored.judgementNote.map { ": \($0)" } ?? ""))
            case nil: Output.line("\(head)  [#\(stored.id)]")
            }
            Output.line("   “\(Output.clip(r.quote, 160))”")
            Output.line("   \(stored.fileName) \(Output.locator(stored.locator))  rule \(r.rule)\n")
        }
        try Output.shown(relations.count, offset: offset, limit: limit, noun: "relations", next: "--offset") {
            try total ?? corpus.countRelations(filter)
        }
    }
}

struct RelationsJudgeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "judge",
        abstract: "Judge a fact wrong (hidden from every view) or right (confirmed); the evidence is never edited.",
        discussion: """
            A judgement is kept beside the relation, keyed by its document, quote range, source, type
            and target: after `reextract` it holds again when the same words yield the same relation,
            and `relations judge --orphaned` lists those that no longer match one. Judging a fact
            again replaces the earlier judgement.

            Examples:
              kremlinology relations judge 1234 wrong --note "a rumour the speaker dismisses"
              kremlinology relations judge 1234 right
              kremlinology relations judge --orphaned --json
            """)

    @OptionGroup var store: StoreOptions
    @Argument(help: "The relation's id (`relations --json` shows it).") var id: Int64?
    @Argument(help: "wrong or right.") var verdict: Verdict?
    @Option(help: "Why: shown beside the fact.") var note: String?
    @Option(help: "Who judges (default: $USER).") var author: String?
    @Flag(help: "List the judgements whose fact the store no longer holds, instead of judging.") var orphaned = false
    @Flag(help: "Print JSON.") var json = false

    func validate() throws {
        if !orphaned && (id == nil || verdict == nil) {
            throw ValidationError("give the relation's id and a verdict (wrong or right), e.g. `relations judge 1234 wrong`")
        }
    }

    func run() throws {
        let corpus = try store.openForWriting()
        if orphaned {
            let list = try corpus.orphanedJudgements()
            if json { return try Output.json(list) }
            if list.isEmpty { return Output.line("Every judgement still matches a stored relation.") }
            for o in list {
                Output.line("\(o.verdict.rawValue): \(o.source) \(o.type) \(o.target) in \(o.documentID)\(o.note.map { " — \($0)" } ?? "")")
            }
            return
        }
        guard let id, let verdict else { return }
        let who = author ?? ProcessInfo.processInfo.environment["USER"]
        let judged = try corpus.judge(relationID: id, verdict: verdict, note: note, author: who)
        if json { return try Output.json(judged) }
        let r = judged.relation
        Output.line("judged \(verdict.rawValue): \(r.source) \(r.type.rawValue) \(r.target) — \"\(Output.clip(r.quote, 100))\""
                    + (verdict == .wrong ? "; it is left out of every view from now on" : "; marked as confirmed"))
    }
}

extension Verdict: ExpressibleByArgument {}
