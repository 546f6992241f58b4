import Foundation
import KremlinologyIngest

/// The files named on the command line, with the paths that could not be listed.
struct InputFiles {
    var files: [URL] = []
    var problems: [String] = []

    /// Expands each path on its own, so that one missing path, unlistable folder, dangling
    /// link or FIFO is one problem line and never hides the other files.
    static func collect(_ paths: [String]) -> InputFiles {
        var result = InputFiles()
        let collector = FileCollector()
        for path in paths {
            let collection = collector.collectReporting(paths: [path])
            result.files += collection.files
            result.problems += collection.problems.map { String(describing: $0) }
        }
        return result
    }

    // The path each file is stored under comes from `StoredPaths`, which knows the argument
    // it was found through (no absolute path may reach the store).
}
