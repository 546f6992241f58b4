import KremlinologyModel
@testable import KremlinologyStore
import KremlinologyAnalysis
import Testing

/// Issue 13: "how does Russia treat Belarus?" includes Putin↔Lukashenko once rolled up, and
/// the view says who was folded in.
@Suite struct RollUpTests {
    static func corpus() -> [StoredRelation] {
        var c = Corpus()
        c.add("Vladimir Putin", .consult, "Alexander Lukashenko", quote: "Putin met Lukashenko in Sochi")
        c.add("Russia", .aid, "Belarus", quote: "Moscow lent Minsk $1bn")
        c.add("Dmitry Peskov", .support, "Belarus", quote: "Peskov praised Minsk")
        c.add("Vladimir Putin", .disapprove, "Dmitry Peskov", quote: "Putin scolded Peskov")  // Russia → Russia: dropped
        c.add("Vladimir Zelensky", .disapprove, "Alexander Lukashenko", quote: "Zelensky condemned Lukashenko")
        return c.relations
    }

    @Test func aRolledUpBriefOfTwoStatesIncludesTheirPeople() throws {
        let (relations, rollUp) = RollUp.states(Self.corpus(), directory: people)
        var brief = Brief("Russia", "Belarus", relations: relations)
        brief.rollUp = rollUp
        #expect(brief.relations.count == 3)
        #expect(Set(brief.relations.map(\.citation.quote)) == ["Putin met Lukashenko in Sochi", "Moscow lent Minsk $1bn", "Peskov praised Minsk"])
        #expect(brief.balanceAToB.cooperative == 3)
        #expect(rollUp.folded["Russia"] == ["Dmitry Peskov", "Vladimir Putin"])
        #expect(rollUp.folded["Belarus"] == ["Alexander Lukashenko"])
        #expect(rollUp.summary.contains("Russia ← Dmitry Peskov, Vladimir Putin"))
        let page = PageRenderer.markdown(ViewPages.brief(brief))
        #expect(page.contains("Rolled up into states:"))
        #expect(page.contains("Belarus ← Alexander Lukashenko"))
    }

    @Test func tiesOfAStateToItselfAreDroppedAndTheQuoteIsKept() {
        let (relations, _) = RollUp.states(Self.corpus(), directory: people)
        #expect(!relations.contains { $0.relation.source == $0.relation.target })
        #expect(relations.first?.relation.sourceText == "Vladimir Putin")
        #expect(relations.count == 4)
    }

    @Test func withoutRollUpTheBriefOfTwoStatesHasOnlyTheirOwnRelations() {
        let brief = Brief("Russia", "Belarus", relations: Self.corpus())
        #expect(brief.relations.count == 1)
        #expect(brief.rollUp == nil)
        #expect(!PageRenderer.markdown(ViewPages.brief(brief)).contains("Rolled up"))
    }
}
