import KremlinologyExtract
import KremlinologyModel
import Testing

@Suite("The shared seeds", .enabled(if: Fixture.seedsPresent, "../shared/seeds is absent: seed tests skipped"))
struct SeedTests {
    @Test func putinReportedlyAidedErdogan() throws {
        let rs = Fixture.extract(try Fixture.seed("000_")).relations
        let r = try #require(Fixture.find(rs, "Vladimir Putin", "Recep Tayyip Erdoğan", .aid))
        #expect(r.modality == .reported)
        #expect(r.attribution == "bonus_professor")
    }

    @Test func theKremlinsDecisionOnUkraineIsANegatedAssault() {
        let rs = (try? Fixture.extract(Fixture.seed("000_")).relations) ?? []
        let assaults = rs.filter { ["Russia", "Vladimir Putin"].contains($0.source) && $0.target == "Ukraine" && $0.type == .assault }
        #expect(!assaults.isEmpty)
        #expect(assaults.allSatisfy { $0.modality == .negated }, "\(Fixture.describe(assaults))")
    }

    @Test func theLoanToBelarusIsExpectedAid() throws {
        let rs = Fixture.extract(try Fixture.seed("000_")).relations
        let r = try #require(Fixture.find(rs, "Russia", "Belarus", .aid))
        #expect(r.modality == .expected)
        #expect(r.quote.contains("3 billion dollar loan"))
    }
}
