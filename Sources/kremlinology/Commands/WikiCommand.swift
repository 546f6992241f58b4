import ArgumentParser
import Foundation
import KremlinologyAnalysis

struct WikiCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wiki",
        abstract: "Generate a static knowledge base: a page per actor, per dyad and per outlet.",
        discussion: """
            Writes Obsidian-compatible Markdown with [[wikilinks]] into DIR (open DIR as a vault; \
            start at index.md) and the same pages as HTML into DIR/html (start at index.html). \
            Every figure cites its quote, document and locator with a deep link.
            Examples:
              kremlinology wiki --out kb
              kremlinology wiki --out kb-reliable --min-grade C6   # only A–C sources
            """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var review: ReviewOption
    @OptionGroup var grades: GradeOptions
    @Option(help: ArgumentHelp("The folder to write.", valueName: "DIR")) var out: String

    func run() throws {
        let analyzer = try grades.analyzer(store: store.openForReading(), reviewedOnly: review.reviewedOnly)
        let count = try analyzer.wiki().write(to: URL(fileURLWithPath: out, isDirectory: true))
        print("Wrote \(count) pages to \(out) (Markdown) and \(out)/html (HTML); start at index.md or html/index.html")
    }
}
