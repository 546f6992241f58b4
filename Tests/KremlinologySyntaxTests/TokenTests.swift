import Foundation
import KremlinologySyntax
import Testing

/// The parser's words: treebank-style splits that keep exact byte ranges of the text.
@Suite struct TokenTests {
    static func words(_ text: String) -> [String] {
        SyntaxModel.sentences(text).flatMap { $0.words.map(\.form) }
    }

    @Test func cliticsAreWordsOfTheirOwn() {
        #expect(Self.words("I don't think they can't or won't.") == ["I", "do", "n't", "think", "they", "ca", "n't", "or", "wo", "n't", "."])
        #expect(Self.words("I'm sure we're fine, it's Putin's.") == ["I", "'m", "sure", "we", "'re", "fine", ",", "it", "'s", "Putin", "'s", "."])
        #expect(Self.words("You cannot go, we’ll see") == ["You", "can", "not", "go", ",", "we", "’ll", "see"])
    }

    @Test func hyphensNumbersAndDotsFollowTheTreebank() {
        #expect(Self.words("a state-owned firm's e-mail, non-binding") == ["a", "state", "-", "owned", "firm", "'s", "e-mail", ",", "non-binding"])
        #expect(Self.words("Mr. Lavrov of Gazprom Inc. ==== :) alt.politics.ru") == ["Mr.", "Lavrov", "of", "Gazprom", "Inc.", "====", ":)", "alt.politics.ru"])
        #expect(Self.words("1,000 troops at 10:30...") == ["1,000", "troops", "at", "10:30", "..."])
        #expect(Self.words("see https://example.org/a?b=1 now") == ["see", "https://example.org/a?b=1", "now"])
    }

    @Test func everyWordsByteRangeIsItsExactText() {
        let text = "Lavrov’s aide didn't say — “we’ll see” — whether Minsk's 1,000-strong unit (ex-Wagner) can't go.\nNew line, naïve café."
        let bytes = Array(text.utf8)
        let sentences = Fixture.model.analyze(text)
        #expect(sentences.count == 2)
        var last = 0
        for s in sentences {
            for (w, form) in zip(s.words, s.annotation.forms) {
                #expect(w.start >= last && w.end > w.start && w.end <= bytes.count)
                #expect(String(decoding: bytes[w.start..<w.end], as: UTF8.self) == w.form)
                #expect(form == w.form)
                last = w.end
            }
            #expect(String(decoding: bytes[s.range], as: UTF8.self) == s.annotation.text)
        }
        // Nothing but whitespace is left between words.
        let covered = sentences.flatMap(\.words).reduce(into: Set<Int>()) { set, w in set.formUnion(w.start..<w.end) }
        for (i, b) in bytes.enumerated() where !covered.contains(i) { #expect(b == 0x20 || b == 0x0A, "byte \(i) not in a word") }
    }
}
