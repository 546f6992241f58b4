import Foundation
import KremlinologyIngest
import KremlinologyModel
import Testing

/// Inputs a hostile tester used against the readers, each pinned to what it must now give.
@Suite("Readers against hostile input")
struct ReaderHardeningTests {
    @Test(arguments: [
        ("---\ntitle: Only front matter\nvideoId: abc\n---\n", "fm.md", "front matter"),
        ("---\ntitle: Only front matter\n---\n\n   \n", "fm2.md", "front matter"),
        ("<html><head><title>T</title></head><body><script>var a = 1; document.write('x')", "s.html", "<script>"),
        ("<html><body><style>p { color: red }", "st.html", "<style>"),
        ("<html><body><!-- everything is a comment <p>hidden</p>", "c.html", "<!--"),
        ("```\n", "fence.md", "markup"),
        ("```\n```\n\n---\n", "fences.md", "markup"),
        ("\u{3000}\u{2003}\u{200B}\n", "spaces.txt", "whitespace"),
    ])
    func aDocumentWithoutTextIsRefusedNamingTheFile(text: String, fileName: String, cause: String) throws {
        do {
            let doc = try Support.read(text, fileName)
            Issue.record("\(fileName) was read with text \(doc.text.debugDescription) and id \(doc.document.id)")
        } catch let error as IngestError {
            guard case let .noText(path, reason) = error else { Issue.record("\(fileName): wrong error \(error)"); return }
            #expect(path == "fixtures/\(fileName)")
            #expect(reason.contains(cause), "\(reason)")
            #expect(error.description.hasPrefix("fixtures/\(fileName): no text: "))
        }
    }

    /// Found by Scripts/fuzz.sh (Tests/Fixtures/crashes/crash-0db47f49951d75e4.html): the reader
    /// looked at the byte before a tag's end to spot `<script/>`, past the end of a cut-off file.
    @Test func aScriptOrStyleTagCutOffByTheEndOfTheFileIsNoCrash() throws {
        for tail in ["<style", "<script ", "<textarea"] {
            let doc = try Support.read("<html><body><p>Moscow replied.</p>" + tail, "cut.html")
            #expect(Support.passageTexts(doc) == ["Moscow replied."])
        }
    }

    @Test func aFIFOIsNotARegularFileAndReadingItNeverBlocks() throws {
        let root = try TempFolder([])
        defer { root.remove() }
        #expect(mkfifo(root.path("pipe.txt"), 0o644) == 0)
        #expect(throws: IngestError.notRegularFile(path: "pipe.txt", kind: "FIFO")) {
            try DocumentReader().read(fileAt: root.url.appendingPathComponent("pipe.txt"), displayPath: "pipe.txt")
        }
        try FileManager.default.createSymbolicLink(atPath: root.path("zero.txt"), withDestinationPath: "/dev/zero")
        #expect(throws: IngestError.notRegularFile(path: "zero.txt", kind: "character device")) {
            try DocumentReader().read(fileAt: root.url.appendingPathComponent("zero.txt"), displayPath: "zero.txt")
        }
        try FileManager.default.createSymbolicLink(atPath: root.path("gone.txt"), withDestinationPath: "/nonexistent/x")
        #expect(throws: IngestError.danglingLink(path: "gone.txt", target: "/nonexistent/x")) {
            try DocumentReader().read(fileAt: root.url.appendingPathComponent("gone.txt"), displayPath: "gone.txt")
        }
    }

    @Test func bytesOfAFileCarryTheReadersChecks() throws {
        let root = try TempFolder(["a.txt"])
        defer { root.remove() }
        #expect(try DocumentReader().bytes(ofFileAt: root.url.appendingPathComponent("a.txt")) == Array("Some text about Moscow.\n".utf8))
        #expect(throws: IngestError.isDirectory(path: "folder")) { try DocumentReader().bytes(ofFileAt: root.url, displayPath: "folder") }
        #expect(throws: IngestError.tooLarge(path: "a", bytes: 24, limit: 10)) {
            try DocumentReader(maxFileBytes: 10).bytes(ofFileAt: root.url.appendingPathComponent("a.txt"), displayPath: "a")
        }
    }

    @Test func aLinkToALargeFileIsMeasuredAtItsTarget() throws {
        let root = try TempFolder([])
        defer { root.remove() }
        FileManager.default.createFile(atPath: root.path("big.txt"), contents: Data(repeating: 0x61, count: 4096))
        try FileManager.default.createSymbolicLink(atPath: root.path("link.txt"), withDestinationPath: root.path("big.txt"))
        #expect(throws: IngestError.tooLarge(path: "link.txt", bytes: 4096, limit: 1000)) {
            try DocumentReader(maxFileBytes: 1000).read(fileAt: root.url.appendingPathComponent("link.txt"), displayPath: "link.txt")
        }
    }

    @Test(arguments: [
        ("https://example.org/a?b=c#d", "https://example.org/a?b=c#d"), ("http://x.example", "http://x.example"),
        ("notes/other.md", "notes/other.md"), ("/local/path", "/local/path"), ("page.html#part", "page.html#part"),
        ("/\\evil.example/phish", nil), ("//evil.example/x", nil), ("\\\\evil.example", nil), ("\\evil", nil),
        ("javascript:alert(1)", nil), ("JavaScript:alert(1)", nil), ("data:text/html,x", nil), ("https:evil.example", nil),
        ("https://", nil), ("https:///path", nil), ("/\t/evil.example", nil), ("ftp://x.example/f", nil), ("vbscript:x", nil),
        ("https://x.example/a b", nil), ("https://x.example\\@evil.example", nil),
    ] as [(String, String?)])
    func frontMatterURLsAreOnlyWebURLsOrTrueRelativePaths(url: String, kept: String?) throws {
        let yaml = "url: \"" + url.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\t", with: "\\t") + "\""
        let doc = try Support.read("---\ntitle: T\n\(yaml)\n---\n\nBody text.\n", "u.md")
        #expect(doc.document.url == kept, "\(url.debugDescription) → \(String(describing: doc.document.url))")
        let html = try Support.read("<html><head><link rel=\"canonical\" href=\"\(url)\"></head><body><p>Body.</p></body></html>", "u.html")
        #expect(html.document.url == kept, "HTML \(url.debugDescription) → \(String(describing: html.document.url))")
    }

    @Test func aVideoIDThatIsNotAnIDMakesNoURL() throws {
        let doc = try Support.read("---\ntitle: T\nvideoId: \"x\\\" onclick=alert(1) \"\n---\n\nBody text.\n", "v.md")
        #expect(doc.document.videoID == nil && doc.document.url == nil)
        let good = try Support.read("---\ntitle: T\nvideoId: aB-_09xyz\n---\n\nBody text.\n", "g.md")
        #expect(good.document.url == "https://www.youtube.com/watch?v=aB-_09xyz")
    }

    @Test(arguments: [("UTF-16LE", [0xFF, 0xFE] as [UInt8]), ("UTF-16BE", [0xFE, 0xFF]),
                      ("UTF-32LE", [0xFF, 0xFE, 0, 0]), ("UTF-32BE", [0, 0, 0xFE, 0xFF])])
    func utf16AndUTF32WithAByteOrderMarkAreDecoded(encoding: String, bom: [UInt8]) throws {
        let text = "# Заголовок\r\n\r\nRussia 🇷🇺 and Belarus signed a treaty.\n"
        var bytes = bom
        for scalar in text.unicodeScalars {
            let units: [UInt32] = encoding.hasPrefix("UTF-32") ? [scalar.value] : UTF16.encode(scalar)!.map { UInt32($0) }
            for unit in units {
                let width = encoding.hasPrefix("UTF-32") ? 4 : 2
                let big = (0..<width).reversed().map { UInt8(truncatingIfNeeded: unit >> (8 * UInt32($0))) }
                bytes += encoding.hasSuffix("BE") ? big : big.reversed()
            }
        }
        let doc = try DocumentReader().read(bytes: bytes, path: "w.md", fileName: "w.md")
        #expect(Support.passageTexts(doc) == ["Заголовок", "Russia 🇷🇺 and Belarus signed a treaty."])
        #expect(doc.document.title == "Заголовок")
        #expect(doc.rawText == "# Заголовок\r\n\r\nRussia 🇷🇺 and Belarus signed a treaty.\n")
        #expect(doc.contentHash == SHA256.hex(of: bytes))
        Support.expectPassagesAreExact(doc)
    }

    @Test func utf16WithoutAByteOrderMarkIsRefusedWithTheIconvCommand() {
        let text = "Russia and Belarus signed a treaty.\n"
        let little = text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(throws: IngestError.binary(path: "le.txt", offset: 1,
                                           reason: "NUL byte; this looks like UTF-16LE without a byte order mark, convert it with iconv -f UTF-16LE -t UTF-8")) {
            try DocumentReader().read(bytes: little, path: "le.txt", fileName: "le.txt")
        }
        let big = text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        #expect((try? DocumentReader().read(bytes: big, path: "be.txt", fileName: "be.txt")) == nil)
        #expect(throws: IngestError.binary(path: "z", offset: 4, reason: "NUL byte")) {
            try DocumentReader().read(bytes: Array("PK\u{3}\u{4}".utf8) + [0, 0, 0x41, 0x42, 0x43, 0x44], path: "z", fileName: "z")
        }
    }

    @Test func anUnpairedSurrogateNamesItsByteOffset() {
        let bytes: [UInt8] = [0xFF, 0xFE, 0x41, 0x00, 0x42, 0x00, 0x00, 0xD8, 0x43, 0x00]
        #expect(throws: IngestError.invalidEncoding(path: "s.txt", encoding: "UTF-16LE", offset: 6)) {
            try DocumentReader().read(bytes: bytes, path: "s.txt", fileName: "s.txt")
        }
    }

    @Test func fiveShortBulletFactsAreListItemsNotANavigationMenu() throws {
        let facts = "- Russia supplies gas to Serbia\n- Putin visited Minsk in May\n- Lukashenko met Xi in Beijing\n- Turkey bought S-400 systems\n- Hungary blocked the EU aid\n"
        for name in ["facts.txt", "facts.md"] {
            let doc = try Support.read(facts, name)
            #expect(doc.document.kind != .webPage, "\(name)")
            #expect(Support.passageTexts(doc) == ["Russia supplies gas to Serbia", "Putin visited Minsk in May", "Lukashenko met Xi in Beijing",
                                                  "Turkey bought S-400 systems", "Hungary blocked the EU aid"], "\(name)")
            #expect(doc.passages.allSatisfy { $0.kind == .listItem })
        }
        let menu = "Subscribe to our newsletter - SIGN UP\n\nRussia - Overview\n\n" + ["Home", "World", "Europe", "Asia", "Contact"].map { "* [\($0)](/\($0.lowercased()))" }.joined(separator: "\n")
            + "\n\nRussia and Belarus signed a treaty on gas prices, the agency reported on Monday.\n"
        let page = try Support.read(menu, "page.txt")
        #expect(page.document.kind == .webPage)
        #expect(!Support.passageTexts(page).contains("Home"))
    }

    @Test func notesWithOneBodyButDifferentSourcesHaveDifferentIdentities() throws {
        let body = "\n\nFrom: [[CHANNEL]]\n\nPutin met Lukashenko <a class=\"yt-timestamp\" data-t=\"TIME\">[TIME]</a>.\n"
        func note(_ video: String, _ channel: String, _ time: String) throws -> IngestedDocument {
            let text = "---\ntitle: T\nvideoId: \(video)\n---" + body.replacingOccurrences(of: "CHANNEL", with: channel).replacingOccurrences(of: "TIME", with: time)
            return try Support.read(text, "n.md")
        }
        let first = try note("aaa", "one", "00:01:00")
        let keys = Set(try [first, note("bbb", "one", "00:01:00"), note("aaa", "two", "00:01:00"), note("aaa", "one", "00:02:00")]
            .map(DocumentIdentity.key(of:)))
        #expect(keys.count == 4)
        #expect(DocumentIdentity.key(of: first) == DocumentIdentity.key(of: try note("aaa", "one", "00:01:00")))
        #expect(try note("bbb", "two", "00:02:00").document.id != first.document.id, "Document.id covers the source metadata")
        #expect(try note("aaa", "one", "00:01:00").document.id == first.document.id, "the same note has the same id")
    }

    @Test func aShortArticleKeepsItsPublisherLineOutOfTheTitle() throws {
        let text = "Russia and China sign a gas deal\nPublished by Reuters\nThe two countries signed a deal on Monday.\nIt covers gas supplies.\n"
        let doc = try Support.read(text, "short.txt")
        #expect(doc.document.kind == .article)
        #expect(doc.document.title == "Russia and China sign a gas deal")
        #expect(doc.document.outlet == "Reuters")
        #expect(!Support.passageTexts(doc).contains { $0.contains("Published by") })
        #expect(Support.passageTexts(doc).contains { $0.contains("signed a deal on Monday") })
        Support.expectPassagesAreExact(doc)
    }
}
