import Foundation
import Testing

/// Errors of every layer reach the terminal through one presentation: a message with a hint,
/// an exit status by kind, never the usage text and never a stack trace.
@Suite struct ErrorMessageTests {
    @Test func aMissingStoreSaysHowToCreateOne() async throws {
        let cli = try CLIHarness()
        let result = try await cli.run(["documents", "--db", cli.folder.appendingPathComponent("none.sqlite").path])
        #expect(result.status == 66)
        #expect(result.stderr.contains("no Kremlinology store there yet"), "\(result.stderr)")
        #expect(result.stderr.contains("kremlinology ingest PATH --db"), "\(result.stderr)")
        #expect(!result.stderr.contains("Usage:"))
    }

    @Test func anUnknownDocumentIsNotFoundWithoutTheUsageText() async throws {
        let cli = try CLIHarness()
        try await cli.run(["ingest", "-"], stdin: "Russia aids Belarus.")
        let result = try await cli.run(["show", "no-such-document"])
        #expect(result.status == 66)
        #expect(result.stderr.hasPrefix("Error: no document matches"), "\(result.stderr)")
        #expect(!result.stderr.contains("Usage:"))
    }

    @Test func aSearchWithoutWordsIsInvalidInput() async throws {
        let cli = try CLIHarness()
        try await cli.run(["ingest", "-"], stdin: "Russia aids Belarus.")
        for query in ["*", "!!!", "\"", "😀", "%"] {
            let result = try await cli.run(["search", query])
            #expect(result.status == 64, "\(query): \(result.stderr)")
            #expect(result.stderr.contains("no words to look for"), "\(query): \(result.stderr)")
        }
    }

    /// `%` and `_` are characters, not wildcards: `show '0%'` used to print a document.
    @Test func wildcardsInADocumentIdMatchNothing() async throws {
        let cli = try CLIHarness()
        try await cli.run(["ingest", "-"], stdin: "Russia aids Belarus.")
        for key in ["%", "_", "0%"] {
            #expect(try await cli.run(["show", key]).status == 66, "\(key)")
        }
    }

    @Test func controlCharactersInMessagesNeverReachTheTerminal() async throws {
        let cli = try CLIHarness()
        try await cli.run(["ingest", "-"], stdin: "Russia aids Belarus.")
        let result = try await cli.run(["show", "evil\u{1B}]0;owned\u{07}\u{1B}[2J"])
        #expect(result.status == 66)
        #expect(!result.stderr.contains("\u{1B}") && !result.stderr.contains("\u{07}"), "\(result.stderr.debugDescription)")
    }

    @Test func ingestGivesEveryDocumentTheDateAndOutletOfItsFlags() async throws {
        let cli = try CLIHarness()
        let bad = try await cli.run(["ingest", "-", "--published", "2014-13-45"], stdin: "Russia aids Belarus.")
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("--published \"2014-13-45\" is not a date"), "\(bad.stderr)")
        let good = try await cli.run(["ingest", "-", "--published", "2024-11-08", "--outlet", "RT"], stdin: "Russia aids Belarus.")
        #expect(good.status == 0, "\(good.stderr)")
        let listing = try await cli.run(["documents", "--json"]).stdout
        #expect(listing.contains("\"published\" : \"2024-11-08\"") && listing.contains("\"outlet\" : \"RT\""), "\(listing)")
    }
}
