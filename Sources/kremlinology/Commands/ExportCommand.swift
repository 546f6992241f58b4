import ArgumentParser
import Foundation
import KremlinologyExtract
import KremlinologyModel
import KremlinologyStore

struct ExportCommand: ParsableCommand {
    enum What: String, ExpressibleByArgument, CaseIterable { case relations, actors }
    enum Format: String, ExpressibleByArgument, CaseIterable { case jsonl, csv }

    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export relations or actors as JSON lines or CSV (the format of ONTOLOGY.md).",
        discussion: """
            Relation offsets (start, end) are Unicode code points into the normalised text that \
            `show DOC --text` prints. Negated relations are exported with modality "negated".
            Examples:
              kremlinology export relations --format jsonl > relations.jsonl
              kremlinology export actors --format csv > actors.csv
            """)

    @OptionGroup var store: StoreOptions
    @Argument(help: "relations or actors.") var what: What
    @Option(help: "jsonl or csv.") var format: Format = .jsonl

    func run() throws {
        let corpus = try store.openForReading()
        var output = FileHandle.standardOutput
        switch what {
        case .relations:
            if format == .csv {
                print(CSV.row(["source", "source_wikidata", "source_text", "type", "polarity", "target", "target_wikidata",
                               "target_text", "modality", "attribution", "instruments", "time", "document", "locator", "url",
                               "quote", "start", "end", "rule"]), to: &output)
            }
            for id in try corpus.documentIDs() {
                guard let content = try corpus.content(ofDocument: id) else { continue }
                let offsets = CodePointOffsets(content.text)
                for stored in try corpus.relations(RelationFilter(documentID: id, limit: Int.max)) {
                    let r = stored.relation
                    if format == .jsonl {
                        print(RelationExport.jsonLine(r, document: stored.fileName, locator: stored.locator.timestamp ?? stored.locator.paragraph.map { "¶\($0)" },
                                                      offsets: offsets), to: &output)
                    } else {
                        print(CSV.row([r.source, r.sourceWikidata ?? "", r.sourceText, r.type.rawValue, String(r.polarity), r.target,
                                       r.targetWikidata ?? "", r.targetText, r.modality.rawValue, r.attribution ?? "",
                                       r.instruments.map(\.rawValue).joined(separator: ";"), r.time ?? "", stored.fileName,
                                       stored.locator.label, stored.locator.url ?? "", r.quote,
                                       String(offsets.codePoint(atByte: r.range.start)), String(offsets.codePoint(atByte: r.range.end)),
                                       r.rule]), to: &output)
                    }
                }
            }
        case .actors:
            let actors = try corpus.actors(kind: nil, limit: Int.max)
            if format == .csv {
                print(CSV.row(["name", "kind", "wikidata", "country", "aliases", "documents", "mentions"]), to: &output)
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            for summary in actors {
                let a = summary.actor
                if format == .jsonl {
                    let line = ActorExportLine(name: a.name, kind: a.kind.rawValue, wikidata: a.wikidata, aliases: a.aliases,
                                               documents: summary.documents, mentions: summary.mentions)
                    print(String(decoding: try encoder.encode(line), as: UTF8.self), to: &output)
                } else {
                    print(CSV.row([a.name, a.kind.rawValue, a.wikidata ?? "", a.country ?? "", a.aliases.joined(separator: ";"),
                                   summary.documents.joined(separator: ";"), String(summary.mentions)]), to: &output)
                }
            }
        }
    }
}

/// One line of `export actors --format jsonl`, as ONTOLOGY.md names its keys.
struct ActorExportLine: Encodable {
    var name: String
    var kind: String
    var wikidata: String?
    var aliases: [String]
    var documents: [String]
    var mentions: Int
}

/// RFC 4180 CSV: fields with commas, quotes or line breaks are quoted, quotes doubled.
enum CSV {
    static func row(_ fields: [String]) -> String {
        fields.map { field in
            guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
            return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }.joined(separator: ",")
    }
}
