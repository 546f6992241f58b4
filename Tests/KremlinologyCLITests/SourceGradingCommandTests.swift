import Foundation
import Testing

/// Source grading through the CLI (issue 15, items 3 and 5), on a SQLite file and on
/// PostgreSQL: `outlets` and `outlets grade`, the grade of every fact, `--min-grade` on the
/// listings and views, the exports with grades and judgements, and clear errors.
@Suite struct SourceGradingCommandTests {
    /// Four outlets, one document each: RT tells of aid and a threat; Reuters and AP of the
    /// same threat; TASS denies it.
    static func ingested(postgres: Bool) async throws -> CLIHarness {
        let cli = try CLIHarness(postgres: postgres)
        for (outlet, text) in [
            ("RT", "Russia sent humanitarian aid to Belarus.\n\nRussia threatened Belarus with a gas embargo.\n"),
            ("Reuters", "Russia threatened Belarus with a gas embargo.\n"),
            ("AP", "Russia threatened Belarus with a gas embargo.\n"),
            ("TASS", "Russia did not threaten Belarus.\n"),
        ] {
            let file = try cli.write("\(outlet.lowercased())/\(outlet.lowercased()).txt", text)
            let ingest = try await cli.run(["ingest", file, "--outlet", outlet])
            #expect(ingest.status == 0, "\(ingest.stderr)")
        }
        return cli
    }

    @Test func onASQLiteFile() async throws { try await gradesAndFilters(try await Self.ingested(postgres: false)) }

    @Test(.enabled(if: TestPostgres.enabled, TestPostgres.skipped)) func onPostgreSQL() async throws {
        try await gradesAndFilters(try await Self.ingested(postgres: true))
    }

    func gradesAndFilters(_ cli: CLIHarness) async throws {
        let listed = try await cli.run(["outlets"])
        #expect(listed.status == 0, "\(listed.stderr)")
        let rt = try #require(listed.stdout.split(separator: "\n").first { $0.hasPrefix("RT ") }, "\(listed.stdout)")
        #expect(rt.contains("state-media") && rt.contains(" D ") && rt.contains("type default"), "\(rt)")

        // A grade filter removes an E-graded outlet's claims from a brief.
        let graded = try await cli.run(["outlets", "grade", "rt", "E", "--note", "its record on Belarus", "--author", "ana"])
        #expect(graded.status == 0 && graded.stdout.contains("RT: E (unreliable), from analyst (ana"), "\(graded.stdout)\(graded.stderr)")
        #expect(try await cli.run(["outlets"]).stdout.contains("its record on Belarus"))
        let brief = try await cli.run(["brief", "Russia", "Belarus"])
        #expect(brief.stdout.contains("humanitarian aid") && brief.stdout.contains("(E3, RT"), "\(brief.stdout)")
        #expect(brief.stdout.contains("**Only A–C sources:** 2 of 4 claims remain"), "\(brief.stdout)")
        let reliable = try await cli.run(["brief", "Russia", "Belarus", "--min-grade", "D6"])
        #expect(reliable.status == 0, "\(reliable.stderr)")
        #expect(!reliable.stdout.contains("humanitarian aid") && !reliable.stdout.contains(", RT"), "\(reliable.stdout)")
        #expect(reliable.stdout.contains("(B3, Reuters"), "three sources assert the threat (1), TASS denies it (+2): \(reliable.stdout)")

        // Every fact shows its grade; the listing filters by it and counts what remains.
        let relations = try await cli.run(["relations"])
        #expect(relations.stdout.contains("grade E3") && relations.stdout.contains("grade B3"), "\(relations.stdout)")
        let strict = try await cli.run(["relations", "--min-grade", "B4", "--limit", "1"])
        #expect(strict.stdout.contains("Showing 1–1 of 2 relations"), "\(strict.stdout)")
        let json = try await cli.run(["relations", "--json"])
        #expect(json.stdout.contains(#""grade" : "B3""#), "\(json.stdout)")
        let denial = try await cli.run(["relations", "--modality", "negated"])
        #expect(denial.stdout.contains("grade D5"), "one denial (3) that three sources contradict (+2): \(denial.stdout)")
        for view in [["dossier", "Russia"], ["timeline", "--actor", "Russia"], ["network"], ["compare", "--outlets", "RT,Reuters"]] {
            let result = try await cli.run(view + ["--min-grade", "A1"])
            #expect(result.status == 0, "\(view): \(result.stderr)")
        }
        #expect(try await cli.run(["dossier", "Russia", "--min-grade", "A1"]).stdout.contains("None found."))

        // The exports carry the grade and the analyst's judgement.
        let exported = try await cli.run(["export", "relations"])
        #expect(exported.stdout.contains(#""grade":"E3""#) && exported.stdout.contains(#""judgement":null"#), "\(exported.stdout)")
        let csv = try await cli.run(["export", "relations", "--format", "csv"])
        #expect(csv.stdout.hasPrefix("source,") && csv.stdout.split(separator: "\n")[0].hasSuffix(",grade,judgement,judgement_note"))

        // Back to the default.
        let reset = try await cli.run(["outlets", "grade", "RT", "--reset"])
        #expect(reset.status == 0 && reset.stdout.contains("RT: D"), "\(reset.stdout)")
    }

    @Test func badGradesAreClearErrors() async throws {
        let cli = try await Self.ingested(postgres: false)
        for (arguments, message) in [
            (["relations", "--min-grade", "Z9"], "--min-grade must be a letter A–F (source reliability) then a digit 1–6"),
            (["brief", "Russia", "Belarus", "--min-grade", "B"], "--min-grade must be"),
            (["outlets", "grade", "RT", "Q"], "the reliability must be one letter A–F"),
            (["outlets", "grade", "RT"], "give a reliability letter A–F"),
            (["outlets", "grade", "RT", "E", "--reset"], "either a reliability letter or --reset"),
        ] {
            let result = try await cli.run(arguments)
            #expect(result.status == 64, "\(arguments): \(result.status)")
            #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
        }
        let unknown = try await cli.run(["outlets", "grade", "Pravda", "E"])
        #expect(unknown.status == 66 && unknown.stderr.contains("no outlet \"Pravda\"") && unknown.stderr.contains("RT"), "\(unknown.stderr)")
        let missing = try await cli.run(["outlets", "--pack", "no-such-folder"])
        #expect(missing.status == 66 && missing.stderr.contains("no such folder"), "\(missing.stderr)")
    }

    @Test func aPackFolderRegradesTheOutletsAndEveryCommandShowsAnExample() async throws {
        let cli = try await Self.ingested(postgres: false)
        try cli.write("pack/sources.yaml", "outlets:\n  - name: TASS\n    type: state-media\n    reliability: E\n    note: our grade\n")
        let listed = try await cli.run(["outlets", "--pack", cli.folder.appendingPathComponent("pack").path, "--json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]], "\(listed.stderr)")
        let tass = try #require(rows.first { $0["outlet"] as? String == "TASS" })
        #expect(tass["reliability"] as? String == "E" && tass["origin"] as? String == "pack" && tass["note"] as? String == "our grade")
        for command in ["relations list", "dossier", "brief", "timeline", "network", "compare", "says-vs-does", "wiki"] {
            let help = try await cli.run(command.split(separator: " ").map(String.init) + ["--help"])
            #expect(help.stdout.contains("--min-grade"), "\(command) --help")
        }
        for command in ["outlets", "outlets grade", "export"] {
            let help = try await cli.run(command.split(separator: " ").map(String.init) + ["--help"])
            #expect(help.stdout.contains("kremlinology outlets") || help.stdout.contains("kremlinology export ftm"), "\(command) --help")
        }
    }
}
