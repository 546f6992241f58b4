import Foundation

/// Analysts' judgements of facts (issue 15): annotations beside the evidence, which stays as
/// it was read.
extension SQLCorpusStore {
    public func judge(relationID: Int64, verdict: Verdict, note: String?, author: String?) throws -> StoredRelation {
        try write { x -> StoredRelation in
            let key = try x.rows("SELECT document_id, start, \"end\", source, type, target FROM relation WHERE id = ?",
                                 [.integer(Int(relationID))]) { row in
                [SQLValue.text(try row.text("document_id")), .integer(try row.integer("start")), .integer(try row.integer("end")),
                 .text(try row.text("source")), .text(try row.text("type")), .text(try row.text("target"))]
            }.first
            guard let key else { throw StoreError.notFound("no relation \(relationID) in \(displayName); `kremlinology relations --json` shows the ids") }
            // Judging a fact again replaces the earlier judgement (the table's key is the fact's).
            try x.insert(into: "judgement", columns: StoreSchema.judgement.insertedColumns,
                         rows: [key + [.text(verdict.rawValue), SQLValue(note), SQLValue(author), .text(Date().formatted(.iso8601))]],
                         conflict: """
                             ON CONFLICT (document_id, start, "end", source, type, target) DO UPDATE SET verdict = excluded.verdict,
                                 note = excluded.note, author = excluded.author, judged_at = excluded.judged_at
                             """)
            try x.markChanged()
            return try x.rows("\(StoreSchema.storedRelationSelect) WHERE r.id = ?", [.integer(Int(relationID))],
                              StoreRecords.storedRelation)[0]
        }
    }

    public func orphanedJudgements() throws -> [OrphanedJudgement] {
        try read { x in
            try x.rows("""
                SELECT j.document_id, j.source, j.type, j.target, j.verdict, j.note FROM judgement j
                WHERE NOT EXISTS (SELECT 1 FROM relation r WHERE \(StoreSchema.judgementOf("r", "j")))
                ORDER BY j.document_id, j.start, j.id
                """, []) { row in
                OrphanedJudgement(documentID: try row.text("document_id"), source: try row.text("source"), type: try row.text("type"),
                                  target: try row.text("target"), verdict: Verdict(rawValue: try row.text("verdict")) ?? .wrong,
                                  note: try row.optionalText("note"))
            }
        }
    }

    public func judgementRecords() throws -> [JudgementRecord] {
        try read { x in
            try x.rows("SELECT * FROM judgement ORDER BY id", []) { row in
                JudgementRecord(documentID: try row.text("document_id"), start: try row.integer("start"), end: try row.integer("end"),
                                source: try row.text("source"), type: try row.text("type"), target: try row.text("target"),
                                verdict: Verdict(rawValue: try row.text("verdict")) ?? .wrong, note: try row.optionalText("note"),
                                author: try row.optionalText("author"), judgedAt: try row.text("judged_at"))
            }
        }
    }

    public func restore(judgements records: [JudgementRecord]) throws {
        guard !records.isEmpty else { return }
        try write { x in
            let rows: [[SQLValue]] = records.map { r in
                [.text(r.documentID), .integer(r.start), .integer(r.end), .text(r.source), .text(r.type), .text(r.target),
                 .text(r.verdict.rawValue), SQLValue(r.note), SQLValue(r.author), .text(r.judgedAt)]
            }
            // Only judgements of documents this store holds (the key references them).
            let held = Set(try x.rows("SELECT id FROM document", []) { try $0.text("id") })
            try x.insert(into: "judgement", columns: StoreSchema.judgement.insertedColumns,
                         rows: zip(records, rows).filter { held.contains($0.0.documentID) }.map(\.1),
                         conflict: "ON CONFLICT (document_id, start, \"end\", source, type, target) DO NOTHING")
            try x.markChanged()
        }
    }
}
