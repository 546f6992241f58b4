import ArgumentParser
import Foundation
import KremlinologyIngest
import KremlinologyPipeline
import KremlinologyStore

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Ingest the bundled example corpus into a temporary store and show what Kremlinology finds.",
        discussion: """
            The examples (one file per supported format) live in Examples/ of the source tree.
            Example: swift run -c release kremlinology demo
            """)

    @Option(help: "The folder of example documents (default: Examples/ of the source tree).") var examples: String?
    @Option(help: "What to search for in the demo.") var query = "loan Belarus"

    func run() throws {
        let folder = try examplesFolder()
        let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("kremlinology-demo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: temporary) }
        let corpus = try StoreLocation.open(temporary.appendingPathComponent("demo.sqlite").path)
        let facts = try FactExtraction(packDirectories: [])
        let (collected, storedPaths) = StoredPaths.collect([folder])
        let report = CorpusIngestor(store: corpus, extraction: facts.closure).ingest(
            files: collected.files, displayPaths: storedPaths,
            event: { if case .failed(_, let message) = $0 { Output.error("✗ \(message)") } })
        print("== Ingested \(report.files) example files from \(folder) (\(report.failed) failed)\n")
        for stored in try corpus.documents(limit: 100, offset: 0) {
            print("  \(Output.pad(stored.document.fileName, 18)) \(Output.pad(stored.document.kind.rawValue, 11)) "
                  + "\(stored.passageCount) passages, \(stored.relationCount) relations")
        }
        print("\n== Stats")
        StatsCommand.print(try corpus.stats())
        print("\n== search \"\(query)\"")
        for hit in try corpus.search(SearchQuery(text: query, limit: 3)) {
            print("  \(hit.fileName) \(Output.locator(hit.locator))\n    \(hit.snippet.replacingOccurrences(of: "\n", with: " "))")
        }
        print("\n== Relations")
        for stored in try corpus.relations(RelationFilter(limit: 12)) where stored.relation.modality != .negated {
            let r = stored.relation
            print("  \(r.source) —\(r.type.rawValue)→ \(r.target)  [\(r.modality.rawValue)] \(stored.fileName) \(stored.locator.label)")
        }
        print("\nNext: kremlinology ingest YOUR_FOLDER, then kremlinology search, actors, relations, explain.")
    }

    private func examplesFolder() throws -> String {
        let sourceTree = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let candidates: [String] = [examples, sourceTree.appendingPathComponent("Examples").path,
                                    FileManager.default.currentDirectoryPath + "/Examples"].compactMap { $0 }
        for candidate in candidates where FileManager.default.fileExists(atPath: candidate) { return candidate }
        throw CommandError.notFound("no Examples folder found (looked in \(candidates.joined(separator: ", "))); pass --examples DIR")
    }
}
