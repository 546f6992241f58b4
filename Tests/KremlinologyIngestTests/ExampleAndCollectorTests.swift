import Foundation
import KremlinologyIngest
import KremlinologyModel
import Testing

@Suite("The example corpus and the file collector")
struct ExampleAndCollectorTests {
    @Test(arguments: [("video-note.md", DocumentKind.videoNote), ("article.txt", .article), ("web-page.txt", .webPage),
                      ("report.html", .html), ("notes.md", .markdown)])
    func eachExampleIsDetectedAsItsKind(file: String, kind: DocumentKind) throws {
        let doc = try DocumentReader().read(fileAt: Support.examples.appendingPathComponent(file))
        #expect(doc.document.kind == kind)
        #expect(!doc.passages.isEmpty)
        Support.expectPassagesAreExact(doc)
    }

    @Test func examplesCarryTheirMetadata() throws {
        let read = { (name: String) in try DocumentReader().read(fileAt: Support.examples.appendingPathComponent(name)) }
        let note = try read("video-note.md")
        #expect(note.document.outlet == "example_policy_channel" && note.document.videoID == "EXAMPLE0001")
        #expect(note.passages.contains { $0.kind == .callout } && note.passages.contains { $0.kind == .listItem })
        let article = try read("article.txt")
        #expect(article.document.outlet == "Example News Agency")
        #expect(!Support.passageTexts(article).contains("Sharing is caring!"))
        let page = try read("web-page.txt")
        #expect(page.document.published == "2021-05-03" && page.document.title == "Estonia - Cyber Security")
        #expect(!Support.passageTexts(page).contains("Baltic States - NATO"))
        let html = try read("report.html")
        #expect(html.document.published == "2023-03-14" && html.document.outlet == "Example Policy Review")
        #expect(!html.text.contains("analytics") && !html.text.contains("Related:"))
    }

    @Test func collectorWalksFoldersSortedSkippingHiddenOnesAndLinkLoops() throws {
        let fm = FileManager.default
        let root = fm.temporaryDirectory.appendingPathComponent("kremlinology-collect-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: root) }
        for dir in ["b/deeper", "a", ".git/objects"] {
            try fm.createDirectory(at: root.appendingPathComponent(dir), withIntermediateDirectories: true)
        }
        for file in ["z.txt", "a/1.md", "b/2.txt", "b/deeper/3.html", ".hidden.txt", ".git/objects/x"] {
            fm.createFile(atPath: root.appendingPathComponent(file).path, contents: Data("x".utf8))
        }
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("b/deeper/loop").path, withDestinationPath: root.path)
        let files = try FileCollector().collect([root])
        let relative = files.map { String($0.path.dropFirst(root.path.count + 1)) }
        #expect(relative == ["a/1.md", "b/2.txt", "b/deeper/3.html", "z.txt"])
        #expect(throws: IngestError.tooManyFiles(path: root.path, limit: 2)) { try FileCollector(maxFiles: 2).collect([root]) }
        let explicit = try FileCollector().collect(paths: [root.appendingPathComponent(".hidden.txt").path])
        #expect(explicit.count == 1)
        #expect(throws: IngestError.notFound(path: "/nonexistent/x")) { try FileCollector().collect(paths: ["/nonexistent/x"]) }
    }
}
