import Foundation
import Testing

/// `kremlinology actors --unreviewed`: the open-world actors of a store, with mentions, documents
/// and one example quote each, paged like every listing; on a SQLite file, and on PostgreSQL
/// when the tests have a server.
@Suite(.serialized) struct UnreviewedActorsCommandTests {
    static let notes = [
        "Zembla agreed to restore diplomatic ties with Freedonia.",
        "Russia imposed sanctions on Zembla. Zembla later accused Freedonia of espionage.",
    ]

    func ingested(postgres: Bool) async throws -> CLIHarness {
        let cli = try CLIHarness(postgres: postgres)
        let folder = cli.folder.appendingPathComponent("notes")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (n, text) in Self.notes.enumerated() {
            try text.write(to: folder.appendingPathComponent("note\(n).txt"), atomically: true, encoding: .utf8)
        }
        #expect(try await cli.run(["ingest", folder.path]).status == 0)
        return cli
    }

    func listsThem(_ cli: CLIHarness) async throws {
        let table = try await cli.run(["actors", "--unreviewed"])
        #expect(table.status == 0, "\(table.stderr)")
        let lines = table.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("UNREVIEWED ACTOR") == true, "\(table.stdout)")
        #expect(lines.count == 3, "\(table.stdout)")
        #expect(lines[1].hasPrefix("Zembla") && lines[1].contains("\"Zembla agreed to restore diplomatic ties with Freedonia.\" (note0.txt)"),
                "\(table.stdout)")
        #expect(!table.stdout.contains("Russia"))
        let page = try await cli.run(["actors", "--unreviewed", "--limit", "1"])
        #expect(page.stdout.contains("Showing 1–1 of 2 unreviewed actors; the next ones with --offset 1."), "\(page.stdout)")
        let json = try await cli.run(["actors", "--unreviewed", "--json", "--offset", "1"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]], "\(json.stdout)")
        #expect(rows.count == 1)
        #expect((rows.first?["actor"] as? [String: Any])?["name"] as? String == "Freedonia")
        #expect((rows.first?["actor"] as? [String: Any])?["reviewed"] as? Bool == false)
        #expect(rows.first?["mentions"] as? Int == 2)
    }

    @Test func onASQLiteFile() async throws {
        try await listsThem(try await ingested(postgres: false))
    }

    @Test(.enabled(if: TestPostgres.enabled, TestPostgres.skipped)) func onPostgreSQL() async throws {
        try await listsThem(try await ingested(postgres: true))
    }

    @Test func aStoreWithoutThemSaysSo() async throws {
        let cli = try CLIHarness()
        try await cli.run(["ingest", "-"], stdin: "Russia attacked Ukraine.")
        #expect(try await cli.run(["actors", "--unreviewed"]).stdout.contains("No unreviewed actors"))
    }
}
