import KremlinologyExtract
import KremlinologyModel
import Testing

@Suite("Actor resolution: gazetteer, demonyms, capitals, roles by date, pronouns, the speaker, case")
struct ResolutionTests {
    func actors(_ text: String, outlet: String? = "TestOutlet", published: String? = nil) -> [String] {
        Fixture.extract(text, outlet: outlet, published: published).mentions.filter(ExtractionResult.isKnown).map(\.actor)
    }

    @Test func demonymNamesTheState() {
        let rs = Fixture.relations("Chinese officials praised Russia.")
        #expect(Fixture.find(rs, "China", "Russia", .support) != nil, "\(Fixture.describe(rs))")
    }

    @Test func capitalsStandForTheirGovernments() {
        let rs = Fixture.relations("Moscow condemned Washington.")
        #expect(Fixture.find(rs, "Russia", "United States", .disapprove) != nil, "\(Fixture.describe(rs))")
    }

    @Test func titleIsAbsorbedIntoThePersonMention() throws {
        let m = Fixture.extract("Russian President Vladimir Putin spoke.").mentions
        let putin = try #require(m.first { $0.actor == "Vladimir Putin" })
        #expect(putin.rule == "title")
        #expect(!m.contains { $0.actor == "Russia" })
    }

    @Test func roleDescriptionResolvesByAffiliationAndDate() {
        let rs = Fixture.relations("The Chinese leader met the Russian president.", published: "2023-03-20")
        #expect(Fixture.find(rs, "Xi Jinping", "Vladimir Putin", .consult) != nil, "\(Fixture.describe(rs))")
    }

    @Test func aRoleNamesOnlyAHolderOfThatState() {
        // The pack lists Lynne Tracy, an American, as ambassador with the organisation Russia (where she
        // was posted): "the Russian ambassador" is not her, on any date.
        for published in ["2024-02-01", nil] as [String?] {
            let rs = Fixture.relations("Poland expelled the Russian ambassador.", published: published)
            #expect(!rs.contains { $0.target == "Lynne Tracy" }, "\(Fixture.describe(rs))")
        }
    }

    @Test func aRoleThatSeveralHoldAtOnceNamesTheStateNotOneOfThem() {
        // Russia has many ambassadors at once; none of them is "the Russian ambassador" of a sentence.
        let rs = Fixture.relations("Poland expelled the Russian ambassador.")
        #expect(Fixture.find(rs, "Poland", "Russia", .sanction) != nil, "\(Fixture.describe(rs))")
        // A role one person holds is still that person, undated too.
        let met = Fixture.relations("The Russian president met Erdogan in Sochi.")
        #expect(met.contains { $0.source == "Vladimir Putin" }, "\(Fixture.describe(met))")
    }

    @Test func presidentElectIsWhoeverTakesOfficeNext() {
        let m = actors("U.S. President-elect will travel.", published: "2024-11-10")
        #expect(m.contains("Donald Trump"), "\(m)")
    }

    @Test func lowerCaseTitlesAndNamesStillMatch() {
        let m = actors("on november 8, kremlin spokesman dmitry peskov said that russian dictator vladimir putin was busy. russia waited.")
        #expect(m.contains("Dmitry Peskov"), "\(m)")
        #expect(m.contains("Vladimir Putin"), "\(m)")
        #expect(m.contains("Russia"), "\(m)")
    }

    @Test func personalPronounResolvesToTheLatestPerson() {
        let rs = Fixture.relations("Putin spoke at length. He praised Turkey.")
        #expect(Fixture.find(rs, "Vladimir Putin", "Turkey", .support) != nil, "\(Fixture.describe(rs))")
    }

    @Test func theSpeakerIsTheVideoChannel() throws {
        let rs = Fixture.relations("The speaker believes that Russia attacked Ukraine.", outlet: "bonus_professor")
        let r = try #require(Fixture.find(rs, "Russia", "Ukraine", .assault), "\(Fixture.describe(rs))")
        #expect(r.attribution == "bonus_professor")
        let m = Fixture.extract("The speaker confirms plans.", outlet: "bonus_professor").mentions
        #expect(m.contains { $0.rule == "speaker" && $0.actor == "bonus_professor" })
    }

    @Test func pronounUsIsNotTheUnitedStates() {
        #expect(!actors("Let us help them, they said.").contains("United States"))
        #expect(actors("The US imposed sanctions.").contains("United States"))
    }

    @Test func unknownActorsAreKeptByTheirWords() throws {
        let rs = Fixture.relations("Jordanian police arrested protesters in Amman.")
        let r = try #require(rs.first, "no relation")
        #expect(r.source == "Jordan")
        #expect(r.sourceText == "Jordanian police")
    }
}
