import KremlinologyModel

/// JSON Lines exports in the shapes of ONTOLOGY.md ("Export format"), read by `../shared/eval/score.py`.
public enum RelationExport {
    /// What analysts added to a relation, for the exports: its Admiralty grade and their judgement.
    public struct Curation: Sendable {
        public var grade: AdmiraltyGrade?
        /// `wrong` or `right`.
        public var judgement: String?
        public var judgementNote: String?

        public init(grade: AdmiraltyGrade?, judgement: String?, judgementNote: String?) {
            self.grade = grade
            self.judgement = judgement
            self.judgementNote = judgementNote
        }
    }

    /// One relation as a JSON line (no trailing newline); `start`/`end` are code points into the
    /// normalised text. With `curation` (the store's export), `grade`, `judgement` and
    /// `judgement_note` follow; `extract`, which has no store, writes none of them.
    public static func jsonLine(_ r: Relation, document: String, locator: String?, offsets: CodePointOffsets,
                                curation: Curation? = nil) -> String {
        var o = JSONObjectWriter()
        o.string("source", r.source)
        o.optional("source_wikidata", r.sourceWikidata)
        o.string("source_text", r.sourceText)
        o.string("target", r.target)
        o.optional("target_wikidata", r.targetWikidata)
        o.string("target_text", r.targetText)
        o.string("type", r.type.rawValue)
        o.raw("polarity", String(r.polarity))
        o.string("modality", r.modality.rawValue)
        o.optional("attribution", r.attribution)
        o.raw("instruments", "[" + r.instruments.map { Escape.json($0.rawValue) }.joined(separator: ",") + "]")
        o.optional("time", r.time)
        o.optional("location", r.location)
        o.string("document", document)
        o.optional("locator", locator)
        o.string("quote", r.quote)
        o.raw("start", String(offsets.codePoint(atByte: r.range.start)))
        o.raw("end", String(offsets.codePoint(atByte: r.range.end)))
        o.string("rule", r.rule)
        if let curation {
            o.optional("grade", curation.grade?.description)
            o.optional("judgement", curation.judgement)
            o.optional("judgement_note", curation.judgementNote)
        }
        return o.finish()
    }

    /// One actor as a JSON line: `{"name","kind","wikidata","aliases","documents","mentions"}`.
    public static func actorLine(_ actor: Actor, documents: [String], mentions: Int) -> String {
        var o = JSONObjectWriter()
        o.string("name", actor.name)
        o.string("kind", actor.kind.rawValue)
        o.optional("wikidata", actor.wikidata)
        o.raw("aliases", "[" + actor.aliases.map(Escape.json).joined(separator: ",") + "]")
        o.raw("documents", "[" + documents.map(Escape.json).joined(separator: ",") + "]")
        o.raw("mentions", String(mentions))
        return o.finish()
    }

    /// One claim as a JSON line: speaker, quote, modality, attribution, document, start, end.
    public static func claimLine(_ c: Claim, document: String, offsets: CodePointOffsets) -> String {
        var o = JSONObjectWriter()
        o.string("speaker", c.speaker)
        o.string("quote", c.quote)
        o.string("modality", c.modality.rawValue)
        o.optional("attribution", c.attribution)
        o.string("document", document)
        o.raw("start", String(offsets.codePoint(atByte: c.range.start)))
        o.raw("end", String(offsets.codePoint(atByte: c.range.end)))
        return o.finish()
    }
}

/// Writes one flat JSON object with keys in insertion order.
struct JSONObjectWriter {
    private var out = "{"
    private var first = true

    mutating func key(_ k: String) {
        if !first { out += "," }
        first = false
        out += Escape.json(k) + ":"
    }

    mutating func string(_ k: String, _ v: String) { key(k); out += Escape.json(v) }
    mutating func optional(_ k: String, _ v: String?) { key(k); out += v.map(Escape.json) ?? "null" }
    mutating func raw(_ k: String, _ v: String) { key(k); out += v }
    mutating func finish() -> String { out + "}" }

}
