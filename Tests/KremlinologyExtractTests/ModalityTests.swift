import KremlinologyExtract
import KremlinologyModel
import Testing

@Suite("Modality, negation, attribution, instruments and dates")
struct ModalityTests {
    func modality(_ text: String) -> Modality? {
        Fixture.find(Fixture.relations(text), "Russia", "Ukraine")?.modality
    }

    @Test func plainStatementIsAsserted() { #expect(modality("Russia invaded Ukraine.") == .asserted) }
    @Test func reportedlyMakesItReported() { #expect(modality("Russia reportedly invaded Ukraine.") == .reported) }
    @Test func willMakesItExpected() { #expect(modality("Russia will invade Ukraine.") == .expected) }
    @Test func couldMakesItHypothetical() { #expect(modality("Russia could invade Ukraine.") == .hypothetical) }
    @Test func didNotMakesItNegated() { #expect(modality("Russia did not invade Ukraine.") == .negated) }

    @Test func negatedRelationIsNeverShownAsFact() {
        let rs = Fixture.relations("Regarding Ukraine, the Kremlin opted against a large-scale war.")
        #expect(!rs.contains { $0.type == .assault && $0.modality != .negated }, "\(Fixture.describe(rs))")
        #expect(rs.contains { $0.source == "Russia" && $0.target == "Ukraine" && $0.type == .assault && $0.modality == .negated },
                "\(Fixture.describe(rs))")
    }

    @Test func reportedAidKeepsSourceAndTarget() throws {
        let rs = Fixture.relations("Putin reportedly aided Erdogan in avoiding a coup.")
        let r = try #require(Fixture.find(rs, "Vladimir Putin", "Recep Tayyip Erdoğan", .aid), "\(Fixture.describe(rs))")
        #expect(r.modality == .reported)
        #expect(r.sourceText == "Putin")
        #expect(r.targetText == "Erdogan")
    }

    @Test func speakerOfReportedSpeechIsTheAttribution() throws {
        let rs = Fixture.relations("Putin said France and Germany are appeasing Kiev's attempts to dismantle the treaties.")
        let r = try #require(Fixture.find(rs, "France", "Ukraine"), "\(Fixture.describe(rs))")
        #expect(r.attribution == "Vladimir Putin")
        #expect(Fixture.find(rs, "Germany", "Ukraine") != nil)
    }

    @Test func accordingToNamesTheAttribution() throws {
        let rs = Fixture.relations("According to ISW, Russia attacked Ukraine.")
        let r = try #require(Fixture.find(rs, "Russia", "Ukraine"), "\(Fixture.describe(rs))")
        #expect(r.attribution == "Institute for the Study of War")
        #expect(r.modality == .reported)
    }

    @Test func outletIsTheDefaultAttribution() {
        #expect(Fixture.find(Fixture.relations("Russia attacked Ukraine.", outlet: "RT"), "Russia", "Ukraine")?.attribution == "RT")
    }

    @Test func claimsRecordWhatASpeakerSaid() throws {
        let c = try #require(Fixture.extract("Putin said that the West is not a very reliable partner.").claims.first)
        #expect(c.speaker == "Vladimir Putin")
        #expect(c.quote == "the West is not a very reliable partner")
    }

    @Test func instrumentsComeFromKeywords() {
        let r = Fixture.find(Fixture.relations("Russia sent Wagner mercenaries to attack Ukraine."), "Russia", "Ukraine")
        #expect(r?.instruments.contains(.mercenaries) == true)
    }

    @Test func yearAfterInIsTheTime() {
        #expect(Fixture.find(Fixture.relations("In 2014, Russia invaded Ukraine."), "Russia", "Ukraine")?.time == "2014")
    }

    @Test func dayAndMonthTakeTheDocumentYear() {
        let r = Fixture.find(Fixture.relations("On November 8, Russia attacked Ukraine.", published: "2024-11-09"), "Russia", "Ukraine")
        #expect(r?.time == "2024-11-08")
    }

    @Test func fullDateIsISO() {
        let r = Fixture.find(Fixture.relations("Russia attacked Ukraine on 18 February 2017."), "Russia", "Ukraine")
        #expect(r?.time == "2017-02-18")
    }
}
