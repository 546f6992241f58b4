import Foundation
import KremlinologyIngest
import Testing

/// A measurement, not an assertion on time: set `KREMLINOLOGY_BENCH_CORPUS` to a folder of notes
/// (e.g. the unpacked tubegraph corpus) to read every file, print MB/s and list files that fail.
@Suite("Reading a whole corpus", .enabled(if: ProcessInfo.processInfo.environment["KREMLINOLOGY_BENCH_CORPUS"] != nil,
                                          "set KREMLINOLOGY_BENCH_CORPUS to a corpus folder to measure throughput"))
struct CorpusThroughputTests {
    @Test func everyCorpusFileReadsAndThroughputIsPrinted() throws {
        let folder = ProcessInfo.processInfo.environment["KREMLINOLOGY_BENCH_CORPUS"] ?? ""
        let files = try FileCollector().collect(paths: [folder])
        let contents = files.compactMap { url in FileManager.default.contents(atPath: url.path).map { (url, [UInt8]($0)) } }
        let reader = DocumentReader()
        var bytes = 0, passages = 0, failures: [String] = []
        var kinds: [String: Int] = [:]
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            for (url, data) in contents {
                bytes += data.count
                do {
                    let doc = try reader.read(bytes: data, path: url.path, fileName: url.lastPathComponent)
                    passages += doc.passages.count
                    kinds[doc.document.kind.rawValue, default: 0] += 1
                } catch {
                    failures.append("\(error)")
                }
            }
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        print("corpus: \(contents.count) files, \(bytes) bytes, \(passages) passages in \(seconds) s = \(Double(bytes) / 1e6 / seconds) MB/s; kinds \(kinds)")
        print("corpus failures: \(failures.count)")
        for failure in failures.prefix(50) { print("  \(failure)") }
    }
}
