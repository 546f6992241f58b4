import Foundation
import Testing
import KremlinologyModel

/// The Admiralty code (STANAG 2511) as docs/ANALYSIS.md documents it: grades are read and
/// written "B2", a minimum grade is met on both scales, credibility follows one table, and an
/// outlet's reliability comes from the analyst, else the pack, else its type, else F.
@Suite struct AdmiraltyGradeTests {
    @Test func gradesAreReadAndWrittenAsLetterThenDigit() throws {
        #expect(AdmiraltyGrade("B2") == AdmiraltyGrade(.b, .probablyTrue))
        #expect(AdmiraltyGrade(" e5 ")?.description == "E5")
        for bad in ["", "B", "2B", "G1", "B7", "B0", "B22", "BB", "b-2"] { #expect(AdmiraltyGrade(bad) == nil, "\(bad)") }
        let json = try JSONEncoder().encode([AdmiraltyGrade(.a, .confirmed)])
        #expect(String(decoding: json, as: UTF8.self) == #"["A1"]"#)
        #expect(try JSONDecoder().decode([AdmiraltyGrade].self, from: Data(#"["F6"]"#.utf8)) == [AdmiraltyGrade(.f, .cannotBeJudged)])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([AdmiraltyGrade].self, from: Data(#"["Z9"]"#.utf8)) }
    }

    @Test func aMinimumGradeIsMetOnlyWhenBothLetterAndDigitAreAtLeastAsGood() throws {
        let minimum = try #require(AdmiraltyGrade("B3"))
        for passing in ["A1", "A3", "B1", "B3"] { #expect(AdmiraltyGrade(passing)!.meets(minimum), "\(passing)") }
        for failing in ["C1", "A4", "B4", "F6", "E1"] { #expect(!AdmiraltyGrade(failing)!.meets(minimum), "\(failing)") }
        #expect(AdmiraltyGrade("F6")!.meets(AdmiraltyGrade("F6")!), "F6 keeps everything")
    }

    @Test func credibilityFollowsTheDocumentedTable() {
        func grade(_ sources: Int, _ modality: Modality, contradicted: Bool = false) -> Int {
            CredibilityRule.credibility(corroboration: sources, modality: modality, contradicted: contradicted).rawValue
        }
        // modality × sources: 3+, 2, 1
        #expect([3, 2, 1].map { grade($0, .asserted) } == [1, 2, 3])
        #expect([3, 2, 1].map { grade($0, .negated) } == [1, 2, 3], "a denial is graded as the assertion of the denial")
        #expect([3, 2, 1].map { grade($0, .reported) } == [2, 3, 4])
        #expect([3, 2, 1].map { grade($0, .expected) } == [3, 3, 4])
        #expect([3, 2, 1].map { grade($0, .hypothetical) } == [6, 6, 6])
        // Contradicted: two steps less credible, never past 5; a hypothesis stays 6.
        #expect([3, 2, 1].map { grade($0, .asserted, contradicted: true) } == [3, 4, 5])
        #expect([3, 1].map { grade($0, .reported, contradicted: true) } == [4, 5])
        #expect(grade(1, .hypothetical, contradicted: true) == 6)
        #expect(grade(0, .asserted) == 3, "a claim is at least its own source")
    }

    @Test func anOutletsReliabilityComesFromTheAnalystThenThePackThenItsType() {
        let catalog = SourceCatalog(typeDefaults: [.stateMedia: .d, .videoChannel: .f, .thinkTank: .b], unlisted: .f, entries: [
            .init(name: "RT", aliases: ["Russia Today", "Rt.com"], type: .stateMedia),
            .init(name: "ISW", type: .thinkTank, reliability: .a, note: "cites its evidence"),
        ])
        #expect(catalog.entry(for: "rt.COM")?.name == "RT", "aliases match case-insensitively")
        let rt = catalog.grade(of: "RT", analyst: nil, isVideoChannel: false)
        #expect((rt.reliability, rt.origin, rt.type) == (.d, .typeDefault, .stateMedia))
        let isw = catalog.grade(of: "ISW", analyst: nil, isVideoChannel: false)
        #expect((isw.reliability, isw.origin, isw.note) == (.a, .pack, "cites its evidence"))
        let channel = catalog.grade(of: "bonus_professor", analyst: nil, isVideoChannel: true)
        #expect((channel.reliability, channel.origin, channel.type) == (.f, .typeDefault, .videoChannel))
        let unknown = catalog.grade(of: "Some Blog", analyst: nil, isVideoChannel: false)
        #expect((unknown.reliability, unknown.origin, unknown.type) == (.f, .unlisted, nil))
        let graded = AnalystGrade(outlet: "RT", reliability: .e, note: "its record", author: "ana", gradedAt: "2026-12-02T10:00:00Z")
        let byAnalyst = catalog.grade(of: "RT", analyst: graded, isVideoChannel: false)
        #expect((byAnalyst.reliability, byAnalyst.origin, byAnalyst.gradedBy, byAnalyst.note) == (.e, .analyst, "ana", "its record"))
        var reset = graded
        reset.reliability = nil
        #expect(catalog.grade(of: "RT", analyst: reset, isVideoChannel: false).origin == .typeDefault, "a reset returns to the default")
        #expect(catalog.grade(of: nil, analyst: nil, isVideoChannel: false).outlet == OutletGrade.noOutlet)
    }

    @Test func aLaterEntryOfTheSameNameReplacesTheEarlierOne() {
        var catalog = SourceCatalog(entries: [.init(name: "RT", aliases: ["Russia Today"], type: .stateMedia)])
        catalog.add(.init(name: "rt", aliases: ["RT.com"], type: .stateMedia, reliability: .e))
        #expect(catalog.entries.count == 1)
        #expect(catalog.entry(for: "RT.com")?.reliability == .e)
        #expect(catalog.entry(for: "Russia Today") == nil, "the replaced entry's aliases go with it")
    }
}
