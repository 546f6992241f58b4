import Foundation
import Testing

/// `export ftm` (issue 15, item 5): every line validates against its FollowTheMoney schema with
/// the `followthemoney` library (Scripts/validate-ftm.py), actors have the documented schemata
/// and stable ids, and relations carry their type, quote, document and date. Skipped with a
/// message when the library is absent, except in CI (.ci/run installs it), where that fails.
@Suite struct FollowTheMoneyExportTests {
    static let validator = CLIHarness.packageRoot.appendingPathComponent("Scripts/validate-ftm.py")

    @Test func theExportValidatesWithTheFollowTheMoneyLibrary() async throws {
        let hasLibrary = try await Self.python(["-c", "import followthemoney"]).status == 0
        guard hasLibrary else {
            #expect(!TestPostgres.isCI, "CI must have the followthemoney library (see .ci/run)")
            print("followthemoney is not installed: skipping the FtM validation (pip install followthemoney)")
            return
        }
        let cli = try CLIHarness()
        if CLIHarness.hasSeeds { #expect(try await cli.run(["ingest", CLIHarness.seeds.path]).status == 0) }
        // The last sentence yields one fact twice (two patterns, two modalities, one quote): one entity.
        let note = try cli.write("notes/trust.md", """
            # Notes

            Putin has full confidence in Lukashenko.

            Russia threatened Belarus with a gas embargo in March 2021.

            Lavrov met Blinken in Geneva.

            The Federal Security Service threatened Estonia.

            David Arakhamia, the head of the Ukrainian negotiating group with Russia, stated that Ukraine could resume negotiations with Russia by the end of August.
            """)
        #expect(try await cli.run(["ingest", note, "--outlet", "RT", "--published", "2021-04-01"]).status == 0)
        let export = try await cli.run(["export", "ftm"])
        #expect(export.status == 0, "\(export.stderr)")
        let file = try cli.write("corpus.ftm.jsonl", export.stdout)
        let validated = try await Self.python([Self.validator.path, file])
        #expect(validated.status == 0 && validated.output.contains("valid:"), "\(validated.output)")

        let entities = export.stdout.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        func entity(named name: String) -> [String: Any]? {
            entities.first { (($0["properties"] as? [String: [String]])?["name"] ?? []) == [name] }
        }
        let russia = try #require(entity(named: "Russia"))
        #expect(russia["schema"] as? String == "PublicBody")
        #expect((russia["properties"] as? [String: [String]])?["country"] == ["ru"])
        #expect(entity(named: "Vladimir Putin")?["schema"] as? String == "Person")
        #expect(entity(named: "Federal Security Service")?["schema"] as? String == "PublicBody", "a state body")
        #expect(entities.contains { e in
            e["schema"] as? String == "Associate" && (e["properties"] as? [String: [String]])?["relationship"] == ["TRUST"]
        }, "trust between two people is an Associate")
        let threat = try #require(entities.first { e in
            let p = e["properties"] as? [String: [String]] ?? [:]
            return e["schema"] as? String == "UnknownLink" && p["role"] == ["THREATEN"] && p["date"] == ["2021-03"]
        }, "a relation carries its type and stated date")
        let properties = try #require(threat["properties"] as? [String: [String]])
        #expect(properties["description"]?.first?.contains("gas embargo") == true, "the quote")
        #expect(properties["subject"] == [russia["id"] as? String ?? ""])
        #expect(properties["summary"]?.first?.contains("grade ") == true)
        let proof = try #require(properties["proof"]?.first)
        #expect(entities.contains { $0["id"] as? String == proof && $0["schema"] as? String == "Document" })

        // Ids are hashes of what they stand for: the same on a second export and after reextract.
        #expect(try await cli.run(["reextract"]).status == 0)
        let again = try await cli.run(["export", "ftm"])
        #expect(Set(again.stdout.split(separator: "\n")) == Set(export.stdout.split(separator: "\n")))
    }

    /// Runs `python3` (from PATH, as .ci/run installs the library for it) and awaits its end.
    static func python(_ arguments: [String]) async throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("python-\(UUID().uuidString).out")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: output) }
        let handle = try FileHandle(forWritingTo: output)
        process.standardOutput = handle
        process.standardError = handle
        let exit = ProcessExit(process)
        try process.run()
        await exit.wait()
        return (process.terminationStatus, String(decoding: try Data(contentsOf: output), as: UTF8.self))
    }
}
