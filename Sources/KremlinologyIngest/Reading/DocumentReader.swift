import Foundation
import KremlinologyModel

/// Turns a file into an ``IngestedDocument``: the document record, the normalised text,
/// and passages whose ranges are UTF-8 byte ranges into that text.
///
/// ```swift
/// let doc = try DocumentReader().read(fileAt: URL(fileURLWithPath: "seeds/000.txt"))
/// doc.text.slice(doc.passages[0].range)  // the first paragraph, exactly
/// ```
///
/// Files larger than `maxFileBytes` (64 MiB by default) are refused before they are read.
public struct DocumentReader: Sendable {
    /// Files larger than this many bytes are refused with ``IngestError/tooLarge(path:bytes:limit:)``.
    public var maxFileBytes: Int
    /// Metadata that wins over what every document says of itself and over its sidecar
    /// (`ingest --published`, `--outlet`); validated when set through ``init(maxFileBytes:metadata:)``.
    public var metadata: DocumentMetadata

    /// Creates a reader that refuses files over `maxFileBytes` (default 64 MiB).
    public init(maxFileBytes: Int = 64 << 20) {
        self.maxFileBytes = maxFileBytes
        metadata = DocumentMetadata()
    }

    /// A reader that gives every document `metadata` (checked first: a bad date or URL throws).
    public init(maxFileBytes: Int = 64 << 20, metadata: DocumentMetadata) throws {
        self.maxFileBytes = maxFileBytes
        self.metadata = try metadata.validated(source: "the metadata given")
    }

    /// The limit that `KREMLINOLOGY_MAX_FILE_MB` sets, else 64 MiB.
    public static var maxFileBytesFromEnvironment: Int {
        if let raw = ProcessInfo.processInfo.environment["KREMLINOLOGY_MAX_FILE_MB"], let mb = Int(raw), mb > 0 {
            return mb << 20
        }
        return 64 << 20
    }

    /// Reads the file at `url`. `displayPath` is the path as the user gave it (default: the URL's path).
    /// Only regular files are opened (a FIFO or device is refused unopened, so nothing blocks); the
    /// size is checked before anything is read; I/O errors become ``IngestError``s naming the file.
    public func read(fileAt url: URL, displayPath: String? = nil) throws -> IngestedDocument {
        let path = displayPath ?? url.path
        let bytes = try RegularFile.contents(of: url.path, displayPath: path, limit: effectiveLimit)
        let sidecar = try DocumentMetadata.sidecar(of: url) ?? DocumentMetadata()
        return try read(bytes: bytes, path: path, fileName: url.lastPathComponent, metadata: metadata.filling(from: sidecar))
    }

    /// The bytes of the regular file at `url`, with the checks and errors of ``read(fileAt:displayPath:)``
    /// (missing, a folder, a FIFO or device, a dangling link, over the limit, unreadable), for
    /// commands that need the bytes themselves: queueing a file, extracting without a store.
    public func bytes(ofFileAt url: URL, displayPath: String? = nil) throws -> [UInt8] {
        try RegularFile.contents(of: url.path, displayPath: displayPath ?? url.path, limit: effectiveLimit)
    }

    /// Reads a document from bytes: no I/O, used for standard input and tests.
    ///
    /// UTF-16 and UTF-32 with a byte order mark are decoded to UTF-8 first; `rawText` is then
    /// the decoded text, while `contentHash` stays the hash of the bytes as given. A document
    /// whose text comes out empty is refused with ``IngestError/noText(path:reason:)``.
    public func read(bytes: [UInt8], path: String, fileName: String) throws -> IngestedDocument {
        try read(bytes: bytes, path: path, fileName: fileName, metadata: metadata)
    }

    /// ``read(bytes:path:fileName:)`` with `given` metadata winning over the document's own.
    func read(bytes: [UInt8], path: String, fileName: String, metadata given: DocumentMetadata) throws -> IngestedDocument {
        if bytes.count > effectiveLimit { throw IngestError.tooLarge(path: path, bytes: bytes.count, limit: effectiveLimit) }
        let decoded = try TextDecoding.utf8(bytes, path: path)
        let normalized = try TextNormalizer.normalize(decoded, path: path)
        let kind = FormatDetector.detect(bytes: normalized, fileName: fileName)
        let output: ReaderOutput
        switch kind {
        case .videoNote, .markdown:
            var reader = MarkdownReader(bytes: normalized, path: path, isVideoNote: kind == .videoNote)
            output = try reader.read()
        case .html:
            output = HTMLReader(s: normalized).read()
        case .article, .webPage, .text:
            output = PlainTextReader(s: normalized, kind: kind).read()
        }
        let text = String(decoding: output.text, as: UTF8.self)
        if !Self.hasVisibleText(text) {
            let reason = Self.hasVisibleText(String(decoding: normalized, as: UTF8.self))
                ? output.whyEmpty ?? "nothing is left once markup is removed" : "only whitespace or invisible characters"
            throw IngestError.noText(path: path, reason: reason)
        }
        var rawStart = 0
        if decoded.count >= 3, decoded[0] == 0xEF, decoded[1] == 0xBB, decoded[2] == 0xBF { rawStart = 3 }
        var document = Document(
            id: "", path: path, fileName: fileName,
            title: given.title ?? output.title.map(Self.cleanTitle), kind: kind, outlet: given.outlet ?? output.outlet,
            republisher: output.republisher, author: given.author ?? output.author, published: given.published ?? output.published,
            url: given.url ?? output.url, videoID: output.videoID)
        var ingested = IngestedDocument(document: document, text: text,
                                        rawText: String(decoding: decoded[rawStart...], as: UTF8.self),
                                        contentHash: SHA256.hex(of: bytes), passages: output.passages)
        // The id covers the text and the source metadata: the same body from another video,
        // channel or date is another document (its attribution counts), while a copy of the
        // same note under another name is still a duplicate.
        document.id = String(DocumentIdentity.key(of: ingested).prefix(16))
        ingested.document = document
        return ingested
    }

    /// `maxFileBytes`, but under 4 GiB: text offsets are kept in 32 bits while a file is read.
    private var effectiveLimit: Int { min(maxFileBytes, Int(UInt32.max) - 1) }

    /// Whether `text` holds a character that is not whitespace, invisible (zero-width, BOM) or a control.
    /// Stops at the first such character, which is almost always the first one.
    static func hasVisibleText(_ text: String) -> Bool {
        for scalar in text.unicodeScalars {
            let properties = scalar.properties
            if !(properties.isWhitespace || properties.isDefaultIgnorableCodePoint || properties.generalCategory == .control) { return true }
        }
        return false
    }

    private static func cleanTitle(_ title: String) -> String {
        HTMLReader.collapse(title)
    }
}
