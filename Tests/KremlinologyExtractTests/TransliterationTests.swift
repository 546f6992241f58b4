@testable import KremlinologyExtract
import KremlinologyModel
import Testing

/// Spelling variants of names folded by rule, never across people. Sentences of our own.
@Suite("Transliteration variants of names")
struct TransliterationTests {
    /// The pack actors named in `text`, in order.
    func actors(_ text: String) -> [String] {
        Fixture.extract(text).mentions.filter(ExtractionResult.isKnown).map(\.actor)
    }

    @Test(arguments: [
        ["Gagloev", "Gagloyev"], ["Zelensky", "Zelenskyy", "Zelenskiy", "Zelenskii", "Zelenski"],
        ["Kiriyenko", "Kirienko", "Kiriienko"], ["Lukashenko", "Lukashenka"], ["Solovyov", "Solovyev", "Solovev"],
        ["Khodorkovsky", "Hodorkovsky", "Khodorkovskiy"], ["Fyodor", "Fëdor", "Fedor"], ["Sergey", "Sergei"],
        ["Dmitry", "Dmitriy", "Dmitri"], ["Yevgeny", "Evgeny", "Evgenii"],
    ])
    func variantsShareASkeleton(_ variants: [String]) {
        let skeletons = Set(variants.map(Transliteration.key))
        #expect(skeletons.count == 1, "\(variants) → \(skeletons)")
    }

    @Test(arguments: [("Solovey", "Solovyov"), ("Valery", "Vladimir"), ("Zelenska", "Zelensky"), ("Petrov", "Petrova")])
    func differentNamesKeepDifferentSkeletons(_ a: String, _ b: String) {
        #expect(Transliteration.key(a) != Transliteration.key(b))
    }

    @Test(arguments: [
        ("Gagloyev spoke to reporters in Moscow.", "Alan Gagloev"),
        ("In Tskhinvali, Alan Gagloyev spoke to reporters.", "Alan Gagloev"),
        ("Reporters asked Kirienko about the elections.", "Sergei Kiriyenko"),
        ("Reporters asked Zelenskyi about the front.", "Volodymyr Zelensky"),
        ("Reporters asked V. Zelenskiy about the front.", "Volodymyr Zelensky"),
        ("Reporters asked Vladimir Solovyev about the show.", "Vladimir Solovyov"),
    ])
    func aVariantSpellingFindsThePerson(_ text: String, _ person: String) {
        #expect(actors(text).contains(person), "\(text) → \(actors(text))")
    }

    @Test(arguments: [
        ("Reporters asked Valery Solovey about the war.", "Vladimir Solovyov"),
        ("Reporters asked Valery Solovyov about the war.", "Vladimir Solovyov"),
        ("Reporters asked O. Zelensky about her charity.", "Volodymyr Zelensky"),
        ("More importantly, the talks failed.", "Richard Moore"),
    ])
    func aDisagreeingGivenNameOrInitialKeepsPeopleApart(_ text: String, _ person: String) {
        #expect(!actors(text).contains(person), "\(text) → \(actors(text))")
    }

    @Test func aCapitalisedWordThatIsNoGivenNameDoesNotBlockTheSurname() {
        #expect(actors("The Security Council Patrushev chairs met on Monday.").contains("Nikolai Patrushev"))
    }

    @Test func aSkeletonTwoPeopleShareMatchesNeither() throws {
        let yaml = """
            - name: Ivan Petrov
              kind: person
            - name: Ivan Petrev
              kind: person
            """
        let pack = try KnowledgePack.fromFilesForTesting([("actors/test.yaml", yaml)])
        let extractor = Extractor(pack: pack)
        let named = { (text: String) in
            extractor.extract(ExtractionInput(text: text, documentName: "t.txt")).mentions.filter(ExtractionResult.isKnown).map(\.actor)
        }
        #expect(named("Reporters asked Ivan Petrov.").contains("Ivan Petrov"))
        #expect(named("Reporters asked Ivan Petrev.").contains("Ivan Petrev"))
        // "Petryov" folds onto both: it names neither.
        #expect(named("Reporters asked Ivan Petryov.").isEmpty, "\(named("Reporters asked Ivan Petryov."))")
    }
}
