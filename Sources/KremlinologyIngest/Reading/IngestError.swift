/// Why a file could not be ingested. Each message names the file and the place, and says
/// what to do next where there is something to do.
public enum IngestError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The path names nothing.
    case notFound(path: String)
    /// The path names a folder where a file was expected.
    case isDirectory(path: String)
    /// The file exists but could not be read.
    case unreadable(path: String, reason: String)
    /// The file is larger than the reader's limit; it was not read.
    case tooLarge(path: String, bytes: Int, limit: Int)
    /// The file has no bytes, or only whitespace.
    case empty(path: String, whitespaceOnly: Bool)
    /// The file holds NUL bytes or many control bytes: not text.
    case binary(path: String, offset: Int, reason: String)
    /// The bytes are not valid UTF-8; `offset` is the first bad byte.
    case invalidUTF8(path: String, offset: Int)
    /// The YAML front matter of a Markdown note could not be parsed.
    case malformedFrontMatter(path: String, line: Int, message: String)
    /// A folder holds more files than the collector's limit.
    case tooManyFiles(path: String, limit: Int)
    /// The path names a FIFO, a device or a socket (`kind` says which); it is never opened for reading.
    case notRegularFile(path: String, kind: String)
    /// The file was read, but nothing is left once front matter and markup are removed.
    case noText(path: String, reason: String)
    /// A folder inside the walk could not be listed; the files beside it are still collected.
    case unlistableFolder(path: String, reason: String)
    /// A folder lies deeper than the collector's depth limit; it was not entered.
    case tooDeep(path: String, limit: Int)
    /// A symbolic link whose target does not exist.
    case danglingLink(path: String, target: String)
    /// UTF-16 or UTF-32 text (announced by its byte order mark) that does not decode; `offset` is the bad unit.
    case invalidEncoding(path: String, encoding: String, offset: Int)
    /// Metadata given for the document (a sidecar `.meta.yaml`, or ingest's flags) is malformed.
    case malformedMetadata(path: String, message: String)

    public var description: String {
        switch self {
        case let .notFound(path):
            return "\(path): no such file or folder"
        case let .isDirectory(path):
            return "\(path): is a folder, not a file (pass it to ingest to read every file inside)"
        case let .unreadable(path, reason):
            return "\(path): cannot be read: \(reason)"
        case let .tooLarge(path, bytes, limit):
            return "\(path): file too large (\(bytes) bytes; limit \(Self.mebibytes(limit)), set KREMLINOLOGY_MAX_FILE_MB to raise it)"
        case let .empty(path, whitespaceOnly):
            return whitespaceOnly ? "\(path): empty file (only whitespace)" : "\(path): empty file"
        case let .binary(path, offset, reason):
            return "\(path): binary file (\(reason) at offset \(offset)); only text, Markdown and HTML can be ingested"
        case let .invalidUTF8(path, offset):
            return "\(path): invalid UTF-8 at byte offset \(offset) (convert the file to UTF-8, e.g. with iconv)"
        case let .malformedFrontMatter(path, line, message):
            return "\(path):\(line): malformed front matter: \(message)"
        case let .tooManyFiles(path, limit):
            return "\(path): more than \(limit) files; ingest smaller folders one at a time"
        case let .notRegularFile(path, kind):
            return "\(path): not a regular file (\(kind)); only regular files are read"
        case let .noText(path, reason):
            return "\(path): no text: \(reason); nothing to store"
        case let .unlistableFolder(path, reason):
            return "\(path): folder cannot be listed (\(reason)); the files inside it were skipped"
        case let .tooDeep(path, limit):
            return "\(path): more than \(limit) folders deep; not entered (ingest it on its own to read it)"
        case let .danglingLink(path, target):
            return "\(path): symbolic link to \(target), which does not exist; skipped"
        case let .invalidEncoding(path, encoding, offset):
            return "\(path): invalid \(encoding) at byte offset \(offset) (convert the file to UTF-8, e.g. with iconv -f \(encoding) -t UTF-8)"
        case let .malformedMetadata(path, message):
            return "\(path): metadata: \(message)"
        }
    }

    /// `64 MiB`, or the exact byte count when the limit is not a whole number of MiB.
    static func mebibytes(_ bytes: Int) -> String {
        bytes % (1 << 20) == 0 ? "\(bytes >> 20) MiB" : "\(bytes) bytes"
    }
}
