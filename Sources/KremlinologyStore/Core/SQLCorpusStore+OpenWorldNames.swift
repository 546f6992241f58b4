import KremlinologyModel

/// Open-world actors across the corpus (issue 11, item 5): a name no pack knows that folds like
/// the name of an open-world actor already stored (``Transliteration/nameKey(_:)``: "Valery
/// Soloviev" after "Valery Solovyov") is that actor. Its facts take the stored name, the spelling
/// under which the corpus first stored the actor (within a document the extractor has already
/// given every spelling the document's first one).
///
/// The fold is cautious: only onto an unreviewed actor, and only when that actor is the one
/// stored under the key, so that a name the extractor kept apart from a pack's person (a
/// skeleton two people share, a given name that disagrees) is never joined to one here. Names
/// of documents stored at the same moment by two writers may both be kept; rows stored before
/// the key existed (SQLite v12, PostgreSQL v11) fold once their documents are re-extracted.
extension SQLCorpusStore {
    /// `extraction` with its open-world actors folded onto stored ones, by the renames of
    /// `renames` (kept across the parts of one document) and those found now.
    func foldingOpenWorldNames(_ extraction: ExtractionPayload, renames: inout [String: String],
                               in x: any SQLExecutor) throws -> ExtractionPayload {
        for actor in extraction.actors where !actor.reviewed && renames[actor.name] == nil {
            renames[actor.name] = try storedName(folding: actor.name, in: x) ?? actor.name
        }
        let folded = renames.filter { $0.key != $0.value }
        guard !folded.isEmpty else { return extraction }
        var out = extraction
        out.actors = extraction.actors.filter { folded[$0.name] == nil }
        func name(_ n: String) -> String { folded[n] ?? n }
        for k in out.mentions.indices { out.mentions[k].actor = name(out.mentions[k].actor) }
        for k in out.relations.indices {
            out.relations[k].source = name(out.relations[k].source)
            out.relations[k].target = name(out.relations[k].target)
            out.relations[k].attribution = out.relations[k].attribution.map(name)
        }
        for k in out.claims.indices { out.claims[k].speaker = name(out.claims[k].speaker) }
        for k in out.ties.indices {
            out.ties[k].holder = name(out.ties[k].holder)
            out.ties[k].principal = name(out.ties[k].principal)
        }
        return out
    }

    /// The name of the one stored actor, unreviewed, whose name folds like `name`; nil when an
    /// actor of that very name is stored, or none or several fold alike, or the one is a pack's.
    private func storedName(folding name: String, in x: any SQLExecutor) throws -> String? {
        let rows = try x.rows("SELECT name, reviewed FROM actor WHERE name = ? OR name_key = ? LIMIT 3",
                              [.text(name), .text(Transliteration.nameKey(name))]) {
            (name: try $0.text("name"), reviewed: try $0.integer("reviewed") != 0)
        }
        guard rows.count == 1, let only = rows.first, only.name != name, !only.reviewed else { return nil }
        return only.name
    }
}
