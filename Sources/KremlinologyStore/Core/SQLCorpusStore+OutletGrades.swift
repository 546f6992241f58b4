import Foundation
import KremlinologyModel

extension StoreSchema {
    /// An analyst's grade of an outlet (issue 15): one row per grading, so that who graded it
    /// when stays on record; the latest row applies. A NULL reliability returns the outlet to
    /// the pack's default. Keyed by the outlet's name as documents give it.
    static let outletGrade = TableSpec(name: "outlet_grade", columns: [
        .rowID("id"), .text("outlet", "NOT NULL"), .text("reliability"), .text("note"), .text("author"),
        .text("graded_at", "NOT NULL"),
    ])

    /// The table and index of the outlet-grades migration (SQLite v11, PostgreSQL v10).
    static func outletGradeStatements(in dialect: SQLDialect) -> [String] {
        createStatements([outletGrade], in: dialect) + ["CREATE INDEX outlet_grade_outlet ON outlet_grade (outlet)"]
    }
}

/// Source grading in the store core: analysts' grades and the counts grading needs, one
/// query each for both backends.
extension SQLCorpusStore {
    public func recordOutletGrade(_ grade: AnalystGrade) throws {
        try write { x in
            try x.insert(into: "outlet_grade", columns: StoreSchema.outletGrade.insertedColumns,
                         rows: [[.text(grade.outlet), SQLValue(grade.reliability?.rawValue), SQLValue(grade.note), SQLValue(grade.author),
                                 .text(grade.gradedAt)]], conflict: nil)
            try x.markChanged()
        }
    }

    public func analystGrades() throws -> [AnalystGrade] {
        try read { x in
            try x.rows("""
                SELECT g.outlet, g.reliability, g.note, g.author, g.graded_at FROM outlet_grade g
                WHERE g.id = (SELECT MAX(h.id) FROM outlet_grade h WHERE h.outlet = g.outlet)
                ORDER BY g.outlet\(x.dialect.byteOrder)
                """, [], Self.analystGrade)
        }
    }

    public func outletGradeHistory() throws -> [AnalystGrade] {
        try read { x in
            try x.rows("SELECT outlet, reliability, note, author, graded_at FROM outlet_grade ORDER BY id", [], Self.analystGrade)
        }
    }

    private static func analystGrade(_ row: any StoreRow) throws -> AnalystGrade {
        AnalystGrade(outlet: try row.text("outlet"), reliability: try row.optionalText("reliability").flatMap(Reliability.init(rawValue:)),
                     note: try row.optionalText("note"), author: try row.optionalText("author"), gradedAt: try row.text("graded_at"))
    }

    public func outletDocuments() throws -> [OutletDocuments] {
        try read { x in
            try x.rows("""
                SELECT outlet, COUNT(*) AS n, SUM(CASE WHEN kind = ? THEN 1 ELSE 0 END) AS v FROM document
                WHERE outlet IS NOT NULL GROUP BY outlet ORDER BY outlet\(x.dialect.byteOrder)
                """, [.text(DocumentKind.videoNote.rawValue)]) { row in
                OutletDocuments(outlet: try row.text("outlet"), documents: try row.integer("n"), videoNotes: try row.integer("v"))
            }
        }
    }

    public func claimsByOutlet() throws -> [String: Int] {
        try read { x in
            let rows = try x.rows("""
                SELECT c.outlet AS outlet, COUNT(*) AS n FROM (
                    SELECT DISTINCT (SELECT d.outlet FROM document d WHERE d.id = r.document_id) AS outlet,
                        \(Self.sourceKeyOf("s", "r")) AS source_key, r.source, r.type, r.target, r.modality, COALESCE(r.time, '') AS stated
                    \(StoreSchema.factRelations(where: "1 = 1"))
                ) c WHERE c.outlet IS NOT NULL GROUP BY c.outlet
                """, []) { (try $0.text("outlet"), try $0.integer("n")) }
            return Dictionary(rows, uniquingKeysWith: +)
        }
    }

    public func statementEvidence(sourceActors: [String]?) throws -> StatementEvidence {
        var evidence = StatementEvidence()
        // A view names a few hundred source actors at most; the whole corpus is one pass.
        let chunks: [[String]?] = sourceActors.map { actors in
            let sorted = Array(Set(actors)).sorted()
            return sorted.chunks(of: 200).map { Optional($0) }
        } ?? [nil]
        try read { x in
            for chunk in chunks {
                let (condition, arguments) = Self.sourceCondition(chunk, column: "r.source")
                try addSources(where: condition, arguments, to: &evidence, in: x)
                try addDenials(where: condition, arguments, to: &evidence, in: x)
            }
        }
        return evidence
    }

    /// `column IN (?, …)` for the names of `chunk`, or a condition that always holds for nil.
    private static func sourceCondition(_ chunk: [String]?, column: String) -> (String, [SQLValue]) {
        guard let chunk else { return ("1 = 1", []) }
        guard !chunk.isEmpty else { return ("1 = 0", []) }
        return ("\(column) IN (\(StoreSchema.marks(chunk.count)))", chunk.map { .text($0) })
    }

    /// Independent sources per statement, counted as ``withCorroboration(_:)`` counts them.
    private func addSources(where condition: String, _ arguments: [SQLValue], to evidence: inout StatementEvidence,
                            in x: any SQLExecutor) throws {
        let rows = try x.rows("""
            SELECT r.source, r.type, r.target, r.modality, COALESCE(r.time, '') AS stated, COUNT(DISTINCT \(Self.sourceKeyOf("s", "r"))) AS n
            FROM relation r LEFT JOIN document_source s ON s.document_id = r.document_id
            WHERE \(condition) GROUP BY r.source, r.type, r.target, r.modality, COALESCE(r.time, '')
            """, arguments) { row -> (StatementKey, Int)? in
            guard let type = RelationType(rawValue: try row.text("type")), let modality = Modality(rawValue: try row.text("modality")) else {
                return nil
            }
            let stated = try row.text("stated")
            return (StatementKey(source: try row.text("source"), type: type, target: try row.text("target"), modality: modality,
                                 time: stated.isEmpty ? nil : stated), try row.integer("n"))
        }
        for case let (key, n)? in rows { evidence.sources[key] = n }
    }

    /// For every source actor, type and target that some source denies: the sources that deny
    /// it and those that affirm it.
    private func addDenials(where condition: String, _ arguments: [SQLValue], to evidence: inout StatementEvidence,
                            in x: any SQLExecutor) throws {
        let negated = Modality.negated.rawValue
        let rows = try x.rows("""
            SELECT DISTINCT r.source, r.type, r.target, r.modality, \(Self.sourceKeyOf("s", "r")) AS source_key
            FROM relation r LEFT JOIN document_source s ON s.document_id = r.document_id
            WHERE \(condition) AND (r.source, r.type, r.target) IN (
                SELECT n.source, n.type, n.target FROM relation n WHERE n.modality = ?)
            """, arguments + [.text(negated)]) { row -> (StatementEvidence.Dyad, Bool, String)? in
            guard let type = RelationType(rawValue: try row.text("type")) else { return nil }
            return (StatementEvidence.Dyad(source: try row.text("source"), type: type, target: try row.text("target")),
                    try row.text("modality") == negated, try row.text("source_key"))
        }
        for case let (dyad, denies, source)? in rows {
            if denies { evidence.denying[dyad, default: []].insert(source) } else { evidence.affirming[dyad, default: []].insert(source) }
        }
    }
}
