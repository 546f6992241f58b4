import KremlinologyModel
import Testing

/// Spelling variants fold by rule, in both directions, and different names stay apart.
@Suite struct TransliterationTests {
    @Test(arguments: [
        ("Zelensky", "Zelenskyy"), ("Zelenskiy", "Zelensky"), ("Zelenskii", "Zelenskyy"),
        ("Gagloev", "Gagloyev"), ("Kiriyenko", "Kirienko"), ("Lukashenka", "Lukashenko"),
        ("Khodorkovsky", "Hodorkovsky"), ("Pyotr", "Petr"), ("Fyodor", "Fëdor"), ("Solovyov", "Solovyev"),
        ("Yevgeny", "Evgeny"), ("Gorbachov", "Gorbachev"),
        ("Soloviev", "Solovyov"), ("Dmitriev", "Dmitryev"), ("Vasiliyev", "Vasilyev"), ("Kiriienko", "Kiriyenko"),
    ])
    func variantsFoldToOneKey(a: String, b: String) {
        #expect(Transliteration.key(a) == Transliteration.key(b), "\(a) / \(b)")
        #expect(Transliteration.key(b) == Transliteration.key(a), "\(b) / \(a)")
    }

    @Test(arguments: [("Solovey", "Solovyov"), ("Valery", "Vladimir"), ("Ivanov", "Ivanova"), ("Putin", "Patin"), ("Maria", "Mario")])
    func differentNamesStayApart(a: String, b: String) {
        #expect(Transliteration.key(a) != Transliteration.key(b), "\(a) / \(b)")
    }

    @Test func aNameKeyFoldsEveryWordAndKeepsTheGivenName() {
        #expect(Transliteration.nameKey("Valery Solovei") == Transliteration.nameKey("Valeriy Solovey"))
        #expect(Transliteration.nameKey("Alan Gagloev") == Transliteration.nameKey("Alan Gagloyev"))
        #expect(Transliteration.nameKey("Valery Solovey") != Transliteration.nameKey("Vladimir Solovey"))
        #expect(Transliteration.nameKey("Valery Solovey") != Transliteration.nameKey("Vladimir Solovyov"))
    }
}
