import Foundation
import KremlinologyExtract
import KremlinologyIngest
import KremlinologyModel
import Testing

/// The extractor on mutated documents: a deterministic mutation loop over the seeds and our
/// own examples (a fixed seed, a bounded number of cases) that asserts no crash, every fact
/// and mention inside its text, every quote equal to its range, and no case over a time bound. The
/// readers have their own loop (`ReaderFuzzTests`); `Scripts/fuzz.sh` runs longer.
@Suite struct ExtractorFuzzTests {
    /// Cases in a normal run; `KREMLINOLOGY_EXTRACT_FUZZ_CASES` asks for more (`Scripts/fuzz.sh`).
    static var cases: Int { Int(ProcessInfo.processInfo.environment["KREMLINOLOGY_EXTRACT_FUZZ_CASES"] ?? "") ?? 150 }
    /// The fixed seed of CI, or `KREMLINOLOGY_FUZZ_SEED` to replay or explore.
    static var seed: UInt64 { UInt64(ProcessInfo.processInfo.environment["KREMLINOLOGY_FUZZ_SEED"] ?? "") ?? 20261201 }

    static func corpus() throws -> [String] {
        var folders = [Fixture.packageRoot.appendingPathComponent("Examples")]
        if Fixture.seedsPresent { folders.append(Fixture.seeds) }
        return try folders.flatMap { folder in
            try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().compactMap { name in
                try? DocumentReader().read(fileAt: folder.appendingPathComponent(name)).text
            }
        }
    }

    /// Cuts, repeats, case flips, punctuation storms and pasted fragments that push the
    /// clause analysis (negation, speech, coordination) to its edges.
    static let fragments = [" not ", " denied that ", " according to ", ", and ", " said that ", "\"", "(", ")", "...",
                            " Russia's ", " by ", " which ", "\n\n", " — ", "’s", " U.S. ", " 2014 ", "?!", "Путин ", "🙂"]

    @Test func mutatedDocumentsNeverCrashTheExtractorAndEveryFactIndexesItsText() throws {
        let texts = try Self.corpus()
        try #require(!texts.isEmpty)
        var random = FuzzRandom(seed: Self.seed)
        var failures: [String] = []
        for index in 0..<Self.cases {
            var text = Array(texts[index % texts.count].unicodeScalars)
            for _ in 0..<(1 + random.below(6)) {
                let at = random.below(text.count + 1)
                switch random.below(5) {
                case 0: text.removeSubrange(at..<min(text.count, at + random.below(400)))
                case 1: text.insert(contentsOf: Self.fragments[random.below(Self.fragments.count)].unicodeScalars, at: at)
                case 2:
                    let piece = text[at..<min(text.count, at + random.below(200))]
                    text.insert(contentsOf: Array(repeating: Array(piece), count: 1 + random.below(20)).flatMap { $0 }, at: at)
                case 3: for i in at..<min(text.count, at + 300) { text[i] = Unicode.Scalar(String(text[i]).uppercased()) ?? text[i] }
                default: text.insert(contentsOf: String(repeating: ",;:", count: random.below(300)).unicodeScalars, at: at)
                }
            }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: text)
            let mutated = String(view)
            let start = Date()
            let result = Fixture.extractor.extract(ExtractionInput(text: mutated, documentName: "fuzz-\(index).txt"), explain: index % 10 == 0)
            let bytes = mutated.utf8.count
            for r in result.relations {
                if !(0 <= r.range.start && r.range.start <= r.range.end && r.range.end <= bytes) {
                    failures.append("case \(index): relation range \(r.range) outside \(bytes) bytes")
                } else if mutated.slice(r.range) != r.quote {
                    failures.append("case \(index): quote differs from its range \(r.range)")
                }
            }
            // A mention's text may be what it refers to ("it" → Russia); its range must still index the text.
            for m in result.mentions where !(0 <= m.range.start && m.range.start <= m.range.end && m.range.end <= bytes) {
                failures.append("case \(index): mention \(m.text) at \(m.range) outside \(bytes) bytes")
            }
            if Date().timeIntervalSince(start) > 20 { failures.append("case \(index): took over 20 s") }
        }
        #expect(failures.isEmpty, "seed \(Self.seed): \(failures.prefix(10))")
    }
}

/// SplitMix64: a small deterministic generator, so that a failing case can be replayed.
struct FuzzRandom {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(bound, 1))) }
}
