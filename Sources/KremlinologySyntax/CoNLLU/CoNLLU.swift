import Foundation

/// One sentence of a CoNLL-U file: its words (multiword-token lines and empty nodes skipped)
/// with lemma, universal tag, head and relation.
public struct AnnotatedSentence: Sendable, Equatable {
    /// The `# text =` comment, when present.
    public var text: String?
    /// Word forms, in order.
    public var forms: [String]
    /// Lemmas.
    public var lemmas: [String]
    /// Universal part-of-speech tags (`NOUN`, `VERB`, …).
    public var tags: [String]
    /// Language-specific tags (the XPOS column: Penn Treebank tags in English).
    public var xtags: [String]
    /// Head of each word: 0 for the root, else the 1-based index of the head word.
    public var heads: [Int]
    /// Universal Dependencies relation of each word to its head (`nsubj`, `obl:tmod`, …).
    public var relations: [String]

    /// A sentence of `forms` with empty annotation.
    public init(text: String? = nil, forms: [String]) {
        self.text = text
        self.forms = forms
        lemmas = Array(repeating: "_", count: forms.count)
        tags = Array(repeating: "_", count: forms.count)
        xtags = tags
        heads = Array(repeating: 0, count: forms.count)
        relations = Array(repeating: "_", count: forms.count)
    }

    /// Number of words.
    public var count: Int { forms.count }
}

/// Errors reading CoNLL-U, naming the file and line.
public struct CoNLLUError: Error, CustomStringConvertible {
    /// What went wrong, for the user of the tool.
    public let description: String
}

/// Reads and writes CoNLL-U (https://universaldependencies.org/format.html).
public enum CoNLLU {
    /// The sentences of a CoNLL-U file at `path`.
    public static func read(path: String) throws -> [AnnotatedSentence] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CoNLLUError(description: "cannot read \(path): no such file or not readable")
        }
        return try parse(String(decoding: data, as: UTF8.self), name: path)
    }

    /// The sentences of CoNLL-U text; `name` appears in error messages.
    public static func parse(_ text: String, name: String = "input") throws -> [AnnotatedSentence] {
        var out: [AnnotatedSentence] = []
        var current = AnnotatedSentence(forms: [])
        var lineNumber = 0
        func flush() {
            if current.count > 0 { out.append(current) }
            current = AnnotatedSentence(forms: [])
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let l = line.hasSuffix("\r") ? line.dropLast() : line
            if l.isEmpty { flush(); continue }
            if l.hasPrefix("#") {
                if l.hasPrefix("# text = ") { current.text = String(l.dropFirst(9)) }
                continue
            }
            let cols = l.split(separator: "\t", omittingEmptySubsequences: false)
            guard cols.count == 10 else {
                throw CoNLLUError(description: "\(name):\(lineNumber): expected 10 tab-separated columns, found \(cols.count)")
            }
            if cols[0].contains("-") || cols[0].contains(".") { continue }
            guard let head = Int(cols[6]) else {
                throw CoNLLUError(description: "\(name):\(lineNumber): HEAD column '\(cols[6])' is not a number")
            }
            current.forms.append(String(cols[1]))
            current.lemmas.append(String(cols[2]))
            current.tags.append(String(cols[3]))
            current.xtags.append(String(cols[4]))
            current.heads.append(head)
            current.relations.append(String(cols[7]))
        }
        flush()
        return out
    }

    /// CoNLL-U text of `sentences` (columns ID, FORM, LEMMA, UPOS, _, _, HEAD, DEPREL, _, _).
    public static func format(_ sentences: [AnnotatedSentence]) -> String {
        var out = ""
        for (n, s) in sentences.enumerated() {
            out += "# sent_id = \(n + 1)\n"
            if let text = s.text { out += "# text = \(text)\n" }
            for i in 0..<s.count {
                out += "\(i + 1)\t\(s.forms[i])\t\(s.lemmas[i])\t\(s.tags[i])\t_\t_\t\(s.heads[i])\t\(s.relations[i])\t_\t_\n"
            }
            out += "\n"
        }
        return out
    }
}
