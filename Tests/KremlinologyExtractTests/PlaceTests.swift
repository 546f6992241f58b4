@testable import KremlinologyExtract
import KremlinologyModel
import Testing

/// Issue 11, item 4: a region, city or territory of the places list stands for its state as a
/// target, and becomes the relation's location; as a source it stands for no one, and against its
/// own state it stands for itself. The sentences are our own.
@Suite("Places")
struct PlaceTests {
    func relations(_ text: String) -> [Relation] { Fixture.relations(text) }

    @Test func aPlaceTargetGoesToItsStateAndIsTheLocation() throws {
        let result = Fixture.extract("Russia shelled Kherson overnight.")
        let r = try #require(Fixture.find(result.relations, "Russia", "Ukraine", .assault), "\(Fixture.describe(result.relations))")
        #expect(r.location == "Kherson")
        #expect(r.targetText == "Kherson")
        #expect(r.targetWikidata == Fixture.pack.actor(named: "Ukraine")?.wikidata)
        // The place is stored as a mention of its state, with the rule that says why.
        #expect(result.mentions.contains { $0.actor == "Ukraine" && $0.text == "Kherson" && $0.rule == "place" }, "\(result.mentions)")
        let other = try #require(Fixture.find(relations("Turkish jets bombed Idlib last week."), "Turkey", "Syria", .assault))
        #expect(other.location == "Idlib")
    }

    @Test func aLocationTakesThePlacesFirstSpellingAndItsHeadWord() throws {
        let r = try #require(relations("Moscow sent reinforcements to Kharkov.").first { $0.target == "Ukraine" })
        #expect(r.location == "Kharkiv")
        #expect(r.targetText == "Kharkov")
        let oblast = try #require(Fixture.find(relations("Russian missiles hit Kharkiv Oblast on Tuesday."), "Russia", "Ukraine"))
        #expect(oblast.targetText == "Kharkiv Oblast")
        #expect(oblast.location == "Kharkiv")
    }

    @Test func aPlaceAfterALocativePrepositionIsWhereTheEventHappens() throws {
        let deal = try #require(Fixture.find(relations("Turkey signed a grain deal with Ukraine in Odesa."), "Turkey", "Ukraine"))
        #expect(deal.location == "Odesa")
        #expect(deal.targetText == "Ukraine")
        let meeting = try #require(Fixture.find(relations("Vladimir Putin met Kassym-Jomart Tokayev in Sevastopol."),
                                                "Vladimir Putin", "Kassym-Jomart Tokayev", .consult))
        #expect(meeting.location == "Sevastopol")
        // A place that is only the topic of the quarrel is no location of it.
        let quarrel = try #require(Fixture.find(relations("Lithuania criticised Russia over Kaliningrad."), "Lithuania", "Russia"))
        #expect(quarrel.location == nil)
    }

    @Test func aPlaceAsSourceStandsForNoOne() {
        let rs = relations("Crimea accused Ukraine of cutting its water supply.")
        #expect(rs.isEmpty, "\(Fixture.describe(rs))")
    }

    @Test func againstItsOwnStateAPlaceStandsForItself() throws {
        let result = Fixture.extract("Ukraine shelled Donetsk on Monday.")
        #expect(!result.relations.contains { $0.source == "Ukraine" && $0.target == "Ukraine" })
        let r = try #require(Fixture.find(result.relations, "Ukraine", "Donetsk"), "\(Fixture.describe(result.relations))")
        #expect(r.targetWikidata == nil)
        #expect(r.location == "Donetsk")
        // The place names no actor of the document.
        #expect(!result.mentions.filter(ExtractionResult.isKnown).contains { $0.text == "Donetsk" })
        // So for an actor of that state's country.
        #expect(Fixture.find(relations("Beijing tightened its control over Tibet."), "China", "China") == nil)
    }

    /// Every `place-itself` noun of cues-places.tsv: the region as a party of its own, not its state.
    @Test(arguments: ["independence", "autonomy", "secession", "statehood", "sovereignty", "separatism", "referendum",
                      "people", "population", "residents", "inhabitants", "authorities", "government", "leadership",
                      "leaders", "parliament", "elections", "status"])
    func aRegionAsAPartyOfItsOwnStandsForItself(_ noun: String) throws {
        let rs = relations("Serbia praised the \(noun) of Tibet.")
        #expect(Fixture.find(rs, "Serbia", "China") == nil, "\(noun): \(Fixture.describe(rs))")
        let r = try #require(Fixture.find(rs, "Serbia", "Tibet"), "\(noun): \(Fixture.describe(rs))")
        #expect(r.targetWikidata == nil)
    }

    @Test func aRegionsSeparatistsOrBehalfAreNoSideOfItsState() {
        for text in ["Serbia supported the Tibet separatists.", "Australia pressured Zembla on Bougainville's behalf."] {
            let rs = relations(text)
            #expect(!rs.contains { ["China", "Papua New Guinea"].contains($0.target) }, "\(text): \(Fixture.describe(rs))")
            #expect(!rs.isEmpty, "\(text)")
        }
        // Any other noun leaves the place standing for its state.
        #expect(Fixture.find(relations("Serbia praised the monasteries of Tibet."), "Serbia", "China") != nil)
    }

    @Test func oblastAndKraiEndNamesOfPlacesNotActors() {
        // non-actor-head oblast, krai (cues.tsv): a region the list lacks is no unnamed actor either.
        for text in ["Russia shelled Vrelkovsky Krai on Monday.", "Russia shelled Vrelkovsky Oblast on Monday."] {
            #expect(relations(text).isEmpty, "\(text): \(Fixture.describe(relations(text)))")
        }
    }

    @Test func aPlaceInACompoundOrALongerNameIsNoPlace() {
        let result = Fixture.extract("The Odesa Film Festival praised Ukraine.")
        #expect(!result.mentions.contains { $0.rule.contains("place") }, "\(result.mentions)")
    }

    @Test func explainShowsThePlaceAndTheLocation() {
        let trace = Fixture.extractor.extract(ExtractionInput(text: "Russia shelled Kherson overnight.", documentName: "t"), explain: true).trace
        let text = trace.map { $0.render() }.joined()
        #expect(text.contains("(unknown:place, a place of Ukraine)"), "\(text)")
        #expect(text.contains("Russia —ASSAULT[asserted]→ Ukraine  at Kherson"), "\(text)")
    }

    @Test func aPlaceOfAStateThePackLacksIsAPackError() {
        #expect {
            _ = try KnowledgePack.fromFilesForTesting([("cues-extra.tsv", "place\tVrelkovo\tZembla\n")])
        } throws: { error in
            "\(error)".hasPrefix("cues-extra.tsv:1:") && "\(error)".contains("Zembla")
        }
    }
}
