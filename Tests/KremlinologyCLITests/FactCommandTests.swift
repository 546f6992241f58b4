import Foundation
import Testing

@Suite(.serialized) struct FactCommandTests {
    static let erdogan = "Putin reportedly aided Erdogan in avoiding a coup"

    @Test(.enabled(if: CLIHarness.hasSeeds, "../shared/seeds is absent: seed tests skipped"))
    func exportedOffsetsAreCodePointsIntoTheShownText() async throws {
        let cli = try CLIHarness()
        try await cli.run(["ingest", CLIHarness.seeds.path])
        let lines = try await cli.run(["export", "relations", "--format", "jsonl"]).stdout.split(separator: "\n")
        #expect(lines.count > 20)
        var texts: [String: [Unicode.Scalar]] = [:]
        for line in lines {
            let row = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let document = try #require(row["document"] as? String)
            if texts[document] == nil {
                texts[document] = Array(try await cli.run(["show", document, "--text"]).stdout.unicodeScalars)
            }
            let scalars = try #require(texts[document])
            let start = try #require(row["start"] as? Int), end = try #require(row["end"] as? Int)
            #expect(start >= 0 && end <= scalars.count && start < end)
            var quote = String.UnicodeScalarView()
            quote.append(contentsOf: scalars[start..<min(end, scalars.count)])
            #expect(String(quote) == row["quote"] as? String, "\(document) \(start)..<\(end)")
            for key in ["source", "target", "type", "polarity", "modality", "instruments", "document", "quote"] {
                #expect(row[key] != nil, "missing \(key)")
            }
        }
    }

    @Test(.enabled(if: CLIHarness.hasSeeds, "../shared/seeds is absent: seed tests skipped"))
    func explainShowsTheRuleBehindTheReportedAid() async throws {
        let cli = try CLIHarness()
        try await cli.run(["ingest", CLIHarness.seeds.path])
        let explained = try await cli.run(["explain", "000_e1470ed089bcd8ad.txt"])
        #expect(explained.status == 0, "\(explained.stderr)")
        let block = try #require(explained.stdout.components(separatedBy: "\n\n").first { $0.contains(Self.erdogan) })
        #expect(block.contains("AID"))
        #expect(block.contains("reported"))
        let relations = try await cli.run(["relations", "--source", "Vladimir Putin", "--type", "AID", "--json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(relations.stdout.utf8)) as? [[String: Any]])
        let aid = try #require(rows.first { (($0["relation"] as? [String: Any])?["quote"] as? String)?.contains(Self.erdogan) == true })
        let relation = try #require(aid["relation"] as? [String: Any])
        #expect(relation["modality"] as? String == "reported")
        #expect(relation["target"] as? String == "Recep Tayyip Erdoğan")
        #expect((aid["locator"] as? [String: Any])?["timestamp"] as? String == "00:26:44")
    }

    @Test(.enabled(if: CLIHarness.hasSeeds, "../shared/seeds is absent: seed tests skipped"))
    func theKremlinsDecisionAgainstWarIsNeverAnAssertedAttack() async throws {
        let cli = try CLIHarness()
        try await cli.run(["ingest", CLIHarness.seeds.path])
        let rows = try await cli.run(["export", "relations"]).stdout.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        let war = rows.filter { ($0["quote"] as? String)?.contains("opted against a large-scale war") == true }
        #expect(war.allSatisfy { $0["modality"] as? String == "negated" || $0["type"] as? String != "ASSAULT" })
        #expect(!rows.contains { $0["type"] as? String == "ASSAULT" && $0["target"] as? String == "Ukraine"
                                 && ($0["quote"] as? String)?.contains("not to invade") == true && $0["modality"] as? String != "negated" })
        // The relations view hides negated relations unless asked.
        let shown = try await cli.run(["relations", "--target", "Ukraine", "--type", "ASSAULT"]).stdout
        #expect(!shown.contains("opted against"))
    }

    @Test func extractReadsJSONLinesAndNamesTheBadLine() async throws {
        let cli = try CLIHarness()
        let good = try cli.write("in.jsonl", #"{"id": "r1", "text": "Russia attacked Ukraine in February 2022."}"# + "\n")
        let result = try await cli.run(["extract", "--jsonl", good])
        #expect(result.status == 0, "\(result.stderr)")
        let row = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.split(separator: "\n").first.map(String.init)?.utf8 ?? "".utf8)) as? [String: Any])
        #expect(row["document"] as? String == "r1")
        #expect(row["type"] as? String == "ASSAULT")
        let bad = try cli.write("bad.jsonl", #"{"id": "r1", "text": "fine"}"# + "\nnot json\n")
        let failed = try await cli.run(["extract", "--jsonl", bad])
        #expect(failed.status != 0)
        #expect(failed.stderr.contains("bad.jsonl:2"))
    }

    @Test func exportsAreCSVWithHeaders() async throws {
        let cli = try CLIHarness()
        try await cli.run(["ingest", "-"], stdin: "Moscow sanctioned Warsaw, \"officially\", in 2020.\n")
        let csv = try await cli.run(["export", "relations", "--format", "csv"]).stdout
        #expect(csv.hasPrefix("source,source_wikidata,source_text,type,"))
        let actors = try await cli.run(["export", "actors", "--format", "csv"]).stdout
        #expect(actors.hasPrefix("name,kind,wikidata,country,aliases,documents,mentions"))
        #expect(actors.contains("Russia,state,Q159"))
    }
}
