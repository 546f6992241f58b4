@testable import KremlinologyExtract
import KremlinologyModel
import Testing

/// Issue 11, item 4: common nouns that name a body, office or people of some actor ("the
/// government", "troops", "leaders", `owned-agent` in cues.tsv) are actors only through the owner
/// the parse gives them; alone they are in no relation. The sentences are our own.
@Suite("Owned agents")
struct OwnedAgentTests {
    func relations(_ text: String) -> [Relation] { Fixture.relations(text) }

    @Test func anAgentWithoutAnOwnerIsInNoRelation() {
        for sentence in ["The military supported Ukraine during the war.", "Russia condemned the government for the raid.",
                         "Poland sent military aid to Ukraine.", "Officials said that Russia attacked the leaders."] {
            let rs = relations(sentence)
            #expect(!rs.contains { ["military", "government", "leaders", "officials"].contains($0.source.lowercased())
                || ["military", "government", "leaders", "officials"].contains($0.target.lowercased()) },
                    "\(sentence): \(Fixture.describe(rs))")
        }
        // The state of the adjectival "military aid" still acts.
        #expect(Fixture.find(relations("Poland sent military aid to Ukraine."), "Poland", "Ukraine") != nil)
    }

    @Test func theOwnerInTheParseStandsForTheAgent() throws {
        let of = try #require(Fixture.find(relations("The government of Moldova condemned Russia on Monday."), "Moldova", "Russia", .disapprove),
                              "\(Fixture.describe(relations("The government of Moldova condemned Russia on Monday.")))")
        #expect(of.sourceText == "government of Moldova")
        let possessive = relations("Finland's military accused Russia of provocations.")
        #expect(Fixture.find(possessive, "Finland", "Russia") != nil, "\(Fixture.describe(possessive))")
        let nested = relations("Opposition groups in Georgia denounced Russia.")
        #expect(Fixture.find(nested, "Georgia", "Russia") != nil, "\(Fixture.describe(nested))")
        // A demonym with a word between: "Polish peacekeeping troops".
        let demonym = relations("Polish peacekeeping troops attacked Belarus at dawn.")
        #expect(Fixture.find(demonym, "Poland", "Belarus", .assault) != nil, "\(Fixture.describe(demonym))")
    }

    @Test func aTitleBeforeANameIsNoAgentOfItsOwn() {
        let rs = relations("Russia condemned President Kovak of Zembla.")
        #expect(!rs.contains { $0.target.lowercased() == "president" }, "\(Fixture.describe(rs))")
    }

    @Test func aDemonymDoesNotMakeAStateOwnACompany() {
        let rs = relations("The Swedish telecom company met Huawei in Beijing.")
        #expect(!rs.contains { $0.source == "Sweden" }, "\(Fixture.describe(rs))")
        let owned = relations("The media of Belarus attacked Poland.")
        #expect(Fixture.find(owned, "Belarus", "Poland") != nil, "\(Fixture.describe(owned))")
    }

    @Test func explainSaysWhatBecameOfTheAgent() throws {
        let result = Fixture.extractor.extract(ExtractionInput(text: "The military supported Ukraine during the war.", documentName: "t"),
                                               explain: true)
        let cues = result.trace.flatMap(\.cues).joined(separator: "\n")
        #expect(cues.contains("owned agent \"military\""), "\(cues)")
    }

    @Test func anOwnedAgentLineTakesOnlyPrivateAsItsValue() {
        #expect(throws: PackError.self) { try Cues.build([("cues.tsv", 3, ["owned-agent", "army", "public"])]) }
        #expect((try? Cues.build([("cues.tsv", 3, ["owned-agent", "bank", "private"])]))?.ownedAgents["bank"] == .privately)
    }
}
