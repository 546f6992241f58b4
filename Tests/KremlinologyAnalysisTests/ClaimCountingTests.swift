import KremlinologyModel
@testable import KremlinologyStore
import KremlinologyAnalysis
import Testing

/// Issue 13: one claim is counted once. Six notes of one video repeating "Putin respects the
/// United States" are one claim of one source, in every view; two videos are two sources.
@Suite struct ClaimCountingTests {
    /// Six notes (documents) of the video `V1` with the same statement, and one note of `V2`.
    static func corpus(secondVideo: Bool = true) -> [StoredRelation] {
        var c = Corpus()
        for note in 1...6 {
            c.add("Vladimir Putin", .respect, "United States", outlet: "bonus_professor", quote: "Putin respects America (note \(note))",
                  timestamp: "00:23:36", sourceKey: "video:V1")
        }
        if secondVideo {
            c.add("Vladimir Putin", .respect, "United States", outlet: "jameskerlindsay", quote: "Putin respects the US",
                  timestamp: "00:02:00", sourceKey: "video:V2")
        }
        c.add("Vladimir Putin", .threaten, "Ukraine", outlet: "bonus_professor", quote: "Putin threatens Kyiv", sourceKey: "video:V1")
        return c.relations
    }

    @Test func sixNotesOfOneVideoAreOneClaimInTheDossier() throws {
        let dossier = Dossier(actor: "Vladimir Putin", relations: Self.corpus(secondVideo: false), directory: people)
        let respect = try #require(dossier.relationsOut.first { $0.type == .respect })
        #expect(respect.count == 1)
        #expect(respect.evidence.sources == 1)
        #expect(respect.evidence.notes == 6)
        #expect(respect.evidence.summary == "1 video, 6 notes")
        #expect(dossier.balanceOut.cooperative == 1)
        #expect(dossier.balanceOut.conflictual == 1)
        #expect(dossier.balanceOut.score == Weights.weight(of: .respect) + Weights.weight(of: .threaten))
        #expect(dossier.strongestQuotes.filter { $0.type == .respect }.count == 1)
        #expect(dossier.strongestQuotes.first { $0.type == .respect }?.notes == 6)
    }

    @Test func twoVideosAreTwoSourcesAndCorroborateTheStatement() throws {
        let dossier = Dossier(actor: "Vladimir Putin", relations: Self.corpus(), directory: people)
        let respect = try #require(dossier.relationsOut.first { $0.type == .respect })
        #expect(respect.count == 2)
        #expect(respect.evidence.summary == "2 videos, 7 notes")
        let quote = try #require(dossier.strongestQuotes.first { $0.type == .respect })
        #expect(quote.corroboration == 2)
    }

    @Test func networkEdgesWeighClaims() throws {
        let network = Network(relations: Self.corpus(), directory: people)
        let putin = try #require(network.nodes.first { $0.name == "Vladimir Putin" }?.id)
        let us = try #require(network.nodes.first { $0.name == "United States" }?.id)
        let edge = try #require(network.edges.first { $0.source == putin && $0.target == us })
        #expect(edge.weight == 2)
        #expect(edge.types["RESPECT"] == 2)
    }

    @Test func rolledUpNetworksCountAClaimOnceAfterRollUp() throws {
        var c = Corpus()
        // Putin and Russia both threaten Ukraine in the same video: one claim of Russia once rolled up.
        c.add("Vladimir Putin", .threaten, "Ukraine", published: "2022-01-01", sourceKey: "video:V1")
        c.add("Russia", .threaten, "Ukraine", published: "2022-01-01", sourceKey: "video:V1")
        c.add("Russia", .threaten, "Ukraine", published: "2022-01-01", sourceKey: "video:V2")
        var options = NetworkOptions()
        options.rollUpStates = true
        let network = Network(relations: c.relations, directory: people, options: options)
        #expect(network.edges.map(\.weight) == [2])
    }

    @Test func timelinesBriefsAndOutletsCountClaims() throws {
        let relations = Self.corpus(secondVideo: false)
        let timeline = Timeline(relations: relations, actor: "Vladimir Putin")
        #expect(timeline.entries.count == 2)
        #expect(timeline.entries.map(\.notes).sorted() == [1, 6])
        let brief = Brief("Vladimir Putin", "United States", relations: relations)
        #expect(brief.relations.count == 1)
        #expect(brief.periods.map(\.relations) == [1])
        #expect(brief.balanceAToB.cooperative == 1)
        #expect(brief.outlets.map(\.relations) == [1])
        let comparison = OutletComparison(outlets: ["bonus_professor", "jameskerlindsay"], relations: Self.corpus())
        let dyad = try #require(comparison.dyads.first { $0.target == "United States" })
        #expect(dyad.outlets.map(\.relations) == [1, 1])
    }

    @Test func evidenceSummariesNameWhatWasGrouped() {
        var e = ClaimEvidence()
        (e.claims, e.sources, e.videos, e.notes) = (3, 3, 0, 3)
        #expect(e.summary == "3 documents")
        (e.claims, e.sources, e.videos, e.notes) = (2, 3, 2, 9)
        #expect(e.summary == "2 videos, 1 document, 9 notes")
        (e.claims, e.sources, e.videos, e.notes) = (1, 1, 0, 2)
        #expect(e.summary == "1 document, 2 copies")
    }
}
