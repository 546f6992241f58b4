@testable import KremlinologyExtract
import KremlinologyModel
import Testing

/// Issue 11, item 5: within a document, spellings of one name the pack does not know are one
/// actor, and a surname alone names the person the document named in full, also where the pack
/// has a namesake; people whose given names disagree stay apart. Names are invented, except the
/// pack's own, and the sentences are our own.
@Suite("Name folding in a document")
struct NameFoldingTests {
    func unreviewed(_ result: ExtractionResult) -> [String] { result.unreviewed.map(\.name) }

    @Test func aSurnameAloneNamesTheDocumentsPersonNotThePacksNamesake() throws {
        let result = Fixture.extract("Valery Solovyov, a historian, spoke in Riga on Monday. Later, Solovyov accused the Kremlin of lying.")
        let r = try #require(Fixture.find(result.relations, "Valery Solovyov", "Russia", .disapprove), "\(Fixture.describe(result.relations))")
        #expect(r.sourceText == "Solovyov")
        #expect(!result.mentions.contains { $0.actor == "Vladimir Solovyov" }, "\(result.mentions)")
        // The pack's person keeps their surname where the document names them in full first.
        let host = Fixture.extract("Vladimir Solovyov hosted a show on Monday. Later, Solovyov accused Ukraine of lying.")
        #expect(Fixture.find(host.relations, "Vladimir Solovyov", "Ukraine", .disapprove) != nil, "\(Fixture.describe(host.relations))")
    }

    @Test func aSurnameInAnotherSpellingCorefersBothWays() throws {
        for (full, surname) in [("Anton Vrelkoyev", "Vrelkoev"), ("Anton Vrelkoev", "Vrelkoyev")] {
            let result = Fixture.extract("\(full) arrived in Riga on Monday. Later, \(surname) accused the Kremlin of espionage.")
            let r = try #require(Fixture.find(result.relations, full, "Russia"), "\(full): \(Fixture.describe(result.relations))")
            #expect(r.sourceText == surname)
            #expect(unreviewed(result) == [full])
        }
    }

    @Test func spellingsOfOneFullNameAreOneActorNamedAsFirstWritten() {
        let result = Fixture.extract("Anton Vrelkoyev accused the Kremlin of lying. Anton Vrelkoev later criticised NATO.")
        #expect(unreviewed(result) == ["Anton Vrelkoyev"], "\(Fixture.describe(result.relations))")
        #expect(result.relations.allSatisfy { $0.source == "Anton Vrelkoyev" }, "\(Fixture.describe(result.relations))")
    }

    @Test func disagreeingGivenNamesKeepPeopleApart() {
        let result = Fixture.extract("Anton Vrelkov accused the Kremlin of lying. Boris Vrelkov later criticised NATO.")
        #expect(Set(unreviewed(result)) == ["Anton Vrelkov", "Boris Vrelkov"], "\(Fixture.describe(result.relations))")
        // Valery Solovey is not the pack's Vladimir Solovyov, in either order.
        for text in ["Valery Solovey accused the Kremlin of lying. Vladimir Solovyov criticised Ukraine.",
                     "Vladimir Solovyov criticised Ukraine. Valery Solovey accused the Kremlin of lying."] {
            let both = Fixture.extract(text)
            #expect(Fixture.find(both.relations, "Valery Solovey", "Russia") != nil, "\(text): \(Fixture.describe(both.relations))")
            #expect(Fixture.find(both.relations, "Vladimir Solovyov", "Ukraine") != nil, "\(text): \(Fixture.describe(both.relations))")
        }
    }

    @Test func aCommonWordBeforeAGivenNameIsNoPartOfTheName() throws {
        let result = Fixture.extract("Expert Anton Vrelkov spoke on Monday. Vrelkov accused the Kremlin of lying.")
        #expect(Fixture.find(result.relations, "Anton Vrelkov", "Russia") != nil, "\(Fixture.describe(result.relations))")
        #expect(result.unreviewed.map(\.kind) == [.person])
    }
}
