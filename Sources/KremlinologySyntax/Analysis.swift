/// One sentence of a text, tagged, lemmatised and parsed, with the byte range of every word.
public struct ParsedSentence: Sendable {
    /// The parser's words, with their byte ranges in the text.
    public var words: [SyntaxToken]
    /// Lemmas, tags, heads and relations of `words`.
    public var annotation: AnnotatedSentence
    /// Bytes of the sentence in the text (first word to last word).
    public var range: Range<Int>
}

extension SyntaxModel {
    /// Words a '.' does not end a sentence after (the hashes of their lower-case forms).
    public static let abbreviations = U64Set(words: [
        "mr", "mrs", "ms", "dr", "prof", "gen", "sen", "rep", "gov", "lt", "col", "sgt", "capt", "st", "jr", "sr",
        "inc", "ltd", "co", "corp", "vs", "etc", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
        "nov", "dec", "no", "fig", "approx", "dept", "est", "pres", "rev", "mt", "ft",
    ])

    /// The sentences of `text` as parser words: the extractor's tokenizer and sentence splitter,
    /// then the treebank-style split of `SyntaxTokenizer`.
    public static func sentences(_ text: String) -> [(range: Range<Int>, words: [SyntaxToken])] {
        var copy = text
        return copy.withUTF8 { bytes in
            let tokens = Tokenizer.tokenize(bytes)
            // A sentence never ends at a '.' glued to the next word ("www.un.org", "file.pdf").
            var ranges: [Range<Int>] = []
            for r in SentenceSplitter.split(tokens, abbreviations: abbreviations) where !r.isEmpty {
                if let last = ranges.last, tokens[last.upperBound - 1].end == tokens[r.lowerBound].start {
                    ranges[ranges.count - 1] = last.lowerBound..<r.upperBound
                } else {
                    ranges.append(r)
                }
            }
            return ranges.compactMap { r in
                guard !r.isEmpty else { return nil }
                let words = SyntaxTokenizer.words(bytes, tokens[r])
                return (tokens[r.lowerBound].start..<tokens[r.upperBound - 1].end, words)
            }
        }
    }

    /// Tags, lemmatises and parses every sentence of `text`.
    public func analyze(_ text: String) -> [ParsedSentence] {
        var copy = text
        let utf8 = copy.withUTF8 { Array($0) }
        return Self.sentences(text).map { range, words in
            let lex = utf8.withUnsafeBufferPointer { b in
                words.map { Lexeme(UnsafeBufferPointer(rebasing: b[$0.start..<$0.end])) }
            }
            let sentenceText = String(decoding: utf8[range], as: UTF8.self)
            let annotation = annotate(words.map(\.form), lex, text: sentenceText)
            return ParsedSentence(words: words, annotation: annotation, range: range)
        }
    }
}
