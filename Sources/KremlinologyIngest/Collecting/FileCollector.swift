import Foundation

/// Expands the files and folders given to `ingest` into a sorted list of file URLs.
///
/// Folders are walked recursively in name order; hidden files and folders (`.git`, `.DS_Store`)
/// are skipped inside folders (a hidden file named explicitly is kept); symbolic links are
/// followed, but a folder already visited (a link loop) is not entered twice. The walk is
/// bounded by `maxFiles` and `maxDepth`.
public struct FileCollector: Sendable {
    /// The most files one call may return; more is an error.
    public var maxFiles: Int
    /// The deepest folder level that is entered; deeper folders are skipped.
    public var maxDepth: Int

    /// Creates a collector with the given bounds.
    public init(maxFiles: Int = 1_000_000, maxDepth: Int = 64) {
        self.maxFiles = maxFiles
        self.maxDepth = maxDepth
    }

    /// The files named by `paths` and inside the folders among them, in order, without duplicates.
    public func collect(_ paths: [URL]) throws -> [URL] {
        var result: [URL] = []
        var seenFiles = Set<String>()
        var seenFolders = Set<String>()
        for url in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
                throw IngestError.notFound(path: url.path)
            }
            if isDirectory.boolValue {
                try walk(url, depth: 0, root: url.path, into: &result, seenFiles: &seenFiles, seenFolders: &seenFolders)
            } else if seenFiles.insert(url.resolvingSymlinksInPath().path).inserted {
                result.append(url)
                if result.count > maxFiles { throw IngestError.tooManyFiles(path: url.path, limit: maxFiles) }
            }
        }
        return result
    }

    /// Convenience for paths as strings.
    public func collect(paths: [String]) throws -> [URL] {
        try collect(paths.map { URL(fileURLWithPath: $0) })
    }

    private func walk(_ folder: URL, depth: Int, root: String, into result: inout [URL],
                      seenFiles: inout Set<String>, seenFolders: inout Set<String>) throws {
        guard depth <= maxDepth else { return }
        let real = folder.resolvingSymlinksInPath().path
        guard seenFolders.insert(real).inserted else { return }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        } catch {
            throw IngestError.unreadable(path: folder.path, reason: "cannot list the folder")
        }
        for name in names.sorted() where !name.hasPrefix(".") {
            let child = folder.appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: child.path, isDirectory: &isDirectory) else { continue } // dangling link
            if isDirectory.boolValue {
                try walk(child, depth: depth + 1, root: root, into: &result, seenFiles: &seenFiles, seenFolders: &seenFolders)
            } else if seenFiles.insert(child.resolvingSymlinksInPath().path).inserted {
                result.append(child)
                if result.count > maxFiles { throw IngestError.tooManyFiles(path: root, limit: maxFiles) }
            }
        }
    }
}
