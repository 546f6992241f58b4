import Foundation
import Testing

/// Issue 11, item 4, through the real binary: a relation whose target is a place goes to the
/// place's state and carries the place as `location` in the exports, the listing and `explain`.
@Suite(.serialized) struct PlaceCommandTests {
    static let text = "Russia shelled Kherson overnight.\n"

    @Test func theLocationTravelsToEveryOutput() async throws {
        let cli = try CLIHarness()
        try await cli.run(["ingest", "-"], stdin: Self.text)
        let line = try #require(try await cli.run(["export", "relations", "--format", "jsonl"]).stdout.split(separator: "\n").first)
        let row = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(row["target"] as? String == "Ukraine")
        #expect(row["target_text"] as? String == "Kherson")
        #expect(row["location"] as? String == "Kherson")
        let csv = try await cli.run(["export", "relations", "--format", "csv"]).stdout.split(separator: "\n")
        let header = try #require(csv.first).split(separator: ",").map(String.init)
        let values = try #require(csv.dropFirst().first).split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let column = try #require(header.firstIndex(of: "location"))
        #expect(values[column] == "Kherson")
        let listed = try await cli.run(["relations", "--target", "Ukraine"]).stdout
        #expect(listed.contains("Russia —ASSAULT→ Ukraine  (") && listed.contains("at Kherson"), "\(listed)")
        let json = try await cli.run(["relations", "--json"]).stdout
        #expect(json.contains("\"location\" : \"Kherson\"") || json.contains("\"location\":\"Kherson\""), "\(json)")
    }

    @Test func explainShowsThePlaceAndWhereTheRelationGoes() async throws {
        let cli = try CLIHarness()
        let file = try cli.write("place.txt", Self.text)
        let explained = try await cli.run(["explain", file])
        #expect(explained.status == 0, "\(explained.stderr)")
        #expect(explained.stdout.contains("a place of Ukraine"), "\(explained.stdout)")
        #expect(explained.stdout.contains("→ Ukraine  at Kherson"), "\(explained.stdout)")
    }
}
