import Foundation
import Testing
import KremlinologyStore

/// Every command that reads or writes a store answers the same on PostgreSQL as on SQLite.
@Suite(.serialized, .enabled(if: TestPostgres.enabled && CLIHarness.hasSeeds, "needs ../shared/seeds and KREMLINOLOGY_TEST_POSTGRES"))
struct BackendParityTests {
    @Test func everyCommandGivesTheSameAnswerOnBothBackends() async throws {
        let sqlite = try CLIHarness(), postgres = try CLIHarness(postgres: true)
        for cli in [sqlite, postgres] {
            let ingested = try await cli.run(["ingest", CLIHarness.seeds.path])
            #expect(ingested.status == 0, "\(ingested.stderr)")
            #expect(ingested.stdout.contains("added 5, unchanged 0"))
        }
        let sameOutput: [[String]] = [
            ["documents", "--json"], ["stats", "--json"], ["actors", "--top", "20", "--json"],
            ["relations", "--json"], ["relations", "--source", "Russia", "--json"], ["relations", "--modality", "negated", "--json"],
            ["show", "000_e1470ed089bcd8ad.txt"], ["show", "000_e1470ed089bcd8ad.txt", "--text"],
            ["export", "relations", "--format", "jsonl"], ["export", "actors", "--format", "csv"],
            ["explain", "000_e1470ed089bcd8ad.txt", "--sentence", "12"],
        ]
        for arguments in sameOutput {
            let a = try await sqlite.run(arguments), b = try await postgres.run(arguments)
            #expect(b.status == 0, "\(arguments): \(b.stderr)")
            #expect(a.stdout == b.stdout, "\(arguments) differs between SQLite and PostgreSQL")
        }
        // Ranking functions differ (BM25 and ts_rank_cd): the same passages are found, at the same locators.
        for query in ["hybrid warfare", "Lukashenko", "\"hybrid warfare\""] {
            let a = try await hits(sqlite, query), b = try await hits(postgres, query)
            #expect(!a.isEmpty)
            #expect(a == b, "search \(query) finds other passages")
        }
        let reextract = try await postgres.run(["reextract"])
        #expect(reextract.status == 0, "\(reextract.stderr)")
        #expect(try await postgres.run(["stats", "--json"]).stdout == sqlite.run(["stats", "--json"]).stdout)
    }

    /// File, passage and locator of every hit, sorted.
    private func hits(_ cli: CLIHarness, _ query: String) async throws -> [String] {
        let result = try await cli.run(["search", query, "--json", "--limit", "100"])
        let hits = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]], "\(result.stderr)")
        return hits.map { hit in
            let locator = hit["locator"] as? [String: Any]
            return "\(hit["fileName"] ?? "") \(hit["passageIndex"] ?? "") \(locator?["timestamp"] ?? "") \(locator?["paragraph"] ?? "")"
        }.sorted()
    }
}
