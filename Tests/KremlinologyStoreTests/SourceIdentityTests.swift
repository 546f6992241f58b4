import Foundation
import KremlinologyIngest
import KremlinologyModel
import Testing
@testable import KremlinologyStore

/// Issue 13: documents sharing a video, a URL or near-identical text are one source.
@Suite struct SourceIdentityTests {
    static let article = """
        The foreign ministers met in Geneva on Tuesday to discuss the future of the arms control treaty. \
        Officials from both delegations said the talks were frank and that further rounds would follow in the spring. \
        Analysts in Moscow and Washington cautioned that no agreement on verification was in sight, and that the \
        question of tactical weapons had not been raised at all during the two days of meetings.
        """

    @Test func nearIdenticalTextsAreSimilarAndDifferentTextsAreNot() {
        let a = SourceIdentity(text: Self.article)
        let edited = SourceIdentity(text: Self.article.replacingOccurrences(of: "Tuesday", with: "Wednesday"))
        let other = SourceIdentity(text: Self.article.split(separator: " ").reversed().joined(separator: " "))
        #expect(a.similarity(to: edited) >= SourceIdentity.nearDuplicateThreshold)
        #expect(a.similarity(to: other) < 0.3)
        #expect(SourceIdentity(text: "Too short to compare.").signature.isEmpty)
        #expect(SourceIdentity(stored: a.stored) == a)
    }

    @Test func urlsAreComparedWithoutSchemeWwwSlashesFragmentsOrTracking() {
        #expect(SourceIdentity.normalisedURL("https://www.Example.org/a/b/?utm_source=x#top") == "example.org/a/b")
        #expect(SourceIdentity.normalisedURL("http://example.org/a/b") == "example.org/a/b")
        #expect(SourceIdentity.normalisedURL("https://example.org/a?id=3&utm_medium=y") == "example.org/a?id=3")
        #expect(SourceIdentity.normalisedURL("not a url") == nil)
    }

    static func document(_ name: String, _ text: String) throws -> IngestedDocument {
        try DocumentReader().read(bytes: Array(text.utf8), path: name, fileName: name)
    }

    @Test(arguments: StoreBackend.available)
    func theStoreFilesNearDuplicatesVideosAndURLsUnderOneSource(backend: StoreBackend) throws {
        let tmp = try TemporaryStore(backend)
        let first = try Self.document("a.txt", "Russia condemned Ukraine. " + Self.article)
        let copy = try Self.document("b.txt", "Russia condemned Ukraine. " + Self.article.replacingOccurrences(of: "frank", with: "candid"))
        let other = try Self.document("c.txt", "Russia condemned Ukraine. " + String(Self.article.reversed()))
        for doc in [first, copy, other] {
            let quote = "Russia condemned Ukraine."
            let relation = Relation(source: "Russia", sourceText: "Russia", target: "Ukraine", targetText: "Ukraine", type: .disapprove,
                                    quote: quote, range: TextRange(start: 0, end: quote.utf8.count), rule: "test")
            _ = try tmp.store.store(doc, extraction: ExtractionPayload(relations: [relation]))
        }
        let stored = try tmp.store.relations(RelationFilter())
        let keys = Dictionary(uniqueKeysWithValues: stored.map { ($0.fileName, $0.sourceKey) })
        #expect(keys["a.txt"] == "document:" + first.document.id)
        #expect(keys["b.txt"] == keys["a.txt"])
        #expect(keys["c.txt"] == "document:" + other.document.id)
        // Two sources state it: the near-duplicate pair and the other text.
        let corroborated = try tmp.store.withCorroboration(stored)
        #expect(corroborated.map(\.corroboration) == [2, 2, 2])
        #expect(try tmp.store.relations(RelationFilter(minSources: 2)).count == 3)
        #expect(try tmp.store.relations(RelationFilter(minSources: 3)).isEmpty)
        #expect(try tmp.store.countRelations(RelationFilter(minSources: 3)) == 0)
    }

    @Test func videoNotesAreFiledUnderTheirVideoAndURLsUnderTheirAddress() {
        var note = Document(id: "x", path: "n.md", fileName: "n.md", kind: .videoNote)
        note.videoID = "abc123"
        note.url = "https://example.org/x"
        #expect(SourceIdentity.ownKey(of: note) == "video:abc123")
        note.videoID = nil
        #expect(SourceIdentity.ownKey(of: note) == "url:example.org/x")
        note.url = nil
        #expect(SourceIdentity.ownKey(of: note) == "document:x")
    }
}
