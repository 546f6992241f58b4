import Foundation
import Testing
import KremlinologyModel
import KremlinologyStore

/// Fills the harness's store with one video note: Russia AID Belarus at 00:55:55, and a denial.
func seedAnalysisStore(_ cli: CLIHarness) async throws {
    let text = "Russia promised a 3 billion dollar loan to Belarus. Putin did not invade <Belarus>."
    let loan = "a 3 billion dollar loan", denial = "Putin did not invade <Belarus>"
    let loanStart = text.utf8.count - " to Belarus. Putin did not invade <Belarus>.".utf8.count - loan.utf8.count
    let denialStart = "Russia promised a 3 billion dollar loan to Belarus. ".utf8.count
    let passage = Passage(index: 0, range: TextRange(start: 0, end: text.utf8.count), anchors: [
        TimestampAnchor(offset: denialStart - 1, timestamp: "00:55:55", seconds: 3355),
        TimestampAnchor(offset: text.utf8.count, timestamp: "00:56:10", seconds: 3370),
    ])
    let document = Document(id: "feedfacefeedface", path: "notes/loan.md", fileName: "loan.md", kind: .videoNote,
                            outlet: "bonus_professor", published: "2023-05-01", url: "https://www.youtube.com/watch?v=VID", videoID: "VID")
    let store = try SQLiteCorpusStore(path: cli.database)
    _ = try store.store(IngestedDocument(document: document, text: text, rawText: text, contentHash: "h", passages: [passage]),
                        extraction: ExtractionPayload(
        actors: [Actor(name: "Russia", kind: .state, wikidata: "Q159", aliases: ["Moscow"]), Actor(name: "Belarus", kind: .state),
                 Actor(name: "Vladimir Putin", kind: .person, wikidata: "Q7747", affiliations: [Affiliation(organization: "Russia", role: "president")])],
        relations: [
            Relation(source: "Russia", sourceText: "Russia", target: "Belarus", targetText: "Belarus", type: .aid, quote: loan,
                     range: TextRange(start: loanStart, end: loanStart + loan.utf8.count), rule: "test"),
            Relation(source: "Vladimir Putin", sourceText: "Putin", target: "Belarus", targetText: "Belarus", type: .assault,
                     modality: .negated, quote: denial, range: TextRange(start: denialStart, end: denialStart + denial.utf8.count), rule: "test"),
        ]))
}

@Suite struct AnalysisCommandsTests {
    @Test func briefPrintsTheLoanWithItsTimestampLink() async throws {
        let cli = try CLIHarness()
        try await seedAnalysisStore(cli)
        let result = try await cli.run(["brief", "moscow", "belarus"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("“a 3 billion dollar loan” — loan.md, [00:55:55](<https://www.youtube.com/watch?v=VID&t=3355s>)"))
    }

    @Test func dossierWritesEscapedHTMLAndTellsUnknownActors() async throws {
        let cli = try CLIHarness()
        try await seedAnalysisStore(cli)
        let html = cli.folder.appendingPathComponent("putin.html").path
        #expect(try await cli.run(["dossier", "putin", "--html", html]).status == 0)
        let page = try String(contentsOfFile: html, encoding: .utf8)
        #expect(page.contains("Putin did not invade &lt;Belarus&gt;"))
        #expect(page.contains("https://www.wikidata.org/wiki/Q7747"))
        let unknown = try await cli.run(["dossier", "Merkel"])
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("no actor matches \"Merkel\""))
    }

    @Test func networkExportsAndTheWikiAreWritten() async throws {
        let cli = try CLIHarness()
        try await seedAnalysisStore(cli)
        let graphml = try await cli.run(["network", "--format", "graphml"])
        #expect(graphml.stdout.contains("<graphml"))
        #expect(!graphml.stdout.contains("ASSAULT"), "the negated invasion is no edge")
        #expect(try await cli.run(["network", "--format", "neo4j", "--out", "neo"]).status == 0)
        let nodes = try String(contentsOf: cli.folder.appendingPathComponent("neo/nodes.csv"), encoding: .utf8)
        #expect(nodes.hasPrefix("id:ID,name,kind,:LABEL\n"))
        #expect(try await cli.run(["wiki", "--out", "kb"]).status == 0)
        #expect(FileManager.default.fileExists(atPath: cli.folder.appendingPathComponent("kb/html/index.html").path))
        #expect(FileManager.default.fileExists(atPath: cli.folder.appendingPathComponent("kb/Belarus – Russia.md").path))
        let timeline = try await cli.run(["timeline", "--pair", "Russia", "Belarus", "--format", "csv"])
        #expect(timeline.stdout.contains("2023-05-01,published,Russia,AID,Belarus"))
    }
}
