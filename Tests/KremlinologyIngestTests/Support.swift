import Foundation
import KremlinologyIngest
import KremlinologyModel
import Testing

/// Paths and checks shared by the ingest tests.
enum Support {
    /// The package root, found from this file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// `../shared/seeds`, beside the package.
    static let seeds = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/seeds")
    /// Whether the shared seeds are there (they are not in a bare clone).
    static let seedsPresent = FileManager.default.fileExists(atPath: seeds.path)
    static let examples = packageRoot.appendingPathComponent("Examples")
    static let fixtures = packageRoot.appendingPathComponent("Tests/Fixtures")

    static func seed(_ prefix: String) throws -> IngestedDocument {
        let names = try FileManager.default.contentsOfDirectory(atPath: seeds.path)
        let name = try #require(names.first { $0.hasPrefix(prefix) }, "no seed \(prefix)* in \(seeds.path)")
        return try DocumentReader().read(fileAt: seeds.appendingPathComponent(name))
    }

    static func read(_ text: String, _ fileName: String = "fixture.txt") throws -> IngestedDocument {
        try DocumentReader().read(bytes: Array(text.utf8), path: "fixtures/\(fileName)", fileName: fileName)
    }

    static func passageTexts(_ doc: IngestedDocument) -> [String] {
        doc.passages.map { doc.text.slice($0.range) }
    }

    /// Every passage range slices a text with no whitespace at either end, in order, inside the text;
    /// anchors and links lie inside their passage.
    static func expectPassagesAreExact(_ doc: IngestedDocument, sourceLocation: SourceLocation = #_sourceLocation) {
        let count = doc.text.utf8.count
        var previousEnd = 0
        for (i, p) in doc.passages.enumerated() {
            #expect(p.index == i, sourceLocation: sourceLocation)
            #expect(p.range.start >= previousEnd && p.range.end <= count && p.range.length > 0, "passage \(i) \(p.range)", sourceLocation: sourceLocation)
            previousEnd = p.range.end
            let text = doc.text.slice(p.range)
            #expect(text.utf8.count == p.range.length, "passage \(i) cuts a character", sourceLocation: sourceLocation)
            #expect(text == text.trimmingCharacters(in: .whitespacesAndNewlines), "passage \(i) has outer whitespace: \(text.debugDescription)", sourceLocation: sourceLocation)
            for a in p.anchors { #expect(p.range.start <= a.offset && a.offset <= p.range.end, sourceLocation: sourceLocation) }
            for l in p.topicLinks {
                #expect(p.range.contains(l.range), sourceLocation: sourceLocation)
                #expect(doc.text.slice(l.range) == l.label, sourceLocation: sourceLocation)
            }
        }
        // The id covers the text and the source metadata (DocumentIdentity), not the text alone.
        #expect(doc.document.id == String(DocumentIdentity.key(of: doc).prefix(16)), sourceLocation: sourceLocation)
    }
}
