import Foundation
import KremlinologyExtract
import KremlinologyIngest
import KremlinologyModel
import Testing

/// The bundled pack, loaded once for all tests, and helpers to run the extractor on a sentence.
enum Fixture {
    static let pack: KnowledgePack = {
        do { return try KnowledgePack.bundled() } catch { fatalError("bundled pack does not load: \(error)") }
    }()
    static let extractor = Extractor(pack: pack)

    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let seeds = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/seeds")
    static let seedsPresent = FileManager.default.fileExists(atPath: seeds.path)

    static func extract(_ text: String, outlet: String? = "TestOutlet", published: String? = nil) -> ExtractionResult {
        extractor.extract(ExtractionInput(text: text, documentName: "test.txt", outlet: outlet, published: published))
    }

    static func relations(_ text: String, outlet: String? = "TestOutlet", published: String? = nil) -> [Relation] {
        extract(text, outlet: outlet, published: published).relations
    }

    /// The relation from `source` to `target`, if any.
    static func find(_ rs: [Relation], _ source: String, _ target: String, _ type: RelationType? = nil) -> Relation? {
        rs.first { $0.source == source && $0.target == target && (type == nil || $0.type == type) }
    }

    static func seed(_ prefix: String) throws -> IngestedDocument {
        let names = try FileManager.default.contentsOfDirectory(atPath: seeds.path)
        let name = try #require(names.first { $0.hasPrefix(prefix) }, "no seed \(prefix)* in \(seeds.path)")
        return try DocumentReader().read(fileAt: seeds.appendingPathComponent(name))
    }

    static func extract(_ doc: IngestedDocument) -> ExtractionResult {
        extractor.extract(ExtractionInput(text: doc.text, documentName: doc.document.fileName, outlet: doc.document.outlet,
                                          published: doc.document.published, passages: doc.passages))
    }

    static func describe(_ rs: [Relation]) -> String {
        rs.map { "\($0.source) \($0.type.rawValue)[\($0.modality.rawValue)] \($0.target)" }.joined(separator: "; ")
    }
}
