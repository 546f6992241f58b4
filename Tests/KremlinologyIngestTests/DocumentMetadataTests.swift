import Foundation
import KremlinologyIngest
import KremlinologyModel
import Testing

/// A corpus can be dated and attributed from outside its text: reader metadata (the flags of
/// `ingest`) and sidecar files, in that order of precedence over the document's own.
@Suite struct DocumentMetadataTests {
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kremlinology-meta-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func aSidecarDatesAndAttributesTheDocumentBesideIt() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let note = dir.appendingPathComponent("loan.md")
        try "# Loan\n\nRussia lent Belarus money in 2014.\n".write(to: note, atomically: true, encoding: .utf8)
        try "published: 2024-11-08\noutlet: RT\n".write(to: dir.appendingPathComponent("loan.meta.yaml"), atomically: true, encoding: .utf8)
        let doc = try DocumentReader().read(fileAt: note)
        #expect(doc.document.published == "2024-11-08")
        #expect(doc.document.outlet == "RT")
        let collected = FileCollector().collectReporting(paths: [dir.path])
        #expect(collected.files.map(\.lastPathComponent) == ["loan.md"], "a sidecar is not a document")
    }

    @Test func readerMetadataWinsOverTheSidecarAndTheDocument() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let note = dir.appendingPathComponent("n.md")
        try "---\ntitle: T\npublished: 2020-01-01\n---\n\nBody text about Russia.\n".write(to: note, atomically: true, encoding: .utf8)
        try "published: 2021-02-02\noutlet: Sidecar\n".write(to: dir.appendingPathComponent("n.md.meta.yaml"), atomically: true, encoding: .utf8)
        #expect(try DocumentReader().read(fileAt: note).document.published == "2021-02-02", "the sidecar wins over front matter")
        let flagged = try DocumentReader(metadata: DocumentMetadata(published: "2024-11-08")).read(fileAt: note)
        #expect(flagged.document.published == "2024-11-08")
        #expect(flagged.document.outlet == "Sidecar", "fields the flags leave out come from the sidecar")
    }

    @Test func badDatesAndURLsAreRefusedNamingTheFile() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let note = dir.appendingPathComponent("n.txt")
        try "Body text about Russia.\n".write(to: note, atomically: true, encoding: .utf8)
        let sidecar = dir.appendingPathComponent("n.meta.yaml")
        try "published: 2014-13-45\n".write(to: sidecar, atomically: true, encoding: .utf8)
        #expect(throws: IngestError.malformedMetadata(path: sidecar.path, message: "published \"2014-13-45\" is not a date; write it as YYYY-MM-DD")) {
            try DocumentReader().read(fileAt: note)
        }
        #expect(throws: IngestError.self) { try DocumentReader(metadata: DocumentMetadata(url: "javascript:alert(1)")) }
        try Data([0xFF, 0xFE, 0x00, 0x81]).write(to: sidecar)
        #expect(throws: IngestError.malformedMetadata(path: sidecar.path, message: "cannot be read as UTF-8 text")) {
            try DocumentReader().read(fileAt: note)
        }
        try "  \n".write(to: sidecar, atomically: true, encoding: .utf8)
        #expect(try DocumentReader().read(fileAt: note).document.published == nil, "an empty sidecar gives nothing")
    }
}
