import Foundation
import Testing
import KremlinologyModel
@testable import KremlinologyAnalysis

@Suite struct WikiTests {
    func corpus() -> Corpus {
        var corpus = Corpus()
        corpus.add("Vladimir Putin", .trust, "Dmitry Peskov")
        corpus.add("Russia", .aid, "Belarus", outlet: "bonus_professor", quote: "a 3 billion dollar loan", timestamp: "00:55:55")
        corpus.add("Russia", .assault, "Ukraine", outlet: nil)
        corpus.add("A/B: \"odd\" [name]", .disapprove, "Russia", outlet: "RT|Live")
        corpus.add("Ukraine", .assault, "Russia", modality: .negated)
        return corpus
    }

    @Test func everyWikiLinkAndHrefResolvesToAGeneratedFile() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let wiki = Wiki(relations: corpus().relations, directory: people)
        let written = try wiki.write(to: folder)
        #expect(written == wiki.pages.count)
        // 6 actors (Peskov via TRUST), 4 dyads, 4 outlets (unknown included), 1 index.
        #expect(wiki.pages.count == 6 + 4 + 4 + 1)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        let markdown = files.filter { $0.hasSuffix(".md") }
        #expect(markdown.count == wiki.pages.count)
        var links = 0
        for file in markdown {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            // In table cells the label's pipe is escaped (`[[page\|label]]`), as Obsidian wants.
            for match in text.matches(of: /\[\[([^\]|\\]+)(\\?\|[^\]]*)?\]\]/) {
                links += 1
                let target = String(match.1) + ".md"
                #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(target).path), "\(file): dead link [[\(match.1)]]")
            }
        }
        #expect(links > 20)
        let html = folder.appendingPathComponent("html")
        var hrefs = 0
        for file in try FileManager.default.contentsOfDirectory(atPath: html.path) {
            let text = try String(contentsOf: html.appendingPathComponent(file), encoding: .utf8)
            for match in text.matches(of: /href="([^"]+)"/) where !match.1.hasPrefix("https://") {
                hrefs += 1
                let decoded = String(match.1).replacingOccurrences(of: "&amp;", with: "&").removingPercentEncoding ?? ""
                #expect(FileManager.default.fileExists(atPath: html.appendingPathComponent(decoded).path), "\(file): dead href \(match.1)")
            }
        }
        #expect(hrefs > 20)
    }

    @Test func wikiPagesCiteQuotesWithTimestampDeepLinks() throws {
        let wiki = Wiki(relations: corpus().relations, directory: people)
        let dyad = try #require(wiki.pages.first { $0.name == PageLinker.dyad("Russia", "Belarus") })
        let markdown = PageRenderer.markdown(dyad, linkPages: true)
        #expect(markdown.contains("“a 3 billion dollar loan”"))
        #expect(markdown.contains("[00:55:55](<https://www.youtube.com/watch?v=VID&t=60s>)"))
        #expect(markdown.contains("[[Russia]]"))
    }

    @Test func safeNamesDropReservedCharacters() {
        #expect(Page.safeName("A/B: \"odd\" [name]") == "A-B- -odd- -name-")
        #expect(Page.safeName("../etc") == "-etc")
        #expect(Page.safeName("") == "untitled")
    }
}
