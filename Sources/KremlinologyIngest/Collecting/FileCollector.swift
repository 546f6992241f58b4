import Foundation

/// Expands the files and folders given to `ingest` into a sorted list of file URLs, with one
/// problem for each thing it had to leave out.
///
/// Folders are walked recursively in name order; hidden files and folders (`.git`, `.DS_Store`)
/// are skipped inside folders (a hidden file named explicitly is kept); symbolic links are
/// followed, but a folder already visited (a link loop) is not entered twice. What cannot be
/// collected never stops the walk: a folder that cannot be listed, a folder deeper than
/// `maxDepth`, a dangling link, a FIFO, device or socket each become one ``IngestError`` in
/// ``FileCollection/problems`` and everything else is still collected.
///
/// ```swift
/// let collection = FileCollector().collectReporting(paths: ["notes/"])
/// for problem in collection.problems { print(problem) }  // "notes/locked: folder cannot be listed (…)"
/// ```
public struct FileCollector: Sendable {
    /// The most files one call may return; the walk stops with a problem beyond it.
    public var maxFiles: Int
    /// The deepest folder level that is entered; a deeper folder is reported, not entered.
    public var maxDepth: Int
    /// Lists the entry names of a folder. Injectable so that tests run as root (who may list
    /// any folder) can simulate one they may not list.
    public var listFolder: @Sendable (String) throws -> [String]

    /// Creates a collector with the given bounds.
    public init(maxFiles: Int = 1_000_000, maxDepth: Int = 64,
                listFolder: @escaping @Sendable (String) throws -> [String] = { try FileManager.default.contentsOfDirectory(atPath: $0) }) {
        self.maxFiles = maxFiles
        self.maxDepth = maxDepth
        self.listFolder = listFolder
    }

    /// The files named by `paths` and inside the folders among them, in order, without
    /// duplicates, and one problem for each path or entry that could not be collected.
    public func collectReporting(_ paths: [URL]) -> FileCollection {
        var walk = Walk(collector: self)
        for url in paths where !walk.stopped {
            walk.visit(url, depth: 0, root: url.path, named: true)
        }
        return FileCollection(files: walk.files, problems: walk.problems)
    }

    /// Convenience for paths as strings.
    public func collectReporting(paths: [String]) -> FileCollection {
        collectReporting(paths.map { URL(fileURLWithPath: $0) })
    }

    /// The files, throwing the first problem that the walk could not go past as it used to:
    /// a missing path, a folder that cannot be listed, too many files. Dangling links, FIFOs,
    /// devices and sockets are returned among the files, so that a caller reading each one
    /// gets the reader's error for it (``IngestError/notRegularFile(path:kind:)``, never a
    /// blocked read); folders too deep are left out. ``collectReporting(_:)`` reports all of
    /// them and goes on past folders it cannot list: prefer it.
    public func collect(_ paths: [URL]) throws -> [URL] {
        var walk = Walk(collector: self)
        for url in paths where !walk.stopped {
            walk.visit(url, depth: 0, root: url.path, named: true)
        }
        if let failure = walk.problems.first(where: \.failedTheOldWalk) { throw failure }
        return walk.filesAndUnreadableEntries
    }

    /// Convenience for paths as strings.
    public func collect(paths: [String]) throws -> [URL] {
        try collect(paths.map { URL(fileURLWithPath: $0) })
    }
}

/// What ``FileCollector/collectReporting(_:)`` found: the files to read, and what was left out.
public struct FileCollection: Sendable, Equatable {
    /// The regular files to read, in walk order.
    public var files: [URL]
    /// One entry per path, folder or entry that was not collected, each naming it.
    public var problems: [IngestError]

    public init(files: [URL] = [], problems: [IngestError] = []) {
        self.files = files
        self.problems = problems
    }
}

extension IngestError {
    /// The problems the throwing ``FileCollector/collect(_:)`` has always thrown.
    var failedTheOldWalk: Bool {
        switch self {
        case .notFound, .unlistableFolder, .tooManyFiles: return true
        default: return false
        }
    }
}

/// The state of one walk: what was collected, what was left out, what was already seen.
private struct Walk {
    let collector: FileCollector
    var files: [URL] = []
    /// The files, with the dangling links and special files in walk order among them.
    var filesAndUnreadableEntries: [URL] = []
    var problems: [IngestError] = []
    var seenFiles = Set<FileIdentity>()
    var seenFolders = Set<FileIdentity>()
    var stopped = false

    init(collector: FileCollector) { self.collector = collector }

    /// Collects `url`: a file is kept, a folder walked; `named` is true for a path the user gave.
    mutating func visit(_ url: URL, depth: Int, root: String, named: Bool) {
        guard !stopped else { return }
        switch FileStatus(path: url.path) {
        case .missing:
            problems.append(named ? .notFound(path: url.path) : .unreadable(path: url.path, reason: "disappeared while the folder was read"))
        case .dangling(let target):
            problems.append(.danglingLink(path: url.path, target: target))
            filesAndUnreadableEntries.append(url)
        case .failed(let reason):
            problems.append(.unreadable(path: url.path, reason: reason))
        case .special(let kind, _):
            problems.append(.notRegularFile(path: url.path, kind: kind))
            filesAndUnreadableEntries.append(url)
        case .regular(let identity, _):
            guard seenFiles.insert(identity).inserted else { return }
            files.append(url)
            filesAndUnreadableEntries.append(url)
            if files.count > collector.maxFiles {
                problems.append(.tooManyFiles(path: root, limit: collector.maxFiles))
                stopped = true
            }
        case .folder(let identity):
            walkFolder(url, identity: identity, depth: depth, root: root)
        }
    }

    private mutating func walkFolder(_ folder: URL, identity: FileIdentity, depth: Int, root: String) {
        guard depth <= collector.maxDepth else {
            problems.append(.tooDeep(path: folder.path, limit: collector.maxDepth))
            return
        }
        guard seenFolders.insert(identity).inserted else { return } // a link loop, or a folder named twice
        let names: [String]
        do {
            names = try collector.listFolder(folder.path)
        } catch {
            problems.append(.unlistableFolder(path: folder.path, reason: FileStatus.reason(error)))
            return
        }
        // Sidecar metadata files (`NAME.meta.yaml`) describe a document; they are not documents.
        for name in names.sorted() where !name.hasPrefix(".") && !DocumentMetadata.isSidecar(name) {
            visit(folder.appendingPathComponent(name), depth: depth + 1, root: root, named: false)
            if stopped { return }
        }
    }
}
