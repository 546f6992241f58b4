import Foundation
import KremlinologyModel
import Yams

/// Metadata given for a document from outside its text, so that a corpus can be dated and
/// attributed: `ingest --published 2024-11-08 --outlet RT`, or a sidecar file beside the
/// document, `NAME.meta.yaml` (for `NAME.md` or `NAME.txt`, also `NAME.md.meta.yaml`):
///
/// ```yaml
/// published: 2024-11-08
/// outlet: RT
/// title: What the note is about
/// author: Jane Doe
/// url: https://example.org/article
/// ```
///
/// Flags win over the sidecar, which wins over what the document says of itself.
public struct DocumentMetadata: Sendable, Hashable, Codable {
    /// The publication date, `YYYY-MM-DD` (or a date ``DateParser`` reads).
    public var published: String?
    public var outlet: String?
    public var title: String?
    public var author: String?
    /// An http(s) URL of the document.
    public var url: String?

    public init(published: String? = nil, outlet: String? = nil, title: String? = nil, author: String? = nil, url: String? = nil) {
        self.published = published
        self.outlet = outlet
        self.title = title
        self.author = author
        self.url = url
    }

    /// Whether nothing is given.
    public var isEmpty: Bool { self == DocumentMetadata() }

    /// `self`, with `other`'s fields where `self` has none.
    public func filling(from other: DocumentMetadata) -> DocumentMetadata {
        DocumentMetadata(published: published ?? other.published, outlet: outlet ?? other.outlet, title: title ?? other.title,
                         author: author ?? other.author, url: url ?? other.url)
    }

    /// Checks and normalises the fields: a date must be a real date, a URL an http(s) URL.
    /// - Throws: ``IngestError/malformedMetadata(path:message:)`` naming `source`.
    public func validated(source: String) throws -> DocumentMetadata {
        var copy = self
        if let published {
            guard let date = DateParser.isoDate(published) else {
                throw IngestError.malformedMetadata(path: source, message: "published \"\(published)\" is not a date; write it as YYYY-MM-DD")
            }
            copy.published = date
        }
        if let url {
            guard let web = LinkPolicy.safeURL(url), web.lowercased().hasPrefix("http") else {
                throw IngestError.malformedMetadata(path: source, message: "url \"\(url)\" is not an http(s) URL")
            }
            copy.url = web
        }
        for (name, value) in [("outlet", outlet), ("title", title), ("author", author)] {
            if let value, value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                throw IngestError.malformedMetadata(path: source, message: "\(name) is empty")
            }
        }
        return copy
    }

    /// Whether `fileName` is a sidecar file rather than a document.
    public static func isSidecar(_ fileName: String) -> Bool { fileName.lowercased().hasSuffix(".meta.yaml") }

    /// The sidecar of the document at `url`, if there is one: `NAME.md.meta.yaml`, else `NAME.meta.yaml`.
    static func sidecar(of url: URL) throws -> DocumentMetadata? {
        let candidates = [url.appendingPathExtension("meta.yaml"),
                          url.deletingPathExtension().appendingPathExtension("meta.yaml")]
        guard let file = candidates.first(where: { FileManager.default.fileExists(atPath: $0.path) }) else { return nil }
        let text: String
        do {
            text = try String(contentsOf: file, encoding: .utf8)
        } catch {
            throw IngestError.malformedMetadata(path: file.path, message: "cannot be read as UTF-8 text")
        }
        // An empty sidecar gives nothing, like no sidecar.
        if text.allSatisfy(\.isWhitespace) { return DocumentMetadata() }
        do {
            let metadata = try YAMLDecoder().decode(DocumentMetadata.self, from: text)
            return try metadata.validated(source: file.path)
        } catch let error as IngestError {
            throw error
        } catch {
            throw IngestError.malformedMetadata(path: file.path,
                                                message: "expected YAML keys published, outlet, title, author, url (\(error))")
        }
    }
}
