import Foundation
import KremlinologyExtract
import KremlinologyModel
import KremlinologyPipeline
import KremlinologyStore
import Testing

/// Issue 11, item 4: names the pack does not know become open-world actors of their document
/// (unreviewed) when the parse confirms them, and the usual false names never do. Every name
/// here is invented, so that no pack can know it.
@Suite("Open-world actors")
struct OpenWorldTests {
    static func payload(_ text: String, passages: [Passage]? = nil) -> ExtractionPayload {
        let doc = IngestedDocument(document: Document(id: "0123456789abcdef", path: "ow.txt", fileName: "ow.txt", kind: .text),
                                   text: text, rawText: text, contentHash: "h",
                                   passages: passages ?? [Passage(index: 0, range: TextRange(start: 0, end: text.utf8.count))])
        return FactExtraction(pack: Fixture.pack).payload(for: doc)
    }

    @Test func twoInventedStatesRelateAsUnreviewedActors() throws {
        let result = Fixture.extract("Zembla agreed to restore diplomatic ties with Freedonia.")
        let r = try #require(Fixture.find(result.relations, "Zembla", "Freedonia"), "\(Fixture.describe(result.relations))")
        #expect(r.polarity == 1)
        #expect(Set(result.unreviewed.map(\.name)) == ["Zembla", "Freedonia"])
        #expect(result.unreviewed.allSatisfy { !$0.reviewed })
        #expect(result.mentions.filter { $0.rule == "open-world" }.count == 2, "\(result.mentions)")
    }

    /// Regions, cities and territories of the places list (cues-places.tsv) are places, never
    /// actors; an invented name in the same role still is one.
    @Test func placesOfThePlacesListNeverBecomeActors() {
        for (text, place) in [("Zembla shelled Bakhmut again on Monday.", "Bakhmut"),
                              ("Freedonia threatened Kaliningrad with a blockade.", "Kaliningrad"),
                              ("Zembla sent troops to South Ossetia.", "South Ossetia")] {
            let result = Fixture.extract(text)
            #expect(!result.unreviewed.contains { $0.name == place }, "\(text): \(result.unreviewed.map(\.name))")
        }
        let control = Fixture.extract("Zembla shelled Vrelkovia again on Monday.")
        #expect(control.unreviewed.contains { $0.name == "Vrelkovia" }, "\(control.unreviewed.map(\.name))")
        #expect(Fixture.pack.placeCount > 50)
    }

    @Test func theStoredPayloadListsThemAsUnreviewedActors() {
        let payload = Self.payload("Zembla agreed to restore diplomatic ties with Freedonia.")
        #expect(payload.actors.map(\.name).sorted() == ["Freedonia", "Zembla"])
        #expect(payload.actors.allSatisfy { !$0.reviewed })
        #expect(payload.mentions.count == 2)
    }

    @Test func aKnownActorAndAnInventedOneRelateAndTheInventedOneIsAnActor() throws {
        let result = Fixture.extract("In March, Russia imposed sanctions on Zembla.")
        #expect(Fixture.find(result.relations, "Russia", "Zembla", .sanction) != nil, "\(Fixture.describe(result.relations))")
        #expect(result.unreviewed.map(\.name) == ["Zembla"])
    }

    @Test func aSurnameAloneCoreferesWithTheFullNameEarlierInTheDocument() throws {
        let result = Fixture.extract("Anton Vrelkov arrived on Monday. Later, Vrelkov met Boris Tamarsky in the capital.")
        let r = try #require(Fixture.find(result.relations, "Anton Vrelkov", "Boris Tamarsky"), "\(Fixture.describe(result.relations))")
        #expect(r.sourceText == "Vrelkov")
        let vrelkov = try #require(result.unreviewed.first { $0.name == "Anton Vrelkov" })
        #expect(vrelkov.kind == .person)
        // The full name of the first sentence is a mention of the same open-world actor.
        #expect(result.mentions.filter { $0.actor == "Anton Vrelkov" && $0.rule == "open-world" }.map(\.text) == ["Anton Vrelkov", "Vrelkov"])
    }

    @Test func aNameActsThroughTheAgentNounItModifiesButNotThroughAnyNoun() {
        let officials = Fixture.extract("Last week, Zembla officials accused Freedonia of espionage.")
        #expect(Fixture.find(officials.relations, "Zembla", "Freedonia", .disapprove) != nil, "\(Fixture.describe(officials.relations))")
        // "the value of Freedonia" is no act toward Freedonia.
        #expect(Fixture.extract("Last week, Zembla rejected the value of Freedonia.").relations.isEmpty)
    }

    @Test func kindsComeFromTheCuesOfTheName() throws {
        let result = Fixture.extract("The Zemblan Defence Ministry accused Anton Vrelkov of espionage.")
        let kinds = Dictionary(result.unreviewed.map { ($0.name, $0.kind) }, uniquingKeysWith: { a, _ in a })
        #expect(kinds["Zemblan Defence Ministry"] == .organization, "\(result.unreviewed) \(Fixture.describe(result.relations))")
        #expect(kinds["Anton Vrelkov"] == .person)
    }

    @Test func aCapitalisedCommonWordOpeningTheSentenceIsNoActor() {
        let result = Fixture.extract("Newspapers criticised Freedonia.")
        #expect(result.relations.isEmpty, "\(Fixture.describe(result.relations))")
        #expect(result.unreviewed.isEmpty)
    }

    @Test func aHeadingIsNoSentenceOfActors() {
        let heading = "Zembla condemns Freedonia"
        let body = "The talks went on."
        let text = heading + "\n\n" + body
        let start = heading.utf8.count + 2
        let payload = Self.payload(text, passages: [
            Passage(index: 0, range: TextRange(start: 0, end: heading.utf8.count), kind: .heading),
            Passage(index: 1, range: TextRange(start: start, end: start + body.utf8.count), section: heading),
        ])
        #expect(payload.actors.isEmpty, "\(payload.actors)")
        #expect(payload.relations.isEmpty)
        // A line in title case reads as a heading too, wherever it stands.
        #expect(Fixture.extract("Zembla Talks With Freedonia Over The Border").unreviewed.isEmpty)
    }

    @Test func fragmentsSymbolsAndNicknamesAreNoActors() {
        for sentence in ["Officials in Post-war Zembla attacked Freedonia.", "The G.I. attacked Freedonia.",
                         "Yesterday the Ripper attacked Freedonia.", "On Monday, X attacked Freedonia."] {
            let result = Fixture.extract(sentence)
            #expect(!result.unreviewed.contains { ["Post", "G.I.", "Ripper", "X"].contains($0.name) }, "\(sentence): \(result.unreviewed)")
        }
    }

    @Test func unnamedCommonNounsAreNeverActorsOnTheirOwn() {
        let result = Fixture.extract("The military attacked the government, and troops threatened the leaders.")
        #expect(result.unreviewed.isEmpty, "\(result.unreviewed)")
        #expect(result.relations.isEmpty, "\(Fixture.describe(result.relations))")
    }
}
