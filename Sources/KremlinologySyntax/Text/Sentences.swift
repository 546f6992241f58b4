/// Splits a passage's tokens into sentences.
///
/// A sentence ends at `.`, `!`, `?` or `…` (with any closing quotes and brackets), unless
/// the word before the `.` is an abbreviation (`Mr.`, `Gen.`, `Jan.`); dotted tokens
/// (`U.S.`, initials `N.`, decimals) never end one. A line break also ends a sentence,
/// and very long runs are cut every `maxTokens` tokens so that analysis stays linear.
public enum SentenceSplitter {
    /// Longest sentence, in tokens, before a cut.
    public static let maxTokens = 200
    static let closers = U64Set(words: ["\"", "'", ")", "]", "»"])
    static let period = WordHash.of(".")

    /// Token ranges of the sentences of `tokens`; `abbreviations` hold hashes of words a '.' does not end.
    public static func split(_ tokens: [Token], abbreviations: U64Set) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = 0
        var i = 0
        let n = tokens.count
        let closers = SentenceSplitter.closers
        while i < n {
            let t = tokens[i]
            if i > start && t.has(TokenFlags.afterNewline) {
                out.append(start..<i); start = i
            }
            if i - start >= maxTokens {
                out.append(start..<i); start = i
            }
            if t.has(TokenFlags.terminal) {
                var isEnd = true
                if i > start, tokens[i].end - tokens[i].start == 1 {
                    let prev = tokens[i - 1]
                    if prev.isWord && prev.end == t.start && abbreviations.contains(prev.hash) { isEnd = false }
                }
                // "...": end only at the last dot.
                if i + 1 < n, tokens[i + 1].has(TokenFlags.terminal) { isEnd = false }
                if isEnd {
                    var j = i + 1
                    while j < n, closers.contains(tokens[j].hash) || tokens[j].has(TokenFlags.quote),
                          !tokens[j].has(TokenFlags.afterNewline), tokens[j].start == tokens[j - 1].end { j += 1 }
                    // "\"Is it over?\" he asked.": a question or exclamation inside a sentence.
                    let question = t.end - t.start == 1 && t.start < t.end && j < n && j > i + 1
                        && tokens[j].isWord && !tokens[j].isCapitalized && !tokens[j].has(TokenFlags.number) && t.hash != period
                    if !question {
                        out.append(start..<j); start = j; i = j
                        continue
                    }
                    i = j
                    continue
                }
            }
            i += 1
        }
        if start < n { out.append(start..<n) }
        return out
    }
}
