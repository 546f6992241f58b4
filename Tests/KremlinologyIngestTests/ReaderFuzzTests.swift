import Foundation
import KremlinologyIngest
import Testing

/// The readers under a deterministic mutation fuzzer, and every input it ever caught, replayed.
///
/// In CI the fuzzer runs 2,000 cases from a fixed seed. `Scripts/fuzz.sh MINUTES` runs the
/// same loop for longer with a fresh seed (`KREMLINOLOGY_FUZZ_CASES`, `KREMLINOLOGY_FUZZ_SECONDS`,
/// `KREMLINOLOGY_FUZZ_SEED`) and, with `KREMLINOLOGY_FUZZ_SAVE=1`, saves each failing input under
/// `Tests/Fixtures/crashes/`, where ``everySavedCrashInputIsReadCleanly()`` keeps it fixed.
@Suite("Reader fuzzing")
struct ReaderFuzzTests {
    static let crashes = Support.fixtures.appendingPathComponent("crashes")
    static let environment = ProcessInfo.processInfo.environment

    /// The seed corpus: the shared seeds when present, the examples, and a few tiny documents.
    static func seedCorpus() throws -> [ReaderFuzzer.Seed] {
        var folders = [Support.examples]
        if Support.seedsPresent { folders.append(Support.seeds) } else { print("../shared/seeds is absent: fuzzing Examples/ only") }
        var seeds: [ReaderFuzzer.Seed] = []
        for folder in folders {
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() where !name.hasPrefix(".") {
                let data = try Data(contentsOf: folder.appendingPathComponent(name))
                seeds.append(.init(name: name, bytes: [UInt8](data)))
            }
        }
        let tiny = ["Putin met Lukashenko.\n", "# T\n\n- a\n- b\n", "<p>x</p>", "---\ntitle: t\n---\nBody.\n"]
        seeds += tiny.enumerated().map { .init(name: "tiny\($0.offset).\(["txt", "md", "html", "md"][$0.offset])", bytes: Array($0.element.utf8)) }
        return seeds
    }

    @Test func mutatedInputsNeverCrashAndEveryPassageIndexesTheText() throws {
        let cases = Int(Self.environment["KREMLINOLOGY_FUZZ_CASES"] ?? "") ?? 2_000
        let seconds = Double(Self.environment["KREMLINOLOGY_FUZZ_SECONDS"] ?? "") ?? 1e9
        let seed = UInt64(Self.environment["KREMLINOLOGY_FUZZ_SEED"] ?? "") ?? 0x4B52_454D
        let save = Self.environment["KREMLINOLOGY_FUZZ_SAVE"] == "1"
        let caseLimit = Double(Self.environment["KREMLINOLOGY_FUZZ_CASE_SECONDS"] ?? "") ?? 10
        var fuzzer = ReaderFuzzer(seeds: try Self.seedCorpus(), random: SplitMix64(state: seed), caseTimeLimit: caseLimit)
        // When saving, the input about to be read is written first, so that a crash leaves it behind for fuzz.sh.
        let current = Self.crashes.appendingPathComponent(".current")
        let start = Date()
        let (ran, failures) = fuzzer.run(cases: cases, seconds: seconds) { input in
            guard save else { return }
            try? Data(input.bytes).write(to: current)
            try? Data(input.name.utf8).write(to: current.appendingPathExtension("name"))
        }
        let elapsed = Date().timeIntervalSince(start)
        print("reader fuzz: seed \(seed), \(ran) cases in \(String(format: "%.1f", elapsed)) s (\(Int(Double(ran) / max(elapsed, 1e-9))) cases/s), \(failures.count) failures")
        if save {
            try? FileManager.default.removeItem(at: current)
            try? FileManager.default.removeItem(at: current.appendingPathExtension("name"))
            for failure in failures { try Self.save(failure.bytes, fileName: failure.fileName) }
        }
        for failure in failures.prefix(20) { Issue.record("\(failure)") }
    }

    @Test func everySavedCrashInputIsReadCleanly() throws {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: Self.crashes.path)) ?? []
        let inputs = names.filter { !$0.hasPrefix(".") && $0 != "README.md" }.sorted()
        let fuzzer = ReaderFuzzer(seeds: [], random: SplitMix64(state: 0), caseTimeLimit: 10)
        for name in inputs {
            let bytes = [UInt8](try Data(contentsOf: Self.crashes.appendingPathComponent(name)))
            if let reason = fuzzer.check(.init(name: name, bytes: bytes)) { Issue.record("\(name): \(reason)") }
        }
        print("replayed \(inputs.count) saved fuzz inputs")
    }

    /// Saves a failing input as `crash-HASH.EXT`, keeping the extension that chose its reader.
    static func save(_ bytes: [UInt8], fileName: String) throws {
        try FileManager.default.createDirectory(at: crashes, withIntermediateDirectories: true)
        let ext = (fileName as NSString).pathExtension
        let name = "crash-\(SHA256.hex(of: bytes).prefix(16))" + (ext.isEmpty ? "" : ".\(ext)")
        try Data(bytes).write(to: crashes.appendingPathComponent(name))
    }
}
