import KremlinologyModel
import KremlinologySyntax

/// Turns documents into actor mentions, relations and claims, by the rules and lexicons of a `KnowledgePack`.
///
/// ```swift
/// let extractor = Extractor(pack: try .bundled())
/// let result = extractor.extract(ExtractionInput(text: "Putin reportedly aided Erdogan.", documentName: "x.txt"))
/// // result.relations[0]: Vladimir Putin AID Recep Tayyip Erdoğan, modality reported
/// ```
public final class Extractor: Sendable {
    /// The knowledge the extractor applies.
    public let pack: KnowledgePack

    public init(pack: KnowledgePack) {
        self.pack = pack
    }

    /// Extracts from one document; `explain` fills `trace` with a record per sentence.
    public func extract(_ input: ExtractionInput, explain: Bool = false) -> ExtractionResult {
        var text = input.text
        return text.withUTF8 { bytes in
            var run = DocumentRun(pack: pack, bytes: bytes, input: input, explain: explain)
            run.process()
            return run.result
        }
    }
}

/// The state of one extraction: walks passages and sentences in order.
struct DocumentRun {
    let pack: KnowledgePack
    let bytes: UnsafeBufferPointer<UInt8>
    let input: ExtractionInput
    let explain: Bool
    var result = ExtractionResult()
    var context = DiscourseContext()
    var sentenceIndex = 0
    var lowercase = false
    let year: String?

    init(pack: KnowledgePack, bytes: UnsafeBufferPointer<UInt8>, input: ExtractionInput, explain: Bool) {
        self.pack = pack
        self.bytes = bytes
        self.input = input
        self.explain = explain
        if let p = input.published, p.utf8.count >= 4 { year = String(p.prefix(4)) } else { year = nil }
    }

    mutating func process() {
        let passages = input.passages ?? DocumentRun.paragraphs(bytes)
        lowercase = DocumentRun.isMostlyLowercase(bytes)
        for (pi, passage) in passages.enumerated() {
            let lo = max(0, min(passage.range.start, bytes.count)), hi = max(lo, min(passage.range.end, bytes.count))
            let tokens = Tokenizer.tokenize(bytes, from: lo, to: hi)
            context.passage = pi
            for s in SentenceSplitter.split(tokens, abbreviations: pack.cues.abbreviations) {
                let sentence = Array(tokens[s])
                guard !sentence.isEmpty else { continue }
                context.sentence = sentenceIndex
                var analysis = SentenceAnalysis(pack: pack, bytes: bytes, tokens: sentence, input: input, year: year,
                                                index: sentenceIndex, explain: explain)
                analysis.lowercaseDocument = lowercase
                analysis.run(context: &context)
                result.mentions += analysis.mentions.map {
                    ActorMention(actor: $0.name, text: $0.text, range: $0.range, rule: $0.rule)
                }
                result.relations += analysis.relations
                result.claims += analysis.claims
                if explain, let trace = analysis.trace { result.trace.append(trace) }
                sentenceIndex += 1
            }
        }
    }

    /// Whether sentences mostly start in lower case (". the kremlin"), as in some scraped news.
    static func isMostlyLowercase(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var lower = 0, upper = 0
        var i = 0
        let n = bytes.count
        while i + 2 < n {
            if bytes[i] == 0x2E && bytes[i + 1] == 0x20 {
                let c = bytes[i + 2]
                if c >= 97 && c <= 122 { lower += 1 } else if c >= 65 && c <= 90 { upper += 1 }
            }
            i += 1
        }
        return lower >= 3 && lower * 4 >= upper
    }

    /// Paragraphs separated by blank lines.
    static func paragraphs(_ bytes: UnsafeBufferPointer<UInt8>) -> [Passage] {
        var out: [Passage] = []
        var start = 0
        var i = 0
        let n = bytes.count
        while i < n {
            if bytes[i] == 0x0A {
                var j = i + 1
                while j < n, bytes[j] == 0x20 || bytes[j] == 0x09 || bytes[j] == 0x0D { j += 1 }
                if j < n, bytes[j] == 0x0A {
                    if i > start { out.append(Passage(index: out.count, range: TextRange(start: start, end: i))) }
                    while j < n, bytes[j] == 0x0A || bytes[j] == 0x20 || bytes[j] == 0x09 || bytes[j] == 0x0D { j += 1 }
                    start = j; i = j; continue
                }
            }
            i += 1
        }
        if start < n { out.append(Passage(index: out.count, range: TextRange(start: start, end: n))) }
        return out
    }
}
