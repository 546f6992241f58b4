import Foundation
import KremlinologyExtract
import KremlinologySyntax

/// How long the knowledge pack and the syntax model take to load (every command that extracts
/// pays both once), beside reading the same files' bytes: the floor any loader sits on.
func benchmarkPack(runs: Int) throws {
    // CPU time of this process, not wall time: on a shared machine the wall clock mostly
    // measures the wait for a core.
    func cpuSeconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }
    func median(_ body: () throws -> Void) rethrows -> Double {
        var times: [Double] = []
        for _ in 0..<max(1, runs) {
            let start = cpuSeconds()
            try body()
            times.append(cpuSeconds() - start)
        }
        return times.sorted()[times.count / 2]
    }
    // SwiftPM puts each target's resources beside the executable.
    let beside = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
    let resources = ["Kremlinology_KremlinologyExtract.resources/Resources"].map { beside.appendingPathComponent($0) }
    let files = resources.flatMap { dir in
        (FileManager.default.enumerator(at: dir, includingPropertiesForKeys: nil)?.allObjects as? [URL] ?? [])
            .filter { !$0.hasDirectoryPath }
    }
    var bytes = 0
    let read = try median { bytes = try files.reduce(0) { $0 + (try Data(contentsOf: $1)).count } }
    let pack = try median { _ = try KnowledgePack.bundled() }
    let modelFile = beside.appendingPathComponent("Kremlinology_KremlinologySyntax.resources/Resources/en_ewt.model")
    var modelBytes = 0
    let modelRead = try median { modelBytes = (try Data(contentsOf: modelFile)).count }
    let model = try median { _ = try SyntaxModel.shipped() }
    print(String(format: "pack %d files, %.2f MB: read %.3f s, load %.3f s; syntax model %.2f MB: read %.3f s, load %.3f s (CPU seconds, medians of %d runs)",
                 files.count, Double(bytes) / 1e6, read, pack, Double(modelBytes) / 1e6, modelRead, model, max(1, runs)))
}
