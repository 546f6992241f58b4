import Foundation
import KremlinologyIngest

/// The files named on the command line, with the paths that could not be listed.
struct InputFiles {
    var files: [URL] = []
    var problems: [String] = []

    /// Expands each path on its own, so that one missing path never hides the others.
    static func collect(_ paths: [String]) -> InputFiles {
        var result = InputFiles()
        let collector = FileCollector()
        for path in paths {
            do {
                result.files += try collector.collect(paths: [path])
            } catch {
                result.problems.append(String(describing: error))
            }
        }
        return result
    }

    /// The paths as the user would recognise them: relative paths stay relative.
    var displayPaths: [String] { files.map(\.relativePath) }
}
