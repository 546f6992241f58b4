import Foundation
import KremlinologyModel
import KremlinologyStore

/// `kremlinology export`: the store's relations, actors or claims as JSON Lines (the shapes
/// of ONTOLOGY.md, read by the scorers) or RFC 4180 CSV, or the corpus as FollowTheMoney
/// entities (``FollowTheMoneyExport``). Each layout is written here once.
public struct CorpusExport: Sendable {
    /// What to export.
    public enum Content: String, Sendable, CaseIterable { case relations, actors, claims, ftm }
    /// How to write it.
    public enum Format: String, Sendable, CaseIterable { case jsonl, csv }

    public var store: any CorpusStore
    /// Grades every relation (the `grade` field and column) with this outlet catalog; nil writes none.
    public var sources: SourceCatalog?

    public init(store: any CorpusStore, sources: SourceCatalog? = nil) {
        self.store = store
        self.sources = sources
    }

    /// The CSV header of relations, in column order.
    public static let relationColumns = ["source", "source_wikidata", "source_text", "type", "polarity", "target",
                                         "target_wikidata", "target_text", "modality", "attribution", "instruments", "time",
                                         "location", "document", "locator", "url", "quote", "start", "end", "rule",
                                         "grade", "judgement", "judgement_note"]
    /// The CSV header of actors.
    public static let actorColumns = ["name", "kind", "wikidata", "country", "aliases", "documents", "mentions"]
    /// The CSV header of claims.
    public static let claimColumns = ["speaker", "quote", "modality", "attribution", "document", "start", "end"]

    /// Writes every line of `content` in `format` to `line`, one call per line (no newline).
    public func write(_ content: Content, as format: Format, to line: (String) -> Void) throws {
        switch content {
        case .relations: try writeRelations(format, line)
        case .actors: try writeActors(format, line)
        case .claims: try writeClaims(format, line)
        case .ftm:
            guard format == .jsonl else { throw ExportError(kind: .invalidInput, "FollowTheMoney entities are JSON Lines only; leave out --format csv") }
            try FollowTheMoneyExport(store: store, mapping: .bundled(), grading: grading()).write(to: line)
        }
    }

    /// The grading of the store's outlets, when a catalog was given.
    private func grading() throws -> SourceGrading? { try sources.map { try SourceGrading(catalog: $0, store: store) } }

    private func writeRelations(_ format: Format, _ line: (String) -> Void) throws {
        if format == .csv { line(CSV.row(Self.relationColumns)) }
        let grading = try grading()
        // One pass over the corpus gives every statement's evidence, for every document's grades.
        let evidence = grading == nil ? StatementEvidence() : try store.statementEvidence(sourceActors: nil)
        for id in try store.documentIDs() {
            guard let content = try store.content(ofDocument: id) else { continue }
            let offsets = CodePointOffsets(content.text)
            for stored in try store.relations(RelationFilter(documentID: id, limit: StoreLimit.all)) {
                let r = stored.relation
                let grade = grading?.grade(stored, evidence: evidence)
                switch format {
                case .jsonl:
                    line(RelationExport.jsonLine(r, document: stored.fileName,
                                                 locator: stored.locator.timestamp ?? stored.locator.paragraph.map { "¶\($0)" },
                                                 offsets: offsets,
                                                 curation: RelationExport.Curation(grade: grade, judgement: stored.judgement?.rawValue,
                                                                                   judgementNote: stored.judgementNote)))
                case .csv:
                    line(CSV.row([r.source, r.sourceWikidata ?? "", r.sourceText, r.type.rawValue, String(r.polarity), r.target,
                                  r.targetWikidata ?? "", r.targetText, r.modality.rawValue, r.attribution ?? "",
                                  r.instruments.map(\.rawValue).joined(separator: ";"), r.time ?? "", r.location ?? "", stored.fileName,
                                  stored.locator.label, stored.locator.url ?? "", r.quote,
                                  String(offsets.codePoint(atByte: r.range.start)), String(offsets.codePoint(atByte: r.range.end)),
                                  r.rule, grade?.description ?? "", stored.judgement?.rawValue ?? "", stored.judgementNote ?? ""]))
                }
            }
        }
    }

    private func writeActors(_ format: Format, _ line: (String) -> Void) throws {
        if format == .csv { line(CSV.row(Self.actorColumns)) }
        for summary in try store.actors(kind: nil, limit: StoreLimit.all) {
            let a = summary.actor
            switch format {
            case .jsonl:
                line(RelationExport.actorLine(a, documents: summary.documents, mentions: summary.mentions))
            case .csv:
                line(CSV.row([a.name, a.kind.rawValue, a.wikidata ?? "", a.country ?? "", a.aliases.joined(separator: ";"),
                              summary.documents.joined(separator: ";"), String(summary.mentions)]))
            }
        }
    }

    private func writeClaims(_ format: Format, _ line: (String) -> Void) throws {
        if format == .csv { line(CSV.row(Self.claimColumns)) }
        for id in try store.documentIDs() {
            guard let content = try store.content(ofDocument: id), let facts = try store.extraction(ofDocument: id) else { continue }
            let offsets = CodePointOffsets(content.text)
            let name = content.document.fileName
            for claim in facts.claims {
                switch format {
                case .jsonl:
                    line(RelationExport.claimLine(claim, document: name, offsets: offsets))
                case .csv:
                    line(CSV.row([claim.speaker, claim.quote, claim.modality.rawValue, claim.attribution ?? "", name,
                                  String(offsets.codePoint(atByte: claim.range.start)),
                                  String(offsets.codePoint(atByte: claim.range.end))]))
                }
            }
        }
    }
}

/// RFC 4180 CSV rows, each field escaped by ``Escape/csv(_:)``.
public enum CSV {
    /// One CSV line of `fields` (no line break).
    public static func row(_ fields: [String]) -> String {
        fields.map(Escape.csv).joined(separator: ",")
    }
}
