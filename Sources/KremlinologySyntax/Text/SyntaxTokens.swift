/// A word as the parser sees it, Universal Dependencies style, with its exact byte range.
public struct SyntaxToken: Sendable, Equatable {
    /// First byte in the text.
    public var start: Int
    /// One past the last byte.
    public var end: Int
    /// The bytes `start..<end` of the text.
    public var form: String
}

/// Re-splits the extractor's tokens the way the English Web Treebank does: clitics become words
/// of their own (`do|n't`, `ca|n't`, `I|'m`, `we|'re`, `it|'s`, `can|not`, `gon|na`), hyphenated
/// compounds stay split except after prefixes such as `e-`, `non-`, `re-`; numbers with
/// thousands separators or colons (`1,000`, `10:30`), runs of `...`/`!!` and web addresses are
/// joined. Every word keeps the exact byte range of the input it came from.
public enum SyntaxTokenizer {
    /// Prefixes the treebank keeps attached to their hyphen (`e-mail`, `non-profit`).
    static let hyphenPrefixes: Set<String> = ["e", "non", "pre", "anti", "re", "mid", "post", "co", "over", "pro", "multi",
                                              "ex", "sub", "semi", "neo", "cross", "inter", "counter", "x"]
    /// Last parts of dotted names that make them one word (`report.pdf`, `example.com`).
    static let fileSuffixes: Set<String> = ["com", "org", "net", "edu", "gov", "uk", "ru", "ua", "de", "fr", "io", "int",
                                            "pdf", "htm", "html", "doc", "docx", "xls", "xlsx", "ppt", "txt", "jpg", "png",
                                            "gif", "zip", "exe", "mp3", "cat"]
    /// Abbreviations the treebank writes with their period as one word.
    static let abbreviations: Set<String> = ["mr", "mrs", "ms", "dr", "st", "inc", "jr", "sr", "co", "corp", "ltd", "vs",
                                             "etc", "prof", "gen", "sen", "rep", "gov", "jan", "feb", "aug", "sept", "oct",
                                             "nov", "dec", "approx", "dept", "mt", "ft", "lt", "col", "sgt", "capt"]
    /// Clitics split off the end of a word (after an apostrophe).
    static let clitics: Set<String> = ["m", "re", "ll", "ve", "d", "s"]

    /// Parser words of the tokens `tokens` of `bytes`.
    public static func words(_ bytes: UnsafeBufferPointer<UInt8>, _ tokens: ArraySlice<Token>) -> [SyntaxToken] {
        func text(_ a: Int, _ b: Int) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[a..<b]), as: UTF8.self) }
        var spans: [(Int, Int)] = []
        for t in tokens { split(bytes, t.start, t.end, into: &spans) }
        spans = join(bytes, spans)
        return spans.map { SyntaxToken(start: $0.0, end: $0.1, form: text($0.0, $0.1)) }
    }

    /// Splits one extractor token into clitic words.
    static func split(_ bytes: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int, into out: inout [(Int, Int)]) {
        let n = e - s
        @inline(__always) func lower(_ i: Int) -> UInt8 { WordHash.lower(bytes[i]) }
        // n't / n’t: "don't" → do + n't, "can't" → ca + n't
        for aw in [1, 3] where n > 2 + aw {
            let apostrophe = e - 1 - aw
            if lower(e - 1) == 116, Tokenizer.apostropheWidth(bytes, apostrophe, e) == aw, lower(apostrophe - 1) == 110 {
                out.append((s, apostrophe - 1)); out.append((apostrophe - 1, e)); return
            }
        }
        // 'm 're 'll 've 'd after a word: I'm, we're, it'll
        var apostrophe = -1, width = 0, j = s
        while j < e {
            let w = Tokenizer.apostropheWidth(bytes, j, e)
            if w > 0 { apostrophe = j; width = w; j += w } else { j += 1 }
        }
        if apostrophe > s, apostrophe + width < e {
            let clitic = String(decoding: UnsafeBufferPointer(rebasing: bytes[(apostrophe + width)..<e]), as: UTF8.self).lowercased()
            if clitics.contains(clitic) { out.append((s, apostrophe)); out.append((apostrophe, e)); return }
        }
        let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[s..<e]), as: UTF8.self).lowercased()
        switch word {
        case "cannot": out.append((s, s + 3)); out.append((s + 3, e))
        case "gonna", "wanna", "gotta": out.append((s, s + 3)); out.append((s + 3, e))
        default: out.append((s, e))
        }
    }

    /// Joins adjacent spans (no space between) that the treebank writes as one word.
    static func join(_ bytes: UnsafeBufferPointer<UInt8>, _ spans: [(Int, Int)]) -> [(Int, Int)] {
        func text(_ p: (Int, Int)) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[p.0..<p.1]), as: UTF8.self) }
        func isDigits(_ p: (Int, Int)) -> Bool { (p.0..<p.1).allSatisfy { bytes[$0] >= 48 && bytes[$0] <= 57 } }
        var out: [(Int, Int)] = []
        var i = 0
        while i < spans.count {
            var cur = spans[i]
            i += 1
            // A web address or e-mail address: glue every adjacent span.
            let head = text(cur).lowercased()
            if head == "http" || head == "https" || head == "www" || (i < spans.count && spans[i].0 == cur.1 && text(spans[i]) == "@") {
                while i < spans.count, spans[i].0 == cur.1, !isBoundary(bytes, spans[i], next: i + 1 < spans.count ? spans[i + 1] : nil) {
                    cur.1 = spans[i].1; i += 1
                }
                out.append(cur); continue
            }
            while i + 1 < spans.count, spans[i].0 == cur.1, spans[i + 1].0 == spans[i].1 {
                let mid = text(spans[i])
                let joinNumber = (mid == "," || mid == ":") && isDigits(cur) && isDigits(spans[i + 1])
                    && (mid == ":" || spans[i + 1].1 - spans[i + 1].0 == 3)
                let joinPrefix = mid == "-" && hyphenPrefixes.contains(text(cur).lowercased())
                    && Tokenizer.isLetter(bytes[spans[i + 1].0])
                guard joinNumber || joinPrefix else { break }
                cur.1 = spans[i + 1].1; i += 2
            }
            // Abbreviations keep their period: "Mr.", "Inc.", "etc."
            if i < spans.count, spans[i].0 == cur.1, spans[i].1 - spans[i].0 == 1, bytes[spans[i].0] == 46,
               abbreviations.contains(text(cur).lowercased()) {
                cur.1 = spans[i].1; i += 1
            }
            // "..." "!!" "?!", and rules such as "====" or "----": one word.
            let c = bytes[cur.0]
            if cur.1 - cur.0 == 1, c == 46 || c == 33 || c == 63 {
                while i < spans.count, spans[i].0 == cur.1, spans[i].1 - spans[i].0 == 1,
                      [46, 33, 63].contains(bytes[spans[i].0]) { cur.1 = spans[i].1; i += 1 }
            } else if cur.1 - cur.0 == 1, [61, 45, 42, 95, 126, 35, 43, 60, 62].contains(c) {
                while i < spans.count, spans[i].0 == cur.1, spans[i].1 - spans[i].0 == 1, bytes[spans[i].0] == c {
                    cur.1 = spans[i].1; i += 1
                }
            }
            // Emoticons: ":)", ":-)", ";(".
            if cur.1 - cur.0 == 1, c == 58 || c == 59, i < spans.count, spans[i].0 == cur.1 {
                var j = i, end = cur.1
                if j < spans.count, text(spans[j]) == "-", spans[j].0 == end { end = spans[j].1; j += 1 }
                if j < spans.count, spans[j].0 == end, [")", "(", "D", "P", "p"].contains(text(spans[j])) {
                    cur.1 = spans[j].1; i = j + 1
                }
            }
            // Dotted names of files and hosts: "alt.animals.cat", "report.pdf", "www.un.org".
            if Tokenizer.isLetter(c) || (c >= 48 && c <= 57), i + 1 < spans.count {
                var j = i, end = cur.1, parts = [text(cur).lowercased()]
                while j + 1 < spans.count, spans[j].0 == end, text(spans[j]) == ".", spans[j + 1].0 == spans[j].1,
                      Tokenizer.isLetter(bytes[spans[j + 1].0]) || bytes[spans[j + 1].0] >= 48 && bytes[spans[j + 1].0] <= 57 {
                    parts.append(text(spans[j + 1]).lowercased()); end = spans[j + 1].1; j += 2
                }
                if parts.count > 1, parts[0] == "www" || fileSuffixes.contains(parts[parts.count - 1]) {
                    cur.1 = end; i = j
                }
            }
            out.append(cur)
        }
        return out
    }

    /// Whether a span ends a web address: sentence punctuation followed by a space or the end.
    static func isBoundary(_ bytes: UnsafeBufferPointer<UInt8>, _ p: (Int, Int), next: (Int, Int)?) -> Bool {
        let c = bytes[p.0]
        let closing = c == 44 || c == 41 || c == 34 || c == 59 || c == 0xE2
        let terminal = c == 46 || c == 33 || c == 63 || c == 58
        if closing { return true }
        if terminal { return next == nil || next!.0 != p.1 }
        return false
    }
}
