import Foundation
import Testing

@Suite struct DemoCommandTests {
    @Test func demoIngestsEveryExampleFormatAndFindsTheLoan() async throws {
        let cli = try CLIHarness()
        let result = try await cli.run(["demo"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Ingested 5 example files"))
        #expect(result.stdout.contains("(0 failed)"))
        for kind in ["video-note", "article", "web-page", "html", "markdown"] {
            #expect(result.stdout.contains(kind), "demo should show a \(kind) document")
        }
        // The search section lists the video note with its timestamp deep link.
        #expect(result.stdout.contains("video-note.md 00:03:10 https://www.youtube.com/watch?v="))
        #expect(result.stdout.contains("—AID→ Belarus"))
        // The demo leaves no store behind in the working folder.
        #expect(!FileManager.default.fileExists(atPath: cli.folder.appendingPathComponent("kremlinology.sqlite").path))
    }

    @Test func everyCommandHasHelpWithAnExample() async throws {
        let cli = try CLIHarness()
        for command in ["demo", "ingest", "documents", "show", "search", "stats", "actors", "relations", "explain",
                        "extract", "export", "reextract"] {
            let help = try await cli.run([command, "--help"])
            #expect(help.status == 0)
            #expect(help.stdout.contains("kremlinology \(command)") || help.stdout.contains("Example"),
                    "\(command) --help should show an example")
        }
    }
}
