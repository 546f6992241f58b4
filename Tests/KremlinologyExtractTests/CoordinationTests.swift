import KremlinologyExtract
import KremlinologyModel
import Testing

/// Verbs coordinated with the sentence's first event state events of their own, and share its subject
/// when they have none of their own in the parse.
@Suite("Coordinated predicates")
struct CoordinationTests {
    static func lines(_ rs: [Relation]) -> String { rs.map { "\($0.source) \($0.type.rawValue) \($0.target) [\($0.rule)]" }.joined(separator: "; ") }

    @Test func aCoordinatedVerbKeepsItsOwnEventAndTheSharedSubject() throws {
        let rs = Fixture.relations("Poland condemned the strike, expelled the Russian ambassador and provided Ukraine with artillery shells.")
        // Before, only the first verb's type survived, and "provided" took the nearest name before it as its source.
        let aid = try #require(Fixture.find(rs, "Poland", "Ukraine", .aid), "\(Self.lines(rs))")
        #expect(aid.rule.hasSuffix("[conjunct subject]"), "\(aid.rule)")
        #expect(Fixture.find(rs, "Poland", "Russia", .sanction) != nil, "\(Self.lines(rs))")
        #expect(!rs.contains { $0.source == "Russia" }, "\(Self.lines(rs))")
    }

    @Test func aConjunctAfterAnAdverbSharesTheSubjectToo() {
        let rs = Fixture.relations("Lithuania summoned the Belarusian envoy and then imposed sanctions on Minsk.")
        #expect(Fixture.find(rs, "Lithuania", "Belarus", .sanction) != nil, "\(Self.lines(rs))")
        #expect(Fixture.find(rs, "Lithuania", "Belarus", .demand) != nil, "\(Self.lines(rs))")
    }

    @Test func aPassiveConjunctDoesNotTakeThePatientAsItsSource() {
        let rs = Fixture.relations("Hungary was criticised by the Commission but rejected by the Baltic states.")
        #expect(!rs.contains { $0.source == "Hungary" }, "\(Self.lines(rs))")
    }

    @Test func aNameThatOpensAClauseOfItsOwnIsNeitherTargetNorLostSubject() {
        // Before, "Kharkiv, and Poland" was read as a list of targets of "attacked", and "condemned"
        // took the first name of the sentence, Russia, as its source.
        let rs = Fixture.relations("Russia attacked Kharkiv, and Poland condemned the strike.")
        #expect(Fixture.find(rs, "Russia", "Ukraine", .assault) != nil, "\(Self.lines(rs))")
        #expect(!rs.contains { $0.target == "Poland" }, "\(Self.lines(rs))")
        #expect(!rs.contains { $0.source == "Russia" && $0.type == .disapprove }, "\(Self.lines(rs))")
    }
}
