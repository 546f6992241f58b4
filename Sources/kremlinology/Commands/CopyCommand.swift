import ArgumentParser
import Foundation
import KremlinologyPipeline
import KremlinologyStore

struct CopyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy",
        abstract: "Copy a whole store to another, e.g. a SQLite file to PostgreSQL or back.",
        discussion: """
            Documents, passages, topic links, actors, mentions, relations and claims are copied \
            as they are; documents already in the target with the same bytes are left alone.
            Examples:
              kremlinology copy --from corpus.sqlite --to postgres://team@db.local/corpus
              kremlinology copy --from postgres://team@db.local/corpus --to laptop.sqlite
            """)

    @Option(help: ArgumentHelp("The store to read: a SQLite file or a postgres:// URL.", valueName: "FILE|URL")) var from: String
    @Option(help: ArgumentHelp("The store to write (created if missing).", valueName: "FILE|URL")) var to: String

    func run() throws {
        let source = try StoreLocation.open(from, readOnly: true)
        let target = try StoreLocation.open(to)
        let report = try StoreCopier(from: source, to: target).copy()
        print("copied \(report.files) documents (\(Output.bytes(report.bytes)) in \(String(format: "%.2f", report.seconds)) s) "
              + "from \(Self.display(from)) to \(Self.display(to)): added \(report.added), unchanged \(report.unchanged), "
              + "replaced \(report.replaced)")
    }

    /// A location for messages, without a password.
    static func display(_ location: String) -> String {
        (try? PostgresLocation(url: location).description) ?? location
    }
}
