import Foundation
import KremlinologySyntax
import Testing

/// Words the treebank never had are still tagged from their shape, affixes and context.
@Suite struct TaggingTests {
    static func tag(of word: String, in text: String) -> String? {
        let s = Fixture.parse(text)
        return s.annotation.forms.firstIndex(of: word).map { s.annotation.tags[$0] }
    }

    @Test func inventedCapitalisedNameIsAProperNoun() {
        #expect(Self.tag(of: "Zarvenko", in: "Yesterday Zarvenko met the ambassador in Minsk.") == "PROPN")
        #expect(Self.tag(of: "Blorvaniya", in: "The troops crossed into Blorvaniya on Monday.") == "PROPN")
    }

    @Test func inventedVerbsAdjectivesAndAdverbsAreTaggedBySuffix() {
        #expect(Self.tag(of: "glorbalize", in: "They want to glorbalize the region.") == "VERB")
        #expect(Self.tag(of: "snorfulous", in: "It was a snorfulous decision.") == "ADJ")
        #expect(Self.tag(of: "flimbly", in: "He spoke flimbly about the war.") == "ADV")
        #expect(Self.tag(of: "blickets", in: "The blickets were sent to Kyiv.") == "NOUN")
    }

    @Test func numbersAndLemmasAreSensible() {
        let s = Fixture.parse("Russia sent 1,500 troops and denied the reports.")
        let a = s.annotation
        #expect(a.tags[a.forms.firstIndex(of: "1,500")!] == "NUM")
        #expect(a.lemmas[a.forms.firstIndex(of: "denied")!] == "deny")
        #expect(a.lemmas[a.forms.firstIndex(of: "reports")!] == "report")
        #expect(a.heads.filter { $0 == 0 }.count == 1)
    }
}
