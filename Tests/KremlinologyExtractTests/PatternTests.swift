import KremlinologyExtract
import KremlinologyModel
import Testing

@Suite("Relation patterns: verbs, passives, phrasal verbs, nominalisations, attitudes")
struct PatternTests {
    @Test func activeVerbRelatesSubjectToObject() throws {
        let rs = Fixture.relations("Russia attacked Ukraine.")
        let r = try #require(Fixture.find(rs, "Russia", "Ukraine", .assault), "\(Fixture.describe(rs))")
        #expect(r.modality == .asserted)
        #expect(r.polarity == -1)
        #expect(r.rule.contains("attack"))
    }

    /// A pattern head of several tokens ("anti-western", "build-up", "co-operate") matches only
    /// when all its tokens stand in the text: keyed by the first alone, "anti-western" turned every
    /// "anti-tank" into HOSTILITY and "build-up" every "build". The sentences are our own.
    @Test func aHyphenatedHeadMatchesOnlyWhole() {
        let weapons = Fixture.relations("Germany sent Ukraine anti-tank weapons and anti-aircraft guns.")
        #expect(!weapons.contains { $0.type == .hostility }, "\(Fixture.describe(weapons))")
        let founded = Fixture.relations("Poland co-founded a fund with Lithuania and will build a road to Latvia.")
        #expect(!founded.contains { $0.rule.contains("co-operate") || $0.rule.contains("build-up") }, "\(Fixture.describe(founded))")
        let rhetoric = Fixture.relations("The Kremlin stoked anti-Western sentiment in Serbia.")
        #expect(rhetoric.contains { $0.type == .hostility && $0.rule.contains("anti-western") }, "\(Fixture.describe(rhetoric))")
        let nato = Fixture.relations("Moscow's anti-NATO rhetoric grew.")
        #expect(Fixture.find(nato, "Russia", "North Atlantic Treaty Organization", .hostility) != nil, "\(Fixture.describe(nato))")
    }

    @Test func passiveVoiceSwapsSourceAndTarget() throws {
        let rs = Fixture.relations("Ukraine was attacked by Russia.")
        #expect(Fixture.find(rs, "Russia", "Ukraine", .assault) != nil, "\(Fixture.describe(rs))")
        #expect(Fixture.find(rs, "Ukraine", "Russia") == nil)
    }

    @Test func aParticipleSetOffByACommaWithItsAgentIsPassive() {
        // No "be": the participle after a comma, with "by" right after it, still makes the agent the source.
        let rs = Fixture.relations("Armenia, abandoned by Russia, turned to France.")
        #expect(Fixture.find(rs, "Russia", "Armenia", .reject) != nil, "\(Fixture.describe(rs))")
        #expect(Fixture.find(rs, "Armenia", "Russia") == nil, "\(Fixture.describe(rs))")
        let listed = Fixture.relations("The rebels of Darfur, armed and supported by Chad and Eritrea, fought on.")
        // A parenthetical word between the patient and the participle: the patient stands before it.
        let aside = Fixture.relations("Belarus, however, backed by Russia, stayed out of the war.")
        #expect(Fixture.find(aside, "Russia", "Belarus", .aid) != nil, "\(Fixture.describe(aside))")
        // After "and", the parse shows the passive: a "by" agent, no subject, no auxiliary.
        #expect(listed.contains { $0.source == "Chad" && $0.type == .support }, "\(Fixture.describe(listed))")
        #expect(!listed.contains { $0.target == "Chad" && $0.type == .support }, "\(Fixture.describe(listed))")
    }

    @Test func phrasalVerbShootingDownAPlanIsRejection() {
        let rs = Fixture.relations("Paris and Berlin shot down a Russian peace plan for Donbass.")
        #expect(Fixture.find(rs, "France", "Russia", .reject) != nil, "\(Fixture.describe(rs))")
        #expect(Fixture.find(rs, "Germany", "Russia", .reject) != nil, "\(Fixture.describe(rs))")
    }

    @Test func possessiveIsTheSourceOfANominalisation() {
        let rs = Fixture.relations("He respects them because of China's significant economic and political leverage over Russia.")
        #expect(Fixture.find(rs, "China", "Russia", .leverage) != nil, "\(Fixture.describe(rs))")
    }

    @Test func nameBeforeANounIsItsSource() {
        let rs = Fixture.relations("EU sanctions against Russia took effect in March.")
        #expect(Fixture.find(rs, "European Union", "Russia", .sanction) != nil, "\(Fixture.describe(rs))")
    }

    @Test func loanToAStateIsExpectedAid() throws {
        let rs = Fixture.relations("Russia is expected to allocate a 3 billion dollar loan to Belarus to support Lukashenko.")
        let r = try #require(Fixture.find(rs, "Russia", "Belarus", .aid), "\(Fixture.describe(rs))")
        #expect(r.modality == .expected)
        #expect(r.instruments.contains(.economic))
    }

    @Test func consideringSomeoneAnEnemyIsHostility() {
        let rs = Fixture.relations("The Kremlin considers Alexei Navalny an \"enemy\".")
        #expect(Fixture.find(rs, "Russia", "Alexei Navalny", .hostility) != nil, "\(Fixture.describe(rs))")
    }

    @Test func respectIsAnAttitude() {
        let rs = Fixture.relations("Vladimir Putin respects Angela Merkel.")
        let r = Fixture.find(rs, "Vladimir Putin", "Angela Merkel", .respect)
        #expect(r != nil, "\(Fixture.describe(rs))")
        #expect(r?.type.isEvent == false)
    }

    @Test func coordinatedTargetsEachGetARelation() {
        let rs = Fixture.relations("Russia launched cyberattacks against the United States, France, and Germany.")
        for target in ["United States", "France", "Germany"] {
            #expect(rs.contains { $0.source == "Russia" && $0.target == target && $0.type == .assault }, "\(target): \(Fixture.describe(rs))")
        }
        #expect(rs.allSatisfy { $0.instruments.contains(.cyber) })
    }

    @Test func coordinatedSubjectsEachGetARelation() {
        let rs = Fixture.relations("France and Germany condemned Russia.")
        #expect(Fixture.find(rs, "France", "Russia", .disapprove) != nil, "\(Fixture.describe(rs))")
        #expect(Fixture.find(rs, "Germany", "Russia", .disapprove) != nil, "\(Fixture.describe(rs))")
    }

    @Test func conversationBetweenRelatesTheFirstToTheOthers() {
        let rs = Fixture.relations("A conversation between Putin, Scholz, and Macron took place in May.")
        #expect(Fixture.find(rs, "Vladimir Putin", "Olaf Scholz", .consult) != nil, "\(Fixture.describe(rs))")
        #expect(Fixture.find(rs, "Vladimir Putin", "Emmanuel Macron", .consult) != nil, "\(Fixture.describe(rs))")
    }

    @Test func relativeClauseAntecedentIsTheTargetOfAPossessiveNoun() {
        let rs = Fixture.relations("Other leaders he respects include Recep Tayyip Erdogan, who is described as Putin's \"alter ego\".")
        #expect(rs.contains { $0.source == "Vladimir Putin" && $0.target == "Recep Tayyip Erdoğan" && $0.type == .respect },
                "\(Fixture.describe(rs))")
    }

    @Test func complementVerbIsAbsorbedByItsGoverningVerb() {
        let rs = Fixture.relations("Iran refused to cooperate with the IAEA.")
        #expect(!rs.contains { $0.type == .cooperate }, "\(Fixture.describe(rs))")
    }

    @Test func demandInReportedSpeechComesFromTheSpeaker() {
        let rs = Fixture.relations("Russia said on Tuesday that Sudan must return a helicopter.")
        #expect(Fixture.find(rs, "Russia", "Sudan", .demand) != nil, "\(Fixture.describe(rs))")
    }

    @Test func ordinaryTextYieldsNoRelations() {
        let rs = Fixture.relations("""
        The enzyme binds to the receptor and triggers a cascade of signals. Patients who took the drug reported fewer \
        symptoms after two weeks. The company raised its quarterly forecast as sales of cloud services grew.
        """)
        #expect(rs.isEmpty, "\(Fixture.describe(rs))")
    }
}
