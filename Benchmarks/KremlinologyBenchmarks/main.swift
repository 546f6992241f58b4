// Benchmarks that print figures; never run as tests. Build with -c release:
//   swift run -c release KremlinologyBenchmarks search DB.sqlite|postgres://… [QUERIES] [CANDIDATE_BOUND]
//   swift run -c release KremlinologyBenchmarks actors DB.sqlite|postgres://… [PAGES]
//   swift run -c release KremlinologyBenchmarks read DIR
//   swift run -c release KremlinologyBenchmarks extract DIR [THREADS]
//   swift run -c release KremlinologyBenchmarks parse DIR [MEGABYTES]
import Foundation
import KremlinologyExtract
import KremlinologyIngest
import KremlinologyModel
import KremlinologyPipeline
import KremlinologyStore
import KremlinologySyntax

func percentile(_ sorted: [Double], _ p: Double) -> Double {
    guard !sorted.isEmpty else { return 0 }
    return sorted[min(sorted.count - 1, Int((Double(sorted.count) * p).rounded(.up)) - 1)]
}

func files(in folder: String) -> [URL] {
    (try? FileCollector().collect(paths: [folder])) ?? []
}

/// A deterministic generator so that two runs ask the same queries.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The actor page: the top actors, then for each the relations it is the source and the target of.
func benchmarkActors(database: String, pages: Int) throws {
    let store = try StoreLocation.open(database, readOnly: true)
    var start = DispatchTime.now().uptimeNanoseconds
    let top = try store.actors(kind: nil, limit: pages)
    let listMS = Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
    var timings: [Double] = []
    var relations = 0
    for summary in top {
        start = DispatchTime.now().uptimeNanoseconds
        relations += try store.relations(RelationFilter(source: summary.actor.name, limit: 100)).count
        relations += try store.relations(RelationFilter(target: summary.actor.name, limit: 100)).count
        timings.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
    }
    timings.sort()
    print(String(format: "actors: top %d actors listed in %.1f ms; %d actor pages (%d relations): p50 %.2f ms, p90 %.2f ms, max %.2f ms",
                 top.count, listMS, timings.count, relations, percentile(timings, 0.5), percentile(timings, 0.9), timings.last ?? 0))
}

func benchmarkRead(folder: String) throws {
    let urls = files(in: folder)
    let reader = DocumentReader()
    let start = Date()
    var bytes = 0, failed = 0, passages = 0
    for url in urls {
        do {
            let document = try reader.read(fileAt: url)
            bytes += document.rawText.utf8.count
            passages += document.passages.count
        } catch { failed += 1 }
    }
    let seconds = Date().timeIntervalSince(start)
    print(String(format: "read: %d files, %.1f MB, %d passages, %d failed in %.2f s: %.0f files/s, %.1f MB/s (one core)",
                 urls.count, Double(bytes) / 1e6, passages, failed, seconds, Double(urls.count) / seconds, Double(bytes) / 1e6 / seconds))
}

func benchmarkExtract(folder: String, threads: Int) throws {
    let urls = files(in: folder)
    let reader = DocumentReader()
    let documents = urls.compactMap { try? reader.read(fileAt: $0) }
    let extractor = Extractor(pack: try KnowledgePack.bundled())
    let bytes = documents.reduce(0) { $0 + $1.text.utf8.count }
    let relations = Counter()
    let start = Date()
    DispatchQueue.concurrentPerform(iterations: threads) { worker in
        var local = 0
        for index in stride(from: worker, to: documents.count, by: threads) {
            let d = documents[index]
            local += extractor.extract(ExtractionInput(document: d)).relations.count
        }
        relations.add(local)
    }
    let seconds = Date().timeIntervalSince(start)
    print(String(format: "extract: %d documents, %.1f MB of normalised text, %d relations in %.2f s on %d thread(s): %.1f MB/s, %.1f relations/MB",
                 documents.count, Double(bytes) / 1e6, relations.value, seconds, threads, Double(bytes) / 1e6 / seconds,
                 Double(relations.value) / (Double(bytes) / 1e6)))
}

/// Tagging + parsing throughput on one core and on every core, beside the extractor's on the same
/// text: every 20th document of the corpus, up to MEGABYTES of normalised text.
func benchmarkParse(folder: String, megabytes: Double) throws {
    let reader = DocumentReader()
    var sample: [IngestedDocument] = [], bytes = 0
    for (index, url) in files(in: folder).enumerated() where index % 20 == 0 && Double(bytes) < megabytes * 1e6 {
        guard let d = try? reader.read(fileAt: url) else { continue }
        sample.append(d); bytes += d.text.utf8.count
    }
    let documents = sample
    let loadStart = Date()
    let model = try SyntaxModel.shipped()
    let loadSeconds = Date().timeIntervalSince(loadStart)
    let extractor = Extractor(pack: try KnowledgePack.bundled())
    let tokens = documents.reduce(0) { n, d in var c = d.text; return n + c.withUTF8 { Tokenizer.tokenize($0).count } }
    func cpu() -> Double { var t = timespec(); clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t); return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9 }
    var start = Date(), cpuStart = cpu()
    var relations = 0
    for d in documents { relations += extractor.extract(ExtractionInput(document: d)).relations.count }
    var seconds = Date().timeIntervalSince(start)
    print(String(format: "extract: %d documents, %.1f MB, %d tokens, %d relations in %.2f s (one core, %.2f s CPU): %.1f MB/s, %.0f tokens/s",
                 documents.count, Double(bytes) / 1e6, tokens, relations, seconds, cpu() - cpuStart,
                 Double(bytes) / 1e6 / seconds, Double(tokens) / seconds))
    for threads in Set([1, ProcessInfo.processInfo.activeProcessorCount]).sorted() {
        let words = Counter()
        start = Date(); cpuStart = cpu()
        DispatchQueue.concurrentPerform(iterations: threads) { worker in
            var local = 0
            for index in stride(from: worker, to: documents.count, by: threads) {
                local += model.analyze(documents[index].text).reduce(0) { $0 + $1.words.count }
            }
            words.add(local)
        }
        seconds = Date().timeIntervalSince(start)
        let cpuSeconds = cpu() - cpuStart
        print(String(format: "parse: %d words (tokenise, tag, lemmatise, parse) in %.2f s on %d thread(s): %.0f tokens/s, %.1f MB/s; %.0f tokens per CPU second",
                     words.value, seconds, threads, Double(words.value) / seconds, Double(bytes) / 1e6 / seconds,
                     Double(words.value) / cpuSeconds))
    }
    print(String(format: "parse model: loaded in %.3f s", loadSeconds))
}

/// Group commit against one transaction per document, in the same run: the same documents
/// (read once, extracted once) stored into two fresh SQLite files.
func benchmarkStore(folder: String, limit: Int) throws {
    let reader = DocumentReader()
    let documents = files(in: folder).prefix(limit).compactMap { try? reader.read(fileAt: $0) }
    let facts = FactExtraction(pack: try KnowledgePack.bundled())
    let payloads = documents.map { facts.payload(for: $0) }
    let bytes = documents.reduce(0) { $0 + $1.rawText.utf8.count }
    let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("kremlinology-bench-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: temporary) }
    func run(_ name: String, _ body: (SQLiteCorpusStore) throws -> Void) throws -> Double {
        let store = try SQLiteCorpusStore(path: temporary.appendingPathComponent(name + ".sqlite").path)
        let start = Date()
        try body(store)
        return Date().timeIntervalSince(start)
    }
    let single = try run("single") { store in
        for (document, payload) in zip(documents, payloads) { _ = try store.store(document, extraction: payload) }
    }
    let grouped = try run("grouped") { store in
        let items = Array(zip(documents, payloads)).map { (document: $0.0, extraction: Optional($0.1)) }
        for start in stride(from: 0, to: items.count, by: 64) {
            _ = try store.store(batch: Array(items[start..<min(items.count, start + 64)]))
        }
    }
    print(String(format: "store: %d documents, %.1f MB with their facts: one transaction each %.2f s (%.0f docs/s), groups of 64 %.2f s (%.0f docs/s): %.2fx",
                 documents.count, Double(bytes) / 1e6, single, Double(documents.count) / single, grouped,
                 Double(documents.count) / grouped, single / grouped))
}

/// A total added to from several threads.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var total = 0
    func add(_ amount: Int) { lock.lock(); total += amount; lock.unlock() }
    var value: Int { lock.lock(); defer { lock.unlock() }; return total }
}

let arguments = CommandLine.arguments.dropFirst()
do {
    switch arguments.first {
    case "search" where arguments.count >= 2:
        try benchmarkSearch(database: arguments[arguments.startIndex + 1], count: arguments.count > 2 ? Int(arguments[arguments.startIndex + 2]) ?? 1000 : 1000,
                            bound: arguments.count > 3 ? Int(arguments[arguments.startIndex + 3]) ?? SearchQuery.defaultCandidateBound : SearchQuery.defaultCandidateBound)
    case "actors" where arguments.count >= 2:
        try benchmarkActors(database: arguments[arguments.startIndex + 1], pages: arguments.count > 2 ? Int(arguments[arguments.startIndex + 2]) ?? 50 : 50)
    case "read" where arguments.count >= 2:
        try benchmarkRead(folder: arguments[arguments.startIndex + 1])
    case "extract" where arguments.count >= 2:
        try benchmarkExtract(folder: arguments[arguments.startIndex + 1], threads: arguments.count > 2 ? Int(arguments[arguments.startIndex + 2]) ?? 1 : 1)
    case "store" where arguments.count >= 2:
        try benchmarkStore(folder: arguments[arguments.startIndex + 1], limit: arguments.count > 2 ? Int(arguments[arguments.startIndex + 2]) ?? 2000 : 2000)
    case "parse" where arguments.count >= 2:
        try benchmarkParse(folder: arguments[arguments.startIndex + 1], megabytes: arguments.count > 2 ? Double(arguments[arguments.startIndex + 2]) ?? 4 : 4)
    case "pack":
        try benchmarkPack(runs: arguments.count > 1 ? Int(arguments[arguments.startIndex + 1]) ?? 5 : 5)
    default:
        print("usage: KremlinologyBenchmarks search DB [QUERIES] [CANDIDATE_BOUND] | actors DB [PAGES] | read DIR | extract DIR [THREADS] | store DIR [DOCUMENTS] | parse DIR [MEGABYTES] | pack [RUNS]")
        exit(2)
    }
} catch {
    print("error: \(error)")
    exit(1)
}
