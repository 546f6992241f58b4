import Foundation
import Testing

/// No listing is cut silently: each says how many of how many it shows and how to go on.
@Suite(.serialized) struct ListingTotalsTests {
    @Test func listingsLargerThanTheirLimitSayTheTotalAndTheNextOffset() async throws {
        let cli = try CLIHarness()
        let notes = cli.folder.appendingPathComponent("notes")
        try FileManager.default.createDirectory(at: notes, withIntermediateDirectories: true)
        for n in 0..<3 {
            let file = notes.appendingPathComponent("note\(n).txt")
            try "Russia attacked Ukraine in text \(n). Belarus aided Russia in text \(n).".write(to: file, atomically: true, encoding: .utf8)
        }
        #expect(try await cli.run(["ingest", notes.path]).status == 0)
        let documents = try await cli.run(["documents", "--limit", "2"])
        #expect(documents.stdout.contains("Showing 1–2 of 3 documents; the next ones with --offset 2."), "\(documents.stdout)")
        let last = try await cli.run(["documents", "--limit", "2", "--offset", "2"])
        #expect(last.stdout.contains("Showing 3–3 of 3 documents."), "\(last.stdout)")
        let all = try await cli.run(["documents"])
        #expect(!all.stdout.contains("Showing"), "a complete listing needs no note")
        let relations = try await cli.run(["relations", "--limit", "1"])
        #expect(relations.stdout.contains("Showing 1–1 of "), "\(relations.stdout)")
        let actors = try await cli.run(["actors", "--top", "1"])
        #expect(actors.stdout.contains("Showing 1–1 of "), "\(actors.stdout)")
    }

    @Test func anUnknownOutletIsNamedWithTheKnownOnes() async throws {
        let cli = try CLIHarness()
        try await cli.run(["ingest", "-"], stdin: "Russia attacked Ukraine.")
        let result = try await cli.run(["relations", "--outlet", "nope"])
        #expect(result.status == 66)
        #expect(result.stderr.contains("no document comes from the outlet \"nope\""), "\(result.stderr)")
    }
}
