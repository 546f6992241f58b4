import Foundation
import Testing

/// What the CLI prints for the flags of issue 13: `--roll-up states` and `--min-sources`.
@Suite struct RollUpAndSourcesCommandTests {
    @Test func rolledUpViewsSayWhoWasFoldedIn() async throws {
        let cli = try CLIHarness()
        try await seedAnalysisStore(cli)
        for arguments in [["brief", "Russia", "Belarus"], ["dossier", "Russia"], ["timeline", "--actor", "Russia"]] {
            let plain = try await cli.run(arguments)
            let rolled = try await cli.run(arguments + ["--roll-up", "states"])
            #expect(plain.status == 0 && rolled.status == 0, "\(arguments): \(rolled.stderr)")
            #expect(!plain.stdout.contains("Rolled up into states"), "\(arguments)")
            #expect(rolled.stdout.contains("Rolled up into states:"), "\(arguments): \(rolled.stdout)")
        }
        // The denial by Putin is Russia's once rolled up, and listed apart, never counted.
        let brief = try await cli.run(["brief", "Russia", "Belarus", "--roll-up", "states"]).stdout
        #expect(brief.contains("Russia ← Vladimir Putin"), "\(brief)")
        let bad = try await cli.run(["brief", "Russia", "Belarus", "--roll-up", "people"])
        #expect(bad.status != 0 && bad.stderr.contains("states"), "\(bad.stderr)")
        #expect(try await cli.run(["brief", "--help"]).stdout.contains("--roll-up"))
    }

    @Test func listingsShowCorroborationAndFilterByIt() async throws {
        let cli = try CLIHarness()
        try await seedAnalysisStore(cli)
        let all = try await cli.run(["relations"])
        #expect(all.stdout.contains("sources 1"), "\(all.stdout)")
        let strict = try await cli.run(["relations", "--min-sources", "2"])
        #expect(strict.status == 0 && strict.stdout.contains("No relation matches."), "\(strict.stdout)")
        let bad = try await cli.run(["relations", "--min-sources", "0"])
        #expect(bad.status == 64 && bad.stderr.contains("--min-sources"), "\(bad.stderr)")
        #expect(try await cli.run(["relations", "list", "--help"]).stdout.contains("--min-sources"))
        #expect(try await cli.run(["relations", "--help"]).stdout.contains("judge"), "the group names its subcommands")
    }
}

/// Open-world actors in the views of the CLI: shown and marked, hidden by `--reviewed-only`.
@Suite struct ReviewedOnlyCommandTests {
    @Test func unreviewedActorsAreMarkedAndOneSwitchHidesThem() async throws {
        let cli = try CLIHarness()
        let note = cli.folder.appendingPathComponent("zembla.md")
        try Data("# Zembla\n\nZembla agreed to restore diplomatic ties with Freedonia.\n\nRussia condemned Zembla on Monday.\n".utf8).write(to: note)
        #expect(try await cli.run(["ingest", note.path]).status == 0)
        let russia = try await cli.run(["dossier", "Russia"]).stdout
        #expect(russia.contains("Zembla"), "\(russia)")
        let hidden = try await cli.run(["dossier", "Russia", "--reviewed-only"]).stdout
        #expect(!hidden.contains("Zembla"), "\(hidden)")
        let zembla = try await cli.run(["dossier", "Zembla"])
        #expect(zembla.status == 0 && zembla.stdout.contains("unreviewed"), "\(zembla.stdout)")
        let refused = try await cli.run(["dossier", "Zembla", "--reviewed-only"])
        #expect(refused.status != 0 && refused.stderr.contains("unreviewed"), "\(refused.stderr)")
        let actors = try await cli.run(["actors"]).stdout
        #expect(actors.split(separator: "\n").contains { $0.hasPrefix("Zembla") && $0.contains("?") }, "\(actors)")
        #expect(actors.contains("? unreviewed"), "\(actors)")
        let network = try await cli.run(["network", "--format", "json", "--reviewed-only"]).stdout
        #expect(!network.contains("Freedonia"), "\(network)")
        for command in ["dossier", "brief", "timeline", "compare", "network", "wiki", "says-vs-does"] {
            #expect(try await cli.run([command, "--help"]).stdout.contains("--reviewed-only"), "\(command)")
        }
    }
}

/// `documents delete`: everything read from the documents goes; a name that matches nothing
/// stops the command before anything is deleted.
@Suite struct DocumentsDeleteCommandTests {
    @Test func deletingADocumentRemovesItsFactsFromTheViews() async throws {
        let cli = try CLIHarness()
        let first = cli.folder.appendingPathComponent("first.md"), second = cli.folder.appendingPathComponent("second.md")
        try Data("# One\n\nRussia condemned Ukraine over the gas transit.\n".utf8).write(to: first)
        try Data("# Two\n\nRussia threatened Belarus with a gas embargo.\n".utf8).write(to: second)
        #expect(try await cli.run(["ingest", first.path, second.path]).status == 0)
        #expect(try await cli.run(["dossier", "Russia"]).stdout.contains("Belarus"))
        let refused = try await cli.run(["documents", "delete", "second.md", "nope.md"])
        #expect(refused.status != 0 && refused.stderr.contains("nope.md") && refused.stderr.contains("nothing was deleted"), "\(refused.stderr)")
        #expect(try await cli.run(["documents", "--json"]).stdout.contains("second.md"), "the default subcommand still lists")
        let deleted = try await cli.run(["documents", "delete", "second.md"])
        #expect(deleted.status == 0 && deleted.stdout.contains("deleted 1 document"), "\(deleted.stdout) \(deleted.stderr)")
        #expect(!(try await cli.run(["documents"]).stdout.contains("second.md")))
        #expect(!(try await cli.run(["dossier", "Russia"]).stdout.contains("Belarus")))
        #expect(try await cli.run(["documents", "delete", "--help"]).stdout.contains("Example"))
    }
}

/// `relations judge`: a fact judged wrong leaves the views and stays listed, struck through.
@Suite struct RelationsJudgeCommandTests {
    @Test func aFactJudgedWrongLeavesTheDossierAndIsListedStruckThrough() async throws {
        let cli = try CLIHarness()
        let note = cli.folder.appendingPathComponent("note.md")
        try Data("# One\n\nRussia threatened Belarus with a gas embargo.\n".utf8).write(to: note)
        #expect(try await cli.run(["ingest", note.path]).status == 0)
        let listed = try await cli.run(["relations", "--target", "Belarus"]).stdout
        let id = try #require(listed.firstRange(of: /\[#(\d+)\]/).map { String(listed[$0].dropFirst(2).dropLast()) }, "\(listed)")
        #expect(try await cli.run(["dossier", "Russia"]).stdout.contains("Belarus"))
        let judged = try await cli.run(["relations", "judge", id, "wrong", "--note", "a rumour"])
        #expect(judged.status == 0 && judged.stdout.contains("judged wrong"), "\(judged.stdout) \(judged.stderr)")
        let struck = try await cli.run(["relations", "--target", "Belarus"]).stdout
        #expect(struck.contains("~~") && struck.contains("JUDGED WRONG: a rumour"), "\(struck)")
        #expect(!(try await cli.run(["dossier", "Russia"]).stdout.contains("Belarus")), "hidden from the dossier")
        let bad = try await cli.run(["relations", "judge", id, "maybe"])
        #expect(bad.status != 0 && bad.stderr.contains("wrong"), "\(bad.stderr)")
        let missing = try await cli.run(["relations", "judge", "999999", "wrong"])
        #expect(missing.status != 0 && missing.stderr.contains("999999"), "\(missing.stderr)")
        #expect(try await cli.run(["relations", "judge", "--orphaned"]).stdout.contains("Every judgement still matches"))
    }
}
