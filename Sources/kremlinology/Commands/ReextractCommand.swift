import ArgumentParser
import Foundation
import KremlinologyPipeline

struct ReextractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reextract",
        abstract: "Extract the facts of every stored document again, after the knowledge pack changed.",
        discussion: """
            Each document's facts are replaced in one transaction; passages and text stay as they are.
            Example: kremlinology reextract --pack my-pack/
            """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var pack: PackOptions

    func run() throws {
        let corpus = try store.openForWriting()
        let reextraction = Reextraction(store: corpus, facts: try pack.load(curatedBy: corpus))
        let line = ProgressLine(enabled: isatty(STDERR_FILENO) != 0)
        let report = try reextraction.run(progress: line.update)
        line.finish()
        print("re-extracted \(report.documents) documents: \(report.relations) relations")
        // Judgements hold again where the same words yield the same fact; the others are reported.
        let orphaned = try corpus.orphanedJudgements().count
        if orphaned > 0 {
            print("\(orphaned) judgement\(orphaned == 1 ? "" : "s") no longer match a relation; `kremlinology relations judge --orphaned` lists them")
        }
    }
}
