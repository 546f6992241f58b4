import Foundation

/// A trained tagger, lemmatiser and parser, loaded from one binary model file.
///
/// ```swift
/// let model = try SyntaxModel.shipped()
/// let sentence = model.annotate(["Russia", "denied", "the", "claims", "."])
/// // sentence.tags == ["PROPN", "VERB", "DET", "NOUN", "PUNCT"], sentence.heads == [2, 0, 4, 2, 2]
/// ```
public struct SyntaxModel: Sendable {
    /// The part-of-speech tagger.
    public var tagger: Tagger
    /// The lemmatiser.
    public var lemmatizer: Lemmatizer
    /// The dependency parser.
    public var parser: Parser
    /// Free text stored with the model (how it was trained).
    public var notes: String

    /// The model with every weight row whose largest |weight| is at most the threshold dropped.
    public func pruned(tagger t: Float, parser p: Float) -> SyntaxModel {
        var m = self
        m.tagger.weights = tagger.weights.pruned(t)
        m.tagger.second = tagger.second.pruned(t)
        m.parser.transitions = parser.transitions.pruned(p)
        m.parser.relations = parser.relations.pruned(p)
        return m
    }

    /// A model from its parts.
    public init(tagger: Tagger, lemmatizer: Lemmatizer, parser: Parser, notes: String = "") {
        self.tagger = tagger; self.lemmatizer = lemmatizer; self.parser = parser; self.notes = notes
    }

    /// Tags, lemmatises and parses one sentence given as words.
    public func annotate(_ forms: [String], text: String? = nil) -> AnnotatedSentence {
        let lex = forms.map { Lexeme($0) }
        return annotate(forms, lex, text: text)
    }

    /// Tags, lemmatises and parses one sentence of words whose lexemes are `lex`.
    public func annotate(_ forms: [String], _ lex: [Lexeme], text: String? = nil, lemmas: Bool = true) -> AnnotatedSentence {
        var s = AnnotatedSentence(text: text, forms: forms)
        let classes = tagger.tag(lex)
        let universal = classes.map { tagger.universal[Int($0)] }
        let (heads, relations) = parser.parse(lex, tags: classes, universal: universal)
        for i in 0..<forms.count {
            s.tags[i] = Tagger.tagNames[Int(universal[i])]
            s.xtags[i] = tagger.fine[Int(classes[i])]
            if lemmas { s.lemmas[i] = lemmatizer.lemma(forms[i], lex[i], tag: universal[i]) }
            s.heads[i] = heads[i]
            s.relations[i] = parser.relationNames[relations[i]]
        }
        return s
    }

    /// The bytes of the model file.
    public func serialized() -> [UInt8] {
        var w = ModelFile.Writer()
        w.u32(ModelFile.magic); w.u32(ModelFile.version)
        w.string(notes)
        w.strings(tagger.classNames)
        w.table(tagger.weights); w.table(tagger.second)
        let lexicon = tagger.lexicon.pairs.sorted { $0.0 < $1.0 }
        w.u32(UInt32(lexicon.count))
        for (k, v) in lexicon { w.u64(k); w.u32(v) }
        w.u32(UInt32(lemmatizer.scripts.count))
        for s in lemmatizer.scripts { w.u8(s.lowercase ? 1 : 0); w.u8(UInt8(min(255, s.strip))); w.string(s.append) }
        w.table(lemmatizer.weights)
        let lookup = lemmatizer.lookup.sorted { $0.key < $1.key }
        w.u32(UInt32(lookup.count))
        for (k, v) in lookup { w.u64(k); w.string(v) }
        w.strings(parser.relationNames)
        w.table(parser.transitions); w.table(parser.relations)
        w.u32(UInt32(parser.beam)); w.f32(parser.beamMargin)
        return w.bytes
    }

    /// A model read from the bytes of a model file; `name` appears in error messages.
    public init(bytes: [UInt8], name: String = "model") throws {
        var r = ModelFile.Reader(bytes: bytes, name: name)
        guard try r.u32() == ModelFile.magic else { throw r.fail("not a Kremlinology syntax model") }
        let version = try r.u32()
        guard version == ModelFile.version || version == 1 else { throw r.fail("unsupported version \(version)") }
        notes = try r.string()
        let classNames = try r.strings()
        let first = try r.table(), second = try r.table()
        let lexiconCount = Int(try r.u32())
        var lexicon = U64Map<UInt32>(capacity: lexiconCount)
        for _ in 0..<lexiconCount { let k = try r.u64(); lexicon[k] = try r.u32() }
        tagger = Tagger(classNames: classNames, weights: first, second: second, lexicon: lexicon)
        let scriptCount = Int(try r.u32())
        var scripts: [Lemmatizer.Script] = []
        for _ in 0..<scriptCount {
            let lower = try r.u8() == 1, strip = Int(try r.u8())
            scripts.append(Lemmatizer.Script(lowercase: lower, strip: strip, append: try r.string()))
        }
        let lemmaWeights = try r.table()
        let lookupCount = Int(try r.u32())
        var lookup: [UInt64: String] = [:]
        lookup.reserveCapacity(lookupCount)
        for _ in 0..<lookupCount { let k = try r.u64(); lookup[k] = try r.string() }
        lemmatizer = Lemmatizer(lookup: lookup, scripts: scripts, weights: lemmaWeights)
        let relationNames = try r.strings()
        parser = Parser(transitions: try r.table(), relations: try r.table(), relationNames: relationNames)
        // Version 1 files hold a greedy parser; version 2 adds the width and margin of its beam.
        if version >= 2 { parser.beam = max(1, Int(try r.u32())); parser.beamMargin = max(0, try r.f32()) }
    }

    /// The model at `path`.
    public init(contentsOf path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CoNLLUError(description: "cannot read model \(path): no such file or not readable")
        }
        try self.init(bytes: [UInt8](data), name: path)
    }

    /// The model shipped with the package (trained on the English Web Treebank, see Resources/MODEL.md).
    public static func shipped() throws -> SyntaxModel {
        guard let url = Bundle.module.url(forResource: "en_ewt", withExtension: "model", subdirectory: "Resources")
                ?? Bundle.module.url(forResource: "en_ewt", withExtension: "model") else {
            throw CoNLLUError(description: "the shipped model Resources/en_ewt.model is missing from the bundle")
        }
        return try SyntaxModel(contentsOf: url.path)
    }
}
