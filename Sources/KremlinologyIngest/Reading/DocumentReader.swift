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

    /// Creates a reader that refuses files over `maxFileBytes` (default 64 MiB).
    public init(maxFileBytes: Int = 64 << 20) {
        self.maxFileBytes = maxFileBytes
    }

    /// The limit that `KREMLINOLOGY_MAX_FILE_MB` sets, else 64 MiB.
    public static var maxFileBytesFromEnvironment: Int {
        if let raw = ProcessInfo.processInfo.environment["KREMLINOLOGY_MAX_FILE_MB"], let mb = Int(raw), mb > 0 {
            return mb << 20
        }
        return 64 << 20
    }

    /// Reads the file at `url`. `displayPath` is the path as the user gave it (default: the URL's path).
    /// The size is checked before anything is read; I/O errors become ``IngestError``s naming the file.
    public func read(fileAt url: URL, displayPath: String? = nil) throws -> IngestedDocument {
        let path = displayPath ?? url.path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw IngestError.notFound(path: path)
        }
        if isDirectory.boolValue { throw IngestError.isDirectory(path: path) }
        let size: Int
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
            size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        } catch {
            throw IngestError.unreadable(path: path, reason: Self.reason(error))
        }
        if size > maxFileBytes { throw IngestError.tooLarge(path: path, bytes: size, limit: maxFileBytes) }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw IngestError.unreadable(path: path, reason: Self.reason(error))
        }
        return try read(bytes: [UInt8](data), path: path, fileName: url.lastPathComponent)
    }

    /// Reads a document from bytes: no I/O, used for standard input and tests.
    public func read(bytes: [UInt8], path: String, fileName: String) throws -> IngestedDocument {
        if bytes.count > maxFileBytes { throw IngestError.tooLarge(path: path, bytes: bytes.count, limit: maxFileBytes) }
        let normalized = try TextNormalizer.normalize(bytes, path: path)
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
        var rawStart = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { rawStart = 3 }
        let document = Document(
            id: String(SHA256.hex(of: output.text).prefix(16)), path: path, fileName: fileName,
            title: output.title.map(Self.cleanTitle), kind: kind, outlet: output.outlet,
            republisher: output.republisher, author: output.author, published: output.published,
            url: output.url, videoID: output.videoID)
        return IngestedDocument(document: document, text: text,
                                rawText: String(decoding: bytes[rawStart...], as: UTF8.self),
                                contentHash: SHA256.hex(of: bytes), passages: output.passages)
    }

    private static func cleanTitle(_ title: String) -> String {
        HTMLReader.collapse(title)
    }

    private static func reason(_ error: Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain,
           let code = POSIXErrorCode(rawValue: Int32(underlying.code)) {
            return String(cString: strerror(code.rawValue))
        }
        return ns.localizedDescription
    }
}
