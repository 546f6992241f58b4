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

    /// Extracts from one document in parts: `emit` receives the facts of each stretch of
    /// about `partBytes` of text as soon as it is read, and the rest at the end, so that a
    /// huge document (one 50 MB line) never holds all its facts at once. The discourse
    /// context (the last actor named, coreference) carries across parts as in ``extract(_:explain:)``,
    /// so the parts together are exactly what `extract` returns.
    public func extract(_ input: ExtractionInput, partBytes: Int, emit: (ExtractionResult) throws -> Void) rethrows {
        var text = input.text
        try text.withUTF8 { bytes in
            var run = DocumentRun(pack: pack, bytes: bytes, input: input, explain: false)
            try run.process(partBytes: max(1, partBytes), emit: emit)
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
    /// Whether the passage being read is a heading.
    var inHeading = false
    /// The open-world actors found so far in the document, in order, with their kinds.
    var openActors: [(name: String, kind: ActorKind)] = []
    var openActorNames: Set<String> = []

    init(pack: KnowledgePack, bytes: UnsafeBufferPointer<UInt8>, input: ExtractionInput, explain: Bool) {
        self.pack = pack
        self.bytes = bytes
        self.input = input
        self.explain = explain
        if let p = input.published, p.utf8.count >= 4 { year = String(p.prefix(4)) } else { year = nil }
    }

    mutating func process() {
        process(partBytes: Int.max) { _ in }
    }

    /// Walks the document; every `partBytes` of text read, hands `result` to `emit` and starts
    /// it afresh (with `Int.max` the whole result stays in `result`).
    mutating func process(partBytes: Int, emit: (ExtractionResult) throws -> Void) rethrows {
        var emittedUpTo = 0
        let passages = input.passages ?? DocumentRun.paragraphs(bytes)
        lowercase = DocumentRun.isMostlyLowercase(bytes)
        for (pi, passage) in passages.enumerated() {
            let lo = max(0, min(passage.range.start, bytes.count)), hi = max(lo, min(passage.range.end, bytes.count))
            context.passage = pi
            inHeading = passage.kind == .heading
            // A huge passage (one 50 MB line) is tokenised a window at a time, so that memory
            // stays a small multiple of the window, not of the passage.
            for window in Self.windows(bytes, from: lo, to: hi) {
                processWindow(window)
                if window.upperBound - emittedUpTo >= partBytes {
                    finishPart()
                    try emit(result)
                    result = ExtractionResult()
                    emittedUpTo = window.upperBound
                }
            }
        }
        finishPart()
        if partBytes != Int.max { try emit(result) }
    }

    /// Every mention of an open-world actor in the part (an earlier "Alan Gagloyev" of a later
    /// relation's "Gagloyev") takes the rule `open-world`, and the part lists the actors.
    mutating func finishPart() {
        guard !openActors.isEmpty else { return }
        for k in result.mentions.indices where ["unknown:name", "unknown:title"].contains(result.mentions[k].rule) && openActorNames.contains(result.mentions[k].actor) {
            result.mentions[k].rule = SentenceAnalysis.openWorldRule
        }
        result.unreviewed = openActors.map { Actor(name: $0.name, kind: $0.kind, reviewed: false) }
    }

    /// Tokens in one window are at most this many bytes' worth; ordinary passages are one window.
    static let windowBytes = 256 << 10

    /// `lo..<hi` cut into windows of about ``windowBytes``, each ending after a sentence end
    /// (`. `, `! `, `? `) near its end when there is one, else at a space, never inside a word.
    static func windows(_ bytes: UnsafeBufferPointer<UInt8>, from lo: Int, to hi: Int) -> [Range<Int>] {
        guard hi - lo > windowBytes else { return [lo..<hi] }
        var windows: [Range<Int>] = []
        var start = lo
        while hi - start > windowBytes {
            let limit = start + windowBytes
            var cut = -1
            var i = limit
            // Look back at most an eighth of the window for a sentence end, then for any space.
            while i > limit - windowBytes / 8 {
                if bytes[i] == 0x20, [0x2E, 0x21, 0x3F].contains(bytes[i - 1]) { cut = i; break }
                i -= 1
            }
            if cut < 0 {
                i = limit
                while i > start, bytes[i] != 0x20, bytes[i] != 0x0A { i -= 1 }
                cut = i > start ? i : limit
            }
            // Never cut inside a UTF-8 sequence.
            while cut < hi, bytes[cut] & 0xC0 == 0x80 { cut += 1 }
            windows.append(start..<cut)
            start = cut
        }
        windows.append(start..<hi)
        return windows
    }

    private mutating func processWindow(_ window: Range<Int>) {
        let tokens = Tokenizer.tokenize(bytes, from: window.lowerBound, to: window.upperBound)
        for s in SentenceSplitter.split(tokens, abbreviations: pack.cues.abbreviations) {
            let sentence = Array(tokens[s])
            guard !sentence.isEmpty else { continue }
            context.sentence = sentenceIndex
            var analysis = SentenceAnalysis(pack: pack, bytes: bytes, tokens: sentence, input: input, year: year,
                                            index: sentenceIndex, explain: explain)
            analysis.lowercaseDocument = lowercase
            analysis.inHeading = inHeading
            analysis.run(context: &context)
            for m in analysis.mentions where m.rule == SentenceAnalysis.openWorldRule && openActorNames.insert(m.name).inserted {
                openActors.append((m.name, m.kind))
            }
            result.mentions += analysis.mentions.map {
                ActorMention(actor: $0.name, text: $0.text, range: $0.range, rule: $0.rule)
            }
            result.relations += analysis.relations
            result.claims += analysis.claims
            let ties = analysis.ties()
            result.ties += ties
            if explain, var trace = analysis.trace {
                trace.relations += ties.map { "tie: \($0.holder) —\($0.type.rawValue)[\($0.modality.rawValue)]→ \($0.principal)  (rule \($0.rule))" }
                result.trace.append(trace)
            }
            sentenceIndex += 1
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
