@testable import KremlinologyExtract
import KremlinologyModel
import KremlinologySyntax
import Testing

/// Cue kinds read as single words, and those that take phrases: a phrase of several tokens under a
/// single-word kind used to stand for its first word alone ("with respect to" made every "with" a topic).
@Suite("Cue kinds")
struct CueKindTests {
    @Test(arguments: ["determiner\tso-called\n", "preposition\tin front of\n", "boundary\tand then\n"])
    func aPhraseUnderASingleWordKindIsAPackError(_ line: String) {
        #expect {
            // The cue file alone, without the bundled pack: the check is the cue reader's.
            _ = try KnowledgePack.fromFiles([("cues-extra.tsv", "# extra\n" + line)], includingBundled: false)
        } throws: { error in
            let text = "\(error)"
            return text.hasPrefix("cues-extra.tsv:2:") && text.contains("is one word") && text.contains("tokens")
        }
    }

    @Test func theShippedSingleWordCuesAreSingleWords() throws {
        // Loading the bundled pack runs the same check over every line of cues.tsv and cues-places.tsv.
        _ = try KnowledgePack.bundled()
    }

    @Test func aTopicOfSeveralWordsIsMatchedWhole() throws {
        let pack = Fixture.pack
        var text = "With respect to Belarus , in relation to Moldova , with Georgia"
        let tokens = text.withUTF8 { Tokenizer.tokenize($0) }
        let ends = tokens.indices.filter { pack.cues.topics.longest(in: tokens, endingAt: $0) != nil }
        // "to" ends "with respect to" (index 2) and "in relation to" (index 7); the last "with" is no topic.
        #expect(ends == [2, 7], "\(ends)")
    }

    @Test func aMentionAfterWithOrInIsNoTopicTarget() {
        // A target-less predicate takes a sentence-opening topic as its target; "in" and "with" are not topics.
        for text in ["In Belarus, Putin threatened retaliation.", "With Belarus, Putin threatened retaliation."] {
            let relations = Fixture.extract(text).relations
            #expect(!relations.contains { $0.target == "Belarus" }, "\(text): \(relations.map { "\($0.source) \($0.type) \($0.target)" })")
        }
        let topical = Fixture.extract("With respect to Belarus, Putin threatened retaliation.").relations
        #expect(topical.contains { $0.target == "Belarus" && $0.source == "Vladimir Putin" },
                "\(topical.map { "\($0.source) \($0.type) \($0.target)" })")
    }

    @Test func coordinatedSubjectsOfAMutualEventRelateToEachOther() throws {
        // "signed a" has no `sym` option of its own; AGREE is a symmetric type of cues.tsv.
        let rs = Fixture.relations("Chile and Peru signed a memorandum of understanding in March.")
        #expect(rs.contains { $0.source == "Chile" && $0.target == "Peru" && $0.type == .agree && $0.rule.hasSuffix("+symmetric]") },
                "\(rs.map { "\($0.source) \($0.type) \($0.target) \($0.rule)" })")
        // A demand is no mutual event: no target, no relation.
        #expect(Fixture.relations("Chile and Peru demanded a recount.").isEmpty)
    }

    @Test func aSymmetricTypeMustBeARelationType() {
        #expect {
            _ = try KnowledgePack.fromFiles([("cues-extra.tsv", "symmetric-type\tFRIENDSHIP\n")], includingBundled: false)
        } throws: { error in
            "\(error)".hasPrefix("cues-extra.tsv:1:") && "\(error)".contains("relation type")
        }
    }
}
