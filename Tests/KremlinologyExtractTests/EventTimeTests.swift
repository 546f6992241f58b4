import KremlinologyExtract
import KremlinologyModel
import Testing

/// Issue 13 item 5: an event's date comes from its own clause, not from another year of the
/// same sentence. The sentences are our own.
@Suite struct EventTimeTests {
    func time(_ text: String, _ source: String, _ target: String) throws -> String? {
        let rs = Fixture.relations(text)
        let r = try #require(Fixture.find(rs, source, target, nil), "\(Fixture.describe(rs))")
        return r.time
    }

    @Test func aYearInAnotherClauseDoesNotDateTheEvent() throws {
        #expect(try time("Putin, who was first elected in 2000, met Lukashenko in Sochi.", "Vladimir Putin", "Alexander Lukashenko") == nil)
        #expect(try time("Lavrov criticised NATO, which had expanded in 2004.", "Sergei Lavrov", "North Atlantic Treaty Organization") == nil)
    }

    @Test func aDateInTheEventsOwnClauseDatesIt() throws {
        #expect(try time("On 18 February 2017 Lavrov met Tillerson in Bonn.", "Sergei Lavrov", "Rex Tillerson") == "2017-02-18")
        #expect(try time("Russia annexed Crimea in 2014.", "Russia", "Ukraine") == "2014")   // a place stands for its state
        // A clause that modifies the date itself.
        #expect(try time("Relations soured in 2008, when Russia invaded Georgia.", "Russia", "Georgia") == "2008")
        // The parser may hang a fronted year on no verb at all; it still dates the sentence's event.
        #expect(try time("In 2019 Putin met Lukashenko in Sochi.", "Vladimir Putin", "Alexander Lukashenko") == "2019")
    }
}
