import Foundation
import KremlinologyModel

/// Analysts' decisions about actors (issue 15), kept beside the evidence in the `curation`
/// table. The store only keeps them; applying them is the extraction's work (a decision
/// changes what the knowledge pack says, and the documents it touches are extracted again).
public protocol CurationStore: Sendable {
    /// Records `decision` after the last one and returns it with its id.
    func recordCuration(_ decision: CurationDecision) throws -> CurationDecision
    /// Every decision in the order they were made; those undone too when `includingUndone`.
    func curations(includingUndone: Bool) throws -> [CurationDecision]
    /// Dates the undoing of decision `id` and returns it.
    /// - Throws: ``StoreError/notFound(_:)`` when there is no such decision, or it is undone already.
    func undoCuration(id: Int64) throws -> CurationDecision
    /// Ids of the documents with a mention of one of `actors` (canonical names) or a relation
    /// with one at an end (an unnamed fallback has no mention), or whose text contains one of
    /// `phrases` (case-insensitive): the documents a decision about those names can change.
    func documentIDs(mentioningAny actors: [String], containingAny phrases: [String]) throws -> [String]
    /// Every name at either end of a stored relation, once each: the extractor's names, actors
    /// and unnamed fallbacks alike.
    func relationEndNames() throws -> [String]
    /// Deletes the actor records of `names` that no mention refers to any more (after a merge,
    /// a rename or a dismissal, and the re-extraction of the documents that named them).
    func forgetUnmentionedActors(named names: [String]) throws
    /// Makes the judgements of facts of `old` judgements of the same facts of `new` (a merge or
    /// a rename changes the names the facts are stated with, not the facts).
    func renameInJudgements(_ old: String, to new: String) throws
}

extension SQLCorpusStore {
    public func recordCuration(_ decision: CurationDecision) throws -> CurationDecision {
        try write { x in
            let columns = StoreSchema.curation.insertedColumns
            let marks = StoreSchema.marks(columns.count)
            let values: [SQLValue] = [
                .text(decision.action.rawValue), .text(decision.actor), SQLValue(decision.other), SQLValue(decision.newName),
                SQLValue(decision.alias), SQLValue(decision.kind?.rawValue), SQLValue(decision.note), SQLValue(decision.author),
                .text(decision.decidedAt), SQLValue(decision.undoneAt), .text(try JSONText.encode(decision.snapshot)),
            ]
            let id = try x.rows("INSERT INTO curation (\(StoreSchema.list(columns))) VALUES (\(marks)) RETURNING id", values) {
                try $0.integer("id")
            }.first ?? 0
            try x.markChanged()
            var recorded = decision
            recorded.id = Int64(id)
            return recorded
        }
    }

    public func curations(includingUndone: Bool) throws -> [CurationDecision] {
        try read { x in
            try x.rows("SELECT * FROM curation \(includingUndone ? "" : "WHERE undone_at IS NULL") ORDER BY id", [],
                       Self.curationDecision)
        }
    }

    public func undoCuration(id: Int64) throws -> CurationDecision {
        try write { x in
            guard var decision = try x.rows("SELECT * FROM curation WHERE id = ?", [.integer(Int(id))], Self.curationDecision).first else {
                throw StoreError.notFound("no curation decision \(id) in \(displayName); `kremlinology curation log` lists them")
            }
            if let undone = decision.undoneAt {
                throw StoreError.notFound("curation decision \(id) was undone already, at \(undone)")
            }
            let now = Date().formatted(.iso8601)
            try x.execute("UPDATE curation SET undone_at = ? WHERE id = ?", [.text(now), .integer(Int(id))])
            try x.markChanged()
            decision.undoneAt = now
            return decision
        }
    }

    public func documentIDs(mentioningAny actors: [String], containingAny phrases: [String]) throws -> [String] {
        try read { x in
            var ids = Set<String>()
            for actor in Set(actors) {
                ids.formUnion(try x.rows("""
                    SELECT document_id FROM mention WHERE actor = ?
                    UNION SELECT document_id FROM relation WHERE source = ? OR target = ?
                    """, [.text(actor), .text(actor), .text(actor)]) { try $0.text("document_id") })
            }
            // LIKE is case-insensitive for ASCII on SQLite and made so by LOWER on PostgreSQL;
            // the pattern's own wildcards are escaped.
            for phrase in Set(phrases.map { $0.lowercased() }) where !phrase.isEmpty {
                let pattern = "%" + phrase.replacingOccurrences(of: "\\", with: "\\\\")
                    .replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_") + "%"
                ids.formUnion(try x.rows("SELECT id FROM \(x.dialect.documentTexts) WHERE LOWER(text) LIKE ? ESCAPE '\\'", [.text(pattern)]) {
                    try $0.text("id")
                })
            }
            return ids.sorted()
        }
    }

    public func relationEndNames() throws -> [String] {
        try read { x in
            try x.rows("SELECT source AS name FROM relation UNION SELECT target FROM relation", []) { try $0.text("name") }
        }
    }

    public func forgetUnmentionedActors(named names: [String]) throws {
        guard !names.isEmpty else { return }
        try write { x in
            for name in Set(names) {
                try x.execute("DELETE FROM actor WHERE name = ? AND NOT EXISTS (SELECT 1 FROM mention WHERE actor = ?)",
                              [.text(name), .text(name)])
            }
            try x.markChanged()
        }
        // Records this object wrote may be gone now: write them again when next seen.
        writtenActors.removeAll()
    }

    public func renameInJudgements(_ old: String, to new: String) throws {
        guard old != new else { return }
        try write { x in
            for column in ["source", "target"] {
                // A judgement the new name already has of the same fact stays; the old one goes.
                try x.execute("""
                    DELETE FROM judgement WHERE \(column) = ? AND EXISTS (SELECT 1 FROM judgement k
                        WHERE k.document_id = judgement.document_id AND k.start = judgement.start AND k."end" = judgement."end"
                        AND k.type = judgement.type AND k.\(column) = ?
                        AND k.\(column == "source" ? "target" : "source") = judgement.\(column == "source" ? "target" : "source"))
                    """, [.text(old), .text(new)])
                try x.execute("UPDATE judgement SET \(column) = ? WHERE \(column) = ?", [.text(new), .text(old)])
            }
            try x.markChanged()
        }
    }

    static func curationDecision(_ row: any StoreRow) throws -> CurationDecision {
        let action = try row.text("action")
        guard let known = CurationAction(rawValue: action) else {
            throw StoreError("the curation table holds an unknown action \"\(action)\"; a newer Kremlinology wrote it")
        }
        return CurationDecision(id: Int64(try row.integer("id")), action: known, actor: try row.text("actor"),
                                other: try row.optionalText("other"), newName: try row.optionalText("new_name"),
                                alias: try row.optionalText("alias"), kind: try row.optionalText("kind").flatMap(ActorKind.init(rawValue:)),
                                note: try row.optionalText("note"), author: try row.optionalText("author"),
                                decidedAt: try row.text("decided_at"), undoneAt: try row.optionalText("undone_at"),
                                snapshot: JSONText.decode([Actor].self, from: try row.text("snapshot")) ?? [])
    }
}
