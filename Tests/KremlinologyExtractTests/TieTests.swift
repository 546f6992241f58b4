import KremlinologyExtract
import KremlinologyModel
import Testing

/// Structural ties (ONTOLOGY.md: ADVISER_OF, SPOKESPERSON_OF, …) read from a person named with a
/// tie role and the actor the role is held for; kept apart from relations.
@Suite struct TieTests {
    static func ties(_ text: String) -> [StructuralTie] { Fixture.extract(text).ties }

    @Test(arguments: [
        ("Vladimir Putin's veteran aide Yuri Ushakov flew to Riyadh.", "tie:title"),
        ("Sergei Ivanov, a longtime adviser to Vladimir Putin, spoke on Tuesday.", "tie:apposition"),
        ("Maxim Oreshkin, Putin's economic adviser, presented the budget.", "tie:apposition"),
        ("Anton Vaino remains a close aide of Putin.", "tie:copula"),
        ("Yuri Ushakov has long been Putin's chief foreign policy adviser.", "tie:copula"),
    ])
    func aPersonNamedWithATieRoleAdvisesThePrincipal(_ text: String, _ rule: String) throws {
        let ties = Self.ties(text)
        let tie = try #require(ties.first, "no tie in \(text)")
        #expect(ties.count == 1)
        #expect(tie.type == .adviserOf)
        #expect(tie.principal == "Vladimir Putin")
        #expect(tie.modality == .asserted)
        #expect(tie.rule == rule)
        #expect(tie.quote == text)
    }

    @Test func theHolderIsThePersonNotThePrincipal() throws {
        let tie = try #require(Self.ties("Maxim Oreshkin, Putin's economic adviser, presented the budget.").first)
        #expect(tie.holder == "Maxim Oreshkin")
        #expect(tie.holderText == "Maxim Oreshkin")
        #expect(tie.principalText == "Putin")
    }

    @Test func aDeniedTieIsNegatedOnEitherSideOfTheCopula() {
        for text in ["Sergei Ivanov is not an adviser to Putin.", "Sergei Ivanov has never been Putin's adviser.",
                     "Sergei Ivanov was never an aide to Putin."] {
            let ties = Self.ties(text)
            #expect(ties.map(\.modality) == [.negated], "\(text): \(ties)")
        }
    }

    @Test func aFormerTieAndANationalityStateNoTie() {
        #expect(Self.ties("Sergei Ivanov, a former adviser to Putin, spoke on Tuesday.").isEmpty)
        #expect(Self.ties("Sergei Ivanov, Putin's ex-aide, spoke on Tuesday.").isEmpty)
        #expect(Self.ties("Sergei Ivanov, a Russian adviser, met Xi Jinping.").isEmpty, "Russian is his nationality")
        #expect(Self.ties("The adviser met Putin and Sergei Ivanov.").isEmpty)
        #expect(Self.ties("Sergei Ivanov, a one-time adviser to Putin, spoke on Tuesday.").isEmpty, "one-time is a past modifier of several tokens")
    }

    @Test func theFirstWordOfAPastModifierIsNotOneItself() {
        // "one-time" once made every "one" a past modifier, so this tie was lost.
        let ties = Self.ties("Sergei Ivanov, one adviser to Vladimir Putin, spoke on Tuesday.")
        #expect(ties.map(\.modality) == [.asserted], "\(ties)")
    }

    @Test func aSpokespersonRoleIsASpokespersonTie() throws {
        let tie = try #require(Self.ties("Maria Zakharova, the spokeswoman of the Russian Foreign Ministry, said so.").first)
        #expect(tie.type == .spokespersonOf)
        #expect(tie.holder == "Maria Zakharova")
    }

    @Test func tiesAreNoRelations() {
        let result = Fixture.extract("Maxim Oreshkin, Putin's economic adviser, presented the budget.")
        #expect(result.relations.allSatisfy { $0.rule.hasPrefix("tie") == false })
        #expect(result.ties.count == 1)
    }
}
