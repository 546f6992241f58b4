import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file's device and inode: the same file reached by two paths (or a link loop) has one identity.
struct FileIdentity: Hashable {
    var device: UInt64
    var inode: UInt64
}

/// What a path names, from `stat` (links followed) and, when that fails, `lstat`. Nothing is opened.
enum FileStatus {
    case regular(FileIdentity, size: Int)
    case folder(FileIdentity)
    /// A FIFO, device or socket: reading it could block forever or never end.
    case special(kind: String, FileIdentity)
    /// A symbolic link whose target does not exist.
    case dangling(target: String)
    case missing
    case failed(reason: String)

    init(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let code = errno
            var linkInfo = stat()
            if code == ENOENT, lstat(path, &linkInfo) == 0, linkInfo.st_mode & S_IFMT == S_IFLNK {
                self = .dangling(target: (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?")
            } else if code == ENOENT || code == ENOTDIR {
                self = .missing
            } else {
                self = .failed(reason: String(cString: strerror(code)))
            }
            return
        }
        self.init(info)
    }

    /// The status `fstat` or `stat` filled in.
    init(_ info: stat) {
        let identity = FileIdentity(device: UInt64(truncatingIfNeeded: info.st_dev), inode: UInt64(truncatingIfNeeded: info.st_ino))
        switch info.st_mode & S_IFMT {
        case S_IFREG: self = .regular(identity, size: Int(info.st_size))
        case S_IFDIR: self = .folder(identity)
        case S_IFIFO: self = .special(kind: "FIFO", identity)
        case S_IFCHR: self = .special(kind: "character device", identity)
        case S_IFBLK: self = .special(kind: "block device", identity)
        case S_IFSOCK: self = .special(kind: "socket", identity)
        default: self = .special(kind: "unknown file type", identity)
        }
    }

    /// The system's words for an I/O error ("Permission denied"), not Foundation's generic sentence.
    static func reason(_ error: Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        if ns.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(ns.code))) }
        if ns.domain == NSCocoaErrorDomain {
            switch CocoaError.Code(rawValue: ns.code) {
            case .fileReadNoPermission: return String(cString: strerror(EACCES))
            case .fileReadNoSuchFile: return String(cString: strerror(ENOENT))
            default: break
            }
        }
        return ns.localizedDescription
    }
}
