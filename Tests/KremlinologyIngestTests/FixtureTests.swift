import Foundation
import KremlinologyIngest
import KremlinologyModel
import Testing

@Suite("Readers on small fixtures")
struct FixtureTests {
    @Test func htmlKeepsTheArticleAndDropsScriptsStylesAndChrome() throws {
        let html = """
        <!DOCTYPE html><html><head><title>Report &amp; Review</title>
        <meta name="author" content="A. Writer"><meta property="og:site_name" content="Example Review">
        <meta property="article:published_time" content="2024-11-08T10:00:00Z">
        <style>p { color: red }</style><script>var x = "<p>hidden</p>";</script></head>
        <body><nav><ul><li>Home</li><li>World</li></ul></nav>
        <article><h1>Main title</h1><p>Russia &ndash; China trade grew &#8220;fast&#x201D;.</p>
        <!-- a comment --><ul><li>First item</li><li>Second<br>line</li></ul>
        <blockquote>A quoted line.</blockquote><h2>Next part</h2><p>Closing   paragraph
        over two lines.</p></article><footer>Copyright</footer></body></html>
        """
        let doc = try Support.read(html, "page.html")
        #expect(doc.document.kind == .html)
        #expect(doc.document.title == "Report & Review")
        #expect(doc.document.author == "A. Writer")
        #expect(doc.document.outlet == "Example Review")
        #expect(doc.document.published == "2024-11-08")
        let texts = Support.passageTexts(doc)
        #expect(texts == ["Main title", "Russia – China trade grew “fast”.", "First item", "Second", "line",
                          "A quoted line.", "Next part", "Closing paragraph over two lines."])
        #expect(doc.passages[2].kind == .listItem && doc.passages[5].kind == .callout && doc.passages[0].kind == .heading)
        #expect(doc.passages.last?.section == "Next part")
        #expect(!doc.text.contains("hidden") && !doc.text.contains("color") && !doc.text.contains("Home") && !doc.text.contains("Copyright"))
        Support.expectPassagesAreExact(doc)
    }

    @Test func htmlIsDetectedByContentAndSurvivesMalformedMarkup() throws {
        let doc = try Support.read("<html><body><p>1 < 2 and <b>bold <i>unclosed<p>next <a href=\"x>tail", "page.txt")
        #expect(doc.document.kind == .html)
        #expect(Support.passageTexts(doc).first == "1 < 2 and bold unclosed")
        Support.expectPassagesAreExact(doc)
        let huge = "<html><p title=\"" + String(repeating: "a", count: 1_000_000) + "\">text</p>" + String(repeating: "<div>", count: 50_000)
        let deep = try Support.read(huge, "deep.html")
        #expect(Support.passageTexts(deep) == ["text"])
        let quotes = try Support.read("<html>" + String(repeating: "<p a='x>y</p>", count: 20_000), "q.html")
        Support.expectPassagesAreExact(quotes)
    }

    @Test func markdownHasHeadingsSectionsListItemsAndNoMarkers() throws {
        let md = "# Title here\n\nIntro with **bold** and *italic* and [a link](https://x.org).\n\n## Part\n\n- one\n- two\n  continued\n\n1. first\n"
        let doc = try Support.read(md, "notes.md")
        #expect(doc.document.kind == .markdown)
        #expect(doc.document.title == "Title here")
        #expect(Support.passageTexts(doc) == ["Title here", "Intro with bold and italic and a link.", "Part", "one", "two\ncontinued", "first"])
        #expect(doc.passages[3].kind == .listItem && doc.passages[3].section == "Part")
        Support.expectPassagesAreExact(doc)
    }

    @Test func plainTextJoinsWrappedLinesIntoParagraphs() throws {
        let doc = try DocumentReader().read(fileAt: Support.fixtures.appendingPathComponent("plain.txt"))
        #expect(doc.document.kind == .text)
        #expect(doc.document.title == "A note on sanctions and trade")
        let texts = Support.passageTexts(doc)
        #expect(texts.count == 3)
        #expect(texts[1].hasPrefix("This short note") && texts[1].hasSuffix("read as such."))
        Support.expectPassagesAreExact(doc)
    }

    @Test func crlfAndBOMAreNormalised() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("# Head\r\n\r\nFirst line.\r\nSecond\rThird\r\n".utf8)
        let doc = try DocumentReader().read(bytes: bytes, path: "crlf.md", fileName: "crlf.md")
        #expect(!doc.text.contains("\r") && !doc.text.hasPrefix("\u{FEFF}"))
        #expect(Support.passageTexts(doc) == ["Head", "First line.\nSecond\nThird"])
        #expect(doc.contentHash == SHA256.hex(of: bytes))
        Support.expectPassagesAreExact(doc)
    }

    @Test func emptyAndWhitespaceOnlyFilesAreRefused() {
        #expect(throws: IngestError.empty(path: "fixtures/e.txt", whitespaceOnly: false)) { try Support.read("", "e.txt") }
        #expect(throws: IngestError.empty(path: "fixtures/w.txt", whitespaceOnly: true)) { try Support.read(" \n\t\r\n \u{00A0}\n", "w.txt") }
        #expect(IngestError.empty(path: "x.txt", whitespaceOnly: false).description == "x.txt: empty file")
    }

    @Test func binaryFilesAreRefusedWithTheOffsetOfTheNul() {
        let bytes: [UInt8] = Array("PK header".utf8) + [0, 1, 2, 3]
        #expect(throws: IngestError.binary(path: "x.bin", offset: 9, reason: "NUL byte")) {
            try DocumentReader().read(bytes: bytes, path: "x.bin", fileName: "x.bin")
        }
        #expect(IngestError.binary(path: "x.bin", offset: 17, reason: "NUL byte").description.hasPrefix("x.bin: binary file (NUL byte at offset 17)"))
        let controls = [UInt8](repeating: 0x01, count: 100) + Array("text".utf8)
        #expect(throws: IngestError.self) { try DocumentReader().read(bytes: controls, path: "c.bin", fileName: "c.bin") }
    }

    @Test func invalidUTF8NamesTheExactByteOffset() {
        var bytes = Array("Hello, Мир! ".utf8) // 14 bytes: 7 ASCII, 3 two-byte letters, "! "
        let offset = bytes.count
        bytes += [0xC3, 0x28] + Array(" tail".utf8)
        #expect(throws: IngestError.invalidUTF8(path: "seeds/x.txt", offset: offset)) {
            try DocumentReader().read(bytes: bytes, path: "seeds/x.txt", fileName: "x.txt")
        }
        #expect(IngestError.invalidUTF8(path: "seeds/x.txt", offset: 1234).description.hasPrefix("seeds/x.txt: invalid UTF-8 at byte offset 1234"))
        for (bad, at) in [([0x41, 0xFF], 1), ([0xE0, 0x80, 0x80], 0), ([0xED, 0xA0, 0x80], 0), ([0xF4, 0x90, 0x80, 0x80], 0), ([0x41, 0x42, 0xE2, 0x82], 2)] as [([UInt8], Int)] {
            #expect(throws: IngestError.invalidUTF8(path: "b", offset: at)) { try DocumentReader().read(bytes: bad, path: "b", fileName: "b") }
        }
    }

    @Test func malformedFrontMatterNamesFileAndLine() {
        let note = "---\ntitle: ok\nvideoId: [unclosed\n---\n\nText.\n"
        do {
            _ = try Support.read(note, "x.md")
            Issue.record("expected an error")
        } catch let error as IngestError {
            guard case let .malformedFrontMatter(path, line, _) = error else { Issue.record("wrong error \(error)"); return }
            #expect(path == "fixtures/x.md")
            #expect(line == 3 || line == 4)
            #expect(error.description.hasPrefix("fixtures/x.md:\(line): malformed front matter: "))
        } catch { Issue.record("unexpected \(error)") }
        #expect(throws: IngestError.malformedFrontMatter(path: "fixtures/y.md", line: 1,
            message: "the '---' that opens the front matter is never closed; add a '---' line after the last key")) {
            try Support.read("---\ntitle: never closed\n\nText.\n", "y.md")
        }
    }

    @Test func filesOverTheLimitAreRefusedBeforeReading() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kremlinology-large-\(UUID().uuidString).txt")
        FileManager.default.createFile(atPath: url.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: url) }
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: 100_000_000) // sparse: nothing is written
        try handle.close()
        #expect(throws: IngestError.tooLarge(path: "big.txt", bytes: 100_000_000, limit: 64 << 20)) {
            try DocumentReader().read(fileAt: url, displayPath: "big.txt")
        }
        #expect(IngestError.tooLarge(path: "x.txt", bytes: 104_857_601, limit: 100 << 20).description
            == "x.txt: file too large (104857601 bytes; limit 100 MiB, set KREMLINOLOGY_MAX_FILE_MB to raise it)")
        #expect(throws: IngestError.tooLarge(path: "s", bytes: 11, limit: 10)) {
            try DocumentReader(maxFileBytes: 10).read(bytes: Array("hello world".utf8), path: "s", fileName: "s")
        }
    }

    @Test func missingFilesAndFoldersAreNamedInTheError() {
        #expect(throws: IngestError.notFound(path: "nope.txt")) {
            try DocumentReader().read(fileAt: URL(fileURLWithPath: "/nonexistent/nope.txt"), displayPath: "nope.txt")
        }
        #expect(throws: IngestError.isDirectory(path: "/tmp")) { try DocumentReader().read(fileAt: URL(fileURLWithPath: "/tmp")) }
    }

    @Test func aOneMegabyteLineFinishesAndIsOnePassage() throws {
        let line = String(repeating: "Moscow signed a loan. ", count: 48_000) // ~1 MB
        let doc = try Support.read(line, "long.txt")
        #expect(doc.passages.count == 1)
        #expect(doc.text.slice(doc.passages[0].range) == line.trimmingCharacters(in: .whitespaces))
        let md = try Support.read("# T\n\n" + String(repeating: "[[a ", count: 100_000) + String(repeating: "<b ", count: 100_000) + String(repeating: "[x", count: 100_000), "l.md")
        #expect(md.passages.count == 2)
        Support.expectPassagesAreExact(md)
    }

    @Test func unclosedWikiLinksAndTagsStayAsText() throws {
        let note = "---\ntitle: T\nvideoId: abc\n---\n\nFrom: [[chan]]\n\nOpen [[never closed and <b unclosed tag and [[ok | fine]] end <a class=\"yt-timestamp\" data-t=\"01:02:03\">[01:02:03]</a>.\n"
        let doc = try Support.read(note, "v.md")
        #expect(doc.document.kind == .videoNote)
        #expect(doc.document.outlet == "chan")
        let p = try #require(doc.passages.first)
        #expect(doc.text.slice(p.range) == "Open [[never closed and <b unclosed tag and fine end.")
        #expect(p.topicLinks == [TopicLink(slug: "ok", label: "fine", range: p.topicLinks[0].range)])
        #expect(p.anchors == [TimestampAnchor(offset: p.range.end, timestamp: "01:02:03", seconds: 3723)])
        #expect(p.locator(at: p.range.start, videoID: "abc").url == "https://www.youtube.com/watch?v=abc&t=3723s")
        Support.expectPassagesAreExact(doc)
    }

    @Test func frontMatterWithQuotesOrNestingIsReadByYAML() throws {
        let doc = try Support.read("---\ntitle: \"Russia: a \\\"short\\\" note\"\nvideoId: 'x_1'\ntags:\n  - a\n---\n\nBody.\n", "q.md")
        #expect(doc.document.title == "Russia: a \"short\" note")
        #expect(doc.document.videoID == "x_1")
        #expect(Support.passageTexts(doc) == ["Body."])
    }

    @Test func bareWikiLinksShowTheirSlugWithSpaces() throws {
        let doc = try Support.read("---\nvideoId: v\n---\n\nSee [[russia_china_relations]] here.\n", "b.md")
        #expect(Support.passageTexts(doc) == ["See russia china relations here."])
        #expect(doc.passages[0].topicLinks.first?.slug == "russia_china_relations")
    }

    @Test func sha256MatchesTheStandardVectors() {
        #expect(SHA256.hex(of: [UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(of: Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(of: Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
            == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256.hex(of: [UInt8](repeating: 0x61, count: 1_000_000)) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}
