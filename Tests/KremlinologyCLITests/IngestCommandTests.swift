import Foundation
import Testing
import KremlinologyStore

@Suite(.serialized) struct IngestCommandTests {
    @Test(.enabled(if: CLIHarness.hasSeeds, "../shared/seeds is absent: seed tests skipped"))
    func ingestingTheSeedsStoresFiveDocumentsOfThreeKinds() async throws {
        let cli = try CLIHarness()
        let first = try await cli.run(["ingest", CLIHarness.seeds.path])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("added 5, unchanged 0, replaced 0, duplicates 0, failed 0"))
        let stats = try JSONSerialization.jsonObject(with: Data(try await cli.run(["stats", "--json"]).stdout.utf8)) as? [String: Any]
        #expect(stats?["documents"] as? Int == 5)
        let kinds = stats?["documentsByKind"] as? [String: Int]
        #expect(kinds == ["video-note": 2, "article": 2, "web-page": 1])
        let again = try await cli.run(["ingest", CLIHarness.seeds.path])
        #expect(again.stdout.contains("added 0, unchanged 5"))
    }

    @Test(.enabled(if: CLIHarness.hasSeeds, "../shared/seeds is absent: seed tests skipped"))
    func searchFindsHybridWarfareAtItsTimestampWithDeepLink() async throws {
        let cli = try CLIHarness()
        try await cli.run(["ingest", CLIHarness.seeds.path])
        let result = try await cli.run(["search", "hybrid warfare", "--json"])
        let hits = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        // BM25 may rank the RT article's shorter passage first; the video note must be there with its locator.
        let note = try #require(hits.first { $0["fileName"] as? String == "000_e1470ed089bcd8ad.txt" })
        let locator = note["locator"] as? [String: Any]
        #expect(locator?["timestamp"] as? String == "00:24:29")
        #expect(locator?["url"] as? String == "https://www.youtube.com/watch?v=IYDGrJ3b4Ls&t=1469s")
        let text = try await cli.run(["search", "hybrid", "warfare"])
        #expect(text.stdout.contains("00:24:29 https://www.youtube.com/watch?v=IYDGrJ3b4Ls&t=1469s"))
    }

    @Test(.enabled(if: CLIHarness.hasSeeds, "../shared/seeds is absent: seed tests skipped"))
    func searchingLukashenkoFindsTheSeedPassageAtItsTimestamp() async throws {
        let cli = try CLIHarness()
        try await cli.run(["ingest", CLIHarness.seeds.path])
        let result = try await cli.run(["search", "Lukashenko", "--json"])
        let hits = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(hits.contains { ($0["locator"] as? [String: Any])?["timestamp"] as? String == "00:55:12" })
    }

    @Test(.enabled(if: CLIHarness.hasSeeds, "../shared/seeds is absent: seed tests skipped"))
    func showingTheWebPageHasNoNavigationMenuPassage() async throws {
        let cli = try CLIHarness()
        try await cli.run(["ingest", CLIHarness.seeds.path])
        let result = try await cli.run(["show", "001_64a692109c0a12d2.txt", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let view = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let passages = try #require(view["passages"] as? [[String: Any]])
        let texts = passages.compactMap { $0["text"] as? String }
        #expect(texts.count > 10)
        #expect(!texts.contains { $0.contains("Russia - Ukraine Relations") })
        #expect(texts.contains { $0.hasPrefix("Catherine the Great is credited") })
        let documents = try await cli.run(["documents", "--json"]).stdout
        let list = try #require(try JSONSerialization.jsonObject(with: Data(documents.utf8)) as? [[String: Any]])
        let unn = list.first { (($0["document"] as? [String: Any])?["fileName"] as? String) == "004_0952ba1948c4e0b0.txt" }
        #expect((unn?["document"] as? [String: Any])?["outlet"] as? String == "UNN")
    }

    @Test(.enabled(if: CLIHarness.hasSeeds, "../shared/seeds is absent: seed tests skipped"))
    func showTextPrintsTheNormalisedTextThatOffsetsIndex() async throws {
        let cli = try CLIHarness()
        try await cli.run(["ingest", CLIHarness.seeds.path])
        let text = try await cli.run(["show", "000_e1470ed089bcd8ad.txt", "--text"]).stdout
        #expect(text.contains("Putin reportedly aided Erdogan in avoiding a coup"))
        #expect(!text.contains("yt-timestamp"))
        #expect(!text.contains("[["))
    }

    @Test func badFilesAreReportedOneLineEachAndTheRestIsIngested() async throws {
        let cli = try CLIHarness()
        try cli.write("in/good.md", "# Notes\n\nRussia signed a gas deal with China in 2014.\n")
        try cli.write("in/copy.md", "# Notes\n\nRussia signed a gas deal with China in 2014.\n")
        try cli.write("in/empty.txt", "")
        try cli.write("in/frontmatter.md", "---\ntitle: [unclosed\nvideoId: x\n---\n\nFrom: [[chan]]\n\nText here.\n")
        try Data([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x01, 0x02]).write(to: cli.folder.appendingPathComponent("in/archive.zip"))
        try Data("Valid start \u{00E9} then ".utf8 + [0xC3, 0x28] + Data(" more".utf8)).write(to: cli.folder.appendingPathComponent("in/latin1.txt"))
        let result = try await cli.run(["ingest", cli.folder.appendingPathComponent("in").path])
        #expect(result.status == 1)
        #expect(result.stdout.contains("added 1"))
        #expect(result.stdout.contains("duplicates 1"))
        #expect(result.stdout.contains("failed 4"))
        for name in ["empty.txt", "frontmatter.md", "archive.zip", "latin1.txt", "copy.md"] {
            #expect(result.stderr.contains(name), "stderr should name \(name): \(result.stderr)")
        }
        #expect(result.stderr.contains("byte offset 20"), "\(result.stderr)")
        let search = try await cli.run(["search", "gas", "deal"])
        #expect(search.stdout.contains("good.md") || search.stdout.contains("copy.md"))
    }

    @Test func aChangedFileReplacesItsOldVersion() async throws {
        let cli = try CLIHarness()
        let path = try cli.write("note.md", "# One\n\nThe first version mentions Minsk.\n")
        #expect(try await cli.run(["ingest", path]).stdout.contains("added 1"))
        try cli.write("note.md", "# One\n\nThe second version mentions Tbilisi.\n")
        #expect(try await cli.run(["ingest", path]).stdout.contains("replaced 1"))
        #expect(try await cli.run(["search", "Minsk"]).stdout.contains("No passage matches"))
        #expect(try await cli.run(["search", "Tbilisi"]).stdout.contains("note.md"))
    }

    @Test func standardInputIsIngestedWithDash() async throws {
        let cli = try CLIHarness()
        let result = try await cli.run(["ingest", "-"], stdin: "Moscow warned Kyiv about the consequences.\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("added 1"))
        #expect(try await cli.run(["search", "consequences"]).stdout.contains("stdin.txt"))
    }

    @Test func killingAnIngestLeavesEveryDocumentWholeOrAbsent() async throws {
        let cli = try CLIHarness()
        let corpus = cli.folder.appendingPathComponent("big")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        let paragraphsPerFile = 40
        for file in 0..<1500 {
            let body = (0..<paragraphsPerFile).map { p in
                "Paragraph \(p) of note \(file): Russia signed a trade deal with China while NATO warned Moscow about troops near the border of Estonia."
            }.joined(separator: "\n\n")
            try Data("# Note \(file)\n\n\(body)\n".utf8).write(to: corpus.appendingPathComponent(String(format: "note-%05d.md", file)))
        }
        let process = Process()
        process.executableURL = CLIHarness.binary
        process.arguments = ["ingest", corpus.path, "--db", cli.database]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait until some documents are stored, then kill without warning.
        var stored = 0
        for _ in 0..<300 where stored == 0 {
            try await Task.sleep(for: .milliseconds(50))
            if FileManager.default.fileExists(atPath: cli.database),
               let store = try? SQLiteCorpusStore(path: cli.database, readOnly: true) {
                stored = (try? store.stats().documents) ?? 0
            }
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let store = try SQLiteCorpusStore(path: cli.database)
        let documents = try store.documents(limit: 10_000, offset: 0)
        #expect(!documents.isEmpty)
        for stored in documents {
            let content = try #require(try store.content(ofDocument: stored.document.id))
            // A heading passage may or may not be counted; the paragraphs must all be there.
            #expect(content.passages.count == stored.passageCount)
            #expect(content.passages.count >= paragraphsPerFile)
        }
        // Ingesting again completes the corpus without duplicating anything.
        let again = try await cli.run(["ingest", corpus.path, "--no-extract"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try store.stats().documents == 1500)
    }
}
