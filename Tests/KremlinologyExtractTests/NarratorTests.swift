import Foundation
import KremlinologyExtract
import KremlinologyIngest
import KremlinologyModel
import KremlinologyPipeline
import Testing

/// The narrator of a video note ("the speaker", "the author") and its channel are the source of
/// what the note says — its attribution — not actors of the events it tells. Our own note.
@Suite("Narrators and channels are attributions, not actors")
struct NarratorTests {
    static let note = """
        ---
        videoId: abcdefghijk
        title: A note of our own
        ---
        From: [[river_channel]]

        # Summary

        - The speaker discusses the naval blockade of Georgia <a class="yt-timestamp" data-t="00:01:00">[00:01:00]</a>.
        - The author analyses the Kremlin's pressure on Armenia <a class="yt-timestamp" data-t="00:02:00">[00:02:00]</a>.
        - The narrator refers to Tokayev's support for Putin <a class="yt-timestamp" data-t="00:03:00">[00:03:00]</a>.
        - The speaker criticises Erdogan for his silence <a class="yt-timestamp" data-t="00:04:00">[00:04:00]</a>.
        - The speaker explains how Iran arms the Houthis <a class="yt-timestamp" data-t="00:05:00">[00:05:00]</a>.
        - The speaker believes that Belarus will attack Lithuania <a class="yt-timestamp" data-t="00:06:00">[00:06:00]</a>.
        """

    static func read() throws -> IngestedDocument {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("narrator-\(UUID().uuidString).md")
        try Data(note.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        return try DocumentReader().read(fileAt: url)
    }

    @Test func theNarratorIsNeverASourceOrTarget() throws {
        let doc = try Self.read()
        #expect(doc.document.outlet == "river_channel")
        let rs = Fixture.extract(doc).relations
        #expect(!rs.isEmpty)
        #expect(!rs.contains { $0.source == "river_channel" || $0.target == "river_channel" }, "\(Fixture.describe(rs))")
    }

    @Test func theEventsANarratorTellsKeepTheirActorsAndTheChannelAsAttribution() throws {
        let rs = Fixture.extract(try Self.read()).relations
        let pressure = try #require(Fixture.find(rs, "Russia", "Armenia"), "\(Fixture.describe(rs))")
        #expect(pressure.attribution == "river_channel")
        let attack = try #require(Fixture.find(rs, "Belarus", "Lithuania"), "\(Fixture.describe(rs))")
        #expect(attack.attribution == "river_channel")
        #expect(attack.modality == .expected)
    }

    @Test func theChannelIsNotAnActorOfTheNote() throws {
        let payload = FactExtraction(pack: Fixture.pack).payload(for: try Self.read())
        #expect(!payload.actors.contains { $0.name == "river_channel" })
        #expect(!payload.mentions.contains { $0.actor == "river_channel" })
        #expect(!payload.relations.contains { $0.source == "river_channel" || $0.target == "river_channel" })
    }

    @Test func explainSaysWhyTheNarratorWasDropped() {
        let result = Fixture.extractor.extract(
            ExtractionInput(text: "The speaker criticises Erdogan for his silence.", documentName: "x.md", outlet: "river_channel"),
            explain: true)
        #expect(result.relations.isEmpty)
        #expect(result.trace.map { $0.render() }.joined().contains("is the narrator"))
    }
}

extension NarratorTests {
    @Test func aNarratorsOpinionOfWhatAStateMustDoIsNoDemand() {
        let rs = Fixture.relations("The speaker believes that Georgia must leave the alliance.", outlet: "river_channel")
        #expect(!rs.contains { $0.source == "river_channel" }, "\(Fixture.describe(rs))")
        let named = Fixture.relations("Erdogan believes that Georgia must leave the alliance.", outlet: "river_channel")
        #expect(Fixture.find(named, "Recep Tayyip Erdoğan", "Georgia", .demand) != nil, "\(Fixture.describe(named))")
    }
}
