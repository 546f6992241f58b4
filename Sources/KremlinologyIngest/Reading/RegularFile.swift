import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a regular file's bytes, refusing everything else before it is opened: a FIFO would
/// block the reader forever and `/dev/zero` would never end. The file is opened without
/// blocking and checked again on the open descriptor, so a path swapped for a FIFO between
/// the check and the open is refused too; the bytes go straight into one array (no copy).
enum RegularFile {
    static func contents(of path: String, displayPath: String, limit: Int) throws -> [UInt8] {
        let size = try check(FileStatus(path: path), displayPath: displayPath, limit: limit)
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw IngestError.unreadable(path: displayPath, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw IngestError.unreadable(path: displayPath, reason: String(cString: strerror(errno))) }
        let openedSize = try check(FileStatus(info), displayPath: displayPath, limit: limit)
        return try readAll(fd, expected: max(size, openedSize), displayPath: displayPath, limit: limit)
    }

    /// The size of a regular file within the limit; any other status is the error it deserves.
    private static func check(_ status: FileStatus, displayPath: String, limit: Int) throws -> Int {
        switch status {
        case .missing: throw IngestError.notFound(path: displayPath)
        case .dangling(let target): throw IngestError.danglingLink(path: displayPath, target: target)
        case .failed(let reason): throw IngestError.unreadable(path: displayPath, reason: reason)
        case .folder: throw IngestError.isDirectory(path: displayPath)
        case .special(let kind, _): throw IngestError.notRegularFile(path: displayPath, kind: kind)
        case .regular(_, let size):
            if size > limit { throw IngestError.tooLarge(path: displayPath, bytes: size, limit: limit) }
            return size
        }
    }

    /// Reads to the end; a file that grew past `limit` while it was read is refused.
    private static func readAll(_ fd: Int32, expected: Int, displayPath: String, limit: Int) throws -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: expected)
        var filled = 0
        while true {
            if filled == bytes.count {
                if bytes.count > limit { throw IngestError.tooLarge(path: displayPath, bytes: bytes.count, limit: limit) }
                bytes.append(contentsOf: repeatElement(0, count: max(1 << 16, bytes.count / 8))) // it grew
            }
            let count = bytes.count
            let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + filled, count - filled) }
            if n < 0 {
                if errno == EINTR { continue }
                throw IngestError.unreadable(path: displayPath, reason: String(cString: strerror(errno)))
            }
            if n == 0 { break }
            filled += n
        }
        if filled > limit { throw IngestError.tooLarge(path: displayPath, bytes: filled, limit: limit) }
        bytes.removeLast(bytes.count - filled)
        return bytes
    }
}
