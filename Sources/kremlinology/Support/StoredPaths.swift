import Foundation

/// The path each ingested file is stored under, which the API, the pages and every listing
/// show: relative to the folder or file named on the command line, so that no absolute path
/// of the machine that ingested it reaches the store (issue 12: the API exposed them).
///
/// - `ingest notes` (relative, no `..`) → `notes/sub/file.md`, as typed;
/// - `ingest /abs/notes` or `ingest ../shared/notes` → `notes/sub/file.md`: the folder's
///   name, then the path inside it;
/// - `ingest a/b.md` → `a/b.md`; `ingest /abs/b.md` or `ingest ../b.md` → `b.md`.
enum StoredPaths {
    /// The files found under each of `arguments`, with the path each is stored under.
    static func collect(_ arguments: [String]) -> (files: InputFiles, paths: [String]) {
        var files = InputFiles()
        var paths: [String] = []
        for argument in arguments {
            let part = InputFiles.collect([argument])
            files.files += part.files
            files.problems += part.problems
            paths += part.files.map { storedPath(of: $0, foundThrough: argument) }
        }
        return (files, paths)
    }

    /// The stored path of `file`, found by walking (or naming) `argument`.
    static func storedPath(of file: URL, foundThrough argument: String) -> String {
        let typedAsIs = !argument.hasPrefix("/") && !argument.split(separator: "/").contains("..")
        let root = URL(fileURLWithPath: argument).standardizedFileURL
        let filePath = file.standardizedFileURL.path
        guard filePath != root.path else {
            return typedAsIs ? normalized(argument) : file.lastPathComponent
        }
        let prefix = root.path.hasSuffix("/") ? root.path : root.path + "/"
        guard filePath.hasPrefix(prefix) else { return file.lastPathComponent }
        let inside = String(filePath.dropFirst(prefix.count))
        let base = typedAsIs ? normalized(argument) : root.lastPathComponent
        return base.isEmpty ? inside : base + "/" + inside
    }

    /// `./notes/` → `notes`; `.` → the empty string (files then sit at the top).
    private static func normalized(_ argument: String) -> String {
        argument.split(separator: "/").filter { $0 != "." }.joined(separator: "/")
    }
}
