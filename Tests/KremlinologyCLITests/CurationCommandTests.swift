import Foundation
import Testing

/// The curation commands as an analyst types them (issue 15): decisions change every listing
/// and export, the log shows them, undo reverts them, and the exported pack reads a fresh
/// store to the same result.
@Suite struct CurationCommandTests {
    static let notes = [
        ("notes/a.md", "# A\n\nValery Solovey criticised Vladimir Putin over the mobilisation.\n\nValery Solovey praised Belarus for its restraint.\n"),
        ("notes/b.md", "# B\n\nValery Soloviev condemned Russia for the missile strikes.\n"),
        ("notes/c.md", "# C\n\nRussia threatened Belarus with a gas embargo.\n"),
    ]

    @Test func mergeDismissUndoAndExportFromTheCommandLine() async throws {
        let cli = try CLIHarness()
        for (path, text) in Self.notes { try cli.write(path, text) }
        #expect(try await cli.run(["ingest", "notes"]).status == 0)

        let merged = try await cli.run(["actors", "merge", "Valery Solovey", "valery soloviev", "--note", "one man", "--author", "ana"])
        #expect(merged.status == 0, "\(merged.stderr)")
        #expect(merged.stdout.contains("#1 merge Valery Soloviev into Valery Solovey: re-extracted 2 documents"), "\(merged.stdout)")
        #expect(merged.stdout.contains("kremlinology curation undo 1"))
        let actors = try await cli.run(["actors", "--json"])
        #expect(actors.stdout.contains("\"Valery Solovey\"") && !actors.stdout.contains("\"name\" : \"Valery Soloviev\""))

        let dismissed = try await cli.run(["actors", "dismiss", "Belarus"])
        #expect(dismissed.status == 0, "\(dismissed.stderr)")
        #expect(try await cli.run(["wiki", "--out", "kb"]).status == 0)
        let pages = try FileManager.default.contentsOfDirectory(atPath: cli.folder.appendingPathComponent("kb").path)
        #expect(!pages.contains { $0.hasPrefix("Belarus") } && pages.contains { $0.hasPrefix("Russia") }, "\(pages)")
        let network = try await cli.run(["network", "--format", "graphml"])
        #expect(!network.stdout.contains("Belarus") && network.stdout.contains("Russia"))

        let log = try await cli.run(["curation", "log"])
        #expect(log.stdout.contains("merge Valery Soloviev into Valery Solovey — one man") && log.stdout.contains("ana"), "\(log.stdout)")
        #expect(log.stdout.contains("2 of 2 decisions hold"))

        // The pack of these decisions reads a fresh store to the same actors.
        let exported = try await cli.run(["curation", "export", "--pack", "my-curation"])
        #expect(exported.status == 0 && exported.stdout.contains("names dismissed"), "\(exported.stdout)")
        let fresh = try CLIHarness()
        for (path, text) in Self.notes { try fresh.write(path, text) }
        let pack = cli.folder.appendingPathComponent("my-curation").path
        #expect(try await fresh.run(["ingest", "notes", "--pack", pack]).status == 0)
        #expect(try await fresh.run(["actors", "--json"]).stdout == cli.run(["actors", "--json"]).stdout)

        let undone = try await cli.run(["curation", "undo", "2"])
        #expect(undone.status == 0 && undone.stdout.contains("undid #2 dismiss Belarus"), "\(undone.stdout)")
        #expect(try await cli.run(["actors"]).stdout.contains("Belarus"))
        let again = try await cli.run(["curation", "undo", "2"])
        #expect(again.status != 0 && again.stderr.contains("undone already"), "\(again.stderr)")

        let unknown = try await cli.run(["actors", "merge", "Russia", "Atlantis"])
        #expect(unknown.status != 0 && unknown.stderr.contains("no actor \"Atlantis\""), "\(unknown.stderr)")
        for command in [["actors", "merge"], ["actors", "split"], ["actors", "dismiss"], ["actors", "promote"], ["actors", "alias", "add"],
                        ["curation", "log"], ["curation", "undo"], ["curation", "export"]] {
            #expect(try await cli.run(command + ["--help"]).stdout.contains("Example"), "\(command) --help has an example")
        }
    }
}
