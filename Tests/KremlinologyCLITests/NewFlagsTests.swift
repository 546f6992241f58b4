import Foundation
import Testing

/// What the commands and flags added with the pipeline and the views print.
@Suite(.serialized) struct NewFlagsTests {
    @Test(.enabled(if: CLIHarness.hasSeeds, "../shared/seeds is absent: seed tests skipped"))
    func exportClaimsWritesOneClaimALineWithCodePointOffsets() async throws {
        let cli = try CLIHarness()
        try await cli.run(["ingest", CLIHarness.seeds.path])
        let lines = try await cli.run(["export", "claims"]).stdout.split(separator: "\n")
        #expect(lines.count > 5)
        for line in lines {
            let row = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(Set(row.keys) == ["speaker", "quote", "modality", "attribution", "document", "start", "end"])
            let document = try #require(row["document"] as? String)
            let text = Array(try await cli.run(["show", document, "--text"]).stdout.unicodeScalars)
            let start = try #require(row["start"] as? Int), end = try #require(row["end"] as? Int)
            var quote = String.UnicodeScalarView()
            quote.append(contentsOf: text[start..<min(end, text.count)])
            #expect(String(quote) == row["quote"] as? String)
        }
        let csv = try await cli.run(["export", "claims", "--format", "csv"]).stdout
        #expect(csv.hasPrefix("speaker,quote,modality,attribution,document,start,end\n"))
    }

    @Test(.enabled(if: CLIHarness.hasSeeds, "../shared/seeds is absent: seed tests skipped"))
    func timelineBoundsKeepOnlyEntriesDatedWithinThem() async throws {
        let cli = try CLIHarness()
        try await cli.run(["ingest", CLIHarness.seeds.path])
        let bad = try await cli.run(["timeline", "--from", "2014-13"])
        #expect(bad.status != 0 && bad.stderr.contains("--from \"2014-13\" is not a date"), "\(bad.stderr)")
        let result = try await cli.run(["timeline", "--actor", "Russia", "--from", "2014", "--to", "2015", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let timeline = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let dates = (timeline["entries"] as? [[String: Any]] ?? []).compactMap { ($0["when"] as? [String: Any])?["date"] as? String }
        #expect(!dates.isEmpty)
        #expect(dates.allSatisfy { $0.hasPrefix("2014") || $0.hasPrefix("2015") }, "\(dates)")
    }
}
