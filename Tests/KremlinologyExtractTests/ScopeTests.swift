import KremlinologyExtract
import KremlinologyModel
import Testing

/// Negation, denial, modality and attribution read by scope in the dependency tree. The sentences
/// are our own; none is taken from `../shared`.
@Suite("Scope of negation, denial, modality and attribution")
struct ScopeTests {
    func relation(_ text: String, _ source: String, _ target: String, _ type: RelationType? = nil) -> Relation? {
        Fixture.find(Fixture.relations(text), source, target, type)
    }

    // MARK: denial

    @Test func denialNegatesTheEmbeddedEventAndAttributesItToTheDenier() throws {
        let rs = Fixture.relations("Minsk denied that it intended to attack Lithuania.")
        // (CAMEO codes an intended attack as a threat.)
        let r = try #require(Fixture.find(rs, "Belarus", "Lithuania"), "\(Fixture.describe(rs))")
        #expect(r.modality == .negated)
        #expect(r.attribution == "Belarus")
        #expect(!rs.contains { $0.type == .reject }, "no REJECT invented: \(Fixture.describe(rs))")
    }

    @Test func denialOfAPlanSaidOutright() throws {
        let rs = Fixture.relations("Beijing denies that it will sanction Australia.")
        let r = try #require(Fixture.find(rs, "China", "Australia", .sanction), "\(Fixture.describe(rs))")
        #expect(r.modality == .negated)
        #expect(r.attribution == "China")
        #expect(!rs.contains { $0.type == .reject }, "\(Fixture.describe(rs))")
    }

    @Test func aDenialWithoutAnEmbeddedEventIsStillARejection() {
        let rs = Fixture.relations("Turkey denied Sweden's request for membership.")
        #expect(!rs.contains { $0.modality == .negated && $0.type != .reject }, "\(Fixture.describe(rs))")
    }

    // MARK: negation

    @Test(arguments: [
        "Hungary did not support Ukraine.",
        "Hungary never supported Ukraine.",
        "Hungary refused to support Ukraine.",
        "Hungary failed to support Ukraine.",
        "Hungary declined to support Ukraine.",
        "Hungary gave no support to Ukraine.",
        "Hungary has hardly supported Ukraine.",
    ])
    func negationGovernsTheEventItModifies(_ text: String) {
        // A refusal is itself an event (REJECT, asserted); what is refused is not asserted.
        let rs = Fixture.relations(text)
        #expect(!rs.contains { $0.source == "Hungary" && $0.target == "Ukraine" && $0.type != .reject && $0.modality != .negated },
                "\(text) → \(Fixture.describe(rs))")
        #expect(!rs.isEmpty, "\(text)")
    }

    @Test func failingToActNegatesTheAct() throws {
        let r = try #require(relation("Hungary failed to support Ukraine.", "Hungary", "Ukraine"))
        #expect(r.type == .support && r.modality == .negated)
    }

    @Test func optingAgainstAnInvasionNegatesIt() throws {
        let r = try #require(relation("Ankara opted against an invasion of Syria.", "Turkey", "Syria", .assault))
        #expect(r.modality == .negated)
    }

    @Test func littleSupportIsNotAsserted() throws {
        let rs = Fixture.relations("Paris offered little support to Mali.")
        #expect(!rs.contains { $0.source == "France" && $0.target == "Mali" && $0.modality == .asserted }, "\(Fixture.describe(rs))")
    }

    @Test func negationInOneConjunctDoesNotReachTheOther() throws {
        let rs = Fixture.relations("Serbia did not recognise Kosovo but welcomed Albania's proposal.")
        #expect(!rs.contains { $0.target == "Albania" && $0.modality == .negated }, "\(Fixture.describe(rs))")
    }

    @Test func withoutNegatesOnlyItsOwnClause() throws {
        let rs = Fixture.relations("Azerbaijan attacked Armenia without consulting Turkey.")
        let r = try #require(Fixture.find(rs, "Azerbaijan", "Armenia", .assault), "\(Fixture.describe(rs))")
        #expect(r.modality == .asserted)
    }

    @Test func negationOfAnotherVerbDoesNotReachTheObject() throws {
        // The invasion happened; it is the stopping that did not.
        let rs = Fixture.relations("The United Nations could not stop the Iraqi invasion of Kuwait.")
        #expect(!rs.contains { $0.source == "Iraq" && $0.target == "Kuwait" && $0.modality == .negated }, "\(Fixture.describe(rs))")
    }

    /// A verb whose object or "as" complement is a predication ("considered a close ally",
    /// "regarded as …") passes its own negation to it; what it only classifies stays as it is.
    @Test(arguments: ["Lukashenko is not regarded as a close ally of Putin.", "Medvedev was never considered a close ally of Putin."])
    func aNegatedClassificationNegatesWhatItClassifies(text: String) throws {
        let rs = Fixture.relations(text).filter { $0.type == .trust }
        #expect(!rs.isEmpty && rs.allSatisfy { $0.modality == .negated }, "\(Fixture.describe(rs))")
    }

    @Test func aClassificationThatIsNotNegatedStaysAsserted() throws {
        let rs = Fixture.relations("Lavrov is considered a close ally of Putin.").filter { $0.type == .trust }
        #expect(rs.contains { $0.modality == .asserted }, "\(Fixture.describe(rs))")
    }

    @Test func whatANegatedClassificationOnlyClassifiesStaysAsserted() throws {
        // The sanctions happened; only their legitimacy is denied.
        let rs = Fixture.relations("The Kremlin does not regard the sanctions by the United States against Russia as legitimate.")
        #expect(!rs.contains { $0.type == .sanction && $0.modality == .negated }, "\(Fixture.describe(rs))")
    }

    /// An infinitive on a degree word ("strong enough to") is part of the predicate of the verb the
    /// degree word modifies, so that verb's negation reaches it.
    @Test func aNegatedVerbReachesTheInfinitiveOfItsDegreeWord() throws {
        let rs = Fixture.relations("The Kremlin has never been strong enough to invade Poland.")
        #expect(rs.contains { $0.type == .assault && $0.modality == .negated }, "\(Fixture.describe(rs))")
        let plain = Fixture.relations("Moscow was rich enough to aid Minsk.")
        #expect(plain.contains { $0.type == .aid && $0.modality != .negated }, "\(Fixture.describe(plain))")
    }

    // MARK: modality

    @Test(arguments: ["could", "may", "might", "would"])
    func modalsMakeItHypothetical(_ modal: String) throws {
        let text = "Azerbaijan \(modal) attack Armenia."
        let r = try #require(relation(text, "Azerbaijan", "Armenia"), "\(text)")
        #expect(r.modality == .hypothetical, "\(text)")
    }

    @Test func aConditionClauseIsHypothetical() throws {
        let text = "If Serbia attacks Kosovo, the alliance will respond."
        let r = try #require(relation(text, "Serbia", "Kosovo"), "\(Fixture.describe(Fixture.relations(text)))")
        #expect(r.modality == .hypothetical)
    }

    @Test(arguments: ["Japan will sanction North Korea.", "Japan plans to sanction North Korea.",
                      "Japan is expected to sanction North Korea."])
    func futureAndPlansAreExpected(_ text: String) throws {
        let r = try #require(relation(text, "Japan", "North Korea", .sanction), "\(Fixture.describe(Fixture.relations(text)))")
        #expect(r.modality == .expected, "\(text)")
    }

    @Test func allegedlyMakesItReported() throws {
        let r = try #require(relation("Tehran allegedly armed Hezbollah.", "Iran", "Hezbollah"))
        #expect(r.modality == .reported)
    }

    // MARK: attribution

    @Test func reportedSpeechIsAttributedToTheSpeaker() throws {
        let rs = Fixture.relations("Erdogan claimed that Greece had attacked Turkey.", outlet: "SomeOutlet")
        let r = try #require(rs.first { $0.source == "Greece" && $0.target == "Turkey" }, "\(Fixture.describe(rs))")
        #expect(r.attribution == "Recep Tayyip Erdoğan")
        #expect(r.modality == .asserted)
    }

    @Test func aWarningThatSomethingHappenedIsSpeechNotAThreat() throws {
        let rs = Fixture.relations("Erdogan warned that Greece had attacked Turkey.", outlet: "SomeOutlet")
        let r = try #require(rs.first { $0.source == "Greece" && $0.target == "Turkey" }, "\(Fixture.describe(rs))")
        #expect(r.attribution == "Recep Tayyip Erdoğan")
        #expect(!rs.contains { $0.type == .threaten }, "\(Fixture.describe(rs))")
    }

    @Test func aWarningOfConsequencesIsStillAThreat() {
        let rs = Fixture.relations("Erdogan warned Greece of serious consequences.")
        #expect(Fixture.find(rs, "Recep Tayyip Erdoğan", "Greece", .threaten) != nil, "\(Fixture.describe(rs))")
    }

    @Test func plainStatementsKeepTheOutlet() throws {
        let r = try #require(Fixture.find(Fixture.relations("Greece provoked Turkey.", outlet: "SomeOutlet"), "Greece", "Turkey"))
        #expect(r.attribution == "SomeOutlet")
    }

    @Test func explainShowsTheScopeCues() {
        let result = Fixture.extractor.extract(
            ExtractionInput(text: "Minsk denied that it intended to attack Lithuania.", documentName: "x.txt"), explain: true)
        let trace = result.trace.map { $0.render() }.joined()
        #expect(trace.contains("scope: deny governs"), "\(trace)")
        #expect(trace.contains("negates and attributes"), "\(trace)")
        #expect(trace.contains("Belarus —THREATEN[negated]→ Lithuania  per Belarus"), "\(trace)")
    }
}

extension ScopeTests {
    @Test func aTieThatIsOverIsNegated() throws {
        let rs = Fixture.relations("The partnership between Armenia and Russia is over.")
        #expect(!rs.isEmpty)
        #expect(!rs.contains { $0.modality != .negated }, "\(Fixture.describe(rs))")
    }

    @Test func anEventThatIsOnlyTheTopicOfOverIsNotReachedThroughAnObject() throws {
        // "over" as a preposition governs nothing.
        let rs = Fixture.relations("Armenia quarrelled with Russia over the partnership.")
        #expect(!rs.contains { $0.modality == .negated }, "\(Fixture.describe(rs))")
    }
}

extension ScopeTests {
    @Test func aSharedAuxiliaryNegatesEveryConjunct() {
        let rs = Fixture.relations("Serbia did not attack or invade Kosovo.")
        #expect(!rs.isEmpty)
        #expect(!rs.contains { $0.modality != .negated }, "\(Fixture.describe(rs))")
    }

    @Test func noLongerNegates() throws {
        let r = try #require(relation("Belgrade can no longer support Moscow.", "Serbia", "Russia"))
        #expect(r.modality == .negated)
    }

    @Test func aModalOnACopulaReachesThePattern() throws {
        let rs = Fixture.relations("Serbia would be open to an agreement with Kosovo.")
        let r = try #require(rs.first { $0.source == "Serbia" && $0.target == "Kosovo" }, "\(Fixture.describe(rs))")
        #expect(r.modality == .hypothetical)
    }

    @Test func anAimIsExpected() throws {
        let rs = Fixture.relations("Turkey says its aim is to attack Syria.")
        let r = try #require(rs.first { $0.source == "Turkey" && $0.target == "Syria" }, "\(Fixture.describe(rs))")
        #expect(r.modality == .expected)
    }

    @Test func seekingSupportIsNotReceivingIt() throws {
        let rs = Fixture.relations("Milan sought French support for its bid.")
        #expect(!rs.contains { $0.source == "France" && $0.modality == .asserted }, "\(Fixture.describe(rs))")
    }
}

extension ScopeTests {
    @Test func ratherThanNegatesWhatItSetsAside() {
        let rs = Fixture.relations("Tokyo now treats Beijing as a rival rather than an ally.")
        #expect(!rs.contains { $0.type == .cooperate && $0.modality == .asserted }, "\(Fixture.describe(rs))")
    }

    @Test func neitherBeforeANounDoesNotNegateIt() {
        let rs = Fixture.relations("Neither the Iraqi invasion of Kuwait nor the war in Yemen changed any borders.")
        #expect(!rs.contains { $0.source == "Iraq" && $0.modality == .negated }, "\(Fixture.describe(rs))")
    }
}

extension ScopeTests {
    @Test(arguments: ["Armenia has no intention of attacking Azerbaijan.", "Armenia refrained from attacking Azerbaijan.",
                      "Armenia did not intend an attack on Azerbaijan."])
    func aGerundOrNounUnderANegatedGovernorIsNegated(_ text: String) throws {
        let r = try #require(relation(text, "Armenia", "Azerbaijan"), "\(Fixture.describe(Fixture.relations(text)))")
        #expect(r.modality == .negated, "\(text)")
    }

    @Test func aGerundAfterAnUnrelatedClauseIsNotGoverned() throws {
        let r = try #require(relation("Armenia attacked Azerbaijan after consulting Iran.", "Armenia", "Azerbaijan"))
        #expect(r.modality == .asserted)
    }
}
